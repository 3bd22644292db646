import type { Module, ModuleContext } from '../../kernel/module.ts';
import { createCalendarRepository } from './calendar.repository.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { createCalendarService } from './calendar.service.ts';

export { seedCalendar } from './calendar.seed.ts';
export type { CalendarService } from './calendar.service.ts';
export { WorkingCalendar } from './working-calendar.ts';
export { fromDayNumber, toDayNumber } from './civil-date.ts';
export type { DueResult, DayStatus, ReceiptOptions, Channel } from './working-calendar.ts';

/** The legal working-day calendar (lịch làm việc) every deadline uses. */
export function createCalendarModule(context: ModuleContext) {
  const service = createCalendarService({ repository: createCalendarRepository(context.database.db) });
  const module: Module = {
    name: 'calendar',
    routes: calendarRoutes(service),
    warmUp: () => service.reload(),
    readiness: () => ({ loaded: service.isReady() }),
  };
  return { ...module, service };
}
