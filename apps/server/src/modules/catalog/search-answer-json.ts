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

const ascii = (text: string) => Buffer.from(text, 'latin1');

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
  const OPEN_ITEMS = ascii('{"items":[');
  const COMMA = ascii(',');

  function facetList(parts: Buffer[], list: FacetCount[]) {
    parts.push(ascii('['));
    list.forEach((facet, i) => {
      parts.push(ascii(i === 0 ? '{"value":' : ',{"value":'), jsonString(facet.value), ascii(`,"count":${facet.count}}`));
    });
    parts.push(ascii(']'));
  }

  return {
    encode(answer) {
      const parts: Buffer[] = [OPEN_ITEMS];
      answer.items.forEach((hit, i) => {
        if (i > 0) parts.push(COMMA);
        const prefix = summaryPrefix.get(hit.code) ?? Buffer.from(JSON.stringify({ ...hit, score: undefined, matchedInName: undefined }).slice(0, -1), 'utf8');
        parts.push(prefix, ascii(`,"score":${JSON.stringify(hit.score)},"matchedInName":${hit.matchedInName}}`));
      });
      parts.push(ascii(`],"page":${answer.page},"pageSize":${answer.pageSize},"total":${answer.total},"facets":{"levels":`));
      facetList(parts, answer.facets.levels);
      parts.push(ascii(',"fields":'));
      facetList(parts, answer.facets.fields);
      parts.push(ascii('}}'));
      return Buffer.concat(parts);
    },
  };
}
