import type { ServiceDefinition } from '../service-definition.ts';
import {
  MiB,
  WARD,
  WARD_CENTRE,
  WARD_CHOICE,
  WARD_URBAN_OFFICE,
  date,
  doc,
  email,
  form,
  fullName,
  group,
  integer,
  personalId,
  phone,
  text,
  yesNo,
  type Field,
} from './form-fields.ts';

// 1.013225 Cấp giấy phép xây dựng mới … và nhà ở riêng lẻ — UBND phường, for a household's house.

/** A positive measure (m², m); the upper bound only catches typing slips, it is not a legal limit. */
function measure(title: string, maximum: number): Field {
  return { schema: { type: 'number', exclusiveMinimum: 0, maximum }, ui: { 'ui:title': title, 'ui:widget': 'number' } };
}

export const CONSTRUCTION_PERMIT: ServiceDefinition = {
  procedureCode: '1.013225',
  agencyCode: WARD_CENTRE,
  handlingUnitCode: WARD,
  competentAgencyCode: WARD,
  name: 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (Công trình không theo tuyến/Theo tuyến trong đô thị/Tín ngưỡng, tôn giáo/Tượng đài, tranh hoành tráng/Theo giai đoạn cho công trình không theo tuyến/Theo giai đoạn cho công trình theo tuyến trong đô thị/Dự án) và nhà ở riêng lẻ',
  // Partly online: the two paper sets of drawings are stamped and returned with the permit.
  onlineLevel: 'partial',
  form: form(
    'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 1 Phụ lục II Nghị định số 175/2024/NĐ-CP) — nhà ở riêng lẻ',
    {
      investor: group(
        'Chủ đầu tư',
        {
          fullName: fullName('Họ, chữ đệm và tên'),
          personalId: personalId('Số định danh cá nhân'),
          residence: text('Địa chỉ liên hệ', { min: 5, max: 300 }),
          phone: phone(),
          email: email(),
        },
        ['fullName', 'personalId', 'residence', 'phone'],
      ),
      site: group(
        'Địa điểm xây dựng',
        {
          landParcel: text('Thửa đất số', { max: 10, pattern: '^[0-9]+[A-Za-z]?$' }),
          mapSheet: text('Tờ bản đồ số', { max: 10, pattern: '^[0-9]+[A-Za-z]?$' }),
          landAreaM2: measure('Diện tích lô đất (m²)', 100_000),
          landCertificateNumber: text('Số phát hành Giấy chứng nhận quyền sử dụng đất', { max: 30 }),
          landCertificateIssuedOn: date('Ngày cấp Giấy chứng nhận quyền sử dụng đất'),
          addressLine: text('Số nhà, đường, khu phố', { min: 5, max: 300 }),
          communeCode: WARD_CHOICE,
        },
        ['landParcel', 'mapSheet', 'landAreaM2', 'landCertificateNumber', 'landCertificateIssuedOn', 'addressLine', 'communeCode'],
      ),
      building: group(
        'Nội dung đề nghị cấp phép',
        {
          footprintM2: measure('Diện tích xây dựng tầng 1 (tầng trệt) (m²)', 100_000),
          totalFloorAreaM2: measure('Tổng diện tích sàn (m²)', 1_000_000),
          heightM: measure('Chiều cao công trình (m)', 500),
          floors: integer('Số tầng (trên mặt đất)', 1, 100),
          basements: integer('Số tầng hầm', 0, 10),
        },
        ['footprintM2', 'totalFloorAreaM2', 'heightM', 'floors', 'basements'],
      ),
      designer: group(
        'Đơn vị hoặc người thiết kế',
        {
          name: text('Tên đơn vị, cá nhân thiết kế', { min: 2, max: 300 }),
          certificateNumber: text('Mã số chứng chỉ năng lực, chứng chỉ hành nghề (nếu có)', { max: 50 }),
        },
        ['name'],
      ),
      completionMonths: integer('Dự kiến thời gian hoàn thành công trình (tháng)', 1, 120),
      commitment: yesNo('Tôi cam kết thực hiện đúng theo giấy phép được cấp và chịu trách nhiệm về nội dung đã kê khai'),
    },
    ['investor', 'site', 'building', 'designer', 'completionMonths', 'commitment'],
    [{ properties: { commitment: { const: true } } }],
  ),
  documents: [
    doc({
      code: 'land-rights',
      name: 'Một trong những giấy tờ hợp pháp về đất đai chứng minh sự phù hợp mục đích sử dụng đất và sở hữu công trình để cấp phép xây dựng theo quy định tại Điều 53 của Nghị định số 175/2024/NĐ-CP',
      // Configuration: mandatory until the platform can read the national land database, from which
      // the catalogue says the certificate's data will replace the paper.
      requirement: 'mandatory',
      copy: 'original',
    }),
    doc(
      {
        code: 'design-drawings',
        name: 'Bản vẽ mặt bằng công trình trên lô đất kèm theo sơ đồ vị trí công trình; bản vẽ mặt bằng các tầng, các mặt đứng và mặt cắt chính của công trình; bản vẽ mặt bằng móng và mặt cắt móng kèm theo sơ đồ đấu nối hệ thống hạ tầng kỹ thuật bên ngoài công trình gồm cấp nước, thoát nước, cấp điện',
        requirement: 'mandatory',
        copy: 'original',
      },
      { accepted: ['pdf'], maxBytes: 50 * MiB },
    ),
    doc({
      code: 'fire-safety-result',
      name: 'Kết quả thực hiện thủ tục hành chính theo quy định của pháp luật về phòng cháy, chữa cháy',
      requirement: 'conditional',
      condition: 'Trường hợp công trình thuộc diện phải thực hiện thủ tục về phòng cháy, chữa cháy',
      copy: 'original',
    }),
    doc({
      code: 'design-review-report',
      name: 'Báo cáo kết quả thẩm tra thiết kế xây dựng',
      requirement: 'conditional',
      condition: 'Trong trường hợp pháp luật về xây dựng có yêu cầu',
      copy: 'original',
    }),
    doc({
      code: 'adjacent-safety-commitment',
      name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề',
      requirement: 'conditional',
      condition: 'Đối với công trình xây dựng có công trình liền kề',
      copy: 'original',
    }),
  ],
  fees: [
    {
      // Configuration: 0 as the catalogue says; an agency enters the People's Council's amount, if any.
      name: 'Lệ phí cấp giấy phép xây dựng',
      amountVnd: 0,
      note: 'Cơ sở dữ liệu quốc gia về thủ tục hành chính ghi "Miễn phí (Theo quy định của Hội đồng nhân dân cấp tỉnh)": mức thu, nếu có, do Hội đồng nhân dân Thành phố quyết định.',
    },
  ],
  // Catalogue: "20 Ngày" online (15 in person), in days, not working days. Configuration: 14 working
  // days, which any 20 consecutive days without public holidays contain, so the promised date never
  // falls after the published limit.
  timeLimit: { workingDays: 14, cutoff: null, catalogueText: '20 Ngày' },
  // Configuration: the supplement pauses the clock (the 766 indicators measure it so,
  // domain-vn-2025-update.md §3), so the demo runs both clock rules.
  clockRule: 'pause',
  process: {
    steps: [
      { key: 'reception', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receptionist', unitCode: WARD_CENTRE, workingDays: 1 },
      {
        key: 'appraisal',
        name: 'Thẩm định hồ sơ, kiểm tra thực địa (nếu cần), dự thảo giấy phép xây dựng',
        role: 'handler',
        unitCode: WARD,
        workingDays: 10,
      },
      { key: 'approval', name: 'Chủ tịch Ủy ban nhân dân phường ký giấy phép xây dựng', role: 'leader', unitCode: WARD, workingDays: 2 },
      { key: 'result', name: 'Đóng dấu bản vẽ, trả kết quả', role: 'receptionist', unitCode: WARD_CENTRE, workingDays: 1 },
    ],
    consultation: [
      {
        // Configuration: the deadline given to the consulted office.
        key: 'planning-opinion',
        name: 'Lấy ý kiến Phòng Kinh tế, Hạ tầng và Đô thị về sự phù hợp với quy hoạch, quản lý kiến trúc',
        unitCode: WARD_URBAN_OFFICE,
        duringStep: 'appraisal',
        workingDays: 5,
      },
    ],
    interAgency: [],
  },
  result: {
    name: 'Giấy phép xây dựng kèm theo hồ sơ thiết kế trình xin cấp giấy phép xây dựng có đóng dấu của cơ quan có thẩm quyền cấp giấy phép xây dựng',
    electronic: false,
  },
  // Published on the portal and posted at the centre's counter (Circular 01/2018 Art. 13, indicator 6).
  publication: { postedAtOffice: true },
  prefill: [],
};

/** A valid form for this service, with synthetic people (never real ones), for tests and demos. */
export const CONSTRUCTION_PERMIT_SAMPLE: Record<string, unknown> = {
  investor: { fullName: 'Đặng Quốc Việt', personalId: '074082002468', residence: '30 Cách Mạng Tháng Tám, phường Thủ Dầu Một', phone: '0976543210' },
  site: {
    landParcel: '215',
    mapSheet: '18',
    landAreaM2: 96.5,
    landCertificateNumber: 'DA 123456',
    landCertificateIssuedOn: '2021-06-18',
    addressLine: 'Hẻm 12 Lê Hồng Phong, khu phố 3', communeCode: '25747' },
  building: { footprintM2: 80, totalFloorAreaM2: 240, heightM: 11.5, floors: 3, basements: 0 },
  designer: { name: 'Công ty TNHH Thiết kế Xây dựng Demo' },
  completionMonths: 8,
  commitment: true,
};
