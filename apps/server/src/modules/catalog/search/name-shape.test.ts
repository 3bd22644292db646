/**
 * The ranking's exactness rests on one invariant: the cheap shape bounds enclose the exact
 * name-shape factor, and equal bounds are the factor. Checked against the definition of the name
 * mask (a term is in the name when one of its expansions is in the document's name list).
 */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildInvertedIndex, isPrefixKey, type InvertedIndex } from './inverted-index.ts';
import { createNameShape } from './name-shape.ts';
import { planQuery, type QueryPlan } from './query-plan.ts';
import { loadRealCatalog, realCatalogAvailable } from './real-catalog.ts';
import type { SearchDoc } from './search-index.ts';
import { FIXTURE } from './test-fixture.ts';
import { buildTypoDictionary } from './typo.ts';

/** Per document: bits of the plan's terms that have an expansion in the document's name. */
function nameMasks(index: InvertedIndex, plan: QueryPlan): Uint32Array {
  const masks = new Uint32Array(index.docCount);
  plan.terms.forEach((term, u) => {
    for (const t of term.expansionIds) {
      for (let p = index.inNameStart[t] as number; p < (index.inNameStart[t + 1] as number); p++) {
        const d = index.inNameDoc[p] as number;
        masks[d] = ((masks[d] as number) | (1 << u)) >>> 0;
      }
    }
  });
  return masks;
}

function checkBounds(docs: readonly SearchDoc[], runs: number): void {
  const index = buildInvertedIndex(docs);
  const terms = index.vocabulary.terms;
  const typos = buildTypoDictionary(terms, (t) => !isPrefixKey(terms[t] as string) && !/\d/.test(terms[t] as string));
  const shape = createNameShape(index);
  const out = new Float64Array(2);
  const words = docs.flatMap((doc) => doc.name.split(/\s+/u)).filter((w) => w !== '');
  // Name fragments, usually cut inside the last word (search-as-you-type): prefixes, typos and
  // repeated words all occur.
  const query = fc
    .tuple(fc.integer({ min: 0, max: words.length - 1 }), fc.integer({ min: 1, max: 6 }), fc.nat(4))
    .map(([i, n, cut]) => {
      const text = words.slice(i, i + n).join(' ');
      return cut > 0 ? text.slice(0, Math.max(1, text.length - cut)) : text;
    });
  fc.assert(
    fc.property(query, (q) => {
      const plan = planQuery(q, index, typos);
      shape.prepare(plan);
      const masks = nameMasks(index, plan);
      masks.forEach((mask, d) => {
        if (mask === 0) return;
        shape.bounds(d, mask, out);
        const factor = shape.factor(d, mask);
        const [low, high] = [out[0] as number, out[1] as number];
        assert.ok(low <= factor && factor <= high, `${q} / doc ${d}: ${low} ≤ ${factor} ≤ ${high}`);
        if (low === high) assert.equal(factor, low);
      });
    }),
    { numRuns: runs },
  );
}

describe('name-shape bounds', () => {
  it('enclose the exact factor (fixture)', () => {
    checkBounds(FIXTURE, 300);
  });

  it('enclose the exact factor (real catalogue)', { skip: realCatalogAvailable() ? false : 'no data' }, () => {
    checkBounds(loadRealCatalog(), 200);
  });
});
