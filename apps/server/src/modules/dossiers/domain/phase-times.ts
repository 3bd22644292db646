import type { AuditEntry } from './audit-chain.ts';
import type { Punctuality } from './deadline.ts';
import type { DossierState } from './lifecycle.ts';

// Time each unit spent on a dossier against the time its steps were allotted (Circular 01/2018
// Art. 13, indicator 2: "thời gian giải quyết của từng cơ quan, đơn vị" — shorter, equal, longer).
// Read from the audit entries: a dossier is in one state between two entries, and each state belongs
// to one phase. Waiting for the applicant (supplement, payment) belongs to nobody.

export type Phase = 'reception' | 'handling' | 'approval' | 'result';
export const PHASES: readonly Phase[] = ['reception', 'handling', 'approval', 'result'];

const PHASE_OF: Partial<Record<DossierState, Phase>> = {
  submitted: 'reception',
  received: 'reception',
  handling: 'handling',
  // While another unit or agency gives its opinion or does its liên thông step, the time is theirs,
  // measured on their leg (leg-times.ts), so no unit's time is counted twice.
  awaiting_approval: 'approval',
  approved: 'result',
  rejected: 'result',
};

/** A process step of the service, with its allotment in working hours. */
export type AllottedStep = Readonly<{ role: 'receptionist' | 'handler' | 'leader'; hours: number }>;

export type PhaseTime = Readonly<{ phase: Phase; allottedHours: number; usedHours: number; finished: boolean; verdict: Punctuality | null }>;

/** Hours below this difference count as equal (clock granularity). */
const EQUAL_WITHIN_HOURS = 1 / 60;

/**
 * Allotments per phase: the first receptionist step is reception, any later one the return of the
 * result; handler steps are handling, leader steps approval.
 */
export function allotmentsByPhase(steps: readonly AllottedStep[]): Record<Phase, number> {
  const totals: Record<Phase, number> = { reception: 0, handling: 0, approval: 0, result: 0 };
  let receptionSeen = false;
  for (const step of steps) {
    if (step.role === 'receptionist') {
      totals[receptionSeen ? 'result' : 'reception'] += step.hours;
      receptionSeen = true;
    } else {
      totals[step.role === 'handler' ? 'handling' : 'approval'] += step.hours;
    }
  }
  return totals;
}

/**
 * Office hours each phase has taken so far (`now` closes the phase the dossier is in), and how that
 * compares with its allotment: a finished phase is early, on time or late; an open one is late as soon
 * as it has overrun, otherwise not judged yet.
 */
export function phaseTimes(entries: readonly AuditEntry[], steps: readonly AllottedStep[], now: string, hoursBetween: (from: string, to: string) => number): PhaseTime[] {
  const used: Record<Phase, number> = { reception: 0, handling: 0, approval: 0, result: 0 };
  const seen = new Set<Phase>();
  let open: Phase | undefined;
  for (const [index, entry] of entries.entries()) {
    const phase = PHASE_OF[entry.to as DossierState];
    const until = entries[index + 1]?.at ?? now;
    if (phase) {
      used[phase] += hoursBetween(entry.at, until);
      seen.add(phase);
    }
    open = index === entries.length - 1 ? phase : open;
  }
  const allotted = allotmentsByPhase(steps);
  return PHASES.filter((phase) => seen.has(phase)).map((phase) => {
    const finished = phase !== open;
    return { phase, allottedHours: allotted[phase], usedHours: Math.round(used[phase] * 100) / 100, finished, verdict: judge(used[phase], allotted[phase], finished) };
  });
}

/** A finished stretch of work is early, on time or late; an open one is late once it has overrun. */
export function judge(usedHours: number, allottedHours: number, finished: boolean): Punctuality | null {
  const over = usedHours - allottedHours;
  if (over > EQUAL_WITHIN_HOURS) return 'late';
  if (!finished) return null;
  return Math.abs(over) <= EQUAL_WITHIN_HOURS ? 'on_time' : 'early';
}
