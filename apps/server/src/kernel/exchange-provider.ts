// The exchange gateway's provider port: what a member system served by this installation (e.g. the
// base registries) hands the gateway — its member, subsystem, services with OpenAPI descriptions and
// handlers, and the events it publishes. Kept in the kernel, like the AccessGuard and the data
// tracker's port, so the providers and the gateway share one shape without importing each other.

/** X-Road-UserId and X-Road-Issue as the gateway accepts them: 1–200 visible ASCII characters. */
export const XROAD_HEADER_TEXT = /^[\x20-\x7e]{1,200}$/;

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
export type ProviderResponse = {
  status: number;
  body: unknown;
  /** Whose personal data the answer holds and which, for the citizen's data tracker. */
  dataSubjects?: { personalId: string; data: string }[];
};
export type ProvidedService = {
  code: string;
  title: { vi: string; en: string };
  /** OpenAPI 3.1 document of this service. */
  openapi: Record<string, unknown>;
  personalData: boolean;
  handle(request: ProviderRequest): Promise<ProviderResponse>;
};
export type ProvidedEvent = {
  code: string;
  topic: string;
  title: { vi: string; en: string };
  /**
   * Whose personal data an event of this service carries, and which: each subscriber it is delivered
   * to has read it, and the citizen's data tracker records that like a call.
   */
  dataSubjects?: (payload: unknown) => { personalId: string; data: string }[];
};
export type LocalProvider = {
  memberClass: 'GOV';
  memberCode: string;
  memberName: string;
  subsystem: string;
  subsystemName: string;
  services: ProvidedService[];
  events: ProvidedEvent[];
};
