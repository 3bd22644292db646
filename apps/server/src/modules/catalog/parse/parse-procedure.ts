/**
 * Turns one raw TTHC catalogue record into structured fields.
 *
 * Pure: no I/O. Every sub-parser reports what it could not account for as an
 * issue ("<field>.<problem>"); a record is `complete` only when there is none.
 * Warnings flag oddities of the source that were parsed anyway (a time limit
 * without unit, a fee note missing its ")") and do not affect completeness.
 * The normalised source fields are kept in `raw` so nothing is lost.
 */
import { parseChannels, type Channel, type ChannelRow } from './channels.ts';
import { parseDocuments, type RequiredDocument } from './documents.ts';
import { splitLabels, parseLevels, type Level } from './labels.ts';
import { parseLegalBases, type LegalBasis } from './legal-bases.ts';
import { inlineOrNull, normalizeText, textOrNull } from './normalize.ts';
import { procedureRecordSchema, RECORD_FIELDS, type ProcedureRecord, type RecordField } from './procedure-record.ts';
import { parseResults, type ProcedureResult } from './results.ts';
import { approxCalendarDays, type TimeLimit } from './time-limits.ts';

export interface Agencies {
  /** "Cơ quan có thẩm quyền": the authority that decides. */
  competent: string[];
  /** "Cơ quan thực hiện": the office that processes the dossier. */
  implementing: string[];
  /** "Địa chỉ tiếp nhận hồ sơ": free text, often an address. */
  receivingAddress: string | null;
  /** "Cơ quan được ủy quyền". */
  delegated: string[];
  /** "Cơ quan phối hợp". */
  coordinating: string[];
}

export interface Diagnostics {
  complete: boolean;
  issues: string[];
  warnings: string[];
}

export type RawProcedureFields = Record<RecordField, string>;

export interface ParsedProcedure {
  code: string;
  name: string;
  decisionNumber: string | null;
  levels: Level[];
  levelLabels: string[];
  field: string | null;
  procedureType: string | null;
  applicantTypes: string[];
  agencies: Agencies;
  channels: ChannelRow[];
  documents: RequiredDocument[];
  legalBases: LegalBasis[];
  results: ProcedureResult[];
  resultKeywords: string | null;
  resultDescription: string | null;
  steps: string | null;
  requirements: string | null;
  relatedProcedures: string | null;
  sourceUrl: string | null;
  sourceFolder: string | null;
  formalityId: string | null;
  raw: RawProcedureFields;
  diagnostics: Diagnostics;
}

/** The parsed fields the diagnostics report on, i.e. the issue prefixes. */
export const DIAGNOSED_FIELDS = [
  'code',
  'name',
  'levels',
  'agencies',
  'channels',
  'documents',
  'legalBases',
  'results',
] as const;
export type DiagnosedField = (typeof DIAGNOSED_FIELDS)[number];

const CODE_SHAPE = /^\d+\.\d{6}$/;
const LEGAL_BASIS_LABEL = 'Căn cứ pháp lý';

/**
 * In a few records the crawler cut the page at the words "Căn cứ pháp lý"
 * occurring inside a fee note ("(Căn cứ pháp lý: Thông tư 269/2016/TT-BTC…)"),
 * so the channel table continues in `can_cu_phap_ly`. Rejoin it; those pages
 * then have no legal-basis table of their own.
 */
function rejoinSplitChannelTable(channels: string, legal: string): { channels: string; legal: string } | null {
  if (!legal.startsWith(':')) return null;
  const opened = (channels.match(/\(/g) ?? []).length;
  const closed = (channels.match(/\)/g) ?? []).length;
  if (opened <= closed) return null;
  return { channels: channels + LEGAL_BASIS_LABEL + legal, legal: '' };
}

/** Agencies never contain line breaks or table labels; these came from a mis-crawl. */
function looksLikeAgencyList(text: string): boolean {
  return !/\n|Tên thủ tục|Mã thủ tục/.test(text) && !/^\p{Ll}/u.test(text);
}

/** Parses one raw catalogue record. Throws only when it has no code or name. */
export function parseProcedure(input: unknown): ParsedProcedure {
  const record: ProcedureRecord = procedureRecordSchema.parse(input);
  const raw = Object.fromEntries(RECORD_FIELDS.map((key) => [key, normalizeText(record[key])])) as RawProcedureFields;
  const issues: string[] = [];
  const warnings: string[] = [];

  const code = raw.ma_thu_tuc;
  if (!CODE_SHAPE.test(code)) issues.push('code.malformed');
  // Two source names start with a stray ". " (a list marker left by the publisher); `raw` keeps it.
  const name = raw.ten_thu_tuc.replace(/\s+/g, ' ').replace(/^[.\s]+/, '');
  if (name === '') issues.push('name.missing');

  let channelsText = raw.cach_thuc_thuc_hien;
  let legalText = raw.can_cu_phap_ly;
  const rejoined = rejoinSplitChannelTable(channelsText, legalText);
  if (rejoined) {
    ({ channels: channelsText, legal: legalText } = rejoined);
    warnings.push('channels.rejoined_from_legal_bases');
  }

  const levels = parseLevels(raw.cap_thuc_hien);
  const channels = parseChannels(channelsText);
  const documents = parseDocuments(raw.thanh_phan_ho_so);
  const legalBases = parseLegalBases(legalText);
  const results = parseResults(raw.ket_qua_xu_ly);
  issues.push(...levels.issues, ...channels.issues, ...documents.issues, ...legalBases.issues, ...results.issues);
  warnings.push(...channels.warnings, ...documents.warnings, ...legalBases.warnings, ...results.warnings);

  const agencyFields = {
    competent: raw.co_quan_co_tham_quyen,
    implementing: raw.co_quan_thuc_hien,
    delegated: raw.co_quan_duoc_uy_quyen,
    coordinating: raw.co_quan_phoi_hop,
  };
  for (const [key, text] of Object.entries(agencyFields)) {
    if (text !== '' && !looksLikeAgencyList(text)) issues.push(`agencies.${key}_not_an_agency_list`);
  }

  return {
    code,
    name,
    decisionNumber: inlineOrNull(raw.so_quyet_dinh),
    levels: levels.levels,
    levelLabels: levels.labels,
    field: inlineOrNull(raw.linh_vuc),
    procedureType: inlineOrNull(raw.loai_thu_tuc),
    applicantTypes: splitLabels(raw.doi_tuong_thuc_hien),
    agencies: {
      competent: splitLabels(agencyFields.competent),
      implementing: splitLabels(agencyFields.implementing),
      receivingAddress: textOrNull(raw.dia_chi_tiep_nhan),
      delegated: splitLabels(agencyFields.delegated),
      coordinating: splitLabels(agencyFields.coordinating),
    },
    channels: channels.channels,
    documents: documents.documents,
    legalBases: legalBases.legalBases,
    results: results.results,
    resultKeywords: results.keywords,
    resultDescription: results.description,
    steps: textOrNull(raw.trinh_tu_thuc_hien),
    requirements: textOrNull(raw.yeu_cau_dieu_kien),
    relatedProcedures: textOrNull(raw.thu_tuc_lien_quan),
    sourceUrl: inlineOrNull(raw.detail_url),
    sourceFolder: inlineOrNull(raw._source_folder),
    formalityId: inlineOrNull(raw.formality_id),
    raw,
    diagnostics: { complete: issues.length === 0, issues: [...new Set(issues)], warnings: [...new Set(warnings)] },
  };
}

export interface RepresentativeTimeLimit extends TimeLimit {
  channel: Channel;
}

// Online first: it is the channel the platform files dossiers through.
const CHANNEL_PREFERENCE: readonly Channel[] = ['online', 'in_person', 'postal'];

/**
 * The deadline a dossier would be held to: the longest limit of the online
 * rows, else of the in-person rows, else of the postal rows (the longest,
 * because a channel with several rows lists variants and the dossier's
 * variant is unknown). Limits without a unit are ignored since no deadline
 * can be computed from them; null when nothing usable is left.
 */
export function maxTimeLimit(parsed: Pick<ParsedProcedure, 'channels'>): RepresentativeTimeLimit | null {
  for (const channel of CHANNEL_PREFERENCE) {
    const limits = parsed.channels
      .filter((row) => row.channel === channel)
      .flatMap((row) => row.timeLimits)
      .filter((limit) => limit.unit !== 'unspecified');
    let best: TimeLimit | null = null;
    for (const limit of limits) if (best === null || approxCalendarDays(limit) > approxCalendarDays(best)) best = limit;
    if (best) return { ...best, channel };
  }
  return null;
}
