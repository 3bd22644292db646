import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLength, findDocumentNumbers } from './document-numbers.ts';
import { legalDocumentType, parseLegalBases } from './legal-bases.ts';

const H = 'Tên văn bản pháp lýMã văn bản';

type Row = [number: string | null, title: string | null, type: string | null];
const rows = (text: string): Row[] => parseLegalBases(text).legalBases.map((b) => [b.number, b.title, b.type]);

describe('document numbers', () => {
  const cases: [string, string[]][] = [
    ['Hướng dẫn xử lý khiếu nại68/2013/TT-BCALuật', ['68/2013/TT-BCA']],
    ['Luật Khiếu nại năm 201102/2011/QH13Quy định', ['02/2011/QH13']], // year glued in front
    ['ngày 29/6/202443/2024/QH15Sửa', ['29', '6', '43/2024/QH15']],
    ['Luật 54/2014/QH1354/2014/QH13Quy định', ['54/2014/QH13', '54/2014/QH13']], // QH takes two digits
    ['126/2020/NĐ-CPThông tư', ['126/2020/NĐ-CP']],
    ['54/2024/NĐ-CPQUY ĐỊNH VIỆC', ['54/2024/NĐ-CP']], // all-capitals title glued on
    ['53/2013/QĐ-TTgNghị định', ['53/2013/QĐ-TTg']],
    ['91/2022/NĐ-CPsửa đổi', ['91/2022/NĐ-CP']], // next title in lower case
    ['21/2008/TTLT- BQP-BLĐTBXH-BTCQuyết', ['21/2008/TTLT-BQP-BLĐTBXH-BTC']],
    ['31/2025/TT_BCA', ['31/2025/TT-BCA']],
    ['01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNNNghị', ['01/2008/TTLT-BCT-BTC-BGTVT-BNN&PTNT-BYT-NHNN']],
    ['Nghị quyết số 66.19/2026/NQ-CP', ['66.19/2026/NQ-CP']],
    ['năm 2022.65/2025/TT-BTCLuật', ['2022', '65/2025/TT-BTC']],
    ['Nghị định 73-CP', ['73-CP']],
    ['05/2007/QH12- Luật Hóa chất', ['05/2007/QH12']],
    ['118/2025/NĐ-CQuy định', ['118/2025/NĐ-C']], // truncated in the source, kept as is
  ];
  for (const [text, numbers] of cases) {
    it(text, () => assert.deepEqual(findDocumentNumbers(text).map((n) => n.number), numbers));
  }
  it('codeLength stops before a glued capitalised word', () => {
    assert.equal(codeLength('TT-BCALuật'), 'TT-BCA'.length);
    assert.equal(codeLength('BTCNghị'), 3);
    assert.equal(codeLength('luật'), 0);
  });
});

// Snippets copied from the catalogue (record code in the label).
describe('parseLegalBases', () => {
  it('1.000178: titles and numbers of four rows', () => {
    const text = `${H}Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh trong công an nhân dân68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13Quy định quy trình giải quyết khiếu nại trong công an nhân dân11/2015/TT-BCANghị định 05/2012/NĐ-CP05/2012/NĐ-CP`;
    assert.deepEqual(parseLegalBases(text).issues, []);
    assert.deepEqual(rows(text), [
      ['68/2013/TT-BCA', 'Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh trong công an nhân dân', 'circular'],
      ['02/2011/QH13', 'Luật Khiếu nại  năm 2011', 'law'],
      ['11/2015/TT-BCA', 'Quy định quy trình giải quyết khiếu nại trong công an nhân dân', 'circular'],
      ['05/2012/NĐ-CP', 'Nghị định 05/2012/NĐ-CP', 'decree'],
    ]);
  });

  it('1.008333: numbers quoted inside a title are not cells', () => {
    const text = `${H}Nghị định số 91/2022/NĐ-CP sửa đổi bổ sung một số điều của Nghị định số 126/2020/NĐ-CP ngày 19/10/2020 của Chính phủ91/2022/NĐ-CPLuật Quản lý thuế38/2019/QH14`;
    assert.deepEqual(rows(text).map((r) => r[0]), ['91/2022/NĐ-CP', '38/2019/QH14']);
  });

  it('1.000060: a title that is only the number, and a typed-out number cell', () => {
    const text = `${H}QUY ĐỊNH VIỆC HÀNH NGHỀ KHOAN NƯỚC DƯỚI ĐẤT54/2024/NĐ-CP14/2025/TT-BNNMT14/2025/TT-BNNMTNghị định 23/2026/NĐ-CP ngày 17/01/2026 của Chính phủ sửa đổi các Nghị định trong lĩnh vực tài nguyên nước.NĐ 23/2026/NĐ-CPLuật28/2023/QH15`;
    assert.deepEqual(parseLegalBases(text).issues, []);
    assert.deepEqual(rows(text), [
      ['54/2024/NĐ-CP', 'QUY ĐỊNH VIỆC HÀNH NGHỀ KHOAN NƯỚC DƯỚI ĐẤT', 'decree'],
      ['14/2025/TT-BNNMT', '14/2025/TT-BNNMT', 'circular'],
      ['NĐ 23/2026/NĐ-CP', 'Nghị định 23/2026/NĐ-CP ngày 17/01/2026 của Chính phủ sửa đổi các Nghị định trong lĩnh vực tài nguyên nước.', 'decree'],
      ['28/2023/QH15', 'Luật', 'law'],
    ]);
  });

  it('3.000146: numbers without code and a bare law number at the end', () => {
    const text = `${H}Thông tư số 42/2020/TT-BTC QUY ĐỊNH CÁC CHỈ TIÊU THÔNG TIN.42/2020Nghị định số 46/2020/NĐ-CP46/2020Luật Hải quan 201454`;
    const parsed = parseLegalBases(text);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.legalBases.map((b) => b.number), ['42/2020', '46/2020', '54']);
    assert.deepEqual(parsed.warnings, ['legalBases.number_without_code']);
  });

  it('1.004089: the next title starts with a space', () => {
    const text = `${H}Nghị định quy định chi tiết Pháp lệnh ưu đãi người có công với cách mạng31/2013/NĐ-CP 05/2013/TT-BLĐTBXH - Hướng dẫn về thủ tục lập hồ sơ05/2013/TT-BLĐTBXH`;
    assert.deepEqual(rows(text).map((r) => r[0]), ['31/2013/NĐ-CP', '05/2013/TT-BLĐTBXH']);
  });

  it('3.000353: one row typed into the wrong columns', () => {
    const parsed = parseLegalBases(`${H}06/2007/QH12Luật Hóa chất`);
    assert.deepEqual(rows(`${H}06/2007/QH12Luật Hóa chất`), [['06/2007/QH12', 'Luật Hóa chất', 'law']]);
    assert.deepEqual(parsed.warnings, ['legalBases.columns_swapped']);
  });

  it('3.000163: the next page section leaking in is cut off', () => {
    const parsed = parseLegalBases(`${H}Lệnh 21/2014/L-CTN21/2014/L-CTNNghị quyết 56/2010/QH1256/2010/QH12Cơ quan thực hiệnTòa án nhân dân tỉnh`);
    assert.deepEqual(parsed.legalBases.map((b) => [b.number, b.type]), [['21/2014/L-CTN', 'order'], ['56/2010/QH12', 'resolution']]);
    assert.deepEqual(parsed.warnings, ['legalBases.page_text_removed']);
  });

  it('1.011476: a row without number cell takes the number its title names', () => {
    const parsed = parseLegalBases(`${H}Luật Thú y79/2015/QH13Thông tư số 101/2020/TT-BTC ngày 23/11/2020 của Bộ trưởng Bộ Tài chính quy định mức thu phí trong công tác thú y`);
    assert.deepEqual(parsed.legalBases.map((b) => b.number), ['79/2015/QH13', '101/2020/TT-BTC']);
    assert.deepEqual(parsed.warnings, ['legalBases.number_from_title']);
    assert.deepEqual(parsed.issues, []);
  });

  it('reports text it cannot number, and treats "Không có thông tin" as absent', () => {
    assert.deepEqual(parseLegalBases(`${H}Nghị định 41/2016/NĐ-CP41/201Đ-CP`).issues, ['legalBases.number_missing']);
    assert.deepEqual(parseLegalBases('Không có thông tin'), { legalBases: [], issues: [], warnings: ['legalBases.absent'] });
    assert.deepEqual(parseLegalBases(': Thông tư 269/2016/TT-BTC ngày 14/11/2016').issues, ['legalBases.header_missing']);
  });
});

describe('legalDocumentType', () => {
  const cases: [string | null, string | null, string | null][] = [
    ['110/2015/QH13', 'Nghị quyết 110/2015/QH13', 'resolution'], // the title wins over the QH numbering
    ['82/2015/QH13', 'Luật', 'law'],
    ['95/2015/QH13', 'Bộ luật Hàng hải Việt Nam', 'code'],
    ['09/2015/TTLT-BCA-BYT-BTC', 'Hướng dẫn thực hiện bảo hiểm y tế', 'joint_circular'],
    ['04/2012/UBTVQH13', 'Quy định chi tiết', 'resolution'],
    ['Nghị định số 33/2026/NĐ-CP', 'sửa đổi, bổ sung', 'decree'],
    ['73-CP', 'Quy định chi tiết việc thực hiện Pháp lệnh', 'decree'],
    ['601/QĐ-BTC', 'Quyết định 601/QĐ-BTC', 'decision'],
    ['42/2020', 'Về quá cảnh hàng hóa', null],
  ];
  for (const [number, title, type] of cases) it(`${number} / ${title}`, () => assert.equal(legalDocumentType(number, title), type));
});
