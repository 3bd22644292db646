import type { Punctuality } from './deadline.ts';

// Per-dossier handling indicators of Circular 01/2018/TT-VPCP (domain-vn.md §1.6). Art. 13 lists nine
// indicators scored 2, 1 or 0; Art. 14 scores 1, 2, 3, 4, 6 and 7 on each dossier (5, 8 and 9 are
// per unit and live elsewhere; 6 is scored both ways, here from the procedure the dossier used).
// Art. 15.2 averages each indicator over the dossiers. A score is `null` while the stage it measures
// has not been reached, so an open dossier neither helps nor hurts the average.

export type IndicatorNumber = 1 | 2 | 3 | 4 | 6 | 7;
export const PER_DOSSIER_INDICATORS: readonly IndicatorNumber[] = [1, 2, 3, 4, 6, 7];

export type Score = 0 | 1 | 2;

export type DossierFacts = Readonly<{
  /** A decision (approved or rejected) has been made. */
  finished: boolean;
  /** The result has been handed back (state result_returned). */
  returned: boolean;
  /** Decision time against the legal time limit (deadline.ts `punctuality`). */
  punctuality: Punctuality | null;
  /** One verdict per phase or unit that took part (phase-times.ts); `null` for one still open. */
  unitVerdicts: readonly (Punctuality | null)[];
  /** Supplement requests counted against the agency; the caller leaves out those the applicant caused. */
  supplementRequests: number;
  channel: 'online' | 'in_person' | 'postal';
  /** How the result went back to the applicant. */
  resultDelivery: readonly ('electronic' | 'pickup' | 'post')[];
  /** Agencies other than the Bộ phận Một cửa the applicant had to go to. */
  agenciesContacted: number;
  publication: Readonly<{ electronic: boolean; postedAtOffice: boolean }>;
  /** Return of the result against the appointment on the receipt. */
  returnPunctuality: Punctuality | null;
  substantiatedComplaints: number;
}>;

export type DossierScores = Readonly<Record<IndicatorNumber, Score | null>>;

const BY_PUNCTUALITY: Readonly<Record<Punctuality, Score>> = { early: 2, on_time: 1, late: 0 };

/** Counts come from the caller's queries; a negative or fractional one is a bug there, not a score. */
function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
}

/** Indicator 1: total processing time shorter than, equal to or longer than the legal limit. */
export function scoreProcessingTime(facts: Pick<DossierFacts, 'finished' | 'punctuality'>): Score | null {
  return facts.finished && facts.punctuality ? BY_PUNCTUALITY[facts.punctuality] : null;
}

/**
 * Indicator 2: every participating unit against its own allotment. One late unit is enough for 0
 * ("longer"); 2 needs every judged unit early. Judged only once the decision is made, because a unit
 * that is early now may still be followed by one that overruns. A finished dossier with no judged
 * unit at all is a gap in the record, not a pass, so it stays unscored.
 */
export function scoreUnitTimes(facts: Pick<DossierFacts, 'finished' | 'unitVerdicts'>): Score | null {
  if (!facts.finished) return null;
  const judged = facts.unitVerdicts.filter((verdict): verdict is Punctuality => verdict !== null);
  if (judged.length === 0) return null;
  if (judged.includes('late')) return 0;
  return judged.every((verdict) => verdict === 'early') ? 2 : 1;
}

/**
 * Indicator 3: contacts with the reception point needed to complete the dossier — none, one, more
 * than one. Art. 13 excuses requests the applicant caused; the caller has already left those out.
 * A request can still come until the decision, so the count is final only then.
 */
export function scoreSupplementContacts(facts: Pick<DossierFacts, 'finished' | 'supplementRequests'>): Score | null {
  assertCount('supplementRequests', facts.supplementRequests);
  if (!facts.finished) return null;
  return facts.supplementRequests === 0 ? 2 : facts.supplementRequests === 1 ? 1 : 0;
}

/**
 * Indicator 4: agencies the applicant had to contact — none, only the Bộ phận Một cửa, more than one.
 * Inter-agency steps (liên thông) are passed between agencies, so any agency the applicant still had
 * to visit means more than one. "None" means never coming to an office: filed online or by post and
 * the result sent back electronically or by post; an unrecorded delivery cannot show that, so it
 * scores as the one-stop shop only. Known only once the result has gone back.
 */
export function scoreAgenciesContacted(facts: Pick<DossierFacts, 'returned' | 'channel' | 'resultDelivery' | 'agenciesContacted'>): Score | null {
  assertCount('agenciesContacted', facts.agenciesContacted);
  if (!facts.returned) return null;
  if (facts.agenciesContacted > 0) return 0;
  const remoteFiling = facts.channel === 'online' || facts.channel === 'postal';
  const remoteResult = facts.resultDelivery.length > 0 && !facts.resultDelivery.includes('pickup');
  return remoteFiling && remoteResult ? 2 : 1;
}

/** Indicator 6: the procedure posted at the office and published electronically — both, one, neither. */
export function scorePublication(facts: Pick<DossierFacts, 'publication'>): Score {
  return ((facts.publication.electronic ? 1 : 0) + (facts.publication.postedAtOffice ? 1 : 0)) as Score;
}

/**
 * Indicator 7: staff attitude, read from the return of the result — early, on time — unless a
 * complaint about the dossier was substantiated, which scores 0 whenever it comes. A late return
 * scores 0 too: the table gives 1 only to an on-time return.
 */
export function scoreStaffAttitude(facts: Pick<DossierFacts, 'returned' | 'returnPunctuality' | 'substantiatedComplaints'>): Score | null {
  assertCount('substantiatedComplaints', facts.substantiatedComplaints);
  if (facts.substantiatedComplaints > 0) return 0;
  return facts.returned && facts.returnPunctuality ? BY_PUNCTUALITY[facts.returnPunctuality] : null;
}

/** All per-dossier indicators of one dossier (Art. 14); `null` where its stage is not reached yet. */
export function scoreDossier(facts: DossierFacts): DossierScores {
  // A result goes back only after a decision (61/2018 Art. 20), so this is the caller's mistake.
  if (facts.returned && !facts.finished) throw new RangeError('a dossier cannot be returned before it is finished');
  return {
    1: scoreProcessingTime(facts),
    2: scoreUnitTimes(facts),
    3: scoreSupplementContacts(facts),
    4: scoreAgenciesContacted(facts),
    6: scorePublication(facts),
    7: scoreStaffAttitude(facts),
  };
}

export type AggregateScores = Readonly<{ averages: Record<IndicatorNumber, number | null>; scored: Record<IndicatorNumber, number>; dossiers: number }>;

function perIndicator<T>(value: (indicator: IndicatorNumber) => T): Record<IndicatorNumber, T> {
  return { 1: value(1), 2: value(2), 3: value(3), 4: value(4), 6: value(6), 7: value(7) };
}

/**
 * Art. 15.2: per indicator, the sum of the scores over the dossiers scored ÷ their number, rounded to
 * 1 decimal; `null` when none was scored. Unscored dossiers are left out of both sums, so an open
 * dossier does not pull the average down. Sums and counts are integers, so `sum * 10 / count` lands
 * exactly on .5 when it should and Math.round rounds halves up, as "làm tròn" does (1.35 → 1.4).
 */
export function aggregateScores(scores: readonly DossierScores[]): AggregateScores {
  const sums = perIndicator(() => 0);
  const scored = perIndicator(() => 0);
  for (const dossier of scores) {
    for (const indicator of PER_DOSSIER_INDICATORS) {
      const score = dossier[indicator];
      if (score === null) continue;
      sums[indicator] += score;
      scored[indicator] += 1;
    }
  }
  const averages = perIndicator((indicator) => (scored[indicator] === 0 ? null : Math.round((sums[indicator] * 10) / scored[indicator]) / 10));
  return { averages, scored, dossiers: scores.length };
}
