/**
 * Vietnamese legal-document numbers ("số ký hiệu"): 68/2013/TT-BCA,
 * 02/2011/QH13, 05/2012/NĐ-CP, 601/QĐ-BTC, 09/2015/TTLT-BCA-BYT-BTC, 73-CP.
 *
 * The shape is <number>[/<year>][/<type>-<issuer>[-<issuer>…]]. The catalogue
 * glues the number cell to the next title ("…/TT-BCALuật Khiếu nại…",
 * "…/NĐ-CPQUY ĐỊNH…", "…/QH1354/2014/QH13"), so the code part is read segment
 * by segment against the known abbreviations instead of as "all capitals".
 */

// Document-type abbreviations and issuing bodies seen in the catalogue. Only
// used to cut a code glued to an all-capitals title, so the list may be
// incomplete: an unknown code is kept whole.
const KNOWN_CODES = new Set([
  // types
  'NĐ', 'ND', 'TT', 'TTLT', 'NQ', 'NQLT', 'QĐ', 'QD', 'PL', 'L', 'CT', 'VBHN', 'HD',
  // issuers
  'CP', 'TTg', 'QH', 'UBTVQH', 'CTN', 'VPQH', 'VPCP', 'BTC', 'BTP', 'BCA', 'NHNN', 'BNNMT', 'BGTVT', 'BXD',
  'BNNPTNT', 'BTNMT', 'BHXH', 'BLĐTBXH', 'BKHĐT', 'BYT', 'BCT', 'BQP', 'BVHTTDL', 'BKHCN', 'BNV', 'BTTTT',
  'BGDĐT', 'BNG', 'BNN', 'UBND', 'HĐND', 'TANDTC', 'VKSNDTC', 'HĐTP', 'KTNN', 'UBT', 'CSXH', 'NV', 'TCHQ',
]);

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function leadingRun(text: string, test: RegExp): string {
  let i = 0;
  while (i < text.length && test.test(text[i] ?? '')) i++;
  return text.slice(0, i);
}

/** Length of one code segment ("BCA", "TTg", "QH13") at the start of `text`. */
function segmentLength(text: string): number {
  const fullRun = leadingRun(text, UPPER);
  if (fullRun === '') return 0;
  const rest = text.slice(fullRun.length);
  if (fullRun === 'TT' && rest.startsWith('g') && !LOWER.test(rest[1] ?? '')) return 3; // QĐ-TTg
  const gluedToWord = LOWER.test(rest[0] ?? '');
  // A lone capital before lower case is a word ("- Luật…"), not a code.
  if (gluedToWord && fullRun.length === 1) return 0;
  let run = fullRun;
  if (KNOWN_CODES.has(run)) {
    // Kept even before lower case: the next title may start in lower case
    // ("…/NĐ-CPsửa đổi…").
  } else if (gluedToWord && KNOWN_CODES.has(run.slice(0, -1))) {
    // A capital directly followed by lower case starts the next title's
    // first word: "BCALuật" is "BCA" + "Luật".
    run = run.slice(0, -1);
  } else {
    // "CPQUY ĐỊNH": an all-capitals title glued on; keep the longest known prefix.
    let prefix = '';
    for (let n = run.length - 1; n > 0 && prefix === ''; n--) if (KNOWN_CODES.has(run.slice(0, n))) prefix = run.slice(0, n);
    if (prefix !== '') run = prefix;
    else if (gluedToWord && run.length > 1) run = run.slice(0, -1);
  }
  // Legislature numbers: QH13, UBTVQH14 (two digits; more would be the next number).
  if (run.endsWith('QH') && run === fullRun) {
    return run.length + leadingRun(text.slice(run.length), /\d/).slice(0, 2).length;
  }
  return run.length;
}

/** Length of the code part ("TT-BCA", "NĐ-CP") at the start of `text`. */
export function codeLength(text: string): number {
  let pos = segmentLength(text);
  while (pos > 0) {
    // Segments are joined by '-', typed also as "- ", '_', '/' or '&'
    // ("TTLT- BQP-BLĐTBXH", "TT_BCA", "TTLT/BQP", "BNN&PTNT").
    const separator = /^(?:- ?|[_/&])(?=\p{Lu})/u.exec(text.slice(pos));
    const next = separator ? segmentLength(text.slice(pos + separator[0].length)) : 0;
    if (!separator || next === 0) return pos;
    pos += separator[0].length + next;
  }
  return pos;
}

export interface DocumentNumberMatch {
  /** Start index in the searched text (after any glued year was skipped). */
  start: number;
  end: number;
  number: string;
  /** True when the number carries a type/issuer code ("…/NĐ-CP"). */
  hasCode: boolean;
}

// <digits>[/<4-digit year>]/<code> | <digits>/<year> | <digits>-CP (pre-2000 style).
// Resolutions are sometimes numbered with a dot ("66.19/2026/NQ-CP").
const CANDIDATE = /(?:(?<!\d)\d{1,3}\.(?=\d+\/\d{4}))?\d+(?:\/\d{4}(?!\d))?(?:\/(?=\p{Lu})|-(?=CP|TTg))?/gu;

/** Every document number in `text`, left to right. */
export function findDocumentNumbers(text: string): DocumentNumberMatch[] {
  const found: DocumentNumberMatch[] = [];
  const re = new RegExp(CANDIDATE.source, 'gu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let start = m.index;
    let end = m.index + m[0].length;
    let hasCode = false;
    if (m[0].endsWith('/') || m[0].endsWith('-')) {
      const len = codeLength(text.slice(end));
      if (len === 0) end -= 1;
      else {
        end += len;
        hasCode = true;
      }
    }
    // Resume after the code, or its digits ("QH13") would match again.
    re.lastIndex = end;
    // A year glued in front ("Luật Hải quan 201454/2014/QH13", "29/6/202443/2024/QH15"):
    // numbers above four digits do not occur, so a leading 19xx/20xx is the year.
    const digits = /^\d+/.exec(text.slice(start, end))?.[0] ?? '';
    if (digits.length > 4 && /^(?:19|20)\d\d/.test(digits)) start += 4;
    // Typing variants of the separator ("TTLT- BQP", "TT_BCA") are written the
    // standard way so equal numbers compare equal.
    const number = text.slice(start, end).replace(/- /g, '-').replace(/_/g, '-');
    found.push({ start, end, number, hasCode });
  }
  return found;
}
