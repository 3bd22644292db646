import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { boundedEditDistance, buildTypoDictionary, maxEditsFor } from './typo.ts';

/** Textbook optimal-string-alignment distance, as the oracle. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'n', 'g', 'h'), maxLength: 9 });

describe('boundedEditDistance', () => {
  const cases: [a: string, b: string, distance: number][] = [
    ['thuong', 'thuong', 0],
    ['thuongg', 'thuong', 1], // insertion
    ['thong', 'thuong', 1], // deletion
    ['thuomg', 'thuong', 1], // substitution
    ['htuong', 'thuong', 1], // transposition
    ['thoung', 'thuong', 1], // transposition
    ['dnag', 'dang', 1],
    ['chiinh', 'chinh', 1],
    ['abc', 'xyz', 3],
  ];
  for (const [a, b, distance] of cases) {
    it(`${a} ↔ ${b} = ${distance}`, () => {
      assert.equal(boundedEditDistance(a, b, 3), distance);
    });
  }

  it('agrees with the textbook OSA distance, capped at limit + 1', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, limit) => {
        assert.equal(boundedEditDistance(a, b, limit), Math.min(osa(a, b), limit + 1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('maxEditsFor', () => {
  it('no tolerance below 4 characters, 1 edit up to 7, 2 edits from 8', () => {
    assert.deepEqual([3, 4, 7, 8, 12].map(maxEditsFor), [0, 1, 1, 2, 2]);
  });
});

describe('buildTypoDictionary', () => {
  const terms = ['dang', 'thuong', 'truong', 'chinh', 'dieu', 'nghiep', 'doanh', 'chungthuc', '2013', 'tru'];
  const dictionary = buildTypoDictionary(terms, (id) => terms[id] !== '2013');
  const found = (token: string) =>
    dictionary
      .candidates(token)
      .map((c) => `${terms[c.termId]}:${c.distance}`)
      .sort();

  const cases: [token: string, expected: string[]][] = [
    ['thuongg', ['thuong:1']],
    ['htuong', ['thuong:1']],
    ['dnag', ['dang:1']],
    ['chiinh', ['chinh:1']],
    ['deiu', ['dieu:1']],
    ['chungthc', ['chungthuc:1']], // long: up to two edits
    ['cuhngthc', ['chungthuc:2']], // a transposition and a deletion
    ['thuong', ['truong:1']], // a term is not its own typo, but its neighbours are
    ['2014', []], // excluded term
    ['tru', []], // too short for typo tolerance
    ['xyzw', []],
  ];
  for (const [token, expected] of cases) {
    it(`${token} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(found(token), expected);
    });
  }

  it('finds exactly the eligible terms within the edit budget (brute-force oracle)', () => {
    const vocabulary = fc.uniqueArray(word.filter((w) => w.length >= 3), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(vocabulary, word, (list, token) => {
        const dict = buildTypoDictionary(list, () => true);
        const limit = maxEditsFor(token.length);
        const expected = list
          .filter((term) => term !== token && limit > 0 && osa(term, token) <= limit)
          .sort();
        const actual = dict
          .candidates(token)
          .map((c) => list[c.termId] as string)
          .sort();
        assert.deepEqual(actual, expected);
      }),
      { numRuns: 500 },
    );
  });
});
