/**
 * Ranking constants and the per-(term, document) weight, shared by index build and query.
 *
 * A term's weight in a document is the sum of two parts, kept apart in the index:
 *   name weight = idf × (NAME_BASE + NAME_SAT × sat(tf_name))   when the term is in the name
 *   body weight = idf × BODY_SAT × sat(tf_body)
 * with sat(tf) = tf / (tf + K1 × (1 − b + b × len/avgLen)) ∈ [0, 1) (BM25 saturation).
 * NAME_BASE ≥ BODY_SAT makes a name occurrence worth more than any amount of body text for the
 * same term, which is the product rule: a procedure whose name contains the query beats one
 * that merely mentions it in its steps or documents. Keeping the body weight separate and
 * bounded (< idf × BODY_SAT) also lets a query rank by names first and read body weights only
 * for the documents that can still reach the requested page.
 */

export const K1 = 1.2;
/** Names differ a lot in length but short names are not "more about" a word; keep b moderate. */
export const B_NAME = 0.5;
export const B_BODY = 0.75;

export const NAME_BASE = 2;
export const NAME_SAT = 1;
export const BODY_SAT = 1;

/** Multipliers for expanded query terms (an exact term is 1). */
export const PREFIX_FACTOR = 0.8;
export const TYPO_FACTOR_1 = 0.7;
export const TYPO_FACTOR_2 = 0.5;

/**
 * Name-shape bonuses, as fractions of the document's own score so they never lift a body-only
 * match over a name match: consecutive query tokens consecutive in the name, the name starting
 * with the query, the name being exactly the query, the share of the name's words the query has.
 */
export const PHRASE_BONUS = 0.25;
export const START_BONUS = 0.3;
export const EXACT_BONUS = 0.3;
export const COVER_BONUS = 0.2;
/**
 * Per accented query token whose accent key the name carries, × that term's idf. Words that
 * fold alike are often different words ("thuế" tax / "thuê" rent): a user who typed the accents
 * should see the word they typed first, so this is worth a good part of a name match.
 */
export const ACCENT_BONUS = 1;

/** BM25 idf (the "+1" form, always positive so very common words still count a little). */
export function idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

function saturation(tf: number, lengthRatio: number, b: number): number {
  if (tf === 0) return 0;
  return tf / (tf + K1 * (1 - b + b * lengthRatio));
}

export function nameWeight(termIdf: number, tfName: number, nameLengthRatio: number): number {
  return tfName > 0 ? termIdf * (NAME_BASE + NAME_SAT * saturation(tfName, nameLengthRatio, B_NAME)) : 0;
}

/**
 * Words in most procedures ("thủ tục", "cấp", "và": idf below MIN_BODY_IDF, i.e. in over ~3/4
 * of the catalogue) say nothing about a procedure's body, and scoring their body occurrences
 * would cost a pass over nearly every document per query; their body weight is 0. They still
 * count in names.
 */
export const MIN_BODY_IDF = 0.3;

export function bodyWeight(termIdf: number, tfBody: number, bodyLengthRatio: number): number {
  if (termIdf < MIN_BODY_IDF) return 0;
  return termIdf * BODY_SAT * saturation(tfBody, bodyLengthRatio, B_BODY);
}
