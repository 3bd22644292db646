/**
 * The text side of the search index, built once per catalogue version.
 *
 * Everything lives in flat typed arrays addressed by offsets, so the index is a few large
 * allocations the GC never has to trace element by element:
 *  - postings (term -> documents, ascending) carry the term's precomputed body weight; a
 *    separate, much shorter name list per term carries the name weights (see ranking.ts);
 *  - short prefixes (1..MAX_INDEXED_PREFIX characters) of every term are indexed as pseudo-terms
 *    (edge n-grams), so the half-typed last word of "dang ky thuong t" is one posting list, and
 *    its idf is that of "any word starting with t": a short prefix then weighs as little as the
 *    little it tells, instead of borrowing the idf of some rare completion;
 *  - frequent terms also get a document bitset, so AND over common words is word-wise ANDs, and
 *    the most frequent ones dense per-document name/body weight arrays, so scoring a few hundred
 *    documents does not mean walking postings that cover the whole catalogue;
 *  - each name's token sequence, for the phrase/start/exact bonuses;
 *  - accent-key postings for name tokens that carry diacritics.
 */

import { setBit, wordCount } from './bitset.ts';
import { scanTokens } from './fold.ts';
import { bodyWeight, idf as bm25Idf, nameWeight } from './ranking.ts';
import { buildVocabulary, type Vocabulary } from './vocabulary.ts';

export type TextDoc = { name: string; body: string };

export type InvertedIndex = {
  readonly docCount: number;
  /** matching key -> termId; prefix pseudo-terms are keyed by prefixKey(prefix). */
  readonly termIds: ReadonlyMap<string, number>;
  readonly vocabulary: Vocabulary;
  readonly docFreq: Int32Array;
  readonly idf: Float64Array;
  /** termId -> [postStart[t], postStart[t + 1]) in the post* arrays: every document with t. */
  readonly postStart: Int32Array;
  readonly postDoc: Int32Array;
  readonly postBody: Float32Array;
  /** Largest body weight of each term (a bound used to skip documents). */
  readonly maxBody: Float32Array;
  /** termId -> [inNameStart[t], inNameStart[t + 1]) in inName*: documents with t in the name. */
  readonly inNameStart: Int32Array;
  readonly inNameDoc: Int32Array;
  readonly inNameWeight: Float32Array;
  /** termId -> word offset of its document bitset in termBits, or -1 (rare term: use postings). */
  readonly termBitsAt: Int32Array;
  readonly termBits: Uint32Array;
  /**
   * termId -> offset in `dense` of a row of docCount body (resp. name) weights, or -1. Only for
   * terms in at least DENSE_MIN_SHARE of the documents (resp. of the names).
   */
  readonly denseBodyAt: Int32Array;
  readonly denseNameAt: Int32Array;
  readonly dense: Float32Array;
  /** docId -> [nameStart[d], nameStart[d + 1]) in nameTerms: the name's termIds in order. */
  readonly nameStart: Int32Array;
  readonly nameTerms: Int32Array;
  /** accent key (only keys that differ from their matching key) -> docIds whose name has it. */
  readonly accentNames: ReadonlyMap<string, Int32Array>;
};

/** Terms in at least this many documents get a bitset; rarer ones are cheaper as postings. */
const BITSET_MIN_DOC_FREQ = 16;

/** Share of the documents from which a term gets a dense weight row (4 bytes per document). */
const DENSE_MIN_SHARE = 0.25;

/** Prefixes up to this length are indexed; longer ones expand to their few completions. */
export const MAX_INDEXED_PREFIX = 3;

/**
 * Key of the pseudo-term for a prefix. The control character cannot occur in a token, so these
 * keys never collide with words, and they sort before every word in the vocabulary.
 */
export function prefixKey(prefix: string): string {
  return '\u0001' + prefix;
}

export function isPrefixKey(key: string): boolean {
  return key.charCodeAt(0) === 1;
}

const NAME_AND_ACCENTS = { withAccents: true, normaliseY: true } as const;
const BODY_KEYS_ONLY = { withAccents: false, normaliseY: true } as const;

function grown(array: Int32Array, minLength: number): Int32Array {
  if (array.length >= minLength) return array;
  const next = new Int32Array(Math.max(minLength, array.length * 2));
  next.set(array);
  return next;
}

export function buildInvertedIndex(docs: readonly TextDoc[]): InvertedIndex {
  const docCount = docs.length;
  const termIds = new Map<string, number>();
  const terms: string[] = [];

  // Pass 1: tokenise, counting term frequencies per document into (term, tfName, tfBody) rows.
  let tfName: Int32Array = new Int32Array(4096);
  let tfBody: Int32Array = new Int32Array(4096);
  const touched: number[] = [];
  const rowTerm: number[] = [];
  const rowTfName: number[] = [];
  const rowTfBody: number[] = [];
  const rowStart = new Int32Array(docCount + 1);
  const nameTermList: number[] = [];
  const nameStart = new Int32Array(docCount + 1);
  const nameLength = new Int32Array(docCount);
  const bodyLength = new Int32Array(docCount);
  const accentDocs = new Map<string, number[]>();

  // termId -> ids of its prefix pseudo-terms (empty for pseudo-terms themselves).
  const prefixIdsOf: number[][] = [];
  const newId = (key: string): number => {
    const id = terms.length;
    termIds.set(key, id);
    terms.push(key);
    prefixIdsOf.push([]);
    tfName = grown(tfName, id + 1);
    tfBody = grown(tfBody, id + 1);
    return id;
  };
  const intern = (key: string): number => {
    let id = termIds.get(key);
    if (id === undefined) {
      id = newId(key);
      const prefixIds: number[] = [];
      for (let length = 1; length <= MAX_INDEXED_PREFIX && length < key.length; length++) {
        const pKey = prefixKey(key.slice(0, length));
        prefixIds.push(termIds.get(pKey) ?? newId(pKey));
      }
      prefixIdsOf[id] = prefixIds;
    }
    if (tfName[id] === 0 && tfBody[id] === 0) touched.push(id);
    return id;
  };

  for (let d = 0; d < docCount; d++) {
    const doc = docs[d] as TextDoc;
    let nameTokens = 0;
    scanTokens(doc.name, NAME_AND_ACCENTS, (key, accent) => {
      const id = intern(key);
      tfName[id] = (tfName[id] as number) + 1;
      nameTermList.push(id);
      nameTokens++;
      if (accent !== key) {
        const list = accentDocs.get(accent);
        if (list === undefined) accentDocs.set(accent, [d]);
        else if (list[list.length - 1] !== d) list.push(d);
      }
    });
    let bodyTokens = 0;
    scanTokens(doc.body, BODY_KEYS_ONLY, (key) => {
      const id = intern(key);
      tfBody[id] = (tfBody[id] as number) + 1;
      bodyTokens++;
    });
    nameLength[d] = nameTokens;
    bodyLength[d] = bodyTokens;
    nameStart[d + 1] = nameTermList.length;
    // A prefix's frequency is the summed frequency of the document's words that start with it.
    const wordCount = touched.length;
    for (let i = 0; i < wordCount; i++) {
      const id = touched[i] as number;
      for (const prefixId of prefixIdsOf[id] as number[]) {
        if (tfName[prefixId] === 0 && tfBody[prefixId] === 0) touched.push(prefixId);
        tfName[prefixId] = (tfName[prefixId] as number) + (tfName[id] as number);
        tfBody[prefixId] = (tfBody[prefixId] as number) + (tfBody[id] as number);
      }
    }
    for (const id of touched) {
      rowTerm.push(id);
      rowTfName.push(tfName[id] as number);
      rowTfBody.push(tfBody[id] as number);
      tfName[id] = 0;
      tfBody[id] = 0;
    }
    touched.length = 0;
    rowStart[d + 1] = rowTerm.length;
  }

  // Pass 2: document frequencies, then postings by counting sort (documents stay ascending).
  const termCount = terms.length;
  const rowCount = rowTerm.length;
  const docFreq = new Int32Array(termCount);
  for (let r = 0; r < rowCount; r++) {
    const t = rowTerm[r] as number;
    docFreq[t] = (docFreq[t] as number) + 1;
  }
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = bm25Idf(docCount, docFreq[t] as number);
  const postStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postStart[t + 1] = (postStart[t] as number) + (docFreq[t] as number);

  let nameTotal = 0;
  let bodyTotal = 0;
  for (let d = 0; d < docCount; d++) {
    nameTotal += nameLength[d] as number;
    bodyTotal += bodyLength[d] as number;
  }
  const avgName = nameTotal > 0 ? nameTotal / docCount : 1;
  const avgBody = bodyTotal > 0 ? bodyTotal / docCount : 1;

  const nameFreq = new Int32Array(termCount);
  for (let r = 0; r < rowCount; r++) {
    if ((rowTfName[r] as number) > 0) nameFreq[rowTerm[r] as number] = (nameFreq[rowTerm[r] as number] as number) + 1;
  }
  const inNameStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) inNameStart[t + 1] = (inNameStart[t] as number) + (nameFreq[t] as number);

  const postDoc = new Int32Array(rowCount);
  const postBody = new Float32Array(rowCount);
  const maxBody = new Float32Array(termCount);
  const inNameDoc = new Int32Array(inNameStart[termCount] as number);
  const inNameWeight = new Float32Array(inNameDoc.length);
  const cursor = postStart.slice(0, termCount);
  const nameCursor = inNameStart.slice(0, termCount);
  for (let d = 0; d < docCount; d++) {
    const nameRatio = (nameLength[d] as number) / avgName;
    const bodyRatio = (bodyLength[d] as number) / avgBody;
    for (let r = rowStart[d] as number; r < (rowStart[d + 1] as number); r++) {
      const t = rowTerm[r] as number;
      const at = cursor[t] as number;
      cursor[t] = at + 1;
      postDoc[at] = d;
      const body = Math.fround(bodyWeight(idf[t] as number, rowTfBody[r] as number, bodyRatio));
      postBody[at] = body;
      if (body > (maxBody[t] as number)) maxBody[t] = body;
      const tfName = rowTfName[r] as number;
      if (tfName > 0) {
        const nameAt = nameCursor[t] as number;
        nameCursor[t] = nameAt + 1;
        inNameDoc[nameAt] = d;
        inNameWeight[nameAt] = nameWeight(idf[t] as number, tfName, nameRatio);
      }
    }
  }

  const words = wordCount(docCount);
  const termBitsAt = new Int32Array(termCount).fill(-1);
  let bitsetCount = 0;
  for (let t = 0; t < termCount; t++) {
    if ((docFreq[t] as number) >= BITSET_MIN_DOC_FREQ) termBitsAt[t] = words * bitsetCount++;
  }
  const termBits = new Uint32Array(words * bitsetCount);
  for (let t = 0; t < termCount; t++) {
    const at = termBitsAt[t] as number;
    if (at < 0) continue;
    const bits = termBits.subarray(at, at + words);
    for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) setBit(bits, postDoc[p] as number);
  }

  // Dense rows: body weights of frequent terms that have any (near-stopwords have none), name
  // weights of terms in many names (mostly one-letter prefixes).
  const denseMin = Math.max(BITSET_MIN_DOC_FREQ, Math.ceil(docCount * DENSE_MIN_SHARE));
  const denseBodyAt = new Int32Array(termCount).fill(-1);
  const denseNameAt = new Int32Array(termCount).fill(-1);
  let rows = 0;
  for (let t = 0; t < termCount; t++) {
    if ((docFreq[t] as number) >= denseMin && (maxBody[t] as number) > 0) denseBodyAt[t] = docCount * rows++;
    if ((nameFreq[t] as number) >= denseMin) denseNameAt[t] = docCount * rows++;
  }
  const dense = new Float32Array(docCount * rows);
  for (let t = 0; t < termCount; t++) {
    const bodyAt = denseBodyAt[t] as number;
    if (bodyAt >= 0) {
      for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) {
        dense[bodyAt + (postDoc[p] as number)] = postBody[p] as number;
      }
    }
    const nameAt = denseNameAt[t] as number;
    if (nameAt >= 0) {
      for (let p = inNameStart[t] as number; p < (inNameStart[t + 1] as number); p++) {
        dense[nameAt + (inNameDoc[p] as number)] = inNameWeight[p] as number;
      }
    }
  }

  const vocabulary = buildVocabulary(terms);
  const accentNames = new Map<string, Int32Array>();
  for (const [accent, list] of accentDocs) accentNames.set(accent, Int32Array.from(list));

  return {
    docCount,
    termIds,
    vocabulary,
    docFreq,
    idf,
    postStart,
    postDoc,
    postBody,
    maxBody,
    inNameStart,
    inNameDoc,
    inNameWeight,
    termBitsAt,
    termBits,
    denseBodyAt,
    denseNameAt,
    dense,
    nameStart,
    nameTerms: Int32Array.from(nameTermList),
    accentNames,
  };
}
