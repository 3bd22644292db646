// Writes a search answer as JSON bytes from fragments encoded once per index build.
//
// Search answers are 10–15 KB of mostly Vietnamese text; JSON.stringify plus UTF-8 encoding of that
// cost more than the search itself (≈80 µs against ≈60 µs). The summaries and facet values only
// change when the index is rebuilt, so each is encoded once and an answer is a concatenation of
// ready bytes, with the per-query numbers (score, totals, counts) written in between.
// The shape is the ProcedurePage contract; catalog tests parse the bytes against that schema.

type Summary = { code: string } & Record<string, unknown>;
type Hit = Summary & { score: number; matchedInName: boolean };
type FacetCount = { value: string; count: number };
export type AnswerForJson = {
  items: Hit[];
  page: number;
  pageSize: number;
  total: number;
  facets: { levels: FacetCount[]; fields: FacetCount[] };
};

export type AnswerEncoder = { encode(answer: AnswerForJson): Buffer };

/** Pieces of an answer: pre-encoded bytes, or ASCII text (numbers, keys, punctuation). */
type Piece = Buffer | string;

/** One allocation for the whole answer: measure, then copy bytes and write ASCII text in place. */
function join(pieces: Piece[]): Buffer {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = Buffer.allocUnsafe(length);
  let offset = 0;
  for (const piece of pieces) offset += typeof piece === 'string' ? out.write(piece, offset, 'latin1') : piece.copy(out, offset);
  return out;
}

export function createAnswerEncoder(summaries: Iterable<Summary>): AnswerEncoder {
  // Each summary as `{...` without its closing brace, so the hit's own fields can follow.
  const summaryPrefix = new Map<string, Buffer>();
  for (const summary of summaries) {
    summaryPrefix.set(summary.code, Buffer.from(JSON.stringify(summary).slice(0, -1), 'utf8'));
  }
  const stringCache = new Map<string, Buffer>();
  const jsonString = (value: string): Buffer => {
    let bytes = stringCache.get(value);
    if (!bytes) {
      bytes = Buffer.from(JSON.stringify(value), 'utf8');
      stringCache.set(value, bytes);
    }
    return bytes;
  };

  function facetList(pieces: Piece[], list: FacetCount[]) {
    pieces.push('[');
    list.forEach((facet, i) => pieces.push(i === 0 ? '{"value":' : ',{"value":', jsonString(facet.value), `,"count":${facet.count}}`));
    pieces.push(']');
  }

  return {
    encode(answer) {
      const pieces: Piece[] = ['{"items":['];
      answer.items.forEach((hit, i) => {
        const prefix =
          summaryPrefix.get(hit.code) ?? Buffer.from(JSON.stringify({ ...hit, score: undefined, matchedInName: undefined }).slice(0, -1), 'utf8');
        pieces.push(i === 0 ? '' : ',', prefix, `,"score":${JSON.stringify(hit.score)},"matchedInName":${hit.matchedInName}}`);
      });
      pieces.push(`],"page":${answer.page},"pageSize":${answer.pageSize},"total":${answer.total},"facets":{"levels":`);
      facetList(pieces, answer.facets.levels);
      pieces.push(',"fields":');
      facetList(pieces, answer.facets.fields);
      pieces.push('}}');
      return join(pieces);
    },
  };
}
