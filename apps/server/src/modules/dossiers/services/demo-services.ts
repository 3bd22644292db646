import type { DocumentRequirement, ServiceDefinition, UiNode } from './service-definition.ts';

// The five services of the demo installation, each a real procedure of the national catalogue
// (data/vn-tthc-catalog, crawl of 2026-07) enabled for a demo agency (agencies/demo-agencies.ts).
// Codes, names, documents, fees, time limits and results are the catalogue's; document names are
// quoted from its "thành phần hồ sơ" text. Where the catalogue says nothing or is ambiguous, the value
// is a configuration choice of this demo and the comment says so ("Configuration:").
//
// Documents: the catalogue's count cell gives the copy type — any original ("N bản chính") makes it
// 'original' (uploaded as a scan, shown at pickup), only copies ("0 bản chính,1 bản sao") 'copy'.
// Documents only to be shown (xuất trình) when data cannot be read from the national databases are
// conditional uploads, since an online applicant cannot show anything; identity papers are not
// listed, as the online applicant is identified by VNeID.

const WARD_CENTRE = 'H29.25747.01';
const WARD = 'H29.25747';
const WARD_COMMUNE_CODE = '25747';
const JUSTICE_DEPARTMENT = 'H29.15';
/** Configuration: the demo's civil-status unit of the Sở Tư pháp (the demo handler's post, main/demo-data.ts). */
const JUSTICE_CIVIL_STATUS_UNIT = 'H29.15.01';
/**
 * Configuration: the ward police. G01 (Bộ Công an) is inferred from the catalogue's result codes
 * KQ.G01.* (domain-vn.md §4.4, unconfirmed); the lower groups are the demo's own (79 = TP.HCM, 25747
 * = the ward), not the ministry's real scheme.
 */
const WARD_POLICE = 'G01.79.25747';
/** Configuration: the ward's economic, infrastructure and urban office (demo group 02). */
const WARD_URBAN_OFFICE = 'H29.25747.02';

// ---------------------------------------------------------------------------------------------
// Form building blocks: each field carries its JSON Schema and its UI node, so the two cannot drift.

type Field = { schema: Record<string, unknown>; ui: UiNode };

const NAME_PATTERN = "^[\\p{L}][\\p{L}\\p{M} .'-]*$";
const PERSONAL_ID_PATTERN = '^[0-9]{12}$';
const PHONE_PATTERN = '^(0|\\+84)[0-9]{9,10}$';

function text(title: string, options: { min?: number; max?: number; pattern?: string; help?: string; long?: boolean } = {}): Field {
  return {
    schema: { type: 'string', minLength: options.min ?? 1, maxLength: options.max ?? 200, ...(options.pattern ? { pattern: options.pattern } : {}) },
    ui: { 'ui:title': title, ...(options.help ? { 'ui:help': options.help } : {}), ...(options.long ? { 'ui:widget': 'textarea' } : {}) },
  };
}

const fullName = (title: string): Field => text(title, { min: 2, max: 100, pattern: NAME_PATTERN, help: 'Viết đầy đủ họ, chữ đệm và tên, có dấu.' });

const personalId = (title: string): Field => ({
  schema: { type: 'string', pattern: PERSONAL_ID_PATTERN },
  ui: { 'ui:title': title, 'ui:help': 'Số định danh cá nhân gồm 12 chữ số (số thẻ Căn cước, Căn cước công dân).', 'ui:placeholder': '079xxxxxxxxx' },
});

const date = (title: string, help?: string): Field => ({
  schema: { type: 'string', format: 'date' },
  ui: { 'ui:title': title, 'ui:widget': 'date', ...(help ? { 'ui:help': help } : {}) },
});

const phone = (): Field => ({ schema: { type: 'string', pattern: PHONE_PATTERN }, ui: { 'ui:title': 'Số điện thoại', 'ui:widget': 'tel' } });
const email = (): Field => ({ schema: { type: 'string', format: 'email', maxLength: 254 }, ui: { 'ui:title': 'Thư điện tử', 'ui:widget': 'email' } });

function choice(title: string, labels: Record<string, string>, widget: 'select' | 'radio' = 'select', help?: string): Field {
  return {
    schema: { type: 'string', enum: Object.keys(labels) },
    ui: { 'ui:title': title, 'ui:widget': widget, 'ui:enumLabels': labels, ...(help ? { 'ui:help': help } : {}) },
  };
}

function integer(title: string, minimum: number, maximum: number, help?: string): Field {
  return { schema: { type: 'integer', minimum, maximum }, ui: { 'ui:title': title, 'ui:widget': 'number', ...(help ? { 'ui:help': help } : {}) } };
}

/** A positive measure (m², m); the upper bound only catches typing slips, it is not a legal limit. */
function measure(title: string, maximum: number): Field {
  return { schema: { type: 'number', exclusiveMinimum: 0, maximum }, ui: { 'ui:title': title, 'ui:widget': 'number' } };
}

const yesNo = (title: string, help?: string): Field => ({
  schema: { type: 'boolean' },
  ui: { 'ui:title': title, 'ui:widget': 'checkbox', ...(help ? { 'ui:help': help } : {}) },
});

const SEX = choice('Giới tính', { male: 'Nam', female: 'Nữ' }, 'radio');
const NATIONALITY = choice('Quốc tịch', { VN: 'Việt Nam' });
/**
 * Configuration: a subset of the 54 ethnic groups for the demo form (the full list of the statistics
 * office is reference data still to load).
 */
const ETHNICITY = choice(
  'Dân tộc',
  Object.fromEntries(['Kinh', 'Hoa', 'Khơ-me', 'Chăm', 'Tày', 'Thái', 'Mường', 'Nùng', 'Mông', 'Dao', 'Gia-rai', 'Ê-đê', 'Ba-na', 'Xtiêng'].map((name) => [name, name])),
);
/** The ward the demo agencies serve: dossiers of these services concern places in it. */
const WARD_CHOICE = choice('Phường', { [WARD_COMMUNE_CODE]: 'Phường Thủ Dầu Một, Thành phố Hồ Chí Minh' });

function group(title: string, fields: Record<string, Field>, required: readonly string[], help?: string): Field {
  return {
    schema: {
      type: 'object',
      properties: Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.schema])),
      required: [...required],
      additionalProperties: false,
    },
    ui: {
      'ui:title': title,
      ...(help ? { 'ui:help': help } : {}),
      'ui:order': Object.keys(fields),
      ...Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.ui])),
    },
  };
}

function list(title: string, item: Field, minItems: number, maxItems: number, help?: string): Field {
  return {
    schema: { type: 'array', items: item.schema, minItems, maxItems },
    ui: { 'ui:title': title, ...(help ? { 'ui:help': help } : {}), items: item.ui },
  };
}

/** `if <property> is one of <values> then <required>` in the form strict Ajv accepts (the then-branch names what it requires). */
function requiredWhen(property: string, values: readonly (string | boolean)[], required: readonly string[], extra: Record<string, unknown> = {}) {
  return {
    if: { properties: { [property]: values.length === 1 ? { const: values[0] } : { enum: [...values] } }, required: [property] },
    then: { properties: { ...Object.fromEntries(required.map((name) => [name, true])), ...extra }, required: [...required] },
  };
}

function form(title: string, fields: Record<string, Field>, required: readonly string[], conditions: readonly object[] = []): ServiceDefinition['form'] {
  const root = group(title, fields, required);
  return {
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      ...(root.schema as { type: 'object'; properties: Record<string, unknown>; required: string[]; additionalProperties: false }),
      ...(conditions.length > 0 ? { allOf: [...conditions] } : {}),
    },
    uiSchema: root.ui,
  };
}

// ---------------------------------------------------------------------------------------------
// Documents

const MiB = 1024 * 1024;
const SCAN = { accepted: ['pdf', 'jpeg', 'png'], maxBytes: 10 * MiB } as const satisfies Pick<DocumentRequirement, 'accepted' | 'maxBytes'>;
const SCAN_OR_SIGNED = { accepted: ['pdf', 'jpeg', 'png', 'docx'], maxBytes: 10 * MiB } as const satisfies Pick<DocumentRequirement, 'accepted' | 'maxBytes'>;

function doc(entry: Omit<DocumentRequirement, 'accepted' | 'maxBytes'>, media: Pick<DocumentRequirement, 'accepted' | 'maxBytes'> = SCAN): DocumentRequirement {
  return { ...entry, accepted: [...media.accepted], maxBytes: media.maxBytes };
}

const AUTHORISED_KIN = 'không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền';

/** Hộ tịch procedures ask for proof of residence only when the registry cannot read it (104/2022/NĐ-CP Art. 14.2). */
const RESIDENCE_PROOF = doc({
  code: 'residence-proof',
  name: 'Giấy tờ có giá trị chứng minh thông tin về cư trú',
  requirement: 'conditional',
  condition:
    'Trường hợp cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 Điều 14 Nghị định số 104/2022/NĐ-CP',
  copy: 'original',
});

// ---------------------------------------------------------------------------------------------
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

const BIRTH_REGISTRATION: ServiceDefinition = {
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
};

// ---------------------------------------------------------------------------------------------
// 1.004222 Đăng ký thường trú — decided by the ward police; the ward centre is only the receiving point.

const PERMANENT_RESIDENCE: ServiceDefinition = {
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
};

// ---------------------------------------------------------------------------------------------
// 2.000635 Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh — at the province's Sở Tư pháp,
// which the catalogue's steps name as a competent processor next to the commune.

const CIVIL_STATUS_EXTRACT_COPY: ServiceDefinition = {
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
};

// ---------------------------------------------------------------------------------------------
// 1.001612 Đăng ký thành lập hộ kinh doanh — the commune's business registration office since
// 01/07/2025 (Nghị định 168/2025/NĐ-CP; the catalogue lists it at Cấp xã).

const HOUSEHOLD_BUSINESS: ServiceDefinition = {
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
};

// ---------------------------------------------------------------------------------------------
// 1.013225 Cấp giấy phép xây dựng mới … và nhà ở riêng lẻ — UBND phường, for a household's house.

const CONSTRUCTION_PERMIT: ServiceDefinition = {
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
};

/** The five demo services, in the order the issue lists them. */
export const DEMO_SERVICES: readonly ServiceDefinition[] = [
  BIRTH_REGISTRATION,
  PERMANENT_RESIDENCE,
  CIVIL_STATUS_EXTRACT_COPY,
  HOUSEHOLD_BUSINESS,
  CONSTRUCTION_PERMIT,
];

// ---------------------------------------------------------------------------------------------
// One valid form per service, with synthetic people (never real ones), for tests and demos.

export const DEMO_FORM_SAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  '1.001193': {
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
  },
  '1.004222': {
    applicant: { fullName: 'Phạm Thị Lan', personalId: '074196005566', dateOfBirth: '1996-07-15', sex: 'female', phone: '0987654321' },
    basis: 'relative_home',
    newResidence: { addressLine: '45 Bạch Đằng, khu phố 2', communeCode: '25747' },
    householder: { fullName: 'Phạm Văn Hùng', personalId: '074065007788', relationship: 'Con' },
    ownerConsent: true,
    members: [],
  },
  '2.000635': {
    requesterKind: 'individual',
    requester: { fullName: 'Nguyễn Thị Mai', personalId: '079188009900', phone: '0912345678', email: 'mai.nguyen@demo.congso.vn' },
    relationshipToSubject: 'self',
    event: 'birth',
    subject: { fullName: 'Nguyễn Thị Mai', dateOfBirth: '1988-01-25', personalId: '079188009900' },
    registration: { authority: 'Ủy ban nhân dân phường Phú Cường, thị xã Thủ Dầu Một, tỉnh Sông Bé' },
    copies: 2,
  },
  '1.001612': {
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
  },
  '1.013225': {
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
  },
};
