import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../kernel/clock.ts';
import { createTestApp, injectGet, type TestApp } from '../../kernel/testing/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ clock: fixedClock('2026-11-23T03:00:00Z') });
});
after(async () => t.close());

const get = (url: string) => injectGet(t, url);

describe('GET /api/v1/admin-units/{code}', () => {
  it('answers the unit as it is today: 79 is the merged TP Hồ Chí Minh', async () => {
    const { status, body } = await get('/api/v1/admin-units/79');
    assert.equal(status, 200);
    assert.equal(body.fullName, 'Thành phố Hồ Chí Minh');
    assert.equal(body.validFrom, '2025-07-01');
  });

  it('answers the unit as it was on a date: 25747 was Phường Phú Cường before the reform', async () => {
    const before2025 = await get('/api/v1/admin-units/25747?at=2025-03-01');
    assert.equal(before2025.status, 200);
    assert.equal(before2025.body.fullName, 'Phường Phú Cường');
    assert.equal(before2025.body.validTo, '2025-07-01');
    const now = await get('/api/v1/admin-units/25747');
    assert.equal(now.body.fullName, 'Phường Thủ Dầu Một');
  });

  it('keeps the 2026 update as a new version: Đồng Nai became a centrally-run city on 30/04/2026', async () => {
    const before2026 = await get('/api/v1/admin-units/75?at=2026-01-01');
    assert.equal(before2026.body.kind, 'Tỉnh');
    const after2026 = await get('/api/v1/admin-units/75?at=2026-05-01');
    assert.equal(after2026.body.kind, 'Thành phố');
    assert.equal(after2026.body.validFrom, '2026-04-30');
  });

  it('answers 404 problem+json for a code that did not exist then', async () => {
    const { status, body, type } = await get('/api/v1/admin-units/99999');
    assert.equal(status, 404);
    assert.match(type, /application\/problem\+json/);
    assert.equal(body.code, 'geo.unit_not_found');
    assert.ok(body.messages.vi.length > 0 && body.messages.en.length > 0);
  });

  for (const url of ['/api/v1/admin-units/7a', '/api/v1/admin-units/1234', '/api/v1/admin-units/79?at=2025-13-01', '/api/v1/admin-units/79?at=yesterday']) {
    it(`answers 400 for ${url}`, async () => {
      const { status, body, type } = await get(url);
      assert.equal(status, 400);
      assert.match(type, /application\/problem\+json/);
      assert.equal(body.code, 'request.invalid');
    });
  }
});

describe('GET /api/v1/admin-units', () => {
  it('lists the 168 communes of TP Hồ Chí Minh today', async () => {
    const { status, body } = await get('/api/v1/admin-units?parent=79&pageSize=100');
    assert.equal(status, 200);
    assert.equal(body.total, 168);
    assert.equal(body.items.length, 100);
    assert.ok(body.items.every((unit: { parentCode: string; level: string }) => unit.parentCode === '79' && unit.level === 'commune'));
  });

  it('lists the 22 districts of old TP Hồ Chí Minh on 2025-03-01', async () => {
    const { body } = await get('/api/v1/admin-units?parent=79&at=2025-03-01&pageSize=100');
    assert.equal(body.total, 22);
    assert.ok(body.items.every((unit: { level: string }) => unit.level === 'district'));
  });

  it('counts 34 provinces and 3,321 communes after the reform, 63/696/10,035 before', async () => {
    const count = async (query: string) => (await get(`/api/v1/admin-units?${query}&pageSize=1`)).body.total;
    assert.equal(await count('level=province&at=2025-07-01'), 34);
    assert.equal(await count('level=commune&at=2025-07-01'), 3321);
    assert.equal(await count('level=province&at=2025-03-01'), 63);
    assert.equal(await count('level=district&at=2025-03-01'), 696);
    assert.equal(await count('level=commune&at=2025-03-01'), 10035);
  });

  it('finds units by name without diacritics', async () => {
    const { body } = await get('/api/v1/admin-units?q=thu%20dau%20mot');
    assert.ok(body.total >= 1);
    assert.equal(body.items[0].fullName, 'Phường Thủ Dầu Một');
  });

  it('rejects a page size over 100', async () => {
    assert.equal((await get('/api/v1/admin-units?pageSize=101')).status, 400);
  });
});

describe('GET /api/v1/admin-units/resolve', () => {
  it('resolves an old commune code to the current unit with its coverage', async () => {
    const { status, body } = await get('/api/v1/admin-units/resolve?legacyCode=25747');
    assert.equal(status, 200);
    assert.equal(body.legacyUnit.fullName, 'Phường Phú Cường');
    assert.deepEqual(
      body.successors.map((s: { unit: { code: string }; coverage: string }) => [s.unit.code, s.coverage]),
      [['25747', 'full']],
    );
  });

  it('resolves a partially split commune to several units flagged partial', async () => {
    // Phường Chánh Mỹ was split: part went to Phường Thủ Dầu Một.
    const { body } = await get('/api/v1/admin-units/resolve?legacyCode=25768');
    assert.ok(body.successors.length >= 1);
    assert.ok(body.successors.some((s: { coverage: string }) => s.coverage === 'partial'));
  });

  it('resolves an old province to the merged province', async () => {
    const { body } = await get('/api/v1/admin-units/resolve?legacyCode=74');
    assert.equal(body.legacyUnit.fullName, 'Tỉnh Bình Dương');
    assert.deepEqual(body.successors.map((s: { unit: { code: string } }) => s.unit.code), ['79']);
  });

  it('answers 404 for an unknown legacy code and 400 for a malformed one', async () => {
    assert.equal((await get('/api/v1/admin-units/resolve?legacyCode=99999')).status, 404);
    assert.equal((await get('/api/v1/admin-units/resolve?legacyCode=abc')).status, 400);
    assert.equal((await get('/api/v1/admin-units/resolve')).status, 400);
  });
});
