/**
 * Splits the template file names off the end of a document-name cell.
 *
 * The "Mẫu đơn, tờ khai" column holds attachment file names which the crawler
 * glued onto the document name: "…theo Mẫu số 04 Phụ lục I ban hành kèm theo
 * Nghị định số 15/2018/NĐ-CP;Mẫu số 04.docx". Several files can follow each
 * other ("MauA.docxMauB.docx"). The end of each file name is certain (its
 * extension); where the first one starts has to be inferred from the glue
 * point: a letter or punctuation directly touching the file name's first
 * character, with no space.
 */

// Not followed by a lower-case letter, so ".docMau 06.doc" still ends a file.
const EXTENSION = /\.(?:docx|doc|pdf|xlsx|xls|zip|rar|odt|rtf|DOCX|DOC|PDF)(?![a-z])/g;

// Words that occur in prose but not in template file names; a split whose
// file name would contain one is rejected.
// A '/' cannot occur in a file name at all, so a document number
// ("80/2025/TT-BNNMT") marks prose too.
const PROSE_MARKERS = /\s(?:theo|của|ban hành|kèm|quy định|tại|đối với|hoặc|và)\s|\//;
const MAX_FILE_NAME = 110;

/** Is there a glue point (start of a file name) at index j of `text`? */
function isGluePoint(text: string, j: number): boolean {
  const prev = text[j - 1];
  const cur = text[j];
  const next = text[j + 1] ?? '';
  if (prev === undefined || cur === undefined || /\s/.test(prev)) return false;
  // A file name starts with a letter or digit, never with punctuation.
  if (!/[\p{L}\p{N}]/u.test(cur)) return false;
  const upper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
  const lower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
  if (/[;:,)\]”"]/.test(prev)) return true;
  // "Chính phủ.M03b.pdf" but not the decimal point of "TT34.2025".
  if (prev === '.') return upper(cur) || (/\d/.test(cur) && !/\d/.test(text[j - 2] ?? ''));
  if (lower(prev) && (upper(cur) || /\d/.test(cur))) return true; // "mởGiấy", "theo mẫuMau"
  // "NĐ-CPMẫu", "BNNPTNTPhụ lục", "15/5/2024Mus02": a capitalised word glued
  // to a code or a date.
  return (upper(prev) || /\d/.test(prev)) && upper(cur) && lower(next);
}

export interface TemplateSplit {
  name: string;
  templates: string[];
}

/** Separates trailing template file names from a document-name cell. */
export function splitTemplates(cell: string): TemplateSplit {
  const ends = [...cell.matchAll(EXTENSION)].map((m) => m.index + m[0].length);
  // Only extensions forming one contiguous run at the very end of the cell
  // are attachments; ".docx" mentioned mid-sentence is prose.
  const chain: number[] = [];
  let expectedEnd = cell.length;
  for (let i = ends.length - 1; i >= 0; i--) {
    const end = ends[i] ?? 0;
    if (end !== expectedEnd) break;
    chain.unshift(end);
    const prevEnd = ends[i - 1];
    if (prevEnd === undefined) break;
    // The previous file must end right where this one begins, i.e. its
    // extension is followed by no space.
    const between = cell.slice(prevEnd, end);
    if (/^\s/.test(between) || between.length > MAX_FILE_NAME) break;
    expectedEnd = prevEnd;
  }
  if (chain.length === 0) return { name: cell, templates: [] };

  // Start of the first file: the earliest glue point close enough to its
  // extension whose resulting file name does not read like prose.
  const firstEnd = chain[0] ?? 0;
  let start = -1;
  for (let j = Math.max(1, firstEnd - MAX_FILE_NAME); j < firstEnd - 4; j++) {
    if (isGluePoint(cell, j) && !PROSE_MARKERS.test(` ${cell.slice(j, firstEnd)} `)) {
      start = j;
      break;
    }
  }
  if (start < 0) {
    // The cell is nothing but a file name (or the glue is unrecognisable):
    // keep the text as the name so nothing is lost.
    return { name: cell, templates: [] };
  }
  const templates: string[] = [];
  let from = start;
  for (const end of chain) {
    templates.push(cell.slice(from, end).trim());
    from = end;
  }
  return { name: cell.slice(0, start).trim(), templates };
}
