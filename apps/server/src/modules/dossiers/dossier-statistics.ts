import { vietnamDate } from '../../kernel/clock.ts';
import { DomainError } from '../../kernel/errors.ts';
import { decide, type ApiCaller } from '../identity/index.ts';
import { REFUSALS, type DossierCore } from './dossier-core.ts';
import type { AuditEntry } from './domain/audit-chain.ts';
import { punctuality } from './domain/deadline.ts';
import { aggregateScores, scoreDossier, type DossierFacts, type DossierScores } from './domain/indicators.ts';
import { legTimes } from './domain/leg-times.ts';
import { phaseTimes } from './domain/phase-times.ts';
import type { DossierRow, LegRow } from './dossiers.repository.ts';
import type { StoredService } from './service-terms.ts';
import { QUEUES } from './dossier-reads.ts';

// An agency's one-stop-shop statistics for a period and the Circular 01/2018 per-dossier indicators
// (Arts. 13–15). A dossier counts once, for the agency that received it; what other agencies did for
// it (consultations, liên thông steps) counts as their legs, never as dossiers of theirs, so summing
// agencies never counts a dossier twice.

/** The facts Circular 01/2018 scores a dossier on, from its row, audit entries and legs. */
export function dossierFacts(row: DossierRow, entries: readonly AuditEntry[], legs: readonly LegRow[], stored: StoredService, now: string, hoursBetween: (from: string, to: string) => number): DossierFacts {
  const phases = phaseTimes(entries, stored.steps, now, hoursBetween);
  const legVerdicts = legTimes(legs, now, hoursBetween).filter((leg) => leg.status !== 'closed').map((leg) => leg.verdict);
  const due = row.dueDate && row.dueAt ? { dueDate: row.dueDate, dueAt: row.dueAt.toISOString() } : null;
  const localDate = (at: string) => vietnamDate(new Date(at));
  return {
    finished: row.finishedAt !== null,
    returned: row.returnedAt !== null && row.finishedAt !== null,
    punctuality: row.punctuality,
    unitVerdicts: [...phases.map((phase) => phase.verdict), ...legVerdicts],
    supplementRequests: entries.filter((entry) => entry.action === 'request_supplement').length,
    channel: row.channel,
    resultDelivery: (row.resultDelivery ?? []) as DossierFacts['resultDelivery'],
    // Every step of the applicant's goes through the receiving one-stop shop; other agencies are
    // reached by the dossier (consultation, liên thông), never by the applicant.
    agenciesContacted: 0,
    publication: { electronic: true, postedAtOffice: stored.terms.postedAtOffice },
    returnPunctuality: row.returnedAt && due ? punctuality(row.returnedAt.toISOString(), due, localDate) : null,
    // Complaints and their outcome are not recorded by the platform yet: indicator 7 rests on the
    // return of the result against the appointment alone.
    substantiatedComplaints: 0,
  };
}

/** The period is given in Vietnam dates, `to` included. */
const periodBounds = (from: string, to: string) => ({ from: new Date(`${from}T00:00:00+07:00`), to: new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000) });

const PAGE = 500;

export function createDossierStatistics(core: DossierCore) {
  const { deps, repository } = core;

  /** Scores, per Art. 15.2, the dossiers the agency received that were decided in the period. */
  async function indicatorsOf(agencyCode: string, from: Date, to: Date, now: Date) {
    const calendar = deps.calendar();
    const hoursBetween = (a: string, b: string) => calendar.workingHoursBetween(a, b);
    const scores: DossierScores[] = [];
    for (let afterId: string | null = null; ; ) {
      const rows = await repository.decidedPage({ agencyCode, from, to, afterId, limit: PAGE });
      const ids = rows.map((row) => row.id);
      const [audit, legs] = await Promise.all([repository.auditOf(ids), repository.legsOf(ids)]);
      for (const row of rows) {
        const stored = await core.loadService(row);
        const entries = audit.filter((a) => a.dossierId === row.id).map((a) => a.entry as AuditEntry);
        scores.push(scoreDossier(dossierFacts(row, entries, legs.filter((l) => l.dossierId === row.id), stored, now.toISOString(), hoursBetween)));
      }
      if (rows.length < PAGE) break;
      afterId = rows.at(-1)?.id ?? null;
    }
    return aggregateScores(scores);
  }

  return {
    /** An agency's statistics for a period (Vietnam dates, `to` included): for officials who may read its dossiers. */
    async statistics(caller: ApiCaller, agencyCode: string, fromDate: string, toDate: string) {
      const decision = decide(await deps.actorFor(caller), 'dossiers:read', { agencyCode, unitCode: null }, core.today());
      if (decision === 'hidden') throw REFUSALS.agency_not_found();
      if (decision === 'forbidden') throw REFUSALS.not_allowed();
      if (toDate < fromDate) throw new DomainError('invalid', 'dossiers.bad_period', { vi: 'Khoảng thời gian không hợp lệ.', en: 'Invalid period.' });
      const { from, to } = periodBounds(fromDate, toDate);
      const now = deps.clock.now();
      const [counts, legCounts, indicators] = await Promise.all([
        repository.periodCounts({ agencyCode, from, to, now, inProgress: QUEUES.overdue }),
        repository.legCounts({ agencyCode, from, to, now }),
        indicatorsOf(agencyCode, from, to, now),
      ]);
      const n = (key: string) => Number(counts[key] ?? 0);
      const legsOf = (kind: LegRow['kind']) => {
        const found = legCounts.find((row) => row.kind === kind);
        return { asked: found?.asked ?? 0, answered: found?.answered ?? 0, answeredLate: found?.answered_late ?? 0, openOverdue: found?.open_overdue ?? 0 };
      };
      return {
        agencyCode,
        from: fromDate,
        to: toDate,
        received: { total: n('received'), online: n('online'), inPerson: n('in_person'), postal: n('postal') },
        decided: { total: n('decided'), early: n('early'), onTime: n('on_time'), late: n('late') },
        returned: n('returned'),
        inProgress: { total: n('in_progress'), overdue: n('overdue') },
        legs: { consultation: legsOf('consultation'), transfer: legsOf('transfer') },
        indicators,
      };
    },
  };
}
