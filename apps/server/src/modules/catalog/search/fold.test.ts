import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldTokens, searchKey, searchTokens } from './fold.ts';

describe('foldTokens', () => {
  const cases: [input: string, expected: string[]][] = [
    ['Đăng ký thường trú', ['dang', 'ky', 'thuong', 'tru']],
    ['ĐĂNG KÝ THƯỜNG TRÚ', ['dang', 'ky', 'thuong', 'tru']],
    ['Cấp bản sao trích lục hộ tịch', ['cap', 'ban', 'sao', 'trich', 'luc', 'ho', 'tich']],
    // Decomposed input (NFD, as some catalogue rows are stored) folds the same as NFC.
    ['Đăng ký thường trú'.normalize('NFD'), ['dang', 'ky', 'thuong', 'tru']],
    ['Khiếu nại, tố cáo (cấp Trung ương)', ['khieu', 'nai', 'to', 'cao', 'cap', 'trung', 'uong']],
    ['Thông tư 68/2013/TT-BCA', ['thong', 'tu', '68', '2013', 'tt', 'bca']],
    ['ðăng ký', ['dang', 'ky']],
    ['  ,;—  ', []],
    ['', []],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(foldTokens(input), expected);
    });
  }

  it('never yields empty tokens or tokens with marks or upper case', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        for (const token of foldTokens(text)) {
          assert.ok(token.length > 0);
          assert.equal(token, token.normalize('NFD').replace(/\p{M}/gu, ''));
          assert.equal(token, token.toLowerCase());
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('searchKey (i/y interchange)', () => {
  const cases: [token: string, key: string][] = [
    ['ky', 'ki'],
    ['ki', 'ki'],
    ['ly', 'li'],
    ['my', 'mi'],
    ['sy', 'si'],
    ['quy', 'qui'],
    // Not interchangeable: these are different words from their -i spellings.
    ['tuy', 'tuy'],
    ['may', 'may'],
    ['thuy', 'thuy'],
    ['y', 'y'],
    ['quyet', 'quyet'],
    ['2y', '2y'],
  ];
  for (const [token, key] of cases) {
    it(`${token} → ${key}`, () => {
      assert.equal(searchKey(token), key);
    });
  }
});

describe('searchTokens', () => {
  it('keys apply the i/y rule and accents keep the spelling', () => {
    const { keys, accents } = searchTokens('Đăng kí Kỹ thuật');
    assert.deepEqual(keys, ['dang', 'ki', 'ki', 'thuat']);
    assert.equal(accents.length, keys.length);
    assert.notEqual(accents[0], keys[0]);
  });

  it('"ký" and "kí" share an accent key; "kỳ" does not', () => {
    const key = (text: string) => searchTokens(text).accents[0];
    assert.equal(key('ký'), key('kí'));
    assert.notEqual(key('ký'), key('kỳ'));
  });

  it('old and new tone placement share an accent key', () => {
    const key = (text: string) => searchTokens(text).accents[0];
    assert.equal(key('hoà'), key('hòa'));
    assert.equal(key('thuỷ'), key('thủy'));
    assert.equal(key('Xoá'), key('Xóa'));
  });

  it('accent keys tell apart words that fold alike', () => {
    const key = (text: string) => searchTokens(text).accents[0];
    assert.notEqual(key('dấu'), key('dầu'));
    assert.notEqual(key('đi'), key('di'));
    assert.equal(searchTokens('dấu').keys[0], searchTokens('dầu').keys[0]);
  });

  it('an unaccented token has its key as accent key', () => {
    const { keys, accents } = searchTokens('dang ky thuong tru');
    assert.deepEqual(accents, keys);
  });
});
