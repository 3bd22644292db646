import type { Punctuality } from './deadline.ts';
import { judge } from './phase-times.ts';

// Each consultation and liên thông leg is the consulted unit's or the receiving agency's own time
// (61/2018 Art. 19.5–19.7; Circular 01/2018 Art. 13 indicator 2): measured in office hours from the
// request to the answer (or to now while open) against the time it was given.

export type LegRecord = Readonly<{
  id: string;
  kind: 'consultation' | 'transfer';
  fromAgencyCode: string;
  toAgencyCode: string;
  toUnitCode: string | null;
  request: string;
  requestedAt: Date;
  allottedHours: number;
  dueAt: Date;
  status: 'open' | 'answered' | 'closed';
  answer: string | null;
  answeredAt: Date | null;
}>;

export type LegTime = Readonly<{
  id: string;
  kind: LegRecord['kind'];
  fromAgencyCode: string;
  toAgencyCode: string;
  toUnitCode: string | null;
  request: string;
  requestedAt: string;
  dueAt: string;
  status: LegRecord['status'];
  answer: string | null;
  answeredAt: string | null;
  allottedHours: number;
  usedHours: number;
  verdict: Punctuality | null;
}>;

/** A leg closed without an answer (the dossier was withdrawn or stopped) is not judged. */
export function legTimes(legs: readonly LegRecord[], now: string, hoursBetween: (from: string, to: string) => number): LegTime[] {
  return legs.map((leg) => {
    const until = leg.answeredAt?.toISOString() ?? now;
    const used = leg.status === 'closed' ? 0 : hoursBetween(leg.requestedAt.toISOString(), until);
    return {
      id: leg.id,
      kind: leg.kind,
      fromAgencyCode: leg.fromAgencyCode,
      toAgencyCode: leg.toAgencyCode,
      toUnitCode: leg.toUnitCode,
      request: leg.request,
      requestedAt: leg.requestedAt.toISOString(),
      dueAt: leg.dueAt.toISOString(),
      status: leg.status,
      answer: leg.answer,
      answeredAt: leg.answeredAt?.toISOString() ?? null,
      allottedHours: leg.allottedHours,
      usedHours: Math.round(used * 100) / 100,
      verdict: leg.status === 'closed' ? null : judge(used, leg.allottedHours, leg.status === 'answered'),
    };
  });
}
