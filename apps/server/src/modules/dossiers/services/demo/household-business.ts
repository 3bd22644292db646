import type { ServiceDefinition } from '../service-definition.ts';
import {
  ETHNICITY,
  NATIONALITY,
  SCAN_OR_SIGNED,
  SEX,
  WARD,
  WARD_CENTRE,
  WARD_CHOICE,
  choice,
  date,
  doc,
  email,
  form,
  fullName,
  group,
  integer,
  list,
  personalId,
  phone,
  requiredWhen,
  text,
} from './form-fields.ts';

// 1.001612 Đăng ký thành lập hộ kinh doanh — the commune's business registration office since
// 01/07/2025 (Nghị định 168/2025/NĐ-CP; the catalogue lists it at Cấp xã).

export const HOUSEHOLD_BUSINESS: ServiceDefinition = {
  procedureCode: '1.001612',
  agencyCode: WARD_CENTRE,
  handlingUnitCode: WARD,
  competentAgencyCode: WARD,
  name: 'Đăng ký thành lập hộ kinh doanh',
  onlineLevel: 'full',
  form: form(
    'Giấy đề nghị đăng ký hộ kinh doanh',
    {
      businessName: text('Tên hộ kinh doanh', {
        min: 15,
        max: 200,
        pattern: '^Hộ kinh doanh [\\p{L}\\p{N}][\\p{L}\\p{N} &.,\'-]*$',
        help: 'Gồm cụm từ "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Cà phê Phú Cường.',
      }),
      owner: group(
        'Chủ hộ kinh doanh',
        {
          fullName: fullName('Họ, chữ đệm và tên'),
          personalId: personalId('Số định danh cá nhân'),
          dateOfBirth: date('Ngày, tháng, năm sinh'),
          sex: SEX,
          ethnicity: ETHNICITY,
          nationality: NATIONALITY,
          residence: text('Nơi thường trú', { min: 5, max: 300 }),
        },
        ['fullName', 'personalId', 'dateOfBirth', 'sex', 'ethnicity', 'nationality', 'residence'],
      ),
      foundedBy: choice('Hộ kinh doanh do', { individual: 'Một cá nhân thành lập', household_members: 'Các thành viên hộ gia đình thành lập' }, 'radio'),
      members: list(
        'Các thành viên hộ gia đình tham gia thành lập',
        group('Thành viên', { fullName: fullName('Họ, chữ đệm và tên'), personalId: personalId('Số định danh cá nhân') }, ['fullName', 'personalId']),
        1,
        20,
      ),
      address: group(
        'Địa chỉ trụ sở hộ kinh doanh',
        { addressLine: text('Số nhà, đường, khu phố', { min: 5, max: 300 }), communeCode: WARD_CHOICE },
        ['addressLine', 'communeCode'],
      ),
      phone: phone(),
      email: email(),
      businessLines: list(
        'Ngành, nghề kinh doanh',
        group(
          'Ngành, nghề',
          { name: text('Tên ngành', { min: 3, max: 300 }), code: text('Mã ngành (nếu biết)', { max: 5, pattern: '^[0-9]{4,5}$' }) },
          ['name'],
        ),
        1,
        20,
      ),
      capitalVnd: integer('Vốn kinh doanh (đồng)', 0, 1_000_000_000_000),
    },
    ['businessName', 'owner', 'foundedBy', 'address', 'phone', 'businessLines', 'capitalVnd'],
    [requiredWhen('foundedBy', ['household_members'], ['members'])],
  ),
  documents: [
    doc({
      code: 'household-members-authorisation',
      name: 'Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
      requirement: 'conditional',
      condition: 'Đối với trường hợp hộ kinh doanh do các thành viên hộ gia đình đăng ký thành lập; văn bản ủy quyền phải được công chứng hoặc chứng thực',
      copy: 'copy',
    }),
    doc(
      {
        code: 'agent-authorisation',
        name: 'Văn bản ủy quyền cho cá nhân thực hiện thủ tục liên quan đến đăng ký hộ kinh doanh',
        requirement: 'conditional',
        condition: 'Trường hợp ủy quyền cho cá nhân thực hiện thủ tục đăng ký hộ kinh doanh; không bắt buộc công chứng, chứng thực',
        copy: 'copy',
      },
      SCAN_OR_SIGNED,
    ),
    doc({
      code: 'service-contract',
      name: 'Bản sao hợp đồng cung cấp dịch vụ với tổ chức làm dịch vụ thực hiện thủ tục liên quan đến đăng ký hộ kinh doanh, giấy giới thiệu của tổ chức đó cho cá nhân trực tiếp thực hiện thủ tục liên quan đến đăng ký hộ kinh doanh',
      requirement: 'conditional',
      condition: 'Trường hợp ủy quyền cho tổ chức thực hiện thủ tục đăng ký hộ kinh doanh',
      copy: 'copy',
    }),
    doc({
      code: 'principal-identity-card',
      name: 'Bản sao thẻ Căn cước hoặc thẻ Căn cước công dân còn hiệu lực của người uỷ quyền',
      requirement: 'conditional',
      condition: 'Trường hợp người ủy quyền chưa có tài khoản định danh điện tử để thực hiện xác thực điện tử',
      copy: 'copy',
    }),
  ],
  fees: [
    {
      name: 'Lệ phí đăng ký hộ kinh doanh',
      amountVnd: 150000,
      note: 'Mức cụ thể do Hội đồng nhân dân tỉnh quyết định (Thông tư số 85/2019/TT-BTC). Cơ sở dữ liệu quốc gia về thủ tục hành chính ghi 150.000 đồng khi nộp trực tuyến hoặc qua bưu chính, 50.000 đồng khi nộp trực tiếp. Lệ phí nộp khi nộp hồ sơ, không được hoàn trả nếu hộ kinh doanh không được cấp đăng ký.',
    },
  ],
  // Catalogue: no time in the channel table ("Không có thông tin"); its steps text sets 03 working days
  // from receipt, both to issue the certificate and to notify what must be amended.
  timeLimit: { workingDays: 3, cutoff: null, catalogueText: null },
  clockRule: 'restart',
  process: {
    steps: [
      { key: 'reception', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receptionist', unitCode: WARD_CENTRE, workingHours: 4 },
      {
        key: 'appraisal',
        name: 'Cơ quan đăng ký kinh doanh cấp xã kiểm tra điều kiện cấp Giấy chứng nhận đăng ký hộ kinh doanh',
        role: 'handler',
        unitCode: WARD,
        workingHours: 12,
      },
      { key: 'approval', name: 'Lãnh đạo phê duyệt, ký Giấy chứng nhận đăng ký hộ kinh doanh', role: 'leader', unitCode: WARD, workingHours: 4 },
      { key: 'result', name: 'Trả kết quả, thông báo cơ quan thuế quản lý hộ kinh doanh', role: 'receptionist', unitCode: WARD_CENTRE, workingHours: 4 },
    ],
    consultation: [],
    // The registration data reaches the tax authority through the registration system itself (the
    // catalogue's steps), not as an inter-agency leg of the dossier.
    interAgency: [],
  },
  // Configuration: a paper certificate, returned at the centre or by public post (a fully online
  // service may return its result by post, Decree 42/2022 Art. 11.1).
  result: { name: 'Giấy chứng nhận đăng ký hộ kinh doanh', electronic: false },
  // Published on the portal and posted at the centre's counter (Circular 01/2018 Art. 13, indicator 6).
  publication: { postedAtOffice: true },
  prefill: [],
};

/** A valid form for this service, with synthetic people (never real ones), for tests and demos. */
export const HOUSEHOLD_BUSINESS_SAMPLE: Record<string, unknown> = {
  businessName: 'Hộ kinh doanh Cà phê Phú Cường',
  owner: {
    fullName: 'Võ Văn Tài',
    personalId: '074085001357',
    dateOfBirth: '1985-09-09',
    sex: 'male',
    ethnicity: 'Kinh',
    nationality: 'VN',
    residence: '8 Đinh Bộ Lĩnh, phường Thủ Dầu Một, Thành phố Hồ Chí Minh',
  },
  foundedBy: 'individual',
  address: { addressLine: '21 Ngô Quyền, khu phố 1', communeCode: '25747' },
  phone: '0934567890',
  businessLines: [{ name: 'Dịch vụ phục vụ đồ uống', code: '5630' }],
  capitalVnd: 200_000_000,
};
