/**
 * Coverage report of the TTHC catalogue parser over the crawled corpus.
 *
 *   node apps/server/src/modules/catalog/tools/parse-report.ts [path/to/catalog.jsonl.gz]
 *
 * Prints how many records parse completely, the success rate of each field,
 * the most frequent issues and warnings, and a few failing records with the
 * source text that defeated the grammar, so the next grammar change can be
 * aimed and measured.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DIAGNOSED_FIELDS, maxTimeLimit, parseProcedure, type DiagnosedField, type ParsedProcedure } from '../parse/parse-procedure.ts';
import type { RecordField } from '../parse/procedure-record.ts';

const DEFAULT_CORPUS = fileURLToPath(
  new URL('../../../../../../data/vn-tthc-catalog/tthc_national_catalog_2026-07.jsonl.gz', import.meta.url),
);

// Source field shown next to a failing record, per diagnosed field.
const SOURCE_OF: Record<DiagnosedField, RecordField> = {
  code: 'ma_thu_tuc',
  name: 'ten_thu_tuc',
  levels: 'cap_thuc_hien',
  agencies: 'co_quan_thuc_hien',
  channels: 'cach_thuc_thuc_hien',
  documents: 'thanh_phan_ho_so',
  legalBases: 'can_cu_phap_ly',
  results: 'ket_qua_xu_ly',
};
const AGENCY_SOURCE: Record<string, RecordField> = {
  competent: 'co_quan_co_tham_quyen',
  implementing: 'co_quan_thuc_hien',
  delegated: 'co_quan_duoc_uy_quyen',
  coordinating: 'co_quan_phoi_hop',
};

function sourceFieldOf(issue: string): RecordField {
  const [field = '', detail = ''] = issue.split('.');
  if (field === 'agencies') return AGENCY_SOURCE[detail.split('_')[0] ?? ''] ?? SOURCE_OF.agencies;
  return SOURCE_OF[field as DiagnosedField];
}

const EXAMPLES_PER_ISSUE = 2;
const SNIPPET = 220;

function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(2)}%`;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function table(map: Map<string, number>, total: number, limit: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([key, n]) => `  ${String(n).padStart(6)}  ${pct(n, total).padStart(7)}  ${key}`);
}

function readCorpus(path: string): unknown[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

function report(path: string): void {
  const records = readCorpus(path);
  const parsed: ParsedProcedure[] = [];
  const thrown: string[] = [];
  for (const [i, record] of records.entries()) {
    try {
      parsed.push(parseProcedure(record));
    } catch (error) {
      thrown.push(`line ${i + 1}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }

  const issues = new Map<string, number>();
  const warnings = new Map<string, number>();
  const fieldFailures = new Map<string, number>();
  const examples = new Map<string, ParsedProcedure[]>();
  for (const p of parsed) {
    for (const issue of p.diagnostics.issues) {
      count(issues, issue);
      const list = examples.get(issue) ?? [];
      if (list.length < EXAMPLES_PER_ISSUE) list.push(p);
      examples.set(issue, list);
    }
    for (const warning of p.diagnostics.warnings) count(warnings, warning);
    for (const field of new Set(p.diagnostics.issues.map((i) => i.split('.')[0] ?? ''))) count(fieldFailures, field);
  }
  const total = records.length;
  const complete = parsed.filter((p) => p.diagnostics.complete).length;
  const out: string[] = [];

  out.push(`TTHC catalogue parse report — ${path}`, '');
  out.push(`records            ${total}`);
  out.push(`parsed (no throw)  ${parsed.length}${thrown.length > 0 ? `  (${thrown.length} threw)` : ''}`);
  out.push(`complete           ${complete}  (${pct(complete, total)})`, '');

  out.push('per-field success (records without an issue for the field):');
  for (const field of DIAGNOSED_FIELDS) {
    const failed = fieldFailures.get(field) ?? 0;
    out.push(`  ${field.padEnd(12)} ${pct(parsed.length - failed, parsed.length).padStart(8)}   (${failed} failing)`);
  }

  const rows = parsed.flatMap((p) => p.channels);
  const limits = rows.flatMap((r) => r.timeLimits);
  const units = new Map<string, number>();
  for (const limit of limits) count(units, limit.unit);
  const documents = parsed.flatMap((p) => p.documents);
  const bases = parsed.flatMap((p) => p.legalBases);
  const results = parsed.flatMap((p) => p.results);
  out.push('', 'extracted:');
  out.push(`  channel rows   ${rows.length}  (with a fee amount: ${rows.filter((r) => r.fees.some((f) => f.amount !== null)).length}, marked free: ${rows.filter((r) => r.free).length})`);
  out.push(`  time limits    ${limits.length}  ${[...units].map(([u, n]) => `${u}=${n}`).join(' ')}`);
  out.push(`  deadline       ${parsed.filter((p) => maxTimeLimit(p) !== null).length} records have a usable maxTimeLimit`);
  out.push(`  documents      ${documents.length}  (with template files: ${documents.filter((d) => d.templates.length > 0).length}, in a named group: ${documents.filter((d) => d.group !== null).length})`);
  out.push(`  legal bases    ${bases.length}  (with number: ${bases.filter((b) => b.number !== null).length}, typed: ${bases.filter((b) => b.type !== null).length})`);
  out.push(`  results        ${results.length}  (with code: ${results.filter((r) => r.code !== null).length})`);

  out.push('', 'issues (make a record incomplete):', ...table(issues, total, 25));
  out.push('', 'warnings (source oddities parsed anyway):', ...table(warnings, total, 25));

  out.push('', 'examples of failures:');
  for (const [issue, list] of [...examples].sort((a, b) => (issues.get(b[0]) ?? 0) - (issues.get(a[0]) ?? 0))) {
    for (const p of list) {
      const source = p.raw[sourceFieldOf(issue)].replace(/\s+/g, ' ');
      out.push(`  [${issue}] ${p.code} (${p.sourceFolder ?? '?'}): ${source.slice(0, SNIPPET)}${source.length > SNIPPET ? '…' : ''}`);
    }
  }
  if (thrown.length > 0) out.push('', 'records that threw:', ...thrown.slice(0, 10).map((t) => `  ${t}`));
  console.log(out.join('\n'));
}

report(process.argv[2] ?? DEFAULT_CORPUS);
