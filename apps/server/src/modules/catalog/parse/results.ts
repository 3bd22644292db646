/**
 * "Kết quả thực hiện": result documents, flattened as
 *
 *   <name>Mã: <code><name>Mã: <code>…Từ khóa<keywords>Mô tả<description>
 *
 * followed, on most pages, by the portal's agency picker ("Chọn cơ quan thực
 * hiện…Nộp hồ sơ"), which is page chrome and dropped. Codes look like
 * KQ.G01.000262, KQ-G17.000008, 000.00.00.G19-KQ1120 or TP-G12.0001143 and
 * are glued to the next name ("KQ.G12.000429Giấy chứng nhận…").
 */
import { NO_INFO } from './normalize.ts';

export interface ProcedureResult {
  name: string;
  /** National result code, null when the source gives none. */
  code: string | null;
}

export interface ResultsParse {
  results: ProcedureResult[];
  keywords: string | null;
  description: string | null;
  issues: string[];
  warnings: string[];
}

const PAGE_CHROME = 'Chọn cơ quan thực hiện';
const CODE_LABEL = /Mã: ?/g;

// Where a code ends: the end, the next label, or the start of a word — a
// capitalised word ("Giấy"), a lower-case Vietnamese word ("văn"), or any
// character a code never contains.
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*?(?=$|Từ khóa|Mô tả|Mã:|\p{Lu}\p{Ll}|[a-z]*\P{ASCII}|[^A-Za-z0-9._-])/u;
const UNASSIGNED = /^Chưa xác định(?: rõ)?/;

/** A code is a token with a digit, or an all-capitals abbreviation ("VBTT"). */
export function isWellFormedResultCode(code: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(code) && (/\d/.test(code) || /^[A-Z]{3,}$/.test(code));
}

function emptyToNull(text: string): string | null {
  const t = text.trim();
  return t === '' || t === NO_INFO ? null : t;
}

/** Parses the normalised `ket_qua_xu_ly` text. */
export function parseResults(text: string): ResultsParse {
  const issues = new Set<string>();
  const warnings = new Set<string>();
  const results: ProcedureResult[] = [];
  let body = text.trim();
  const chrome = body.indexOf(PAGE_CHROME);
  if (chrome >= 0) body = body.slice(0, chrome);
  if (body === '' || body === NO_INFO) {
    return { results, keywords: null, description: null, issues: [], warnings: ['results.absent'] };
  }

  // Keywords and description follow the last code.
  const lastLabel = [...body.matchAll(CODE_LABEL)].at(-1);
  const keywordsAt = body.indexOf('Từ khóa', lastLabel ? lastLabel.index : 0);
  const descriptionAt = body.indexOf('Mô tả', keywordsAt < 0 ? 0 : keywordsAt);
  const mainEnd = [keywordsAt, descriptionAt].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), body.length);
  const keywords = keywordsAt >= 0 ? emptyToNull(body.slice(keywordsAt + 'Từ khóa'.length, descriptionAt >= 0 ? descriptionAt : undefined)) : null;
  const description = descriptionAt >= 0 ? emptyToNull(body.slice(descriptionAt + 'Mô tả'.length)) : null;
  const main = body.slice(0, mainEnd);

  let from = 0;
  for (const label of main.matchAll(CODE_LABEL)) {
    const name = main.slice(from, label.index).trim();
    const after = main.slice(label.index + label[0].length);
    let code: string | null;
    let length: number;
    const unassigned = UNASSIGNED.exec(after);
    if (unassigned) {
      code = null;
      length = unassigned[0].length;
      warnings.add('results.code_unassigned');
    } else if (/^\p{Lu}\p{Ll}+\s/u.test(after)) {
      // Prose typed into the code cell ("Mã: Cơ quan đăng ký…"); it is kept as
      // the next item's text so nothing disappears, but the record is flagged.
      code = null;
      length = 0;
      issues.add('results.code_malformed');
    } else {
      const m = CODE.exec(after);
      // Trailing separators or capitals belong to the next name:
      // "KQ.G10.001459- Quyết định", "KQ.G12.000429KBNN hoặc…".
      const token = m ? m[0].replace(/[._-]+$/, '').replace(/(?<=\d)[A-Z]+$/, '') : '';
      code = token === '' ? null : token;
      length = token.length;
      if (code === null) warnings.add('results.code_missing');
      else if (!isWellFormedResultCode(code)) issues.add('results.code_malformed');
    }
    from = label.index + label[0].length + length;
    if (name === '') {
      issues.add('results.empty_name');
      continue;
    }
    results.push({ name, code });
  }
  const tail = main.slice(from).trim();
  if (tail !== '') {
    // A result listed without any "Mã:" label.
    results.push({ name: tail, code: null });
    warnings.add('results.code_missing');
  }
  return { results, keywords, description, issues: [...issues], warnings: [...warnings] };
}
