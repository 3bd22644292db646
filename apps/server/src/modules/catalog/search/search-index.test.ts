import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSearchIndex, type SearchQuery } from './search-index.ts';
import { BO, FIXTURE, fixtureDoc, KHAC, TINH, XA } from './test-fixture.ts';

const index = buildSearchIndex(FIXTURE);
const ids = (query: Omit<SearchQuery, 'page' | 'pageSize'>, pageSize = 100): string[] =>
  index.search({ page: 1, pageSize, ...query }).items.map((hit) => hit.id);
const top = (q: string): string | undefined => ids({ q })[0];

const THUONG_TRU = '1.004222'; // Đăng ký thường trú

describe('ranking: the procedure named like the query comes first', () => {
  const cases: [q: string, expected: string, why: string][] = [
    ['dang ky thuong tru', THUONG_TRU, 'no diacritics'],
    ['Đăng ký thường trú', THUONG_TRU, 'exact'],
    ['ĐĂNG KÝ THƯỜNG TRÚ', THUONG_TRU, 'upper case'],
    ['dang ky thuongg tru', THUONG_TRU, 'typo: doubled letter'],
    ['dang ky htuong tru', THUONG_TRU, 'typo: transposition'],
    ['đăng kí thường trú', THUONG_TRU, 'kí for ký'],
    ['dang ki thuong tru', THUONG_TRU, 'ki for ky, no diacritics'],
    ['dang ky thuong t', THUONG_TRU, 'typing: last word started'],
    ['dang ky thuong tr', THUONG_TRU, 'typing: two letters'],
    ['dang ky thuo', THUONG_TRU, 'typing: mid-word'],
    ['  đăng   ký,  thường-trú ', THUONG_TRU, 'punctuation and spacing'],
    ['ket hon', '1.000656', 'Đăng ký kết hôn'],
    ['khai sinh', '1.001193', 'Đăng ký khai sinh before Đăng ký lại khai sinh'],
    ['lý lịch tư pháp', '2.001417', 'Phiếu lý lịch tư pháp'],
    ['lí lịch tư pháp', '2.001417', 'lí for lý'],
    ['ho chieu', '2.002131', 'hộ chiếu'],
    ['hoà giải', '1.012792', 'old tone placement: hoà for hòa'],
    ['giay phep xay dung', '1.009994', 'giấy phép xây dựng'],
    ['chung thuc ban sao', '2.000815', 'chứng thực bản sao'],
    ['kĩ sư', '1.000211', 'kĩ for kỹ'],
    ['hoan thue', '1.007750', 'hoàn thuế'],
    ['1.004222', THUONG_TRU, 'a procedure code'],
  ];
  for (const [q, expected, why] of cases) {
    it(`${JSON.stringify(q)} → ${fixtureDoc(expected).name} (${why})`, () => {
      assert.equal(top(q), expected);
    });
  }
});

describe('ranking: name above body', () => {
  it('every procedure with the query in its name outranks the one that only repeats it in the body', () => {
    const order = ids({ q: 'dang ky thuong tru' });
    const bodyOnly = order.indexOf('1.010042'); // Xác nhận thông tin về cư trú
    assert.ok(bodyOnly >= 0, 'the body match is found');
    for (const named of [THUONG_TRU, '1.003197', '1.010040']) {
      assert.ok(order.indexOf(named) >= 0 && order.indexOf(named) < bodyOnly, `${named} before the body-only match`);
    }
  });

  it('marks name matches', () => {
    const hits = index.search({ q: 'dang ky thuong tru', page: 1, pageSize: 10 }).items;
    assert.equal(hits.find((h) => h.id === THUONG_TRU)?.matched.name, true);
    assert.equal(hits.find((h) => h.id === '1.010042')?.matched.name, false);
  });

  it('a shorter name that starts with the query beats a longer one containing it', () => {
    const order = ids({ q: 'dang ky thuong tru' });
    assert.ok(order.indexOf(THUONG_TRU) < order.indexOf('1.003197'));
  });

  it('scores are descending', () => {
    const scores = index.search({ q: 'dang ky', page: 1, pageSize: 100 }).items.map((h) => h.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  });
});

describe('ranking: accents and ties', () => {
  it('an accented query prefers the exact-accent name', () => {
    assert.equal(top('đăng ký mẫu dấu'), '3.000101');
    assert.equal(top('đăng ký mẫu dầu'), '3.000102');
  });

  it('"thuế" puts tax procedures first, "thuê" the rent one', () => {
    const tax = ['1.007749', '1.007750'];
    assert.ok(tax.includes(top('thuế') ?? ''), `got ${top('thuế')}`);
    assert.equal(top('thuê'), '1.010900');
  });

  it('without accents both match with equal scores, ordered by id', () => {
    const hits = index.search({ q: 'dang ky mau dau', page: 1, pageSize: 10 }).items;
    assert.deepEqual(hits.map((h) => h.id), ['3.000101', '3.000102']);
    assert.equal(hits[0]?.score, hits[1]?.score);
  });

  it('identical procedures at two levels tie and order by id', () => {
    const hits = index.search({ q: 'trich luc ho tich', page: 1, pageSize: 10 }).items;
    assert.deepEqual(hits.slice(0, 2).map((h) => h.id), ['2.000547', '2.000635']);
    assert.equal(hits[0]?.score, hits[1]?.score);
  });
});

describe('matching', () => {
  it('all terms must match when some procedure has them all', () => {
    assert.deepEqual(ids({ q: 'dang ky ket hon' }), ['1.000656']);
  });

  it('falls back to any-term matching, best coverage first, when none has them all', () => {
    const order = ids({ q: 'dang ky thuong tru xyzzyq' });
    assert.equal(order[0], THUONG_TRU);
    assert.ok(order.length > 3);
  });

  it('no match at all → total 0', () => {
    const result = index.search({ q: 'qwxzvbn', page: 1, pageSize: 20 });
    assert.equal(result.total, 0);
    assert.deepEqual(result.items, []);
    assert.deepEqual(result.facets, { levels: [], fields: [] });
  });

  it('a very long query (more distinct words than the term limit) ranks by coverage', () => {
    const words = FIXTURE.flatMap((doc) => doc.name.split(' ')).slice(0, 60);
    const result = index.search({ q: words.join(' '), page: 1, pageSize: 5 });
    assert.ok(result.total > 0);
    // No procedure has all 31 first words; the one whose name has most of them leads.
    assert.equal(result.items[0]?.id, '1.010040');
  });

  it('a query of punctuation only browses like an empty query', () => {
    assert.deepEqual(ids({ q: ' ?!, ' }), ids({}));
  });
});

describe('empty query', () => {
  const collator = new Intl.Collator('vi');
  const byName = (list: readonly (typeof FIXTURE)[number][]) =>
    [...list].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)).map((d) => d.id);

  it('lists every procedure in Vietnamese name order', () => {
    const result = index.search({ page: 1, pageSize: 100 });
    assert.equal(result.total, FIXTURE.length);
    assert.deepEqual(result.items.map((h) => h.id), byName(FIXTURE));
  });

  it('lists filtered procedures in name order', () => {
    const expected = byName(FIXTURE.filter((d) => d.filters.levels.includes(TINH)));
    assert.deepEqual(ids({ levels: [TINH] }), expected);
  });

  it('Vietnamese order puts Đ between D and E, not after Z as code points would', () => {
    const names = index.search({ page: 1, pageSize: 100 }).items.map((h) => fixtureDoc(h.id).name);
    const firstD = names.findIndex((n) => n.startsWith('Đ'));
    assert.ok(firstD > names.indexOf('Chứng thực bản sao từ bản chính giấy tờ, văn bản'));
    assert.ok(firstD < names.indexOf('Giải quyết khiếu nại lần đầu'));
  });
});

describe('filters', () => {
  const cases: [label: string, query: Omit<SearchQuery, 'page' | 'pageSize'>, expected: (d: (typeof FIXTURE)[number]) => boolean][] = [
    ['level', { q: 'dang ky', levels: [TINH] }, (d) => d.filters.levels.includes(TINH)],
    ['levels any-of', { q: 'cap', levels: [BO, KHAC] }, (d) => d.filters.levels.some((l) => l === BO || l === KHAC)],
    ['field', { q: 'dang ky', field: 'Hộ tịch' }, (d) => d.filters.field === 'Hộ tịch'],
    ['agency', { q: 'cap', agency: 'Công an cấp tỉnh' }, (d) => d.filters.agencies.includes('Công an cấp tỉnh')],
    ['field, NFD spelling', { field: 'Hộ tịch'.normalize('NFD') }, (d) => d.filters.field === 'Hộ tịch'],
    ['field and level', { field: 'Thuế', levels: [BO] }, (d) => d.filters.field === 'Thuế' && d.filters.levels.includes(BO)],
  ];
  for (const [label, query, expected] of cases) {
    it(`${label}: only matching procedures, all of them`, () => {
      const got = ids(query);
      assert.ok(got.length > 0);
      for (const id of got) assert.ok(expected(fixtureDoc(id)), `${id} passes the filter`);
      const unfiltered = ids({ ...(query.q === undefined ? {} : { q: query.q }) });
      assert.deepEqual(got, unfiltered.filter((id) => expected(fixtureDoc(id))));
    });
  }

  const empty: [label: string, query: Omit<SearchQuery, 'page' | 'pageSize'>][] = [
    ['unknown field', { q: 'dang ky', field: 'Không có' }],
    ['unknown agency', { agency: 'Bộ Không Tồn Tại' }],
    ['unknown level', { levels: ['Cấp thôn'] }],
  ];
  for (const [label, query] of empty) {
    it(`${label} → nothing`, () => {
      assert.equal(index.search({ page: 1, pageSize: 10, ...query }).total, 0);
    });
  }
});

describe('facets', () => {
  /** Counts levels/fields over the results of `query` with its own dimension's filter removed. */
  const expectedFacets = (query: Omit<SearchQuery, 'page' | 'pageSize'>) => {
    const { levels: _levels, ...withoutLevels } = query;
    const { field: _field, ...withoutField } = query;
    const count = (list: string[], values: (id: string) => readonly string[]) => {
      const counts = new Map<string, number>();
      for (const id of list) for (const v of values(id)) counts.set(v, (counts.get(v) ?? 0) + 1);
      return counts;
    };
    return {
      levels: count(ids(withoutLevels), (id) => fixtureDoc(id).filters.levels),
      fields: count(ids(withoutField), (id) => {
        const field = fixtureDoc(id).filters.field;
        return field === null ? [] : [field];
      }),
    };
  };
  const asMap = (list: readonly { value: string; count: number }[]) => new Map(list.map((f) => [f.value, f.count]));

  const queries: Omit<SearchQuery, 'page' | 'pageSize'>[] = [
    {},
    { q: 'dang ky' },
    { q: 'dang ky', levels: [XA] },
    { q: 'cap', field: 'Hộ tịch' },
    { q: 'cap', levels: [TINH], field: 'Xuất nhập cảnh' },
    { levels: [BO], agency: 'Cục Thuế' },
  ];
  for (const query of queries) {
    it(`${JSON.stringify(query)}: each facet ignores its own filter`, () => {
      const { facets } = index.search({ page: 1, pageSize: 1, ...query });
      const expected = expectedFacets(query);
      assert.deepEqual(asMap(facets.levels), expected.levels);
      assert.deepEqual(asMap(facets.fields), expected.fields);
    });
  }

  it('sorted by count, descending', () => {
    const { facets } = index.search({ page: 1, pageSize: 1 });
    for (const list of [facets.levels, facets.fields]) {
      const counts = list.map((f) => f.count);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    }
    assert.equal(facets.levels[0]?.value, XA);
  });
});

describe('paging', () => {
  it('pages continue each other and keep the total', () => {
    const all = index.search({ q: 'dang ky', page: 1, pageSize: 100 });
    const pages = [1, 2, 3, 4].map((page) => index.search({ q: 'dang ky', page, pageSize: 4 }));
    for (const page of pages) assert.equal(page.total, all.total);
    assert.deepEqual(
      pages.flatMap((p) => p.items),
      all.items.slice(0, 16),
    );
  });

  it('a page past the end is empty', () => {
    const result = index.search({ q: 'dang ky', page: 50, pageSize: 10 });
    assert.deepEqual(result.items, []);
    assert.ok(result.total > 0);
    assert.deepEqual(index.search({ page: 50, pageSize: 10 }).items, []);
  });

  const invalid: [page: number, pageSize: number][] = [
    [0, 10],
    [-1, 10],
    [1.5, 10],
    [1, 0],
    [1, 101],
    [1, Number.NaN],
  ];
  for (const [page, pageSize] of invalid) {
    it(`rejects page=${page} pageSize=${pageSize}`, () => {
      assert.throws(() => index.search({ page, pageSize }), RangeError);
    });
  }
});

describe('building', () => {
  it('rejects duplicate ids', () => {
    assert.throws(() => buildSearchIndex([fixtureDoc(THUONG_TRU), fixtureDoc(THUONG_TRU)]), /duplicate/);
  });

  it('an empty catalogue searches to nothing', () => {
    const empty = buildSearchIndex([]);
    assert.equal(empty.size, 0);
    assert.deepEqual(empty.search({ q: 'dang ky', page: 1, pageSize: 10 }), { total: 0, items: [], facets: { levels: [], fields: [] } });
    assert.equal(empty.search({ page: 1, pageSize: 10 }).total, 0);
  });
});
