import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChannels } from './channels.ts';
import { normalizeText } from './normalize.ts';
import { approxCalendarDays, readTimeCell } from './time-limits.ts';

const H = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('readTimeCell', () => {
  const cases: [string, number, string, string][] = [
    ['60 Ngày làm việcKhông có thông tin', 60, 'working_days', '60 Ngày làm việc'],
    ['3 Ngày50 USD', 3, 'days', '3 Ngày'],
    ['12 GiờMiễn phí', 12, 'hours', '12 Giờ'],
    ['6 Tháng4,000,000 VNĐ', 6, 'months', '6 Tháng'],
    ['0.5 Ngày làm việcMiễn phí', 0.5, 'working_days', '0.5 Ngày làm việc'],
    ['1Miễn phí', 1, 'unspecified', '1'],
  ];
  for (const [text, value, unit, cell] of cases) {
    it(JSON.stringify(text), () => {
      const read = readTimeCell(text);
      assert.deepEqual(read?.limit, { value, unit, text: cell });
      assert.equal(read?.length, cell.length);
    });
  }
  it('is null without a leading number', () => assert.equal(readTimeCell('Không quy định'), null));
  it('ranks units on a calendar-day scale', () => {
    assert.ok(approxCalendarDays({ value: 20, unit: 'working_days' }) > approxCalendarDays({ value: 20, unit: 'days' }));
    assert.ok(approxCalendarDays({ value: 1, unit: 'months' }) > approxCalendarDays({ value: 20, unit: 'working_days' }));
    assert.equal(approxCalendarDays({ value: 5, unit: 'unspecified' }), 0);
  });
});

// Snippets copied from the catalogue (record code in the label).
describe('parseChannels', () => {
  it('1.000178: postal and in-person rows, no fee, long description', () => {
    const text = `${H}Dịch vụ bưu chính60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại lần đầu không quá 30 ngày.Trực tiếp60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại lần đầu không quá 30 ngày.`;
    const parsed = parseChannels(text);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(
      parsed.channels.map((c) => [c.channel, c.timeLimits, c.feeText, c.free, c.fees, c.description]),
      [
        ['postal', [{ value: 60, unit: 'working_days', text: '60 Ngày làm việc' }], null, false, [], 'Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày.'],
        ['in_person', [{ value: 60, unit: 'working_days', text: '60 Ngày làm việc' }], null, false, [], 'Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày.'],
      ],
    );
  });

  it('1.002756: a fee in USD with its note, prose mentioning the channel stays prose', () => {
    const text = `${H}Trực tuyến3 Ngày50 USD(+ Thị thực có giá trị nhiều lần: 50USD/thị thực điện tử.)Nộp hồ sơ trực tuyến qua Trang thông tin cấp thị thực điện tử. Không quá 03 ngày làm việc.`;
    const [row, ...rest] = parseChannels(text).channels;
    assert.equal(rest.length, 0);
    assert.equal(row?.channel, 'online');
    assert.deepEqual(row?.timeLimits, [{ value: 3, unit: 'days', text: '3 Ngày' }]);
    assert.deepEqual(row?.fees.map((f) => [f.amount, f.currency, f.amountVnd]), [[50, 'USD', null]]);
    assert.equal(row?.description, 'Nộp hồ sơ trực tuyến qua Trang thông tin cấp thị thực điện tử. Không quá 03 ngày làm việc.');
  });

  it('3.000374: the same channel twice with different limits', () => {
    const text = `${H}Trực tuyến20 Ngày làm việcMiễn phí(- Sát hạch thực hành: 250.000 đồng/lần.)- Cấp giấy phép lần đầu: 20 ngày làm việc.Trực tiếp7 Ngày làm việcMiễn phí(- Sát hạch thực hành: 250.000 đồng/lần.)- Cấp lại giấy phép bị mất, hỏng: 07 ngày làm việc.Trực tuyến7 Ngày làm việcMiễn phí(- Sát hạch thực hành: 250.000 đồng/lần.)- Cấp lại giấy phép bị mất, hỏng: 07 ngày làm việc.`;
    const parsed = parseChannels(text);
    assert.deepEqual(parsed.channels.map((c) => [c.channel, c.timeLimits[0]?.value, c.free]), [
      ['online', 20, true],
      ['in_person', 7, true],
      ['online', 7, true],
    ]);
    assert.equal(parsed.channels[0]?.feeText, 'Miễn phí(- Sát hạch thực hành: 250.000 đồng/lần.)');
  });

  it('1.000014: a unitless time glued to the fee is split using the note', () => {
    const parsed = parseChannels(`${H}Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)Trực tiếp120 VNĐ(20.000 vnđ /tờ khai)`);
    assert.deepEqual(parsed.issues, []);
    for (const row of parsed.channels) {
      assert.deepEqual(row.timeLimits, [{ value: 1, unit: 'unspecified', text: '1' }]);
      assert.deepEqual(row.fees.map((f) => [f.amount, f.amountVnd]), [[20, 20000]]);
    }
    assert.ok(parsed.warnings.includes('channels.timeLimit_unit_missing'));
    assert.ok(!parsed.warnings.includes('channels.time_fee_boundary_guessed'));
  });

  it('1.008312: a worded time cell ("Không quy định") is kept as text', () => {
    const text = `${H}Trực tuyếnKhông quy địnhMiễn phíQua Cổng DVC Quốc gia.Dịch vụ bưu chínhKhông quy địnhMiễn phíThông qua dịch vụ bưu chính công ích.Trực tiếpKhông quy địnhMiễn phíTại TTPVHCC cấp tỉnh, xã`;
    const parsed = parseChannels(text);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.channels.map((c) => [c.channel, c.timeText, c.timeLimits.length, c.description]), [
      ['online', 'Không quy định', 0, 'Qua Cổng DVC Quốc gia.'],
      ['postal', 'Không quy định', 0, 'Thông qua dịch vụ bưu chính công ích.'],
      ['in_person', 'Không quy định', 0, 'Tại TTPVHCC cấp tỉnh, xã'],
    ]);
  });

  it('1.115126: "Trực tiếp, qua mạng…" at the start of a description is not a row', () => {
    const text = `${H}Trực tiếp3 Ngày làm việcKhông có thông tinTrực tiếp, qua mạng thông tin điện tử, qua dịch vụ bưu chính công ích.Dịch vụ bưu chính3 NgàyKhông có thông tinTrực tiếp, qua mạng thông tin điện tử.`;
    const parsed = parseChannels(text);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.channels.map((c) => [c.channel, c.description]), [
      ['in_person', 'Trực tiếp, qua mạng thông tin điện tử, qua dịch vụ bưu chính công ích.'],
      ['postal', 'Trực tiếp, qua mạng thông tin điện tử.'],
    ]);
  });

  it('3.000382: an older tab-separated row between the flattened ones', () => {
    const text = normalizeText(`${H}Trực tuyến2 Ngày làm việcMiễn phí(Không thu lệ phí)+ Trả kết quả tại cơ quan đăng ký xe.\nDịch vụ bưu chính\t02 Ngày làm việc\tPhí : Đồng Không thu lệ phí\nTrực tiếp2 Ngày làm việcMiễn phí(Không thu lệ phí)+ Trả kết quả.`);
    const parsed = parseChannels(text);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.channels.map((c) => [c.channel, c.timeLimits[0]?.value, c.feeText, c.description]), [
      ['online', 2, 'Miễn phí(Không thu lệ phí)', '+ Trả kết quả tại cơ quan đăng ký xe.'],
      ['postal', 2, 'Phí : Đồng', 'Không thu lệ phí'],
      ['in_person', 2, 'Miễn phí(Không thu lệ phí)', '+ Trả kết quả.'],
    ]);
  });

  it('a label followed by a space and a count of dossiers is prose', () => {
    const parsed = parseChannels(`${H}Trực tiếp5 Ngày làm việcMiễn phíNộp tại bộ phận một cửa.Trực tiếp 01 bộ hồ sơ.`);
    assert.equal(parsed.channels.length, 1);
    assert.equal(parsed.channels[0]?.description, 'Nộp tại bộ phận một cửa.Trực tiếp 01 bộ hồ sơ.');
  });

  it('6.006175: every cell empty', () => {
    const parsed = parseChannels(`${H}Trực tiếpKhông có thông tinKhông có thông tingửi qua hệ thống quản lý văn bản.`);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.channels.map((c) => [c.timeText, c.timeLimits, c.feeText, c.description]), [[null, [], null, 'gửi qua hệ thống quản lý văn bản.']]);
  });

  it('reports a missing header, text before the first row, and rows it cannot read', () => {
    assert.deepEqual(parseChannels('Trực tuyến5 NgàyMiễn phí').issues, ['channels.header_missing']);
    assert.deepEqual(parseChannels(`${H}Ghi chú: xem dưới.Trực tuyến5 NgàyMiễn phí`).issues, ['channels.leftover_text']);
    assert.deepEqual(parseChannels(`${H}Nộp tại Bộ phận một cửa`).issues, ['channels.no_rows']);
    assert.deepEqual(parseChannels(`${H}Trực tuyến5 NgàyTheo quy định`).issues, ['channels.fee_unparsed']);
  });

  it('treats an empty field as absent, not as a failure', () => {
    assert.deepEqual(parseChannels(''), { channels: [], issues: [], warnings: ['channels.absent'] });
  });
});
