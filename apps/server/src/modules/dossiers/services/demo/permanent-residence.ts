import type { ServiceDefinition } from '../service-definition.ts';
import {
  SEX,
  WARD_CENTRE,
  WARD_CHOICE,
  WARD_POLICE,
  choice,
  date,
  doc,
  email,
  form,
  fullName,
  group,
  list,
  personalId,
  phone,
  requiredWhen,
  text,
  yesNo,
} from './form-fields.ts';

// 1.004222 Đăng ký thường trú — decided by the ward police; the ward centre is only the receiving point.

export const PERMANENT_RESIDENCE: ServiceDefinition = {
  procedureCode: '1.004222',
  // Configuration: received at the ward's service centre and sent to the police (liên thông); the
  // catalogue has citizens file with the commune police directly, which a police-run reception desk
  // would model with the police as agency and handling unit.
  agencyCode: WARD_CENTRE,
  handlingUnitCode: WARD_CENTRE,
  competentAgencyCode: WARD_POLICE,
  name: 'Đăng ký thường trú',
  onlineLevel: 'full',
  form: form(
    'Tờ khai thay đổi thông tin cư trú (mẫu CT01)',
    {
      applicant: group(
        'Người đề nghị đăng ký thường trú',
        {
          fullName: fullName('Họ, chữ đệm và tên'),
          personalId: personalId('Số định danh cá nhân'),
          dateOfBirth: date('Ngày, tháng, năm sinh'),
          sex: SEX,
          phone: phone(),
          email: email(),
        },
        ['fullName', 'personalId', 'dateOfBirth', 'sex', 'phone'],
      ),
      basis: choice(
        'Trường hợp đăng ký',
        {
          own_home: 'Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình',
          rented_borrowed: 'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ',
          relative_home: 'Đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình (khoản 2 Điều 20 Luật Cư trú)',
        },
        'radio',
      ),
      newResidence: group(
        'Nơi đề nghị đăng ký thường trú',
        { addressLine: text('Số nhà, đường, khu phố', { min: 5, max: 300 }), communeCode: WARD_CHOICE },
        ['addressLine', 'communeCode'],
      ),
      householder: group(
        'Chủ hộ hoặc chủ sở hữu chỗ ở hợp pháp',
        {
          fullName: fullName('Họ, chữ đệm và tên'),
          personalId: personalId('Số định danh cá nhân'),
          relationship: text('Quan hệ của người đề nghị với chủ hộ', { max: 100 }),
        },
        ['fullName', 'personalId', 'relationship'],
      ),
      ownerConsent: yesNo(
        'Chủ hộ, chủ sở hữu chỗ ở hợp pháp đồng ý cho đăng ký thường trú',
        'Chủ hộ, chủ sở hữu xác nhận ý kiến đồng ý trên ứng dụng VNeID hoặc Cổng dịch vụ công.',
      ),
      members: list(
        'Những người cùng thay đổi nơi thường trú',
        group(
          'Người cùng thay đổi',
          {
            fullName: fullName('Họ, chữ đệm và tên'),
            personalId: personalId('Số định danh cá nhân'),
            relationship: text('Quan hệ với người đề nghị', { max: 100 }),
          },
          ['fullName', 'personalId', 'relationship'],
        ),
        0,
        10,
      ),
    },
    ['applicant', 'basis', 'newResidence'],
    // Living in someone else's home needs that person's consent.
    [requiredWhen('basis', ['rented_borrowed', 'relative_home'], ['householder', 'ownerConsent'], { ownerConsent: { const: true } })],
  ),
  documents: [
    doc({
      code: 'lawful-residence-proof',
      name: 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp theo quy định tại khoản 2 Điều 5 Nghị định 154/2024/NĐ-CP',
      requirement: 'conditional',
      condition: 'Trường hợp không khai thác được thông tin chứng minh về chỗ ở hợp pháp trong căn cước điện tử, Cơ sở dữ liệu quốc gia về dân cư, Cơ sở dữ liệu về cư trú hoặc cơ sở dữ liệu khác',
      copy: 'original',
    }),
    doc({
      code: 'tenancy-contract',
      name: 'Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ được công chứng hoặc chứng thực theo quy định của pháp luật',
      requirement: 'conditional',
      condition: 'Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ',
      copy: 'original',
    }),
    doc({
      code: 'floor-area-confirmation',
      name: 'Xác nhận của Ủy ban nhân dân cấp xã về điều kiện diện tích bình quân bảo đảm theo quy định của Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương theo Mẫu số 02 ban hành kèm theo Nghị định số 154/2024/NĐ-CP',
      requirement: 'conditional',
      condition: 'Đăng ký vào chỗ ở do thuê, mượn, ở nhờ mà không khai thác được thông tin chứng minh đủ diện tích nhà ở trong các cơ sở dữ liệu',
      copy: 'original',
    }),
    doc({
      code: 'kinship-proof',
      name: 'Giấy tờ, tài liệu chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình theo quy định tại khoản 2, khoản 3 Điều 6 Nghị định 154/2024/NĐ-CP',
      requirement: 'conditional',
      condition: 'Đăng ký thường trú tại chỗ ở hợp pháp không thuộc quyền sở hữu của mình (khoản 2 Điều 20 Luật Cư trú) mà không khai thác được thông tin chứng minh quan hệ nhân thân',
      copy: 'original',
    }),
  ],
  fees: [
    {
      name: 'Lệ phí đăng ký cư trú (đăng ký thường trú)',
      amountVnd: 10000,
      note: 'Nộp hồ sơ qua Cổng dịch vụ công: 10.000 đồng/lần đăng ký (nộp trực tiếp: 20.000 đồng). Miễn lệ phí cho các trường hợp tại Điều 4 Thông tư số 75/2022/TT-BTC, được sửa đổi, bổ sung tại Thông tư số 71/2025/TT-BTC.',
    },
  ],
  timeLimit: { workingDays: 7, cutoff: null, catalogueText: '7 Ngày làm việc' },
  clockRule: 'restart',
  process: {
    steps: [
      { key: 'reception', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receptionist', unitCode: WARD_CENTRE, workingHours: 4 },
      { key: 'transfer', name: 'Chuyển hồ sơ liên thông đến Công an phường, theo dõi tiến độ', role: 'handler', unitCode: WARD_CENTRE, workingHours: 4 },
      {
        // The police decide (competentAgencyCode); this leader only releases their result for return.
        key: 'release',
        name: 'Lãnh đạo Trung tâm xác nhận kết quả do Công an phường giải quyết để trả cho người yêu cầu',
        role: 'leader',
        unitCode: WARD_CENTRE,
        workingHours: 4,
      },
      { key: 'result', name: 'Trả kết quả', role: 'receptionist', unitCode: WARD_CENTRE, workingHours: 4 },
    ],
    consultation: [],
    interAgency: [
      {
        key: 'police-decision',
        name: 'Công an phường thẩm định hồ sơ, quyết định đăng ký thường trú, cập nhật Cơ sở dữ liệu về cư trú',
        agencyCode: WARD_POLICE,
        duringStep: 'transfer',
        decides: true,
        workingDays: 5,
      },
    ],
  },
  result: { name: 'Thông báo kết quả giải quyết thủ tục về cư trú, hủy bỏ thủ tục về cư trú', electronic: true },
  // Published on the portal and posted at the centre's counter (Circular 01/2018 Art. 13, indicator 6).
  publication: { postedAtOffice: true },
  prefill: [],
};

/** A valid form for this service, with synthetic people (never real ones), for tests and demos. */
export const PERMANENT_RESIDENCE_SAMPLE: Record<string, unknown> = {
  applicant: { fullName: 'Phạm Thị Lan', personalId: '074196005566', dateOfBirth: '1996-07-15', sex: 'female', phone: '0987654321' },
  basis: 'relative_home',
  newResidence: { addressLine: '45 Bạch Đằng, khu phố 2', communeCode: '25747' },
  householder: { fullName: 'Phạm Văn Hùng', personalId: '074065007788', relationship: 'Con' },
  ownerConsent: true,
  members: [],
};
