import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JSON_POINTER, valueAt, withValueAt } from '@congso/contracts';
import { applyPrefill, type PrefillRule } from './prefill.ts';

const POPULATION: PrefillRule = {
  service: 'VN/GOV/G01/population-registry/person',
  subject: 'applicant',
  source: { vi: 'Cơ sở dữ liệu quốc gia về dân cư', en: 'National population database' },
  fields: { '/declarant/fullName': '/fullName', '/declarant/personalId': '/personalId', '/mother/residence': '/permanentResidence/address' },
};
const ANSWER = { personalId: '079199000123', fullName: 'Trần Thị Thử', permanentResidence: { communeCode: '25747', address: 'Số 1, phường Thủ Dầu Một' } };

describe('JSON Pointer', () => {
  it('reads and writes nested members, escaped tokens included', () => {
    const cases: [unknown, string, unknown][] = [
      [{ a: { b: 1 } }, '/a/b', 1],
      [{ a: { b: 1 } }, '/a/c', undefined],
      [{ 'x/y': { '~z': 2 } }, '/x~1y/~0z', 2],
      [{ a: [10, 20] }, '/a/1', 20],
      [{ a: 'text' }, '/a/length', undefined],
      [{}, '/toString', undefined],
    ];
    for (const [root, pointer, expected] of cases) assert.equal(valueAt(root, pointer), expected, pointer);
    assert.deepEqual(withValueAt({ a: { keep: true } }, '/a/b', 1), { a: { keep: true, b: 1 } });
    assert.deepEqual(withValueAt({}, '/x~1y/z', 'v'), { 'x/y': { z: 'v' } });
    assert.deepEqual(withValueAt({}, '/__proto__/polluted', 1), {}, 'prototype keys are never written');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('what is written is read back, and nothing else changes (property)', () => {
    const token = fc.string({ minLength: 1, maxLength: 6 }).filter((t) => !['__proto__', 'constructor', 'prototype'].includes(t));
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 4 }), fc.string(), (path, value) => {
        const pointer = '/' + path.map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
        assert.match(pointer, JSON_POINTER);
        const before = { untouched: 1 };
        const after = withValueAt(before, pointer, value);
        assert.equal(valueAt(after, pointer), value);
        assert.deepEqual(before, { untouched: 1 }, 'the input is not mutated');
      }),
    );
  });
});

describe('applyPrefill', () => {
  it('fills the declared fields from the answer and says where each came from', () => {
    const { formData, record } = applyPrefill({}, [{ rule: POPULATION, body: ANSWER }]);
    assert.deepEqual(formData, { declarant: { fullName: 'Trần Thị Thử', personalId: '079199000123' }, mother: { residence: 'Số 1, phường Thủ Dầu Một' } });
    assert.deepEqual(
      record.fields.map((f) => f.pointer),
      ['/declarant/fullName', '/declarant/personalId', '/mother/residence'],
    );
    assert.ok(record.fields.every((f) => f.service === POPULATION.service && f.source.vi === POPULATION.source.vi));
    assert.deepEqual(record.unavailable, []);
  });

  it('never overwrites what the person typed, and skips values that are not scalars or are missing', () => {
    const rule: PrefillRule = { ...POPULATION, fields: { ...POPULATION.fields, '/declarant/phone': '/phone', '/child/hometown': '/permanentResidence' } };
    const { formData, record } = applyPrefill({ declarant: { fullName: 'Tên tôi gõ' } }, [{ rule, body: ANSWER }]);
    assert.equal(valueAt(formData, '/declarant/fullName'), 'Tên tôi gõ');
    assert.equal(valueAt(formData, '/declarant/phone'), undefined);
    assert.equal(valueAt(formData, '/child/hometown'), undefined, 'an object is not a field value');
    assert.deepEqual(
      record.fields.map((f) => f.pointer),
      ['/declarant/personalId', '/mother/residence'],
    );
  });

  it('lists a source that did not answer, and fills nothing from it', () => {
    const { formData, record } = applyPrefill({ a: 1 }, [{ rule: POPULATION, body: undefined }]);
    assert.deepEqual(formData, { a: 1 });
    assert.deepEqual(record, { fields: [], unavailable: [{ service: POPULATION.service, source: POPULATION.source }] });
  });
});
