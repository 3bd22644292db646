/**
 * A small, realistic slice of the national procedure catalogue for the search tests: residence,
 * civil status, judicial records, passports, business, land, tax. Bodies mimic what the catalogue
 * service indexes (field, agencies, documents, requirements). Codes are illustrative.
 */

import type { SearchDoc } from './search-index.ts';

export const XA = 'Cấp xã';
export const TINH = 'Cấp tỉnh';
export const BO = 'Cấp bộ';
export const KHAC = 'Cơ quan khác';

const CU_TRU = 'Đăng ký, quản lý cư trú';
const HO_TICH = 'Hộ tịch';
const CONG_AN_XA = 'Công an cấp xã';
const UBND_XA = 'Ủy ban nhân dân cấp xã';

type Row = [id: string, name: string, body: string, levels: string[], field: string | null, agencies: string[]];

const rows: Row[] = [
  ['1.004222', 'Đăng ký thường trú', 'Đăng ký, quản lý cư trú. Công an cấp xã. Tờ khai thay đổi thông tin cư trú; giấy tờ chứng minh chỗ ở hợp pháp.', [XA], CU_TRU, [CONG_AN_XA]],
  ['1.003197', 'Xóa đăng ký thường trú', 'Đăng ký, quản lý cư trú. Công an cấp xã. Quyết định xóa đăng ký thường trú.', [XA], CU_TRU, [CONG_AN_XA]],
  ['1.004194', 'Đăng ký tạm trú', 'Đăng ký, quản lý cư trú. Công an cấp xã. Tờ khai thay đổi thông tin cư trú. Người đã đăng ký thường trú ở nơi khác.', [XA], CU_TRU, [CONG_AN_XA]],
  ['1.004206', 'Xóa đăng ký tạm trú', 'Đăng ký, quản lý cư trú. Công an cấp xã.', [XA], CU_TRU, [CONG_AN_XA]],
  ['1.010040', 'Khai báo thông tin về cư trú đối với người chưa đủ điều kiện đăng ký thường trú, đăng ký tạm trú', 'Đăng ký, quản lý cư trú. Công an cấp xã.', [XA], CU_TRU, [CONG_AN_XA]],
  // Body-only mention, repeated: must still rank below every procedure named after the query.
  ['1.010042', 'Xác nhận thông tin về cư trú', 'Đăng ký, quản lý cư trú. Người đã đăng ký thường trú; nơi đăng ký thường trú; sổ đăng ký thường trú; thông tin đăng ký thường trú; đăng ký thường trú; đăng ký thường trú.', [XA, TINH], CU_TRU, [CONG_AN_XA, 'Công an cấp tỉnh']],
  ['1.001010', 'Cấp thẻ thường trú cho người nước ngoài tại Việt Nam', 'Xuất nhập cảnh. Công an cấp tỉnh. Tờ khai đề nghị cấp thẻ thường trú; hộ chiếu.', [TINH], 'Xuất nhập cảnh', ['Công an cấp tỉnh']],
  ['1.001193', 'Đăng ký khai sinh', 'Hộ tịch. Ủy ban nhân dân cấp xã. Tờ khai đăng ký khai sinh; giấy chứng sinh.', [XA], HO_TICH, [UBND_XA]],
  ['1.000656', 'Đăng ký kết hôn', 'Hộ tịch. Ủy ban nhân dân cấp xã. Tờ khai đăng ký kết hôn; giấy xác nhận tình trạng hôn nhân.', [XA], HO_TICH, [UBND_XA]],
  ['1.000689', 'Đăng ký khai tử', 'Hộ tịch. Ủy ban nhân dân cấp xã. Tờ khai; giấy báo tử.', [XA], HO_TICH, [UBND_XA]],
  ['1.004884', 'Đăng ký lại khai sinh', 'Hộ tịch. Ủy ban nhân dân cấp xã. Bản sao giấy tờ hộ tịch.', [XA], HO_TICH, [UBND_XA]],
  ['1.004873', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch. Ủy ban nhân dân cấp xã. Tờ khai cấp giấy xác nhận tình trạng hôn nhân.', [XA], HO_TICH, [UBND_XA]],
  ['1.004837', 'Đăng ký giám hộ', 'Hộ tịch. Ủy ban nhân dân cấp xã. Văn bản cử người giám hộ.', [XA], HO_TICH, [UBND_XA]],
  // Same name, same body, different levels: equal scores, ordered by id.
  ['2.000635', 'Cấp bản sao trích lục hộ tịch', 'Hộ tịch. Tờ khai cấp bản sao trích lục hộ tịch.', [XA], HO_TICH, [UBND_XA]],
  ['2.000547', 'Cấp bản sao trích lục hộ tịch', 'Hộ tịch. Tờ khai cấp bản sao trích lục hộ tịch.', [TINH], HO_TICH, ['Sở Tư pháp']],
  ['2.001417', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', 'Lý lịch tư pháp. Sở Tư pháp. Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp.', [TINH], 'Lý lịch tư pháp', ['Sở Tư pháp']],
  ['2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Chứng thực. Ủy ban nhân dân cấp xã; Phòng Tư pháp.', [XA, TINH], 'Chứng thực', [UBND_XA, 'Phòng Tư pháp']],
  ['2.002131', 'Cấp hộ chiếu phổ thông trong nước', 'Xuất nhập cảnh. Cục Quản lý xuất nhập cảnh; Công an cấp tỉnh. Tờ khai đề nghị cấp hộ chiếu.', [BO, TINH], 'Xuất nhập cảnh', ['Cục Quản lý xuất nhập cảnh', 'Công an cấp tỉnh']],
  ['2.001610', 'Đăng ký thành lập doanh nghiệp tư nhân', 'Thành lập và hoạt động của doanh nghiệp. Sở Kế hoạch và Đầu tư. Giấy đề nghị đăng ký doanh nghiệp.', [TINH], 'Thành lập và hoạt động của doanh nghiệp', ['Sở Kế hoạch và Đầu tư']],
  ['2.002036', 'Đăng ký thành lập công ty cổ phần', 'Thành lập và hoạt động của doanh nghiệp. Sở Kế hoạch và Đầu tư. Điều lệ công ty; danh sách cổ đông sáng lập.', [TINH], 'Thành lập và hoạt động của doanh nghiệp', ['Sở Kế hoạch và Đầu tư']],
  ['1.002809', 'Cấp mới giấy phép lái xe', 'Đường bộ. Sở Giao thông vận tải. Đơn đề nghị; giấy khám sức khỏe của người lái xe.', [TINH], 'Đường bộ', ['Sở Giao thông vận tải']],
  ['1.002804', 'Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'Đường bộ. Sở Giao thông vận tải. Đơn đề nghị đổi giấy phép lái xe.', [TINH], 'Đường bộ', ['Sở Giao thông vận tải']],
  ['1.009994', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Hoạt động xây dựng. Ủy ban nhân dân cấp xã. Đơn đề nghị cấp giấy phép xây dựng; bản vẽ thiết kế.', [XA], 'Hoạt động xây dựng', [UBND_XA]],
  ['1.012805', 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'Đất đai. Văn phòng đăng ký đất đai. Đơn đăng ký biến động đất đai.', [TINH], 'Đất đai', ['Văn phòng đăng ký đất đai']],
  ['1.012792', 'Hòa giải tranh chấp đất đai', 'Đất đai. Ủy ban nhân dân cấp xã. Đơn yêu cầu hòa giải tranh chấp đất đai.', [XA], 'Đất đai', [UBND_XA]],
  ['1.007749', 'Đăng ký thuế lần đầu đối với người nộp thuế là tổ chức', 'Thuế. Cục Thuế. Tờ khai đăng ký thuế.', [BO, TINH], 'Thuế', ['Cục Thuế']],
  ['1.007750', 'Hoàn thuế giá trị gia tăng', 'Thuế. Cục Thuế. Giấy đề nghị hoàn trả khoản thu ngân sách nhà nước.', [BO], 'Thuế', ['Cục Thuế']],
  ['2.002492', 'Giải quyết khiếu nại lần đầu', 'Khiếu nại, tố cáo. Đơn khiếu nại; tài liệu, chứng cứ.', [XA, TINH, BO], 'Khiếu nại, tố cáo', [UBND_XA, 'Thanh tra tỉnh']],
  ['1.000211', 'Cấp chứng chỉ hành nghề kỹ sư xây dựng', 'Hoạt động xây dựng. Sở Xây dựng. Đơn đề nghị cấp chứng chỉ hành nghề.', [TINH], 'Hoạt động xây dựng', ['Sở Xây dựng']],
  // Names that fold alike ("dấu" seal / "dầu" oil): only the accents tell them apart.
  ['3.000101', 'Đăng ký mẫu dấu', 'Quản lý con dấu. Công an cấp tỉnh.', [KHAC], 'Quản lý con dấu', ['Công an cấp tỉnh']],
  ['3.000102', 'Đăng ký mẫu dầu', 'Quản lý con dấu. Công an cấp tỉnh.', [KHAC], 'Quản lý con dấu', ['Công an cấp tỉnh']],
  // "thuê" (rent) folds like "thuế" (tax) and starts its name: the accents must decide.
  ['1.010900', 'Thuê nhà ở công vụ', 'Nhà ở. Sở Xây dựng. Đơn đề nghị thuê nhà ở công vụ.', [TINH], 'Nhà ở', ['Sở Xây dựng']],
  ['3.000200', 'Thông báo về việc tiếp nhận hồ sơ', 'Không có lĩnh vực.', [KHAC], null, []],
];

export const FIXTURE: readonly SearchDoc[] = rows.map(([id, name, body, levels, field, agencies]) => ({
  id,
  name,
  body,
  filters: { levels, field, agencies },
}));

export function fixtureDoc(id: string): SearchDoc {
  const doc = FIXTURE.find((candidate) => candidate.id === id);
  if (doc === undefined) throw new Error(`no fixture doc ${id}`);
  return doc;
}
