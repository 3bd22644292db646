import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocuments } from './documents.ts';
import { splitTemplates } from './templates.ts';

const T = 'Tên giấy tờMẫu đơn, tờ khaiSố lượng';

type Row = [group: string | null, name: string, templates: string[], originals: number, copies: number];
const rows = (text: string): Row[] =>
  parseDocuments(text).documents.map((d) => [d.group, d.name, d.templates, d.originals, d.copies]);

// Snippets copied from the catalogue (record code in the label).
describe('parseDocuments', () => {
  it('1.003486: one table, templates, originals and copies', () => {
    const text = `--${T}- Bản tự công bố sản phẩm;1 bản chính- Giấy đăng ký kiểm tra thực phẩm nhập khẩu theo quy định tại Mẫu số 04 Phụ lục I ban hành kèm theo Nghị định số 15/2018/NĐ-CP;Mẫu số 04.docx1 bản chính- Bản sao Giấy phép nhập khẩu theo hạn ngạch thuế quan (nếu có);0 bản chính,1 bản sao`;
    assert.deepEqual(parseDocuments(text).issues, []);
    assert.deepEqual(rows(text), [
      [null, '- Bản tự công bố sản phẩm;', [], 1, 0],
      [null, '- Giấy đăng ký kiểm tra thực phẩm nhập khẩu theo quy định tại Mẫu số 04 Phụ lục I ban hành kèm theo Nghị định số 15/2018/NĐ-CP;', ['Mẫu số 04.docx'], 1, 0],
      [null, '- Bản sao Giấy phép nhập khẩu theo hạn ngạch thuế quan (nếu có);', [], 0, 1],
    ]);
  });

  it('1.007026: several tables, each with its heading', () => {
    const text = `Hồ sơ khai thuế theo từng lần phát sinh:${T}Tờ khai thuế thu nhập doanh nghiệp theo mẫu số 04/TNDN ban hành kèm theo Thông tư số 80/2021/TT-BTC.1 bản chính,1 bản saoHồ sơ khai quyết toán theo năm:${T}Báo cáo tài chính năm0 bản chính,1 bản sao`;
    assert.deepEqual(rows(text), [
      ['Hồ sơ khai thuế theo từng lần phát sinh:', 'Tờ khai thuế thu nhập doanh nghiệp theo mẫu số 04/TNDN ban hành kèm theo Thông tư số 80/2021/TT-BTC.', [], 1, 1],
      ['Hồ sơ khai quyết toán theo năm:', 'Báo cáo tài chính năm', [], 0, 1],
    ]);
    assert.equal(parseDocuments(text).documents[0]?.countText, '1 bản chính,1 bản sao');
  });

  it('3.000163: a "--" table after a headed one has no group', () => {
    const text = `Giấy tờ phải nộp${T}Đơn khởi kiện1 bản chínhTài liệu, chứng cứ kèm theo (nếu có)0 bản chính,1 bản sao--${T}Tài liệu, chứng cứ kèm theo (nếu có)1 bản chính,1 bản sao`;
    assert.deepEqual(rows(text), [
      ['Giấy tờ phải nộp', 'Đơn khởi kiện', [], 1, 0],
      ['Giấy tờ phải nộp', 'Tài liệu, chứng cứ kèm theo (nếu có)', [], 0, 1],
      [null, 'Tài liệu, chứng cứ kèm theo (nếu có)', [], 1, 1],
    ]);
  });

  it('1.000034: "01 bản chính" inside a name is prose, the glued count is the cell', () => {
    const text = `--${T}Giấy phép kinh doanh xuất nhập khẩu xăng dầu: 01 bản chụp;0 bản chính,1 bản saoĐơn đặt hàng của doanh nghiệp: 01 bản chính; bản fax; e-mail có xác nhận của giám đốc.1 bản chínhTờ khai hàng hóa nhập khẩu: 01 bản chính;1 bản chính`;
    assert.deepEqual(rows(text), [
      [null, 'Giấy phép kinh doanh xuất nhập khẩu xăng dầu: 01 bản chụp;', [], 0, 1],
      [null, 'Đơn đặt hàng của doanh nghiệp: 01 bản chính; bản fax; e-mail có xác nhận của giám đốc.', [], 1, 0],
      [null, 'Tờ khai hàng hóa nhập khẩu: 01 bản chính;', [], 1, 0],
    ]);
  });

  it('1.013947: a count glued to the form number ("Mẫu số 091 bản chính")', () => {
    const text = `--${T}Văn bản đề nghị xác nhận lại thời hạn sử dụng đất theo Mẫu số 091 bản chính,1 bản sao(2) Giấy chứng nhận đã cấp.,1 bản chính,1 bản sao`;
    assert.deepEqual(rows(text), [
      [null, 'Văn bản đề nghị xác nhận lại thời hạn sử dụng đất theo Mẫu số 09', [], 1, 1],
      [null, '(2) Giấy chứng nhận đã cấp.,', [], 1, 1],
    ]);
  });

  it('1.009497: a count followed by a space and a capitalised name is still a cell', () => {
    const text = `--${T}Báo cáo tài chính được kiểm toán bởi tổ chức kiểm toán được chấp thuận.1 bản chính Điều lệ của tổ chức phát hành;1 bản chính`;
    assert.deepEqual(rows(text).map((r) => r[1]), ['Báo cáo tài chính được kiểm toán bởi tổ chức kiểm toán được chấp thuận.', 'Điều lệ của tổ chức phát hành;']);
  });

  it('6.006596: a row with an empty name is skipped with a warning', () => {
    const parsed = parseDocuments(`--${T}Đề án khai thác tài sản theo quy định tại khoản 3 Điều 6 Thông tư số 67/2025/TT-BXD1 bản chính1 bản chính`);
    assert.equal(parsed.documents.length, 1);
    assert.deepEqual(parsed.issues, []);
    assert.deepEqual(parsed.warnings, ['documents.row_without_name']);
  });

  it('1.009537: a last row without count is kept with zero counts', () => {
    const parsed = parseDocuments(`(1) Chấp thuận tổ chức lại${T}Tài liệu chứng minh công ty chứng khoán hình thành sau tổ chức lại đáp ứng điều kiện nêu tại mục`);
    assert.deepEqual(parsed.documents, [
      { group: '(1) Chấp thuận tổ chức lại', name: 'Tài liệu chứng minh công ty chứng khoán hình thành sau tổ chức lại đáp ứng điều kiện nêu tại mục', templates: [], originals: 0, copies: 0, countText: null },
    ]);
    assert.deepEqual(parsed.warnings, ['documents.count_missing']);
  });

  it('treats "--" and "" as no documents, and prose without a table as a failure (1.001613)', () => {
    assert.deepEqual(parseDocuments('--'), { documents: [], issues: [], warnings: ['documents.absent'] });
    assert.deepEqual(parseDocuments(''), { documents: [], issues: [], warnings: ['documents.absent'] });
    const misplaced = parseDocuments(') và nộp cho cơ quan BHXH.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ và giải quyết theo quy định.');
    assert.deepEqual(misplaced.issues, ['documents.header_missing']);
  });
});

describe('splitTemplates', () => {
  const cases: [string, string, string[]][] = [
    // [cell, name, templates]
    ['Đơn đề nghị cấp giấy phép chặt hạ theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CPMẫu số 01.docx', 'Đơn đề nghị cấp giấy phép chặt hạ theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CP', ['Mẫu số 01.docx']],
    ['Đơn đăng ký theo mẫu quy định tại Phụ lục 1 Thông tư liên tịch số 20/2013/TTLT-BYT-BCT-BNNPTNTPhụ lục 1 Đơn đăng ký.docx', 'Đơn đăng ký theo mẫu quy định tại Phụ lục 1 Thông tư liên tịch số 20/2013/TTLT-BYT-BCT-BNNPTNT', ['Phụ lục 1 Đơn đăng ký.docx']],
    ['Đơn đề nghị xác nhận ban hành kèm theo Nghị định số 184/2025/NĐ-CP ngày 01/7/2025 của Chính phủ.M03b.pdf', 'Đơn đề nghị xác nhận ban hành kèm theo Nghị định số 184/2025/NĐ-CP ngày 01/7/2025 của Chính phủ.', ['M03b.pdf']],
    ['Giấy đề nghị tham gia nghiệp vụ thị trường mở theo mẫu quy định;Giấy đề nghị tham gia nghiệp vụ thị trường mở.docx', 'Giấy đề nghị tham gia nghiệp vụ thị trường mở theo mẫu quy định;', ['Giấy đề nghị tham gia nghiệp vụ thị trường mở.docx']],
    ['Bản khai chung theo mẫuMauBankhaichung (3).docx', 'Bản khai chung theo mẫu', ['MauBankhaichung (3).docx']],
    ['Văn bản đề nghị điều chỉnh dự án đầu tưMẫu I.1.8.c.docx', 'Văn bản đề nghị điều chỉnh dự án đầu tư', ['Mẫu I.1.8.c.docx']],
    ['Danh sách theo Thông tư số 75/2025/TT-NHNN ngày 31/12/2025);PL 5 PL II TT75.docx', 'Danh sách theo Thông tư số 75/2025/TT-NHNN ngày 31/12/2025);', ['PL 5 PL II TT75.docx']],
    ['Tờ trình xét tặng.Mẫu số 1.1 To trinh.docxMẫu số 1.2- Bien ban.docxMẫu 1.4. BCTT Cá nhân.docx', 'Tờ trình xét tặng.', ['Mẫu số 1.1 To trinh.docx', 'Mẫu số 1.2- Bien ban.docx', 'Mẫu 1.4. BCTT Cá nhân.docx']],
    [
      'Bản đồ khu vực khai thác khoáng sảnMau 05-Phu luc_39.2025.TT-BNNMT_02.7.2025.docMau 06-Phu luc_39.2025.TT-BNNMT_02.7.2025.doc',
      'Bản đồ khu vực khai thác khoáng sản',
      ['Mau 05-Phu luc_39.2025.TT-BNNMT_02.7.2025.doc', 'Mau 06-Phu luc_39.2025.TT-BNNMT_02.7.2025.doc'],
    ],
    // No glue point before the file name: left in the name rather than guessed.
    ['Hồ sơ mẫu 05.doc', 'Hồ sơ mẫu 05.doc', []],
    ['Bảng kê chi tiết lô hàng theo mẫu 03.LH Phụ lục XII Thông tư số 80/2025/TT-BNNMTMẫu số 03.LH.docx', 'Bảng kê chi tiết lô hàng theo mẫu 03.LH Phụ lục XII Thông tư số 80/2025/TT-BNNMT', ['Mẫu số 03.LH.docx']],
    ['Đơn khởi kiện', 'Đơn khởi kiện', []],
    ['Nộp bản .docx qua thư điện tử cho cơ quan', 'Nộp bản .docx qua thư điện tử cho cơ quan', []],
  ];
  for (const [cell, name, templates] of cases) {
    it(cell.slice(-40), () => assert.deepEqual(splitTemplates(cell), { name, templates }));
  }
});
