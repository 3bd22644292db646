import type { WorkingCalendar } from '../../calendar/index.ts';

// Deadlines of a dossier (domain-vn.md §1.5, 2025 update §3). The time limit runs from the effective
// receipt (309/2026 Art. 8(3)); a supplement requested during processing either restarts the whole
// limit from the complete resubmission (61/2018 Art. 19.4, the default) or pauses it (as the 766
// scoring measures) — configurable per service because the 118/2025 text is unconfirmed.

export type ClockRule = 'restart' | 'pause';

export type TimeLimit = Readonly<{ workingDays: number; cutoff: string | null; channel: 'online' | 'in_person' }>;

/** Due date for a limit counted from an instant (reception, or a complete resubmission on restart). */
export function dueFrom(calendar: WorkingCalendar, from: string, limit: TimeLimit): { dueDate: string; dueAt: string } {
  const due = calendar.dueByWorkingDays(from, limit.workingDays, { channel: limit.channel, cutoff: limit.cutoff });
  return { dueDate: due.dueDate, dueAt: due.dueAt };
}

/**
 * The due date after a supplement: `restart` counts the whole limit again from the resubmission;
 * `pause` keeps the working days that were left when the supplement was requested.
 */
export function dueAfterSupplement(
  calendar: WorkingCalendar,
  rule: ClockRule,
  current: { dueDate: string },
  requestedOn: string,
  resubmittedAt: string,
  limit: TimeLimit,
): { dueDate: string; dueAt: string } {
  if (rule === 'restart') return dueFrom(calendar, resubmittedAt, limit);
  // Never more than the whole limit (a request dated before the effective receipt day counts from it).
  const left = Math.min(limit.workingDays, Math.max(0, calendar.workingDaysBetween(requestedOn, current.dueDate)));
  return dueFrom(calendar, resubmittedAt, { ...limit, workingDays: left });
}

export type RescheduleCheck = { ok: true } | { ok: false; reason: 'too_late' | 'not_later' };

/**
 * 61/2018 Art. 19.9: the apology and new appointment go out at least one working day before the due
 * date (so not on the due date or after it), and the new date must be later than the current one.
 */
export function checkReschedule(calendar: WorkingCalendar, today: string, currentDueDate: string, newDueDate: string): RescheduleCheck {
  if (calendar.workingDaysBetween(today, currentDueDate) < 1) return { ok: false, reason: 'too_late' };
  if (newDueDate <= currentDueDate) return { ok: false, reason: 'not_later' };
  return { ok: true };
}

export type Punctuality = 'early' | 'on_time' | 'late';

/** Circular 01/2018 Art. 13 indicator 1: shorter than, equal to, or longer than the time limit. */
export function punctuality(finishedAt: string, due: { dueDate: string; dueAt: string }, localDateOf: (instant: string) => string): Punctuality {
  if (Date.parse(finishedAt) > Date.parse(due.dueAt)) return 'late';
  return localDateOf(finishedAt) < due.dueDate ? 'early' : 'on_time';
}
