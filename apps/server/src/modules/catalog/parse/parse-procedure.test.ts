import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxTimeLimit, parseProcedure, type ParsedProcedure } from './parse-procedure.ts';

// Record 1.000178 of the catalogue, long prose fields shortened; the steps keep
// the source's decomposed marks ("Thu\u0323 ly\u0301").
const RECORD_1_000178 = {
  ma_thu_tuc: '1.000178',
  detail_url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bf7-4fc1-768b-9ba3-94be4bca58ee',
  formality_id: '',
  ten_thu_tuc:
    'Giải quyết khiếu nại về quyết định hành chính, hành vi hành chính của công dân đối với lực lượng Công an nhân dân (thực hiện tại cấp Trung ương)',
  so_quyet_dinh: 'QĐ/0001-BCA',
  cap_thuc_hien: 'Cấp bộ',
  loai_thu_tuc: 'TTHC được giao luật quy định chi tiết',
  linh_vuc: 'Khiếu nại, tố cáo',
  doi_tuong_thuc_hien: 'Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam',
  co_quan_co_tham_quyen: 'Bộ Công an',
  dia_chi_tiep_nhan: '',
  co_quan_duoc_uy_quyen: '',
  co_quan_phoi_hop: '',
  thu_tuc_lien_quan: 'Không có thông tin',
  trinh_tu_thuc_hien: 'Bước 1: Thu\u0323 ly\u0301 giải quyết khiếu nại\n\n\nBước 2: Kiểm tra lại quyết định hành chính',
  cach_thuc_thuc_hien:
    'Hình thức nộpThời gianPhí, lệ phíMô tảDịch vụ bưu chính60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại lần đầu không quá 30 ngày.Trực tiếp60 Ngày làm việcKhông có thông tinThời hạn giải quyết khiếu nại lần đầu không quá 30 ngày.',
  thanh_phan_ho_so:
    '--Tên giấy tờMẫu đơn, tờ khaiSố lượngTài liệu, chứng cứ do các bên cung cấp1 bản chínhQuyết định giải quyết khiếu nại1 bản chínhĐơn khiếu nại hoặc bản ghi nội dung khiếu nại1 bản chính',
  can_cu_phap_ly:
    'Tên văn bản pháp lýMã văn bảnHướng dẫn xử lý khiếu nại, kiến nghị, phản ánh; giải quyết khiếu nại và quản lý công tác giải quyết khiếu nại trong công an nhân dân68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13Quy định quy trình giải quyết khiếu nại trong công an nhân dân11/2015/TT-BCANghị định 05/2012/NĐ-CP05/2012/NĐ-CP',
  co_quan_thuc_hien: 'Thanh tra Bộ',
  yeu_cau_dieu_kien: 'Đảm bảo đúng quy định tại Điều 2, Điều 8 và Điều 11 Luật khiếu nại',
  ket_qua_xu_ly: 'Quyết định giải quyết khiếu nại lần 1, lần 2Mã: KQ.G01.00262Từ khóaKhông có thông tinMô tảKhông có thông tin',
  _source_folder: 'bo-cong-an',
};

describe('parseProcedure', () => {
  const parsed = parseProcedure(RECORD_1_000178);

  it('maps the scalar fields', () => {
    assert.equal(parsed.code, '1.000178');
    assert.equal(parsed.decisionNumber, 'QĐ/0001-BCA');
    assert.deepEqual(parsed.levels, ['ministry']);
    assert.deepEqual(parsed.levelLabels, ['Cấp bộ']);
    assert.equal(parsed.field, 'Khiếu nại, tố cáo');
    assert.equal(parsed.procedureType, 'TTHC được giao luật quy định chi tiết');
    assert.deepEqual(parsed.applicantTypes, ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam']);
    assert.deepEqual(parsed.agencies, { competent: ['Bộ Công an'], implementing: ['Thanh tra Bộ'], receivingAddress: null, delegated: [], coordinating: [] });
    assert.equal(parsed.sourceUrl, RECORD_1_000178.detail_url);
    assert.equal(parsed.sourceFolder, 'bo-cong-an');
    assert.equal(parsed.formalityId, null);
    assert.equal(parsed.relatedProcedures, null);
  });

  it('normalises prose to NFC and keeps its paragraphs', () => {
    assert.equal(parsed.steps, 'Bước 1: Thụ lý giải quyết khiếu nại\n\nBước 2: Kiểm tra lại quyết định hành chính');
    assert.equal(parsed.raw.trinh_tu_thuc_hien, parsed.steps);
  });

  it('parses the tables', () => {
    assert.deepEqual(parsed.channels.map((c) => [c.channel, c.timeLimits[0]?.value, c.timeLimits[0]?.unit]), [
      ['postal', 60, 'working_days'],
      ['in_person', 60, 'working_days'],
    ]);
    assert.deepEqual(parsed.documents.map((d) => [d.name, d.originals, d.copies]), [
      ['Tài liệu, chứng cứ do các bên cung cấp', 1, 0],
      ['Quyết định giải quyết khiếu nại', 1, 0],
      ['Đơn khiếu nại hoặc bản ghi nội dung khiếu nại', 1, 0],
    ]);
    assert.deepEqual(parsed.legalBases.map((b) => b.number), ['68/2013/TT-BCA', '02/2011/QH13', '11/2015/TT-BCA', '05/2012/NĐ-CP']);
    assert.equal(parsed.legalBases[1]?.title, 'Luật Khiếu nại năm 2011');
    assert.deepEqual(parsed.results, [{ name: 'Quyết định giải quyết khiếu nại lần 1, lần 2', code: 'KQ.G01.00262' }]);
  });

  it('is complete with no issue', () => {
    assert.deepEqual(parsed.diagnostics, { complete: true, issues: [], warnings: [] });
  });

  it('keeps every source field in raw', () => {
    assert.deepEqual(Object.keys(parsed.raw).sort(), Object.keys(RECORD_1_000178).sort());
  });

  it('rejoins a channel table the crawler cut at "Căn cứ pháp lý" (3.000337)', () => {
    const split = parseProcedure({
      ...RECORD_1_000178,
      ma_thu_tuc: '3.000337',
      cach_thuc_thuc_hien: 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1 Ngày100 VNĐ(',
      can_cu_phap_ly:
        ': Thông tư 269/2016/TT-BTC ngày 14/11/2016 của Bộ Tài chính quy định mức thu phí an toàn thông tin.)Dịch vụ bưu chính1 Ngày100 VNĐ(Căn cứ pháp lý: Thông tư 269/2016/TT-BTC.)Trực tiếp1 Ngày100 VNĐ(Căn cứ pháp lý: Thông tư 269/2016/TT-BTC.)',
    });
    assert.deepEqual(split.channels.map((c) => c.channel), ['online', 'postal', 'in_person']);
    assert.equal(split.channels[0]?.fees[0]?.note, 'Căn cứ pháp lý: Thông tư 269/2016/TT-BTC ngày 14/11/2016 của Bộ Tài chính quy định mức thu phí an toàn thông tin.');
    assert.deepEqual(split.legalBases, []);
    assert.equal(split.diagnostics.complete, true);
    assert.ok(split.diagnostics.warnings.includes('channels.rejoined_from_legal_bases'));
  });

  it('is incomplete when a field does not parse, and says which', () => {
    const broken = parseProcedure({ ...RECORD_1_000178, thanh_phan_ho_so: 'Bước 2. Cơ quan BHXH tiếp nhận hồ sơ', co_quan_thuc_hien: 'chứng thực tiến hành chụp từ bản chính\n* Ghi đầy đủ lời chứng' });
    assert.equal(broken.diagnostics.complete, false);
    assert.deepEqual(broken.diagnostics.issues, ['documents.header_missing', 'agencies.implementing_not_an_agency_list']);
  });

  it('accepts a record with only code and name, and rejects one without', () => {
    const minimal = parseProcedure({ ma_thu_tuc: '2.000001', ten_thu_tuc: 'Thủ tục thử', linh_vuc: null });
    assert.equal(minimal.field, null);
    assert.deepEqual([minimal.channels, minimal.documents, minimal.legalBases, minimal.results], [[], [], [], []]);
    assert.equal(minimal.diagnostics.complete, true);
    assert.throws(() => parseProcedure({ ma_thu_tuc: '2.000001' }));
    assert.throws(() => parseProcedure({ ma_thu_tuc: ' ', ten_thu_tuc: 'x' }));
    assert.throws(() => parseProcedure('1.000178'));
  });

  it('flags a malformed procedure code', () => {
    assert.deepEqual(parseProcedure({ ma_thu_tuc: 'TTHC-1', ten_thu_tuc: 'x' }).diagnostics.issues, ['code.malformed']);
  });
});

describe('maxTimeLimit', () => {
  const row = (channel: 'online' | 'in_person' | 'postal', value: number, unit: 'days' | 'working_days' | 'hours' | 'unspecified') => ({
    channel,
    timeLimits: [{ value, unit, text: `${value}` }],
    timeText: `${value}`,
    feeText: null,
    fees: [],
    free: false,
    description: null,
  });
  const channels = (...rows: ParsedProcedure['channels']) => ({ channels: rows });

  it('prefers the online channel, and its longest limit', () => {
    const limit = maxTimeLimit(channels(row('in_person', 7, 'working_days'), row('online', 20, 'working_days'), row('online', 7, 'working_days')));
    assert.deepEqual(limit, { value: 20, unit: 'working_days', text: '20', channel: 'online' });
  });
  it('falls back to in person, then postal', () => {
    assert.equal(maxTimeLimit(channels(row('postal', 5, 'days'), row('in_person', 3, 'days')))?.channel, 'in_person');
    assert.equal(maxTimeLimit(channels(row('postal', 5, 'days')))?.channel, 'postal');
  });
  it('compares across units', () => {
    assert.deepEqual(maxTimeLimit(channels(row('online', 30, 'days'), row('online', 20, 'working_days'), row('online', 48, 'hours')))?.value, 30);
  });
  it('ignores limits without unit and returns null when nothing usable is left', () => {
    assert.equal(maxTimeLimit(channels(row('online', 1, 'unspecified'), row('in_person', 5, 'days')))?.channel, 'in_person');
    assert.equal(maxTimeLimit(channels(row('online', 1, 'unspecified'))), null);
    assert.equal(maxTimeLimit(channels()), null);
  });
});

describe('procedure names', () => {
  it('drops a stray leading list marker but keeps it in raw', () => {
    const parsed = parseProcedure({ ma_thu_tuc: '2.002321', ten_thu_tuc: '. Đăng ký thuế đối với trường hợp chuyển đổi mô hình hoạt động' });
    assert.equal(parsed.name, 'Đăng ký thuế đối với trường hợp chuyển đổi mô hình hoạt động');
    assert.match(parsed.raw.ten_thu_tuc, /^\. /);
  });
});
