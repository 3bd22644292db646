import type { z } from 'zod';
import type { ProcedureDetailView, ProcedureSummaryView } from '@congso/contracts';
import type { Logger } from 'pino';
import { notFound } from '../../kernel/errors.ts';
import type { CatalogRepository, IndexRow, ProcedureRow } from './catalog.repository.ts';
import { createAnswerEncoder, type AnswerEncoder } from './search-answer-json.ts';
import { buildSearchIndex, type Facets, type SearchDoc, type SearchIndex } from './search/search-index.ts';

type Summary = z.infer<typeof ProcedureSummaryView>;
type Level = Summary['levels'][number];

export type ProcedureSearch = {
  q?: string | undefined;
  level?: Level | Level[] | undefined;
  field?: string | undefined;
  agency?: string | undefined;
  page: number;
  pageSize: number;
};

function timeLimitOf(row: Pick<ProcedureRow, 'timeLimitValue' | 'timeLimitUnit' | 'timeLimitChannel' | 'timeLimitText'>) {
  if (row.timeLimitValue === null || !row.timeLimitUnit) return null;
  return { value: Number(row.timeLimitValue), unit: row.timeLimitUnit, channel: row.timeLimitChannel ?? '', text: row.timeLimitText ?? '' };
}

function names(list: unknown): string[] {
  return Array.isArray(list) ? list.map((item) => (item as { name?: unknown }).name).filter((n): n is string => typeof n === 'string') : [];
}

/** The secondary text a citizen might search by: field, agencies, documents, results, applicants. */
function bodyOf(row: IndexRow): string {
  const agencies = row.agencies as Record<string, unknown>;
  const agencyText = Object.values(agencies).flatMap((v) => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []));
  return [row.field ?? '', ...row.applicantTypes, ...agencyText, ...names(row.documents), ...names(row.results), row.requirements ?? ''].join('\n');
}

/** What every view of a procedure starts with. */
function identityOf(row: IndexRow | ProcedureRow) {
  return { code: row.code, name: row.name, field: row.field, levels: row.levels as Level[], timeLimit: timeLimitOf(row) };
}

function toSummary(row: IndexRow): Summary {
  return { ...identityOf(row), implementingAgencies: row.implementingAgencies };
}

export function toDetail(row: ProcedureRow): ProcedureDetailView {
  const agencies = row.agencies as ProcedureDetailView['agencies'];
  return {
    ...identityOf(row),
    decisionNumber: row.decisionNumber,
    levelLabels: row.levelLabels,
    procedureType: row.procedureType,
    applicantTypes: row.applicantTypes,
    agencies,
    channels: row.channels as ProcedureDetailView['channels'],
    documents: row.documents as ProcedureDetailView['documents'],
    legalBases: row.legalBases as ProcedureDetailView['legalBases'],
    results: row.results as ProcedureDetailView['results'],
    steps: row.steps,
    requirements: row.requirements,
    receiptCutoff: row.receiptCutoff,
    parse: { complete: row.parseComplete, issues: row.parseIssues },
    sourceUrl: row.sourceUrl,
  };
}

type SearchAnswer = {
  items: (Summary & { score: number; matchedInName: boolean })[];
  page: number;
  pageSize: number;
  total: number;
  facets: ReturnType<typeof mutableFacets>;
};

/** Search answers carry the most frequent fields only; GET /procedures/facets has them all. */
export const SEARCH_FIELD_FACET_LIMIT = 20;

function mutableFacets(facets: Facets, fieldLimit = Infinity) {
  return {
    levels: facets.levels.map((f) => ({ value: f.value, count: f.count })),
    fields: facets.fields.slice(0, fieldLimit).map((f) => ({ value: f.value, count: f.count })),
  };
}

const procedureNotFound = (code: string) =>
  notFound('catalog.procedure_not_found', { vi: `Không có thủ tục hành chính mã ${code}.`, en: `No procedure with code ${code}.` }, { procedureCode: code });

/**
 * The catalogue: details from PostgreSQL, search from an in-memory index rebuilt from PostgreSQL
 * whenever the catalogue changes (ADR 0003).
 */
export function createCatalogService(deps: { repository: CatalogRepository; logger: Logger }) {
  const { repository, logger } = deps;
  let state: { index: SearchIndex; summaries: Map<string, Summary>; encoder: AnswerEncoder; fingerprint: string; builtAt: Date } | undefined;
  let reloading: Promise<void> | undefined;
  /** Incremented at every rebuild, so caches of derived answers (here and in routes) can key on it. */
  let version = 0;

  async function rebuild(): Promise<void> {
    const started = performance.now();
    const fingerprint = await repository.fingerprint();
    const rows = await repository.listForIndex();
    const docs: SearchDoc[] = rows.map((row) => ({
      id: row.code,
      name: row.name,
      body: bodyOf(row),
      filters: { levels: row.levels, field: row.field, agencies: row.implementingAgencies },
    }));
    const summaries = new Map(rows.map((row) => [row.code, toSummary(row)]));
    state = { index: buildSearchIndex(docs), summaries, encoder: createAnswerEncoder(summaries.values()), fingerprint, builtAt: new Date() };
    version++;
    logger.info({ procedures: rows.length, ms: Math.round(performance.now() - started) }, 'catalogue search index built');
  }

  /** Rebuilds the index; concurrent calls share one rebuild. */
  function reload(): Promise<void> {
    reloading ??= rebuild().finally(() => (reloading = undefined));
    return reloading;
  }

  function current() {
    if (!state) throw new Error('The catalogue index is not loaded yet (warmUp not run)');
    return state;
  }

  return {
    reload,

    /** Rebuilds only when the catalogue changed since the last build (missed notification). */
    async reloadIfChanged(): Promise<void> {
      if (!state || (await repository.fingerprint()) !== state.fingerprint) await reload();
    },

    search(query: ProcedureSearch): SearchAnswer {
      const { index, summaries } = current();
      // Text with nothing searchable in it (emoji, punctuation) matches nothing; only an empty
      // query lists the catalogue.
      if (query.q !== undefined && query.q.trim() !== '' && !/[\p{L}\p{N}]/u.test(query.q)) {
        return { items: [], page: query.page, pageSize: query.pageSize, total: 0, facets: { levels: [], fields: [] } };
      }
      const levels = query.level === undefined ? undefined : Array.isArray(query.level) ? query.level : [query.level];
      const result = index.search({
        page: query.page,
        pageSize: query.pageSize,
        ...(query.q !== undefined ? { q: query.q } : {}),
        ...(levels ? { levels } : {}),
        ...(query.field ? { field: query.field } : {}),
        ...(query.agency ? { agency: query.agency } : {}),
      });
      const items = result.items.flatMap((hit) => {
        const summary = summaries.get(hit.id);
        return summary ? [{ ...summary, score: hit.score, matchedInName: hit.matched.name }] : [];
      });
      return { items, page: query.page, pageSize: query.pageSize, total: result.total, facets: mutableFacets(result.facets, SEARCH_FIELD_FACET_LIMIT) };
    },

    /** The search answer as JSON bytes (the ProcedurePage contract). */
    searchJson(query: ProcedureSearch): Buffer {
      return current().encoder.encode(this.search(query));
    },

    /** Changes whenever the index is rebuilt. */
    indexVersion: () => version,

    facets() {
      return mutableFacets(current().index.search({ page: 1, pageSize: 1 }).facets);
    },

    async getProcedure(code: string): Promise<ProcedureDetailView> {
      const row = await repository.findByCode(code);
      if (!row) throw procedureNotFound(code);
      return toDetail(row);
    },

    async getSource(code: string) {
      const row = await repository.findByCode(code);
      if (!row) throw procedureNotFound(code);
      return { code: row.code, sourceUrl: row.sourceUrl, fields: row.raw as Record<string, string> };
    },

    readiness: (): Record<string, number | string> =>
      state
        ? { procedures: state.index.size, indexBuiltAt: state.builtAt.toISOString(), indexVersion: version }
        : { procedures: 0 },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
