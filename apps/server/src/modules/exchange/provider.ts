// What a local provider (a member system served by this installation, e.g. the base registries) hands
// the gateway, and the data tracker's port: both shared through the kernel.

export type { LocalProvider, ProvidedEvent, ProvidedService, ProviderRequest, ProviderResponse } from '../../kernel/exchange-provider.ts';
export type { DataAccess, DataAccessRecorder } from '../../kernel/data-access.ts';
