import type { Module, ModuleContext } from '../../kernel/module.ts';
import { CATALOG_CHANGED_CHANNEL, createCatalogRepository } from './catalog.repository.ts';
import { catalogRoutes } from './catalog.routes.ts';
import { createCatalogService } from './catalog.service.ts';

export { seedCatalog } from './catalog.seed.ts';
export type { CatalogService } from './catalog.service.ts';

/** A safety net for a missed notification (e.g. the listening connection was down). */
const FINGERPRINT_CHECK_MS = 30_000;

/** The procedure catalogue (thủ tục hành chính): import, details, ranked search. */
export function createCatalogModule(context: ModuleContext) {
  const service = createCatalogService({ repository: createCatalogRepository(context.database.db), logger: context.logger });
  let unlisten: (() => Promise<void>) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const module: Module = {
    name: 'catalog',
    routes: catalogRoutes(service),
    async warmUp() {
      await service.reload();
      const listener = await context.database.sql.listen(CATALOG_CHANGED_CHANNEL, () => {
        service.reload().catch((error: unknown) => context.logger.error({ err: error }, 'catalogue reload failed'));
      });
      unlisten = () => listener.unlisten();
      timer = setInterval(() => {
        service.reloadIfChanged().catch((error: unknown) => context.logger.warn({ err: error }, 'catalogue fingerprint check failed'));
      }, FINGERPRINT_CHECK_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await unlisten?.();
    },
    readiness: () => service.readiness(),
  };
  return { ...module, service };
}
