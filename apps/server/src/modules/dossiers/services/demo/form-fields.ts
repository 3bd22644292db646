import type { DocumentRequirement, ServiceDefinition, UiNode } from '../service-definition.ts';

// What the demo services (../demo-services.ts) share: the codes of the demo agencies they name, the
// form building blocks and the document helpers.

export const WARD_CENTRE = 'H29.25747.01';
export const WARD = 'H29.25747';
const WARD_COMMUNE_CODE = '25747';
export const JUSTICE_DEPARTMENT = 'H29.15';
/** Configuration: the demo's civil-status unit of the Sở Tư pháp (the demo handler's post, main/demo-data.ts). */
export const JUSTICE_CIVIL_STATUS_UNIT = 'H29.15.01';
/**
 * Configuration: the ward police. G01 (Bộ Công an) is inferred from the catalogue's result codes
 * KQ.G01.* (domain-vn.md §4.4, unconfirmed); the lower groups are the demo's own (79 = TP.HCM, 25747
 * = the ward), not the ministry's real scheme.
 */
export const WARD_POLICE = 'G01.79.25747';
/** Configuration: the ward's economic, infrastructure and urban office (demo group 02). */
export const WARD_URBAN_OFFICE = 'H29.25747.02';

// ---------------------------------------------------------------------------------------------
// Form building blocks: each field carries its JSON Schema and its UI node, so the two cannot drift.

export type Field = { schema: Record<string, unknown>; ui: UiNode };

const NAME_PATTERN = "^[\\p{L}][\\p{L}\\p{M} .'-]*$";
const PERSONAL_ID_PATTERN = '^[0-9]{12}$';
const PHONE_PATTERN = '^(0|\\+84)[0-9]{9,10}$';

export function text(title: string, options: { min?: number; max?: number; pattern?: string; help?: string; long?: boolean } = {}): Field {
  return {
    schema: { type: 'string', minLength: options.min ?? 1, maxLength: options.max ?? 200, ...(options.pattern ? { pattern: options.pattern } : {}) },
    ui: { 'ui:title': title, ...(options.help ? { 'ui:help': options.help } : {}), ...(options.long ? { 'ui:widget': 'textarea' } : {}) },
  };
}

export const fullName = (title: string): Field => text(title, { min: 2, max: 100, pattern: NAME_PATTERN, help: 'Viết đầy đủ họ, chữ đệm và tên, có dấu.' });

export const personalId = (title: string): Field => ({
  schema: { type: 'string', pattern: PERSONAL_ID_PATTERN },
  ui: { 'ui:title': title, 'ui:help': 'Số định danh cá nhân gồm 12 chữ số (số thẻ Căn cước, Căn cước công dân).', 'ui:placeholder': '079xxxxxxxxx' },
});

export const date = (title: string, help?: string): Field => ({
  schema: { type: 'string', format: 'date' },
  ui: { 'ui:title': title, 'ui:widget': 'date', ...(help ? { 'ui:help': help } : {}) },
});

export const phone = (): Field => ({ schema: { type: 'string', pattern: PHONE_PATTERN }, ui: { 'ui:title': 'Số điện thoại', 'ui:widget': 'tel' } });
export const email = (): Field => ({ schema: { type: 'string', format: 'email', maxLength: 254 }, ui: { 'ui:title': 'Thư điện tử', 'ui:widget': 'email' } });

export function choice(title: string, labels: Record<string, string>, widget: 'select' | 'radio' = 'select', help?: string): Field {
  return {
    schema: { type: 'string', enum: Object.keys(labels) },
    ui: { 'ui:title': title, 'ui:widget': widget, 'ui:enumLabels': labels, ...(help ? { 'ui:help': help } : {}) },
  };
}

export function integer(title: string, minimum: number, maximum: number, help?: string): Field {
  return { schema: { type: 'integer', minimum, maximum }, ui: { 'ui:title': title, 'ui:widget': 'number', ...(help ? { 'ui:help': help } : {}) } };
}

export const yesNo = (title: string, help?: string): Field => ({
  schema: { type: 'boolean' },
  ui: { 'ui:title': title, 'ui:widget': 'checkbox', ...(help ? { 'ui:help': help } : {}) },
});

export const SEX = choice('Giới tính', { male: 'Nam', female: 'Nữ' }, 'radio');
export const NATIONALITY = choice('Quốc tịch', { VN: 'Việt Nam' });
/**
 * Configuration: a subset of the 54 ethnic groups for the demo form (the full list of the statistics
 * office is reference data still to load).
 */
export const ETHNICITY = choice(
  'Dân tộc',
  Object.fromEntries(['Kinh', 'Hoa', 'Khơ-me', 'Chăm', 'Tày', 'Thái', 'Mường', 'Nùng', 'Mông', 'Dao', 'Gia-rai', 'Ê-đê', 'Ba-na', 'Xtiêng'].map((name) => [name, name])),
);
/** The ward the demo agencies serve: dossiers of these services concern places in it. */
export const WARD_CHOICE = choice('Phường', { [WARD_COMMUNE_CODE]: 'Phường Thủ Dầu Một, Thành phố Hồ Chí Minh' });

export function group(title: string, fields: Record<string, Field>, required: readonly string[], help?: string): Field {
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

export function list(title: string, item: Field, minItems: number, maxItems: number, help?: string): Field {
  return {
    schema: { type: 'array', items: item.schema, minItems, maxItems },
    ui: { 'ui:title': title, ...(help ? { 'ui:help': help } : {}), items: item.ui },
  };
}

/** `if <property> is one of <values> then <required>` in the form strict Ajv accepts (the then-branch names what it requires). */
export function requiredWhen(property: string, values: readonly (string | boolean)[], required: readonly string[], extra: Record<string, unknown> = {}) {
  return {
    if: { properties: { [property]: values.length === 1 ? { const: values[0] } : { enum: [...values] } }, required: [property] },
    then: { properties: { ...Object.fromEntries(required.map((name) => [name, true])), ...extra }, required: [...required] },
  };
}

export function form(title: string, fields: Record<string, Field>, required: readonly string[], conditions: readonly object[] = []): ServiceDefinition['form'] {
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

export const MiB = 1024 * 1024;
const SCAN = { accepted: ['pdf', 'jpeg', 'png'], maxBytes: 10 * MiB } as const satisfies Pick<DocumentRequirement, 'accepted' | 'maxBytes'>;
export const SCAN_OR_SIGNED = { accepted: ['pdf', 'jpeg', 'png', 'docx'], maxBytes: 10 * MiB } as const satisfies Pick<DocumentRequirement, 'accepted' | 'maxBytes'>;

export function doc(entry: Omit<DocumentRequirement, 'accepted' | 'maxBytes'>, media: Pick<DocumentRequirement, 'accepted' | 'maxBytes'> = SCAN): DocumentRequirement {
  return { ...entry, accepted: [...media.accepted], maxBytes: media.maxBytes };
}

export const AUTHORISED_KIN = 'không phải chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền';

/** Hộ tịch procedures ask for proof of residence only when the registry cannot read it (104/2022/NĐ-CP Art. 14.2). */
export const RESIDENCE_PROOF = doc({
  code: 'residence-proof',
  name: 'Giấy tờ có giá trị chứng minh thông tin về cư trú',
  requirement: 'conditional',
  condition:
    'Trường hợp cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 Điều 14 Nghị định số 104/2022/NĐ-CP',
  copy: 'original',
});

/**
 * The applicant's name and personal ID from the population registry, for a form whose `declarant`
 * group is the person filing (the gateway's person service of the Ministry of Public Security).
 */
export const POPULATION_PREFILL = {
  service: 'VN/GOV/G01/population-registry/person',
  subject: 'applicant',
  source: { vi: 'Cơ sở dữ liệu quốc gia về dân cư', en: 'National population database' },
  fields: { '/declarant/fullName': '/fullName', '/declarant/personalId': '/personalId' },
} as const satisfies ServiceDefinition['prefill'][number];

/** The exchange subsystem code of an agency's one-stop-shop system (its client identity on the gateway). */
export const ONE_STOP_SHOP_SUBSYSTEM = 'mot-cua';
