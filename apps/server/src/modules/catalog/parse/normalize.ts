/**
 * Text normalisation shared by every catalogue parser.
 *
 * The crawled records mix precomposed Vietnamese letters with base letters
 * followed by combining marks ("Thu\u0323 ly\u0301"), tabs, NBSPs and
 * zero-width characters. Every grammar in this folder matches literal
 * Vietnamese keywords, so all input goes through one of these functions first;
 * otherwise "Thụ lý" written two ways would be two different strings.
 */

/** Placeholder the portal prints for an empty cell ("no information"). */
export const NO_INFO = 'Không có thông tin';

// Zero-width characters and the soft hyphen carry no text, but they sit between
// a letter and its combining mark and so block NFC composition.
const INVISIBLE = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;
// Every Unicode space except the line breaks, which text mode keeps.
const HORIZONTAL_SPACE = /[^\S\n]+/g;

function stripInvisible(text: string): string {
  // Line/paragraph separators and lone CRs become plain newlines so both modes
  // see a single line-break character.
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(INVISIBLE, '');
}

/**
 * Single-line normalisation: NFC, every whitespace run (newlines included)
 * collapsed to one space, trimmed. For names, labels and table cells.
 */
export function normalizeInline(text: string): string {
  // NFC runs last because removing invisible characters can bring a base
  // letter and its combining mark together.
  return stripInvisible(text.normalize('NFC')).replace(/\s+/g, ' ').trim().normalize('NFC');
}

/**
 * Multi-line normalisation for prose fields (steps, requirements, flattened
 * tables): like normalizeInline but line breaks survive, each line is trimmed
 * and runs of blank lines shrink to one, because step lists rely on them.
 */
export function normalizeText(text: string): string {
  const lines = stripInvisible(text.normalize('NFC'))
    .replace(HORIZONTAL_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n').normalize('NFC');
}

/** True when a normalised cell carries no information at all. */
export function isEmptyValue(text: string): boolean {
  const t = normalizeInline(text);
  return t === '' || t === NO_INFO || t === '--';
}

/** Normalised single-line value, or null for empty / "Không có thông tin". */
export function inlineOrNull(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = normalizeInline(text);
  return isEmptyValue(t) ? null : t;
}

/** Normalised multi-line value, or null for empty / "Không có thông tin". */
export function textOrNull(text: string | undefined): string | null {
  if (text === undefined) return null;
  const t = normalizeText(text);
  return isEmptyValue(t) ? null : t;
}
