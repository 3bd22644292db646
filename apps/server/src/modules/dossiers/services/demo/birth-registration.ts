import type { ServiceDefinition } from '../service-definition.ts';
import {
  AUTHORISED_KIN,
  ETHNICITY,
  NATIONALITY,
  RESIDENCE_PROOF,
  SEX,
  WARD,
  WARD_CENTRE,
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
  POPULATION_PREFILL,
  requiredWhen,
  text,
  yesNo,
  type Field,
} from './form-fields.ts';

// 1.001193 Thủ tục đăng ký khai sinh — UBND phường, received at the ward's service centre.

function parent(title: string): Field {
  return group(
    title,
    {
      fullName: fullName('Họ, chữ đệm và tên'),
      personalId: personalId('Số định danh cá nhân'),
      dateOfBirth: date('Ngày, tháng, năm sinh'),
      ethnicity: ETHNICITY,
      nationality: NATIONALITY,
      residence: text('Nơi cư trú', { min: 5, max: 300 }),
    },
    ['fullName', 'personalId', 'dateOfBirth', 'ethnicity', 'nationality', 'residence'],
  );
}

export const BIRTH_REGISTRATION: ServiceDefinition = {
  procedureCode: '1.001193',
  agencyCode: WARD_CENTRE,
  handlingUnitCode: WARD,
  competentAgencyCode: WARD,
  name: 'Thủ tục đăng ký khai sinh',
  // The catalogue describes the whole online path: interactive e-form, electronic birth certificate.
  onlineLevel: 'full',
  form: form(
    'Tờ khai đăng ký khai sinh',
    {
      declarant: group(
        'Người yêu cầu đăng ký khai sinh',
        {
          fullName: fullName('Họ, chữ đệm và tên'),
          personalId: personalId('Số định danh cá nhân'),
          relationship: choice('Quan hệ với người được khai sinh', {
            father: 'Cha',
            mother: 'Mẹ',
            grandparent: 'Ông, bà',
            relative: 'Người thân thích khác',
            caregiver: 'Cá nhân, tổ chức đang nuôi dưỡng trẻ em',
            authorised: 'Người được ủy quyền',
          }),
          phone: phone(),
          email: email(),
        },
        ['fullName', 'personalId', 'relationship', 'phone'],
      ),
      child: group(
        'Người được khai sinh',
        {
          fullName: fullName('Họ, chữ đệm và tên'),
          sex: SEX,
          dateOfBirth: date('Ngày, tháng, năm sinh', 'Cha, mẹ đăng ký khai sinh cho con trong 60 ngày kể từ ngày sinh.'),
          placeOfBirth: text('Nơi sinh', { min: 5, max: 300, help: 'Tên cơ sở y tế nơi trẻ sinh ra, hoặc địa chỉ nơi sinh nếu sinh ngoài cơ sở y tế.' }),
          hometown: text('Quê quán', { max: 300, help: 'Theo quê quán của cha hoặc mẹ, theo thỏa thuận của cha, mẹ hoặc theo tập quán.' }),
          ethnicity: ETHNICITY,
          nationality: NATIONALITY,
        },
        ['fullName', 'sex', 'dateOfBirth', 'placeOfBirth', 'hometown', 'ethnicity', 'nationality'],
      ),
      birthCase: choice(
        'Trường hợp khai sinh',
        { ordinary: 'Thông thường', abandoned: 'Trẻ em bị bỏ rơi', surrogacy: 'Trẻ em sinh ra do mang thai hộ' },
        'radio',
      ),
      mother: parent('Thông tin người mẹ'),
      father: parent('Thông tin người cha'),
      parentsMarried: yesNo('Cha, mẹ đã đăng ký kết hôn', 'Cơ quan đăng ký hộ tịch tra cứu thông tin kết hôn trong Cơ sở dữ liệu hộ tịch điện tử.'),
      birthCertificateCopies: integer('Số bản sao Giấy khai sinh đề nghị cấp', 0, 10),
    },
    ['declarant', 'child', 'birthCase', 'parentsMarried', 'birthCertificateCopies'],
    [
      // The mother's part stays empty only where the parents are unknown (the catalogue's notes).
      requiredWhen('birthCase', ['ordinary', 'surrogacy'], ['mother']),
      // Married parents: the father is known.
      requiredWhen('parentsMarried', [true], ['father']),
    ],
  ),
  documents: [
    doc({
      code: 'birth-certificate',
      name: 'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh',
      requirement: 'mandatory',
      copy: 'original',
    }),
    doc({
      code: 'abandonment-record',
      name: 'Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập',
      requirement: 'conditional',
      condition: 'Trường hợp trẻ em bị bỏ rơi',
      copy: 'original',
    }),
    doc({
      code: 'surrogacy-confirmation',
      name: 'Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ',
      requirement: 'conditional',
      condition: 'Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ',
      copy: 'original',
    }),
    doc({
      code: 'authorisation',
      name: 'Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật',
      requirement: 'conditional',
      condition: `Trường hợp ủy quyền thực hiện việc đăng ký khai sinh; ${AUTHORISED_KIN}`,
      copy: 'original',
    }),
    RESIDENCE_PROOF,
  ],
  fees: [
    {
      name: 'Lệ phí đăng ký khai sinh',
      amountVnd: 0,
      note: 'Miễn lệ phí đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh) theo Luật Hộ tịch; Cơ sở dữ liệu quốc gia về thủ tục hành chính ghi "Miễn phí".',
    },
    {
      // The amount is the one catalogue record 2.000635 gives for a copy (Thông tư 281/2016/TT-BTC);
      // record 1.001193 mentions the copy fee without an amount.
      name: 'Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu)',
      amountVnd: 8000,
      note: 'Mỗi bản sao.',
    },
  ],
  // Catalogue: "1" with no unit on every channel; the steps text returns the result the next working
  // day when received after 15:00. Configuration: read as 1 working day (Luật Hộ tịch: registered
  // straight after receiving a complete dossier).
  timeLimit: { workingDays: 1, cutoff: '15:00', catalogueText: '1' },
  clockRule: 'restart',
  process: {
    steps: [
      { key: 'reception', name: 'Tiếp nhận, kiểm tra hồ sơ', role: 'receptionist', unitCode: WARD_CENTRE, workingHours: 1 },
      {
        key: 'appraisal',
        name: 'Công chức tư pháp - hộ tịch thẩm tra hồ sơ, gửi biểu mẫu Giấy khai sinh điện tử cho người yêu cầu xác nhận, ghi Sổ đăng ký khai sinh, lấy Số định danh cá nhân',
        role: 'handler',
        unitCode: WARD,
        workingHours: 5,
      },
      { key: 'approval', name: 'Lãnh đạo Ủy ban nhân dân phường ký Giấy khai sinh', role: 'leader', unitCode: WARD, workingHours: 1 },
      { key: 'result', name: 'Trả kết quả', role: 'receptionist', unitCode: WARD_CENTRE, workingHours: 1 },
    ],
    consultation: [],
    interAgency: [],
  },
  result: { name: 'Giấy khai sinh', electronic: true },
  // Published on the portal and posted at the centre's counter (Circular 01/2018 Art. 13, indicator 6).
  publication: { postedAtOffice: true },
  // Once-only: the declarant is the signed-in applicant, whose name and personal ID the population
  // registry holds (Luật Cư trú; Decree 118/2025 Art. 4(2a): not asked again).
  prefill: [POPULATION_PREFILL],
};

/** A valid form for this service, with synthetic people (never real ones), for tests and demos. */
export const BIRTH_REGISTRATION_SAMPLE: Record<string, unknown> = {
  declarant: { fullName: 'Trần Văn Bình', personalId: '079090001122', relationship: 'father', phone: '0901234567' },
  child: {
    fullName: 'Trần Minh Khang',
    sex: 'male',
    dateOfBirth: '2026-10-02',
    placeOfBirth: 'Bệnh viện đa khoa, phường Thủ Dầu Một, Thành phố Hồ Chí Minh',
    hometown: 'Thành phố Hồ Chí Minh',
    ethnicity: 'Kinh',
    nationality: 'VN',
  },
  birthCase: 'ordinary',
  mother: {
    fullName: 'Lê Thị Hoa',
    personalId: '079194003344',
    dateOfBirth: '1994-03-08',
    ethnicity: 'Kinh',
    nationality: 'VN',
    residence: '12 Yersin, phường Thủ Dầu Một, Thành phố Hồ Chí Minh',
  },
  father: {
    fullName: 'Trần Văn Bình',
    personalId: '079090001122',
    dateOfBirth: '1990-11-20',
    ethnicity: 'Kinh',
    nationality: 'VN',
    residence: '12 Yersin, phường Thủ Dầu Một, Thành phố Hồ Chí Minh',
  },
  parentsMarried: true,
  birthCertificateCopies: 2,
};
