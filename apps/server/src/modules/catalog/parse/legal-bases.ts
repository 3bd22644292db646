/**
 * "Căn cứ pháp lý": the legal-basis table, flattened as
 *
 *   Tên văn bản pháp lýMã văn bản<title><number><title><number>…
 *
 * A row's number cell is glued to its own title on the left and to the next
 * title on the right, which is what separates it from a number merely quoted
 * inside a title ("Nghị định số 91/2022/NĐ-CP sửa đổi…" has spaces around it).
 */
import { NO_INFO } from './normalize.ts';
import { findDocumentNumbers, type DocumentNumberMatch } from './document-numbers.ts';

export const LEGAL_BASES_HEADER = 'Tên văn bản pháp lýMã văn bản';

export const LEGAL_DOCUMENT_TYPES = [
  'law',
  'code',
  'ordinance',
  'resolution',
  'joint_resolution',
  'decree',
  'decision',
  'circular',
  'joint_circular',
  'directive',
  'order',
  'consolidated_text',
] as const;
export type LegalDocumentType = (typeof LEGAL_DOCUMENT_TYPES)[number];

export interface LegalBasis {
  /** Document number as written in the "Mã văn bản" column. */
  number: string | null;
  title: string | null;
  type: LegalDocumentType | null;
}

export interface LegalBasesParse {
  legalBases: LegalBasis[];
  issues: string[];
  warnings: string[];
}

// The title's opening word decides first: "Nghị quyết 110/2015/QH13" is a
// resolution although laws share the QH numbering. The number is the fallback.
const TYPE_BY_CODE: Record<string, LegalDocumentType> = {
  'NĐ': 'decree',
  ND: 'decree',
  TT: 'circular',
  TTLT: 'joint_circular',
  NQ: 'resolution',
  NQLT: 'joint_resolution',
  'QĐ': 'decision',
  QD: 'decision',
  PL: 'ordinance',
  L: 'order',
  CT: 'directive',
  VBHN: 'consolidated_text',
};

const TYPE_BY_TITLE: readonly (readonly [RegExp, LegalDocumentType])[] = [
  [/^bộ luật/i, 'code'],
  [/^luật/i, 'law'],
  [/^pháp lệnh/i, 'ordinance'],
  [/^nghị quyết liên tịch/i, 'joint_resolution'],
  [/^nghị quyết/i, 'resolution'],
  [/^nghị định/i, 'decree'],
  [/^quyết định/i, 'decision'],
  [/^thông tư liên tịch/i, 'joint_circular'],
  [/^thông tư/i, 'circular'],
  [/^chỉ thị/i, 'directive'],
  [/^lệnh/i, 'order'],
  [/^văn bản hợp nhất/i, 'consolidated_text'],
];

/** Classifies a legal document from its number and title. */
export function legalDocumentType(number: string | null, title: string | null): LegalDocumentType | null {
  for (const [pattern, type] of TYPE_BY_TITLE) if (title && pattern.test(title)) return type;
  const bare = number?.replace(/^\D+/, '') ?? '';
  const code = bare.split('/').at(-1) ?? '';
  const byCode = TYPE_BY_CODE[code.split('-')[0] ?? ''];
  if (byCode) return byCode;
  // Laws are numbered <n>/<year>/QH<legislature> with no type segment; the
  // Standing Committee's (UBTVQH) are resolutions.
  if (/^QH\d*$/.test(code)) return 'law';
  if (/^UBTVQH\d*$/.test(code)) return 'resolution';
  if (/^\d+-CP$/.test(bare)) return 'decree';
  return null;
}

// A title starts with a letter, a digit, an opening bracket or a quote.
const TITLE_START = /[\p{L}\p{N}(“"'‘[]/u;
// Some number cells repeat the document type: "…tài nguyên nước.NĐ 23/2026/NĐ-CP",
// "…môi trườngLuật số 146/2025/QH15". Only counted when glued to the text before.
const TYPE_PREFIX = /(?<=\S)(?:NĐ|TT|QĐ|NQ|(?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết)(?: số)?|số) $/u;
const TYPE_PREFIX_START = /^(?:NĐ|TT|QĐ|NQ|(?:Luật|Nghị định|Thông tư|Quyết định|Nghị quyết)(?: số)?|số) /u;

interface Cell {
  start: number;
  end: number;
  number: string;
  /** Where the row's title starts when it is not right after the previous cell. */
  titleStart?: number;
  hasCode: boolean;
}

function asCell(body: string, n: DocumentNumberMatch): Cell | null {
  const cell: Cell = { start: n.start, end: n.end, number: n.number, hasCode: n.hasCode };
  const prefix = TYPE_PREFIX.exec(body.slice(Math.max(0, n.start - 16), n.start));
  if (prefix) {
    cell.start -= prefix[0].length;
    cell.number = `${prefix[0]}${n.number}`;
  }
  if (n.end === body.length) return cell.start > 0 ? cell : null;
  const before = body[cell.start - 1] ?? '';
  const after = body[n.end] ?? '';
  if (before === '' || /\s/.test(before) || before === '/') return null;
  // The next title may begin with a space its cell started with
  // ("…cách mạng31/2013/NĐ-CP 05/2013/TT-BLĐTBXH - Hướng dẫn…"); a number
  // glued on the left and carrying a code is still a cell then.
  const spaced = after === ' ' && n.hasCode;
  const next = spaced ? body.slice(n.end + 1) : body.slice(n.end);
  // Titles may also open with a list bullet ("- Luật Doanh nghiệp").
  if (!TITLE_START.test(next[0] ?? '') && !/^[-+*] /.test(next)) return null;
  // A prefixed cell is also what a mention inside a title looks like when a
  // space is missing ("Thông tư số 53/2025/TT-BCAngày 01/7/2025…"): not before
  // a number or the words that continue such a mention.
  if (prefix && (!/^\p{L}/u.test(next) || /^(?:ngày|của|về|và|năm|do|tại|được)/u.test(next))) return null;
  // Bare numbers ("42/2020" is fine, "6" is not) inside titles are dates and
  // clause numbers; only accept one with at least a year.
  return n.hasCode || n.number.includes('/') ? cell : null;
}

/**
 * Two number cells with nothing between them. With the same number, the first
 * is the second row's title (a title that is just the number:
 * "14/2025/TT-BNNMT14/2025/TT-BNNMT"). Resolved right to left so a chain of
 * three keeps the first as a number.
 */
function dropTitleNumbers(cells: Cell[]): Cell[] {
  const kept: Cell[] = [];
  for (let i = cells.length - 1; i >= 0; i--) {
    const cell = cells[i];
    if (!cell) continue;
    const previous = cells[i - 1];
    if (previous && previous.end === cell.start) {
      if (sameDocument(previous.number, cell.number)) {
        kept.unshift({ ...cell, titleStart: previous.start });
      } else {
        // Different numbers: the previous one closes its row and this one
        // merely opens the next title ("…TT-BNNMT07/2022/QH15 - Luật…").
        kept.unshift(previous);
      }
      i--;
    } else {
      kept.unshift(cell);
    }
  }
  return kept;
}

/** "Nghị định số 46/2020/NĐ-CP", "46/2020/NĐ-CP" and "46/2020" name one document. */
function sameDocument(a: string, b: string): boolean {
  const x = a.replace(TYPE_PREFIX_START, '');
  const y = b.replace(TYPE_PREFIX_START, '');
  return x.startsWith(y) || y.startsWith(x);
}

const OWN_NUMBER =
  /^(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư(?: liên tịch)?)(?: số)? (\d+\/\d{4}\/[\p{Lu}][\p{L}\d-]*\p{Lu}\d*)(?=[\s,;.]|$)/u;

const SWAPPED_ROW = /^(\d+\/\d{4}\/(?:QH\d\d|[\p{Lu}]+-[\p{Lu}][\p{L}-]*?))((?:Luật|Bộ luật|Nghị định|Thông tư|Quyết định|Nghị quyết|Pháp lệnh)(?=\s|$).*)$/u;

/** A document number ending `title`, split off as the row's number. */
function trailingNumber(title: string): { title: string; cell: Cell } | null {
  const last = findDocumentNumbers(title).at(-1);
  if (!last || last.end !== title.length || !last.hasCode || last.start === 0) return null;
  return {
    title: title.slice(0, last.start).trim(),
    cell: { start: last.start, end: last.end, number: last.number, hasCode: true },
  };
}

/** Parses the normalised `can_cu_phap_ly` text. */
export function parseLegalBases(text: string): LegalBasesParse {
  const legalBases: LegalBasis[] = [];
  const issues = new Set<string>();
  const warnings = new Set<string>();
  let body = text.trim();
  // Some pages (the court's) let the next section leak in: "…56/2010/QH12Cơ quan
  // thực hiệnTòa án nhân dân…". That text is the agency field, not a legal basis.
  const leak = body.search(/(?<=\S)Cơ quan thực hiện/u);
  if (leak > 0) {
    body = body.slice(0, leak);
    warnings.add('legalBases.page_text_removed');
  }
  if (body === '' || body === NO_INFO) return { legalBases, issues: [], warnings: [...warnings, 'legalBases.absent'] };
  if (!body.startsWith(LEGAL_BASES_HEADER)) {
    issues.add('legalBases.header_missing');
    return { legalBases, issues: [...issues], warnings: [...warnings] };
  }
  body = body.slice(LEGAL_BASES_HEADER.length);

  const cells = dropTitleNumbers(
    findDocumentNumbers(body)
      .map((n) => asCell(body, n))
      .filter((c) => c !== null),
  );
  const pushUnnumbered = (text: string, issue: string) => {
    // Text whose number cell was not glued to it ("…Môi trườngNghị định số
    // 131/2025/NĐ-CP" before a title-number): take a number ending it, if any.
    const split = trailingNumber(text.replace(/[.;,]+$/, ''));
    if (split) {
      legalBases.push({ number: split.cell.number, title: split.title || null, type: legalDocumentType(split.cell.number, split.title) });
      return;
    }
    // No number cell at all, but a title such as "Thông tư số 101/2020/TT-BTC
    // ngày…" names its own number.
    const own = OWN_NUMBER.exec(text);
    if (own?.[1]) {
      warnings.add('legalBases.number_from_title');
      legalBases.push({ number: own[1], title: text, type: legalDocumentType(own[1], text) });
      return;
    }
    issues.add(issue);
    legalBases.push({ number: null, title: text, type: legalDocumentType(null, text) });
  };

  let from = 0;
  for (const cell of cells) {
    const titleStart = cell.titleStart ?? from;
    const orphan = body.slice(from, titleStart).trim();
    if (orphan !== '') pushUnnumbered(orphan, 'legalBases.number_missing');
    const title = body.slice(titleStart, cell.start).trim();
    from = cell.end;
    if (title === '') issues.add('legalBases.empty_title');
    if (!cell.hasCode) warnings.add('legalBases.number_without_code');
    legalBases.push({ number: cell.number, title: title || null, type: legalDocumentType(cell.number, title || null) });
  }
  const tail = body.slice(from).trim();
  const swapped = cells.length === 0 ? SWAPPED_ROW.exec(tail) : null;
  if (swapped?.[1] && swapped[2]) {
    // One row typed into the wrong columns: "06/2007/QH12Luật Hóa chất".
    warnings.add('legalBases.columns_swapped');
    legalBases.push({ number: swapped[1], title: swapped[2], type: legalDocumentType(swapped[1], swapped[2]) });
  } else if (tail !== '') {
    pushUnnumbered(tail, cells.length > 0 ? 'legalBases.leftover_text' : 'legalBases.number_missing');
  }
  return { legalBases, issues: [...issues], warnings: [...warnings] };
}
