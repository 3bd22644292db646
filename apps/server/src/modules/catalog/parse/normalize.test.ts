import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { inlineOrNull, isEmptyValue, normalizeInline, normalizeText, textOrNull } from './normalize.ts';

describe('normalizeInline', () => {
  const cases: [string, string, string][] = [
    // From 3.000394: combining marks after base letters ("cấp giấy phép").
    ['combining marks compose', 'c\u00e2\u0301p gi\u00e2\u0301y phe\u0301p', 'cấp giấy phép'],
    ['decomposed dot below', 'Thu\u0323 ly\u0301', 'Thụ lý'],
    ['tabs and NBSP collapse', 'Dịch vụ bưu chính\t02 Ngày làm việc\u00a0\u00a0Phí', 'Dịch vụ bưu chính 02 Ngày làm việc Phí'],
    ['newlines collapse', 'a\n\n b \r\n c', 'a b c'],
    ['zero-width joiner between letter and mark', 'e\u200b\u0301', 'é'],
    ['trim', '  Cấp bộ  ', 'Cấp bộ'],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => assert.equal(normalizeInline(input), expected));
  }
});

describe('normalizeText', () => {
  it('keeps line breaks but trims lines and squeezes blank lines', () => {
    const steps = 'Bước 1: Thu\u0323 ly\u0301\t \n\n\n  Bước 2:  Kiểm tra\n';
    assert.equal(normalizeText(steps), 'Bước 1: Thụ lý\n\nBước 2: Kiểm tra');
  });
  it('turns CR, CRLF and U+2028 into \\n', () => {
    assert.equal(normalizeText('a\r\nb\rc\u2028d'), 'a\nb\nc\nd');
  });
});

describe('empty values', () => {
  const empty = ['', '   ', 'Không có thông tin', ' Kho\u0302ng co\u0301 tho\u0302ng tin ', '--'];
  for (const value of empty) it(`${JSON.stringify(value)} is empty`, () => assert.equal(isEmptyValue(value), true));
  it('a real value is kept', () => {
    assert.equal(inlineOrNull(' Hải quan '), 'Hải quan');
    assert.equal(textOrNull('Bước 1\nBước 2'), 'Bước 1\nBước 2');
    assert.equal(textOrNull('Không có thông tin'), null);
    assert.equal(inlineOrNull(undefined), null);
  });
});

describe('normalisation properties', () => {
  // Strings mixing Vietnamese base letters, combining marks, spaces of all
  // kinds and invisible characters: the inputs the crawl actually contains.
  const pieces = fc.constantFrom(
    'a', 'e', 'o', 'u', 'y', 'A', 'Đ', 'ư', 'ơ', 'â', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u2028',
    '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031b', '\u200b', '\u00ad', '\ufeff',
  );
  const messy = fc.oneof(
    fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  for (const [name, normalize] of [['normalizeInline', normalizeInline], ['normalizeText', normalizeText]] as const) {
    it(`${name} is idempotent and returns NFC`, () => {
      fc.assert(
        fc.property(messy, (input) => {
          const once = normalize(input);
          assert.equal(normalize(once), once);
          assert.equal(once.normalize('NFC'), once);
          assert.equal(once, once.trim());
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('normalizeInline leaves no whitespace run and no line break', () => {
    fc.assert(
      fc.property(messy, (input) => {
        const out = normalizeInline(input);
        assert.doesNotMatch(out, /\s\s|[\n\t\u00a0]/);
      }),
    );
  });

  it('canonically equivalent inputs normalise to the same string', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const input = parts.join('');
        assert.equal(normalizeText(input.normalize('NFD')), normalizeText(input.normalize('NFC')));
      }),
    );
  });
});
