import type { Caller } from '../kernel/http/access.ts';
import type { createExchangeModule } from '../modules/exchange/index.ts';
import { ONE_STOP_SHOP_SUBSYSTEM, type RegistryData } from '../modules/dossiers/index.ts';

type ExchangeService = ReturnType<typeof createExchangeModule>['service'];

/**
 * The platform acting on the exchange's administration (demo data, the CLI): never a caller that a
 * bearer token can produce (the identity guard only yields citizens, officials and clients).
 */
export const PLATFORM_CALLER: Caller = { kind: 'platform', subject: 'platform' };

/**
 * Each agency's one-stop-shop system as a client subsystem of the gateway (`…/<agency>/mot-cua`):
 * the platform declares it the first time the agency asks a registry (an in-process client has no
 * OAuth account); reading still needs the access right that the provider's administrator grants.
 */
export function oneStopShops(exchange: () => ExchangeService, instance: string, agencyName: (code: string) => Promise<string | undefined>) {
  const declared = new Map<string, Promise<void>>();
  const subsystemOf = (agencyCode: string) => `${instance}/GOV/${agencyCode}/${ONE_STOP_SHOP_SUBSYSTEM}`;

  function declare(agencyCode: string): Promise<void> {
    let pending = declared.get(agencyCode);
    if (!pending) {
      pending = (async () => {
        const memberName = (await agencyName(agencyCode)) ?? agencyCode;
        await exchange().addProviders([{ memberClass: 'GOV', memberCode: agencyCode, memberName, subsystem: ONE_STOP_SHOP_SUBSYSTEM, subsystemName: `Hệ thống một cửa điện tử — ${memberName}`, services: [], events: [] }]);
      })();
      // A failed declaration is tried again on the next call.
      pending.catch(() => declared.delete(agencyCode));
      declared.set(agencyCode, pending);
    }
    return pending;
  }

  /** The dossiers module's registry port: a GET through the gateway as the agency's one-stop shop. */
  const registryData: RegistryData = async (request) => {
    await declare(request.agencyCode);
    const answer = await exchange().call({ client: subsystemOf(request.agencyCode), service: request.service, method: 'GET', path: request.path, userId: request.userId, purpose: request.purpose, issue: request.issue });
    return answer.status === 200 ? answer.body : undefined;
  };

  return { subsystemOf, declare, registryData };
}

/**
 * Demo data: each demo agency whose services fill forms from registries gets its one-stop-shop
 * subsystem and, from the registries' side, the access rights those forms need (what the providers'
 * administrators would grant through `PUT /api/v1/exchange/access-rights`).
 */
export async function grantDemoRegistryAccess(exchange: ExchangeService, agencyName: (code: string) => Promise<string | undefined>, services: readonly { agencyCode: string; prefill: readonly { service: string }[] }[]): Promise<number> {
  const shops = oneStopShops(() => exchange, exchange.instance, agencyName);
  let granted = 0;
  for (const service of services) {
    if (service.prefill.length === 0) continue;
    await shops.declare(service.agencyCode);
    for (const rule of service.prefill) {
      await exchange.administration.grant(PLATFORM_CALLER, { clientSubsystemId: shops.subsystemOf(service.agencyCode), serviceId: rule.service, mayDeferDisclosure: false });
      granted++;
    }
  }
  return granted;
}
