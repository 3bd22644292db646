// What a local provider (a member system served by this installation, e.g. the base registries) hands
// the gateway. Structural types: the registries module builds them without importing this module.

export type ProviderRequest = {
  method: string;
  /** The path after the service code: '' or '/…'. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** X-Road-UserId: the person acting in the client system. */
  userId: string | null;
  purpose: string | null;
  messageId: string;
};
export type ProviderResponse = { status: number; body: unknown; dataSubjects?: { personalId: string; data: string }[] };
export type ProvidedService = {
  code: string;
  title: { vi: string; en: string };
  openapi: Record<string, unknown>;
  personalData: boolean;
  handle(request: ProviderRequest): Promise<ProviderResponse>;
};
export type ProvidedEvent = { code: string; topic: string; title: { vi: string; en: string } };
export type LocalProvider = {
  memberClass: 'GOV';
  memberCode: string;
  memberName: string;
  subsystem: string;
  subsystemName: string;
  services: ProvidedService[];
  events: ProvidedEvent[];
};

/** One read of a person's data and its recorder: the tracker's port, shared through the kernel. */
export type { DataAccess, DataAccessRecorder } from '../../kernel/data-access.ts';
