import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createTrackerRepository } from './tracker.repository.ts';
import { trackerRoutes } from './tracker.routes.ts';
import { createTrackerService } from './tracker.service.ts';

export type { DataAccess } from './data-access.ts';
export type { DataAccessRecorder, TrackerService } from './tracker.service.ts';

export type TrackerPorts = {
  /** An agency's name for the citizen's list; undefined when the code is not in the directory. */
  agencyName: (code: string) => Promise<string | undefined>;
};

/**
 * The data tracker (Estonia's Andmejälgija; nhật ký khai thác dữ liệu cá nhân): every read of a
 * person's data through the gateway or by an official, shown to that person. Append-only.
 */
export function createTrackerModule(context: ModuleContext, ports: TrackerPorts) {
  const repository = createTrackerRepository(context.database.db);
  const service = createTrackerService({ repository, clock: context.clock, agencyName: ports.agencyName });
  const module: Module = { name: 'tracker', routes: trackerRoutes(service) };
  return { ...module, service };
}
