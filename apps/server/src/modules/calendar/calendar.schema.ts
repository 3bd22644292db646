import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const calendarSchema = pgSchema('calendar');

/**
 * A year whose civil-service schedule the government has announced. For such a year the days in
 * `day_override` are the whole truth (Labour Code 2019 Art. 112(3): the Prime Minister fixes the Tết
 * days and the extra National Day day); other years fall back to the rules computed from Art. 112(1).
 */
export const announcedYear = calendarSchema.table('announced_year', {
  year: integer('year').primaryKey(),
  sourceNote: text('source_note').notNull(),
  unconfirmed: jsonb('unconfirmed').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** One announced day: a weekday off, a weekend holiday that triggers nghỉ bù, or a Saturday worked. */
export const dayOverride = calendarSchema.table(
  'day_override',
  {
    date: date('date').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['holiday', 'compensatory', 'swapped_off', 'extra_working_day'] }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** For a Saturday worked: the weekday it replaces. */
    replaces: date('replaces'),
    source: text('source').notNull(),
  },
  // `year` is the schedule the day was announced with; the date may fall in the next or previous
  // calendar year (a Tết Dương lịch arrangement announced with the new year can reach back to 31/12).
  (t) => [index('day_override_year_idx').on(t.year)],
);

/**
 * Office hours per scope ('default' or an agency code). Intervals are local times of Vietnam
 * (UTC+7, no daylight saving). QĐ 188/1999/QĐ-TTg: 40 hours over Monday–Friday.
 */
export const officeHours = calendarSchema.table('office_hours', {
  scope: text('scope').primaryKey(),
  intervals: jsonb('intervals').$type<{ start: string; end: string }[]>().notNull(),
  receivesOnSaturdayMorning: boolean('receives_on_saturday_morning').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});
