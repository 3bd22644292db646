import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWellFormedResultCode, parseResults } from './results.ts';

const CHROME = 'Chọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Bộ ngành --Đơn vị-- Chọn Cơ sở --Nộp hồ sơ';

// Snippets copied from the catalogue (record code in the label).
describe('parseResults', () => {
  const cases: [string, string, [string, string | null][]][] = [
    ['1.000178: one result', 'Quyết định giải quyết khiếu nại lần 1, lần 2Mã: KQ.G01.00262Từ khóaKhông có thông tinMô tảKhông có thông tin', [['Quyết định giải quyết khiếu nại lần 1, lần 2', 'KQ.G01.00262']]],
    [
      '1.013206: two results, the code glued to the next name',
      `Giấy chứng nhận cải tạoMã: KQ.G04.000501Giấy chứng nhận kiểm định, tem kiểm định (xe cơ giới, xe máy chuyên dùng)Mã: KQ.G04.000495Từ khóaKhông có thông tinMô tảKhông có thông tin${CHROME}`,
      [['Giấy chứng nhận cải tạo', 'KQ.G04.000501'], ['Giấy chứng nhận kiểm định, tem kiểm định (xe cơ giới, xe máy chuyên dùng)', 'KQ.G04.000495']],
    ],
    ['lower-case next name (1.013086)', 'Văn bản chấp thuậnMã: KQ.G19.000258văn bản từ chốiMã: KQ.G19.000162Từ khóaKhông có thông tinMô tảKhông có thông tin', [['Văn bản chấp thuận', 'KQ.G19.000258'], ['văn bản từ chối', 'KQ.G19.000162']]],
    ['older code shape (1.001471)', 'Giấy phépMã: 000.00.00.G19-KQ1120Từ khóaKhông có thông tinMô tảKhông có thông tin', [['Giấy phép', '000.00.00.G19-KQ1120']]],
    ['bullet after the code (1.001051)', 'Văn bản gửi công tyMã: KQ.G12.001051- Trường hợp hồ sơ chưa đầy đủMã: KQ.G12.001052Từ khóaKhông có thông tinMô tảKhông có thông tin', [['Văn bản gửi công ty', 'KQ.G12.001051'], ['- Trường hợp hồ sơ chưa đầy đủ', 'KQ.G12.001052']]],
    ['all-capitals word after the code (1.000099)', 'Chứng từMã: KQ.G12.000429KBNN hoặc ngân hàng thông báoMã: KQ.G12.000099Từ khóaKhông có thông tin', [['Chứng từ', 'KQ.G12.000429'], ['KBNN hoặc ngân hàng thông báo', 'KQ.G12.000099']]],
    ['court code without digits (3.000163)', 'Văn bản tố tụng của Tòa án theo tiến trình giải quyếtMã: VBTT', [['Văn bản tố tụng của Tòa án theo tiến trình giải quyết', 'VBTT']]],
    ['no code given (1.014952)', 'Thông báo kết quảMã: Chưa xác định rõTừ khóaKhông có thông tinMô tảKhông có thông tin', [['Thông báo kết quả', null]]],
  ];
  for (const [label, text, expected] of cases) {
    it(label, () => {
      const parsed = parseResults(text);
      assert.deepEqual(parsed.issues, []);
      assert.deepEqual(parsed.results.map((r) => [r.name, r.code]), expected);
    });
  }

  it('keeps keywords and description, drops the agency picker (1.013781)', () => {
    const parsed = parseResults(`Quyết định công nhận phân bónMã: KQ.G10.000226Từ khóaPhân bónMô tảThời hạn của Quyết định công nhận phân bón lưu hành tại Việt Nam là 05 năm.${CHROME}`);
    assert.equal(parsed.keywords, 'Phân bón');
    assert.equal(parsed.description, 'Thời hạn của Quyết định công nhận phân bón lưu hành tại Việt Nam là 05 năm.');
  });

  it('flags placeholder codes typed by testers (1.013807) and prose in the code cell (1.115126)', () => {
    assert.deepEqual(parseResults('Quyết định đăng ký tập sự hành nghề công chứng.Mã: rjwegefuTừ khóaKhông có thông tin').issues, ['results.code_malformed']);
    const prose = parseResults('Giấy chứng nhận đăng ký doanh nghiệpMã: Cơ quan đăng ký kinh doanh cấp Giấy chứng nhận.Từ khóaKhông có thông tin');
    assert.deepEqual(prose.issues, ['results.code_malformed']);
    assert.equal(prose.results[0]?.code, null);
  });

  it('a result without "Mã:" is kept without code', () => {
    const parsed = parseResults('Quyết định phê duyệt quy trình vận hành');
    assert.deepEqual(parsed.results, [{ name: 'Quyết định phê duyệt quy trình vận hành', code: null }]);
    assert.deepEqual(parsed.warnings, ['results.code_missing']);
  });

  it('an empty field is absent', () => assert.deepEqual(parseResults('').warnings, ['results.absent']));

  it('recognises well-formed codes', () => {
    for (const ok of ['KQ.G01.000262', 'KQ-G17.000008', '000.00.00.G19-KQ1120', 'TP-G12.0001143', 'VBTT', 'CAAV1']) assert.equal(isWellFormedResultCode(ok), true, ok);
    for (const bad of ['rjwegefu', 'utw', 'KQ G01', '']) assert.equal(isWellFormedResultCode(bad), false, bad);
  });
});
