import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWellFormedAmount, parseAmount, readFeeCell, readParenthesised, splitGluedTimeAndAmount } from './fees.ts';

describe('readFeeCell', () => {
  // [label, cell text (real, from the named record), expected]
  const cases: [string, string, { feeText: string | null; free: boolean; fees: [number | null, string, number | null, string | null][]; rest: string }][] = [
    [
      'no information (1.000178)',
      'Không có thông tinThời hạn giải quyết khiếu nại lần đầu không quá 30 ngày',
      { feeText: null, free: false, fees: [], rest: 'Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày' },
    ],
    [
      'free with note (1.004167)',
      'Miễn phí(do Ủy ban nhân dân cấp tỉnh quy định.)',
      { feeText: 'Miễn phí(do Ủy ban nhân dân cấp tỉnh quy định.)', free: true, fees: [], rest: '' },
    ],
    [
      'USD with note (1.002756)',
      '50 USD(+ Thị thực có giá trị nhiều lần: 50USD/thị thực điện tử.)Nộp hồ sơ trực tuyến',
      {
        feeText: '50 USD(+ Thị thực có giá trị nhiều lần: 50USD/thị thực điện tử.)',
        free: false,
        fees: [[50, 'USD', null, '+ Thị thực có giá trị nhiều lần: 50USD/thị thực điện tử.']],
        rest: 'Nộp hồ sơ trực tuyến',
      },
    ],
    [
      'comma thousands and nested note (1.002384)',
      '600,000 VNĐ((áp dụng mức phí 300.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC))Dịch',
      {
        feeText: '600,000 VNĐ((áp dụng mức phí 300.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC))',
        free: false,
        fees: [[600000, 'VND', 600000, '(áp dụng mức phí 300.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC)']],
        rest: 'Dịch',
      },
    ],
    [
      '"Việt Nam Đồng" (1.000969), description starting with digits is not a second fee',
      '12,500,000 Việt Nam Đồng2.2.1. Cách thức nộp hồ sơ',
      { feeText: '12,500,000 Việt Nam Đồng', free: false, fees: [[12500000, 'VND', 12500000, null]], rest: '2.2.1. Cách thức nộp hồ sơ' },
    ],
    [
      'older layout "Phí : Đồng" (3.000382)',
      ' Phí : Đồng Không thu lệ phí',
      { feeText: 'Phí : Đồng', free: false, fees: [[null, 'VND', null, null]], rest: ' Không thu lệ phí' },
    ],
  ];
  for (const [label, text, expected] of cases) {
    it(label, () => {
      const cell = readFeeCell(text);
      assert.deepEqual(cell.issues, []);
      assert.equal(cell.feeText, expected.feeText);
      assert.equal(cell.free, expected.free);
      assert.deepEqual(
        cell.fees.map((f) => [f.amount, f.currency, f.amountVnd, f.note]),
        expected.fees,
      );
      assert.equal(text.slice(cell.length), expected.rest);
    });
  }

  it('rescales a fee typed in thousands only when the note proves it (1.007751)', () => {
    const cell = readFeeCell('20 VNĐ(20.000 vnđ/tờ khai)');
    assert.equal(cell.fees[0]?.amount, 20);
    assert.equal(cell.fees[0]?.amountVnd, 20000);
    assert.deepEqual(cell.warnings, ['channels.fee_rescaled_from_note']);
  });

  it('keeps an implausible figure as written and warns (3.000125)', () => {
    const cell = readFeeCell('850 VNĐ');
    assert.equal(cell.fees[0]?.amountVnd, 850);
    assert.deepEqual(cell.warnings, ['channels.fee_amount_implausible']);
  });

  it('recovers a note that never closes up to its last ")" (1.014905, postal row)', () => {
    const text = '50,000 Việt Nam Đồng(- 50.000đ/tem “AB” (Thông tư số 25/2021/TT-BTC). - 25.000đ/tem “AB” (áp dụng đến hết ngày 31/12/2026 của Bộ Tài chín)+ Trực tiếp: nộp hồ sơ';
    const cell = readFeeCell(text);
    assert.deepEqual(cell.warnings, ['channels.fee_note_unbalanced']);
    assert.equal(text.slice(cell.length), '+ Trực tiếp: nộp hồ sơ');
  });

  it('reports a cell it cannot read', () => {
    assert.deepEqual(readFeeCell('Theo quy định').issues, ['channels.fee_unparsed']);
  });
});

describe('splitGluedTimeAndAmount', () => {
  const cases: [string, string, string | null, number, boolean][] = [
    ['note repeats the fee in thousands (1.000014)', '120', '20.000 vnđ /tờ khai', 1, false],
    ['note repeats the fee (1.007740)', '1200', '200.000 vnđ / tờ khai độc lập', 1, false],
    ['grouped amount after one digit (1.000005)', '120,000', 'Theo khoản 1 Điều 3 Thông tư số 172/2010/TT-BTC', 1, true],
    ['leading zero cannot start an amount (1.005103)', '140,000', '- Xe ô tô từ 10 chỗ trở lên', 1, true],
    ['second digit when the note says so (1.007857)', '220', 'lệ phí hải quan 20.000 đồng/ tờ khai hải quan.', 1, false],
    ['no note: shortest time', '125', null, 1, true],
  ];
  for (const [label, digits, note, timeDigits, guessed] of cases) {
    it(label, () => assert.deepEqual(splitGluedTimeAndAmount(digits, note), { timeDigits, guessed }));
  }
  it('prefers a longer time when only that split matches the note', () => {
    assert.deepEqual(splitGluedTimeAndAmount('1550', '50.000 đồng'), { timeDigits: 2, guessed: false });
  });
});

describe('amount helpers', () => {
  it('parses both thousands separators', () => {
    assert.equal(parseAmount('600,000'), 600000);
    assert.equal(parseAmount('50.000'), 50000);
    assert.equal(parseAmount('1,000,000'), 1000000);
  });
  it('recognises well-formed amounts', () => {
    for (const ok of ['0', '20', '20,000', '1.000.000']) assert.equal(isWellFormedAmount(ok), true, ok);
    for (const bad of ['020', '0,000', '20,00', '', '1,000.000']) assert.equal(isWellFormedAmount(bad), false, bad);
  });
  it('reads nested parentheses', () => {
    assert.deepEqual(readParenthesised('(a (b) c)d'), { length: 9, inner: 'a (b) c', balanced: true });
    assert.equal(readParenthesised('x(a)'), null);
    assert.deepEqual(readParenthesised('(a'), { length: 2, inner: 'a', balanced: false });
  });
});
