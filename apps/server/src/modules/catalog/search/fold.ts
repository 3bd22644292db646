/**
 * Vietnamese text folding for search.
 *
 * Two keys are produced per token:
 *  - the matching key: folded (no diacritics, đ→d, lower case) plus a token-final "y" after a
 *    consonant (or in "quy") rewritten to "i". Vietnamese spells many syllables either way
 *    ("kỹ"/"kĩ", "lý"/"lí", "sỹ"/"sĩ", "quý"/"quí"), so both must meet on one key. Only that
 *    position is rewritten: "uy"/"ui", "ay"/"ai" are different words and must stay apart.
 *  - the accent key: the same letters but keeping vowel modifiers in place (â ă ê ô ơ ư đ) and
 *    moving tone marks to the end. Moving tones absorbs the old/new tone-placement styles
 *    ("hoà"/"hòa", "thuỷ"/"thủy") so an accented query can reward exact-accent names without
 *    penalising a spelling convention.
 *
 * Tokens are maximal runs of letters/digits; combining marks never split a token.
 */

/** Tone marks in NFD: grave, acute, tilde, hook above, dot below. */
function isToneMark(code: number): boolean {
  return code === 0x300 || code === 0x301 || code === 0x303 || code === 0x309 || code === 0x323;
}

/** Combining-mark blocks; anything here decorates the previous letter. */
function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe20 && code <= 0xfe2f)
  );
}

const NON_ASCII_WORD_CHAR = /^[\p{L}\p{N}]$/u;

function isAsciiConsonant(code: number): boolean {
  // a e i o u y are the vowels that matter for the final-y rule.
  return (
    code >= 97 &&
    code <= 122 &&
    code !== 97 &&
    code !== 101 &&
    code !== 105 &&
    code !== 111 &&
    code !== 117 &&
    code !== 121
  );
}

/** True when a folded token's final "y" is the i/y-interchangeable kind. */
function hasInterchangeableFinalY(token: string): boolean {
  const n = token.length;
  if (n < 2 || token.charCodeAt(n - 1) !== 121) return false;
  const before = token.charCodeAt(n - 2);
  if (isAsciiConsonant(before)) return true;
  return n === 3 && token.charCodeAt(0) === 113 && before === 117; // "quy"
}

export type TokenSink = (folded: string, accented: string) => void;

/**
 * Streams the tokens of `text` to `sink` as (folded key, accent key). With `normaliseY` the
 * interchangeable final y becomes i in both keys. The accent key is only computed when
 * `withAccents` is set (bodies do not need it; skipping it saves work on the bulk of the text),
 * otherwise the folded key is passed twice.
 */
export function scanTokens(
  text: string,
  options: { withAccents: boolean; normaliseY: boolean },
  sink: TokenSink,
): void {
  const { withAccents, normaliseY } = options;
  const s = text.toLowerCase().normalize('NFD');
  let folded = '';
  let accented = '';
  let tones = '';
  const flush = (): void => {
    if (folded.length === 0) return;
    if (normaliseY && hasInterchangeableFinalY(folded)) {
      folded = folded.slice(0, -1) + 'i';
      if (withAccents && accented.endsWith('y')) accented = accented.slice(0, -1) + 'i';
    }
    sink(folded, withAccents ? accented + tones : folded);
    folded = '';
    accented = '';
    tones = '';
  };
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      const ch = s[i] as string;
      folded += ch;
      if (withAccents) accented += ch;
    } else if (isCombiningMark(code)) {
      if (withAccents && folded.length > 0) {
        if (isToneMark(code)) tones += s[i];
        else accented += s[i];
      }
    } else if (code === 0x111 || code === 0xf0) {
      // đ does not decompose under NFD; ð is a common look-alike typed for it.
      folded += 'd';
      if (withAccents) accented += 'đ';
    } else if (code < 128) {
      flush();
    } else {
      const cp = s.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (NON_ASCII_WORD_CHAR.test(ch)) {
        folded += ch;
        if (withAccents) accented += ch;
      } else {
        flush();
      }
    }
  }
  flush();
}

/** Plain folding, for display-independent comparisons: "Đăng ký thường trú" → ["dang","ky","thuong","tru"]. */
export function foldTokens(text: string): string[] {
  const out: string[] = [];
  scanTokens(text, { withAccents: false, normaliseY: false }, (folded) => {
    out.push(folded);
  });
  return out;
}

/** The matching key of one already-folded token (applies the i/y rule): "ky" → "ki". */
export function searchKey(foldedToken: string): string {
  return hasInterchangeableFinalY(foldedToken) ? foldedToken.slice(0, -1) + 'i' : foldedToken;
}

export type SearchTokens = { keys: string[]; accents: string[] };

/** Matching keys plus accent keys (same length, same order), as the index uses them. */
export function searchTokens(text: string): SearchTokens {
  const keys: string[] = [];
  const accents: string[] = [];
  scanTokens(text, { withAccents: true, normaliseY: true }, (key, accent) => {
    keys.push(key);
    accents.push(accent);
  });
  return { keys, accents };
}
