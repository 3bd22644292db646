import type { ServiceDefinition } from '../service-definition.ts';
import {
  AUTHORISED_KIN,
  JUSTICE_CIVIL_STATUS_UNIT,
  JUSTICE_DEPARTMENT,
  RESIDENCE_PROOF,
  SCAN_OR_SIGNED,
  choice,
  date,
  doc,
  email,
  form,
  fullName,
  group,
  integer,
  personalId,
  phone,
  requiredWhen,
  text,
} from './form-fields.ts';

// 2.000635 Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh — at the province's Sở Tư pháp,
// which the catalogue's steps name as a competent processor next to the commune.

export const CIVIL_STATUS_EXTRACT_COPY: ServiceDefinition = {
  procedureCode: '2.000635',
  // Configuration: the demo has no provincial service centre, so the department's own one-stop desk receives.
  agencyCode: JUSTICE_DEPARTMENT,
  handlingUnitCode: JUSTICE_CIVIL_STATUS_UNIT,
  competentAgencyCode: JUSTICE_DEPARTMENT,
  name: 'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
  onlineLevel: 'full',
  form: form(
    'Tờ khai đề nghị cấp bản sao Trích lục hộ tịch',
    {
      requesterKind: choice('Người yêu cầu là', { individual: 'Cá nhân', organisation: 'Cơ quan, tổ chức' }, 'radio'),
      requester: group(
        'Người yêu cầu (hoặc người liên hệ của cơ quan, tổ chức)',
        { fullName: fullName('Họ, chữ đệm và tên'), personalId: personalId('Số định danh cá nhân'), phone: phone(), email: email() },
        ['fullName', 'personalId', 'phone'],
      ),
      organisation: group(
        'Cơ quan, tổ chức yêu cầu',
        {
          name: text('Tên cơ quan, tổ chức', { min: 2, max: 300 }),
          taxCode: text('Mã số thuế, mã định danh', { max: 14, pattern: '^[0-9]{10}(-[0-9]{3})?$' }),
          reason: text('Lý do yêu cầu', { min: 5, max: 1000, long: true }),
        },
        ['name', 'reason'],
      ),
      relationshipToSubject: choice('Quan hệ với người được cấp trích lục', {
        self: 'Bản thân',
        parent: 'Cha, mẹ',
        child: 'Con',
        spouse: 'Vợ, chồng',
        sibling: 'Anh, chị, em ruột',
        grandparent: 'Ông, bà',
        authorised: 'Người được ủy quyền',
      }),
      event: choice('Loại việc hộ tịch', {
        birth: 'Khai sinh',
        marriage: 'Kết hôn',
        death: 'Khai tử',
        parent_child_recognition: 'Nhận cha, mẹ, con',
        guardianship: 'Giám hộ',
      }),
      subject: group(
        'Người được cấp bản sao trích lục',
        { fullName: fullName('Họ, chữ đệm và tên'), dateOfBirth: date('Ngày, tháng, năm sinh'), personalId: personalId('Số định danh cá nhân (nếu có)') },
        ['fullName', 'dateOfBirth'],
      ),
      registration: group(
        'Thông tin việc hộ tịch đã đăng ký',
        {
          authority: text('Cơ quan đã đăng ký', { min: 3, max: 300 }),
          registeredOn: date('Ngày đăng ký'),
          registerNumber: text('Số đăng ký (nếu biết)', { max: 50 }),
        },
        ['authority'],
      ),
      copies: integer('Số bản sao đề nghị cấp', 1, 20),
    },
    ['requesterKind', 'requester', 'event', 'subject', 'registration', 'copies'],
    [requiredWhen('requesterKind', ['organisation'], ['organisation']), requiredWhen('requesterKind', ['individual'], ['relationshipToSubject'])],
  ),
  documents: [
    doc({
      code: 'authorisation',
      name: 'Văn bản ủy quyền theo quy định của pháp luật',
      requirement: 'conditional',
      condition: `Trường hợp ủy quyền thực hiện yêu cầu cấp bản sao Trích lục hộ tịch; ${AUTHORISED_KIN}`,
      copy: 'original',
    }),
    doc(
      {
        code: 'organisation-request',
        name: 'Văn bản yêu cầu cấp bản sao Trích lục hộ tịch nêu rõ lý do',
        requirement: 'conditional',
        condition: 'Trường hợp người yêu cầu là cơ quan, tổ chức',
        copy: 'original',
      },
      SCAN_OR_SIGNED,
    ),
    RESIDENCE_PROOF,
  ],
  fees: [{ name: 'Phí cấp bản sao Trích lục hộ tịch', amountVnd: 8000, note: 'Mỗi bản sao.' }],
  // Catalogue: no time on any channel ("Không có thông tin"); its steps text returns the result the
  // next working day when received after 15:00. Configuration: 1 working day with the 15:00 cut-off.
  timeLimit: { workingDays: 1, cutoff: '15:00', catalogueText: null },
  clockRule: 'restart',
  process: {
    steps: [
      { key: 'reception', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receptionist', unitCode: JUSTICE_DEPARTMENT, workingHours: 1 },
      {
        key: 'appraisal',
        name: 'Công chức làm công tác hộ tịch tra cứu Cơ sở dữ liệu hộ tịch điện tử, gửi biểu mẫu Trích lục hộ tịch điện tử cho người yêu cầu xác nhận',
        role: 'handler',
        unitCode: JUSTICE_CIVIL_STATUS_UNIT,
        workingHours: 5,
      },
      { key: 'approval', name: 'Thủ trưởng Cơ quan quản lý Cơ sở dữ liệu hộ tịch điện tử ký bản sao Trích lục', role: 'leader', unitCode: JUSTICE_DEPARTMENT, workingHours: 1 },
      { key: 'result', name: 'Trả kết quả', role: 'receptionist', unitCode: JUSTICE_DEPARTMENT, workingHours: 1 },
    ],
    consultation: [],
    interAgency: [],
  },
  result: { name: 'Bản sao Trích lục hộ tịch, bản sao giấy khai sinh', electronic: true },
  // Published on the portal and posted at the centre's counter (Circular 01/2018 Art. 13, indicator 6).
  publication: { postedAtOffice: true },
  prefill: [],
};

/** A valid form for this service, with synthetic people (never real ones), for tests and demos. */
export const CIVIL_STATUS_EXTRACT_COPY_SAMPLE: Record<string, unknown> = {
  requesterKind: 'individual',
  requester: { fullName: 'Nguyễn Thị Mai', personalId: '079188009900', phone: '0912345678', email: 'mai.nguyen@demo.congso.vn' },
  relationshipToSubject: 'self',
  event: 'birth',
  subject: { fullName: 'Nguyễn Thị Mai', dateOfBirth: '1988-01-25', personalId: '079188009900' },
  registration: { authority: 'Ủy ban nhân dân phường Phú Cường, thị xã Thủ Dầu Một, tỉnh Sông Bé' },
  copies: 2,
};
