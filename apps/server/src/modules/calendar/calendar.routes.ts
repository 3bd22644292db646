import { DayStatusView, DueQuery, DueView, HolidaysQuery, HolidaysView, IsoDate } from '@congso/contracts';
import { z } from 'zod';
import { problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { CalendarService } from './calendar.service.ts';
import { PUBLIC } from '../../kernel/http/access.ts';

export function calendarRoutes(service: CalendarService) {
  return (app: App) => {
    app.get(
      '/api/v1/calendar/holidays',
      {
        config: PUBLIC,
        schema: {
          tags: ['calendar'],
          summary: 'Civil-service days off and Saturdays worked in a year',
          querystring: HolidaysQuery,
          response: { 200: HolidaysView, ...problemResponses },
        },
      },
      async (request) => service.holidays(request.query.year),
    );

    app.get(
      '/api/v1/calendar/due',
      {
        config: PUBLIC,
        schema: {
          tags: ['calendar'],
          summary: 'When a time limit in working days or working hours ends',
          description:
            'Counting starts on the working day after the (effective) receipt (Civil Code Art. 147); receipts on a day off, after office hours or after the cut-off count from the next working day.',
          querystring: DueQuery,
          response: { 200: DueView, ...problemResponses },
        },
      },
      async (request) => service.due(request.query),
    );

    app.get(
      '/api/v1/calendar/days/:date',
      {
        config: PUBLIC,
        schema: {
          tags: ['calendar'],
          summary: 'Whether a date is a working day, and why not',
          params: z.object({ date: IsoDate }),
          response: { 200: DayStatusView, ...problemResponses },
        },
      },
      async (request) => service.dayStatus(request.params.date),
    );
  };
}
