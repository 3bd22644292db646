import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProcedurePage } from '@congso/contracts';
import { sql } from 'drizzle-orm';
import { createTestApp, injectGet, type TestApp } from '../../kernel/testing/test-app.ts';
import { foldVietnamese } from '../../kernel/text.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const get = (url: string) => injectGet(t, url);

type Item = { code: string; name: string; matchedInName: boolean; levels: string[]; field: string | null };

describe('GET /api/v1/procedures (search)', () => {
  it('holds all 2,642 national procedures', async () => {
    const { status, body } = await get('/api/v1/procedures?pageSize=1');
    assert.equal(status, 200);
    assert.equal(body.total, 2642);
  });

  it('answers in the documented ProcedurePage shape, twice the same (cached bytes)', async () => {
    const first = await t.app.inject('/api/v1/procedures?q=ket%20hon&pageSize=50');
    assert.match(String(first.headers['content-type']), /application\/json; charset=utf-8/);
    const page = ProcedurePage.parse(first.json());
    assert.ok(page.items.length > 0);
    const second = await t.app.inject('/api/v1/procedures?q=ket%20hon&pageSize=50');
    assert.equal(second.body, first.body);
  });

  for (const q of ['dang ky thuong tru', 'Đăng ký thường trú', 'dang ky thuongg tru', 'đăng kí thường trú', 'dang ky thuong t']) {
    it(`finds "Đăng ký thường trú" first for q=${q}`, async () => {
      const { status, body } = await get(`/api/v1/procedures?q=${encodeURIComponent(q)}`);
      assert.equal(status, 200);
      assert.ok(body.total > 0);
      assert.equal(body.items[0].name, 'Đăng ký thường trú');
    });
  }

  it('ranks procedures named by the query above those that only mention it in the body', async () => {
    const items: Item[] = [];
    for (let page = 1; page <= 10; page++) {
      const { body } = await get(`/api/v1/procedures?q=thuong%20tru%20&pageSize=100&page=${page}`);
      items.push(...(body.items as Item[]));
      if (items.length >= body.total) break;
    }
    const names = items.map((item) => foldVietnamese(item.name));
    const named = names.map((name) => /\bthuong tru\b/.test(name));
    const notNamed = names.map((name) => !/\bthuong\b/.test(name) && !/\btru\b/.test(name));
    assert.ok(named.some(Boolean), 'some names contain the phrase');
    assert.ok(notNamed.some(Boolean), 'some results match in the body only');
    assert.ok(named.lastIndexOf(true) < notNamed.indexOf(true), 'every name match comes before the first body-only match');
  });

  it('filters by level and field, and counts facets', async () => {
    const { body } = await get('/api/v1/procedures?q=ho%20tich&level=commune&pageSize=100');
    assert.ok(body.total > 0);
    assert.ok((body.items as Item[]).every((item) => item.levels.includes('commune')));
    assert.ok(body.facets.levels.some((f: { value: string }) => f.value === 'province'), 'the level facet ignores the level filter');
    const field = body.facets.fields[0].value as string;
    const byField = await get(`/api/v1/procedures?q=ho%20tich&level=commune&field=${encodeURIComponent(field)}&pageSize=100`);
    assert.equal(byField.body.total, body.facets.fields[0].count);
    assert.ok((byField.body.items as Item[]).every((item) => item.field === field));
  });

  it('accepts several levels', async () => {
    const { status, body } = await get('/api/v1/procedures?level=commune&level=ministry&pageSize=100');
    assert.equal(status, 200);
    assert.ok((body.items as Item[]).every((item) => item.levels.includes('commune') || item.levels.includes('ministry')));
  });

  it('pages without overlap', async () => {
    const first = await get('/api/v1/procedures?q=giay%20phep&page=1&pageSize=10');
    const second = await get('/api/v1/procedures?q=giay%20phep&page=2&pageSize=10');
    const codes = new Set([...first.body.items, ...second.body.items].map((item: Item) => item.code));
    assert.equal(codes.size, 20);
    assert.equal(first.body.total, second.body.total);
  });

  it('matches nothing for text with nothing searchable in it', async () => {
    const { status, body } = await get(`/api/v1/procedures?q=${encodeURIComponent('😀 ?!')}`);
    assert.equal(status, 200);
    assert.equal(body.total, 0);
  });

  it('answers an empty result, not an error, for nonsense', async () => {
    const { status, body } = await get('/api/v1/procedures?q=zzqxxw%20qqqzz');
    assert.equal(status, 200);
    assert.equal(body.total, 0);
  });

  for (const bad of ['page=0', 'pageSize=101', 'pageSize=abc', 'level=district', `q=${'a'.repeat(201)}`]) {
    it(`answers 400 problem+json for ${bad.slice(0, 30)}`, async () => {
      const { status, type, body } = await get(`/api/v1/procedures?${bad}`);
      assert.equal(status, 400);
      assert.match(type, /problem\+json/);
      assert.equal(body.code, 'request.invalid');
    });
  }
});

describe('GET /api/v1/procedures/{code}', () => {
  it('answers the parsed procedure with its channels, documents and legal bases', async () => {
    const search = await get('/api/v1/procedures?q=dang%20ky%20thuong%20tru&pageSize=1');
    const code = search.body.items[0].code as string;
    const { status, body } = await get(`/api/v1/procedures/${code}`);
    assert.equal(status, 200);
    assert.equal(body.name, 'Đăng ký thường trú');
    assert.ok(body.channels.length > 0);
    assert.ok(body.documents.length > 0);
    assert.ok(body.legalBases.length > 0);
    assert.equal(typeof body.parse.complete, 'boolean');
  });

  it('keeps the raw source next to the parsed fields', async () => {
    const { status, body } = await get('/api/v1/procedures/1.000178/source');
    assert.equal(status, 200);
    assert.match(body.fields.ten_thu_tuc, /khiếu nại/);
    assert.equal(body.fields.ten_thu_tuc, body.fields.ten_thu_tuc.normalize('NFC'));
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const missing = await get('/api/v1/procedures/9.999999');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.code, 'catalog.procedure_not_found');
    assert.equal((await get('/api/v1/procedures/abc')).status, 400);
  });
});

describe('GET /api/v1/procedures/facets', () => {
  it('lists levels and fields with counts', async () => {
    const { body } = await get('/api/v1/procedures/facets');
    assert.ok(body.levels.length >= 3);
    assert.ok(body.fields.length > 20);
    assert.ok(body.fields.every((f: { count: number }) => f.count > 0));
  });
});

describe('catalogue changes', () => {
  it('rebuilds the search index when the catalogue changes', async () => {
    await t.db.database.db.execute(sql`update catalog.procedure set name = 'Cấp giấy xác nhận thử nghiệm zyxwv', updated_at = now() where code = '1.000178'`);
    const catalog = t.modules.find((module) => module.name === 'catalog') as unknown as { service: { reloadIfChanged(): Promise<void> } };
    await catalog.service.reloadIfChanged();
    const { body } = await get('/api/v1/procedures?q=zyxwv');
    assert.equal(body.items[0]?.code, '1.000178');
  });
});
