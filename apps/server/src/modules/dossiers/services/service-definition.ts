import { AgencyCode, JSON_POINTER, ProcedureCode } from '@congso/contracts';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { z } from 'zod';
import type { Role } from '../../identity/index.ts';
import type { MediaKind } from '../domain/attachments.ts';
import type { ClockRule } from '../domain/deadline.ts';

// A service (dịch vụ công trực tuyến) is one catalogue procedure enabled for one agency: the online
// level (Decree 42/2022 Art. 11: toàn trình / một phần, domain-vn.md §2; 42/2022 gave way to Decree
// 224/2026 on 01/07/2026, whose levels were not read), the form the applicant fills,
// the documents (thành phần hồ sơ) and fees taken from the national catalogue, the time limit, the
// clock rule on supplements, and the process with time allotted to each step. A definition is checked
// once, when it is saved; the submission then trusts it.
//
// The declaration itself (tờ khai, đơn, giấy đề nghị — on the national portal the "mẫu điện tử tương
// tác") is the form, so it is never listed among the documents to attach.

/** File kinds a citizen may attach to a service's documents (a subset of what the sniffer knows). */
export const DOCUMENT_MEDIA_KINDS = ['pdf', 'jpeg', 'png', 'docx', 'xml'] as const satisfies readonly MediaKind[];
export type DocumentMediaKind = (typeof DOCUMENT_MEDIA_KINDS)[number];

const MiB = 1024 * 1024;
/** No single attachment may exceed this, whatever a service allows (design drawings are the largest). */
export const MAX_DOCUMENT_BYTES = 50 * MiB;

/**
 * Step allotments in hours and days are compared on an 8-hour working day: the national rule is 40
 * hours over 5 days (QĐ 188/1999/QĐ-TTg); the clock times themselves are the calendar's business.
 */
export const WORKING_HOURS_PER_DAY = 8;

export const ONLINE_LEVELS = ['full', 'partial'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/** Who performs a step: the one-stop-shop officer, the handling officer, the approving leader. */
export const STEP_ROLES = ['receptionist', 'handler', 'leader'] as const satisfies readonly Role[];
export type StepRole = (typeof STEP_ROLES)[number];

export const CLOCK_RULES = ['restart', 'pause'] as const satisfies readonly ClockRule[];

/** Widgets the web form renders; anything else is a typo. */
export const UI_WIDGETS = ['text', 'textarea', 'select', 'radio', 'checkbox', 'date', 'number', 'email', 'tel'] as const;

const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

const Slug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug such as birth-certificate');
/** Human text: not empty, no surrounding spaces (they would make two equal labels differ). */
const Text = z
  .string()
  .min(1)
  .max(2000)
  .refine((text) => text.trim() === text, 'no leading or trailing spaces');

const Allotment = {
  workingDays: z.number().positive().multipleOf(0.5).optional(),
  workingHours: z.number().int().positive().optional(),
};
const exactlyOneAllotment = (entry: { workingDays?: number | undefined; workingHours?: number | undefined }) =>
  (entry.workingDays === undefined) !== (entry.workingHours === undefined);
const ALLOTMENT_MESSAGE = 'give either workingDays or workingHours, not both';

export const DocumentRequirementSchema = z
  .object({
    code: Slug,
    /** The document as the catalogue's thành phần hồ sơ names it. */
    name: Text,
    requirement: z.enum(['mandatory', 'conditional']),
    /** When a conditional document is needed; required for those, absent for mandatory ones. */
    condition: Text.optional(),
    /** Bản chính, bản sao, bản điện tử: the national portal's LoaiBan 0, 1, 2 (domain-vn.md §1.2). */
    copy: z.enum(['original', 'copy', 'electronic']),
    accepted: z.array(z.enum(DOCUMENT_MEDIA_KINDS)).min(1),
    maxBytes: z.number().int().positive().max(MAX_DOCUMENT_BYTES),
  })
  .strict()
  .refine((doc) => (doc.requirement === 'conditional') === (doc.condition !== undefined), {
    message: 'a conditional document states its condition; a mandatory one has none',
    path: ['condition'],
  })
  .refine((doc) => new Set(doc.accepted).size === doc.accepted.length, { message: 'accepted kinds are listed once', path: ['accepted'] });
export type DocumentRequirement = z.output<typeof DocumentRequirementSchema>;

export const FeeSchema = z
  .object({
    name: Text,
    /** 0 when free. */
    amountVnd: z.number().int().min(0),
    note: Text.optional(),
  })
  .strict();
export type Fee = z.output<typeof FeeSchema>;

export const ServiceTimeLimitSchema = z
  .object({
    /** The legal limit for the online channel, counted by the working calendar. */
    workingDays: z.number().int().positive(),
    /** A dossier received at or after 15:00 counts from the next working day (61/2018 Art. 18; 309/2026 Art. 9). */
    cutoff: z.literal('15:00').nullable(),
    /** The catalogue's time cell as written (online row), null when the catalogue gives none. */
    catalogueText: Text.nullable(),
  })
  .strict();
export type ServiceTimeLimit = z.output<typeof ServiceTimeLimitSchema>;

export const ProcessStepSchema = z
  .object({
    key: Slug,
    name: Text,
    role: z.enum(STEP_ROLES),
    unitCode: AgencyCode,
    ...Allotment,
  })
  .strict()
  .refine(exactlyOneAllotment, { message: ALLOTMENT_MESSAGE });
export type ProcessStep = z.output<typeof ProcessStepSchema>;

/**
 * Consultation of another unit (lấy ý kiến, 61/2018 Art. 19.5): asked by the handler during a step,
 * with a deadline that lies inside that step's allotment.
 */
export const ConsultationSchema = z
  .object({
    key: Slug,
    name: Text,
    unitCode: AgencyCode,
    /** The handler step during which the opinion is asked. */
    duringStep: Slug,
    ...Allotment,
  })
  .strict()
  .refine(exactlyOneAllotment, { message: ALLOTMENT_MESSAGE });
export type Consultation = z.output<typeof ConsultationSchema>;

/**
 * Inter-agency processing (liên thông, 61/2018 Art. 19.6–19.7): the dossier goes to another agency
 * and comes back under the same code. That agency's time is tracked apart from the steps, so it adds
 * to them; entries sent from the same step run in parallel (Art. 19.6, electronic), so only the
 * longest of them counts.
 */
export const InterAgencySchema = z
  .object({
    key: Slug,
    name: Text,
    agencyCode: AgencyCode,
    duringStep: Slug,
    /** The other agency takes the decision (it is the competent authority), not only an input to it. */
    decides: z.boolean(),
    ...Allotment,
  })
  .strict()
  .refine(exactlyOneAllotment, { message: ALLOTMENT_MESSAGE });
export type InterAgency = z.output<typeof InterAgencySchema>;

export const ServiceProcessSchema = z
  .object({
    steps: z.array(ProcessStepSchema).min(3),
    consultation: z.array(ConsultationSchema).default([]),
    interAgency: z.array(InterAgencySchema).default([]),
  })
  .strict();
export type ServiceProcess = z.output<typeof ServiceProcessSchema>;

/** The outer shape of a form schema; Ajv (strict) checks the rest when the definition is checked. */
export const FormSchemaSchema = z
  .looseObject({
    $schema: z.literal(JSON_SCHEMA_2020),
    type: z.literal('object'),
    properties: z.record(z.string(), z.unknown()),
    required: z.array(z.string()).optional(),
    // A citizen's form never carries fields the agency did not ask for.
    additionalProperties: z.literal(false),
  })
  .refine((schema) => Object.keys(schema.properties).length > 0, { message: 'a form has at least one field', path: ['properties'] })
  // Forms are compiled side by side in one Ajv, where two schemas with the same $id would collide.
  .refine((schema) => !('$id' in schema), { message: 'a form schema has no $id', path: ['$id'] });
export type FormSchema = z.output<typeof FormSchemaSchema>;

/**
 * UI hints, in the style of react-jsonschema-form: `ui:*` keys for the node itself, one child node
 * per object property, `items` for an array's item. Every field has a Vietnamese `ui:title`; every
 * enumerated value has a Vietnamese label in `ui:enumLabels`.
 */
export type UiNode = {
  'ui:title'?: string;
  'ui:help'?: string;
  'ui:placeholder'?: string;
  'ui:widget'?: (typeof UI_WIDGETS)[number];
  'ui:order'?: string[];
  'ui:enumLabels'?: Record<string, string>;
  [child: string]: unknown;
};

const UI_OWN_KEYS: ReadonlySet<string> = new Set(['ui:title', 'ui:help', 'ui:placeholder', 'ui:widget', 'ui:order', 'ui:enumLabels']);
const UiOwnKeys = z
  .object({
    'ui:title': Text.optional(),
    'ui:help': Text.optional(),
    'ui:placeholder': Text.optional(),
    'ui:widget': z.enum(UI_WIDGETS).optional(),
    'ui:order': z.array(z.string()).optional(),
    'ui:enumLabels': z.record(z.string(), Text).optional(),
  })
  .catchall(z.unknown())
  .refine((node) => Object.keys(node).every((key) => !key.startsWith('ui:') || UI_OWN_KEYS.has(key)), 'unknown ui: key');

/**
 * A form's once-only source (domain/prefill.ts): the exchange gateway's service id
 * (instance/class/member/subsystem/service), whose record — the applicant's — and, per form field
 * (JSON Pointer), where its value sits in the registry's answer (JSON Pointer).
 */
export const PrefillRuleSchema = z
  .object({
    service: z.string().regex(/^[A-Z]{2}\/[A-Z]{2,5}\/[A-Za-z0-9.]{1,40}\/[a-z0-9-]{1,40}\/[a-z0-9-]{1,40}$/, 'a gateway service id such as VN/GOV/G01/population-registry/person'),
    subject: z.literal('applicant'),
    /** The registry as the form names it next to the filled fields. */
    source: z.object({ vi: Text, en: Text }).strict(),
    fields: z.record(z.string().regex(JSON_POINTER, 'a JSON Pointer such as /declarant/fullName'), z.string().regex(JSON_POINTER, 'a JSON Pointer such as /fullName')).refine((fields) => Object.keys(fields).length > 0, 'at least one field'),
  })
  .strict();

export const ServiceDefinitionSchema = z
  .object({
    procedureCode: ProcedureCode,
    /** Where the dossier is received (Bộ phận Một cửa, Trung tâm Phục vụ hành chính công); its code prefixes the dossier code. */
    agencyCode: AgencyCode,
    /** The unit that processes it, within or above the receiving agency (the centre sits under its People's Committee). */
    handlingUnitCode: AgencyCode,
    /** The authority that decides (cơ quan có thẩm quyền); another agency only through a deciding inter-agency entry. */
    competentAgencyCode: AgencyCode,
    /** The procedure's name as in the catalogue. */
    name: Text,
    onlineLevel: z.enum(ONLINE_LEVELS),
    form: z.object({ schema: FormSchemaSchema, uiSchema: z.record(z.string(), z.unknown()) }).strict(),
    documents: z.array(DocumentRequirementSchema),
    fees: z.array(FeeSchema).min(1),
    timeLimit: ServiceTimeLimitSchema,
    /** 61/2018 Art. 19.4: the limit restarts from zero on a complete resubmission, unless configured to pause (the 118/2025 rule is unconfirmed). */
    clockRule: z.enum(CLOCK_RULES).default('restart'),
    process: ServiceProcessSchema,
    result: z.object({ name: Text, electronic: z.boolean() }).strict(),
    /**
     * Where the procedure is published (Circular 01/2018 Art. 13, indicator 6): always electronically
     * here (the platform publishes every service it offers); `postedAtOffice` says whether it is also
     * posted at the one-stop shop, as the Bộ phận Một cửa is expected to do for what it receives.
     */
    publication: z.object({ postedAtOffice: z.boolean() }).strict().default({ postedAtOffice: true }),
    /** Fields filled from base registries when the applicant starts a dossier (once-only). */
    prefill: z.array(PrefillRuleSchema).max(10).default([]),
  })
  .strict()
  .superRefine((definition, ctx) => {
    for (const problem of crossCheck(definition)) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path });
  });

export type ServiceDefinition = z.output<typeof ServiceDefinitionSchema>;
export type ServiceDefinitionInput = z.input<typeof ServiceDefinitionSchema>;

type Problem = { path: (string | number)[]; message: string };

/** Hours an allotment stands for. */
export function allotmentHours(entry: { workingDays?: number | undefined; workingHours?: number | undefined }): number {
  return entry.workingHours ?? (entry.workingDays ?? 0) * WORKING_HOURS_PER_DAY;
}

/** Time the process plans, in working hours: every step, plus the longest inter-agency leg sent from each step. */
export function plannedHours(process: Pick<ServiceProcess, 'steps' | 'interAgency'>): number {
  const steps = process.steps.reduce((sum, step) => sum + allotmentHours(step), 0);
  const longestLeg = new Map<string, number>();
  for (const leg of process.interAgency) {
    longestLeg.set(leg.duringStep, Math.max(longestLeg.get(leg.duringStep) ?? 0, allotmentHours(leg)));
  }
  return steps + [...longestLeg.values()].reduce((sum, hours) => sum + hours, 0);
}

/** Same code, or one a descendant of the other (H29.25747.01 is under H29.25747). */
function sameBranch(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

function crossCheck(definition: ServiceDefinition): Problem[] {
  const problems: Problem[] = [];
  const { steps, consultation, interAgency } = definition.process;

  definition.prefill.forEach((rule, index) => {
    for (const pointer of Object.keys(rule.fields)) {
      if (!formHasField(definition.form.schema, pointer)) problems.push({ path: ['prefill', index, 'fields', pointer], message: `the form has no field ${pointer}` });
    }
  });
  for (const code of duplicates(definition.documents.map((doc) => doc.code))) {
    problems.push({ path: ['documents'], message: `document code ${code} is used twice` });
  }
  const keys = [...steps, ...consultation, ...interAgency].map((entry) => entry.key);
  for (const key of duplicates(keys)) problems.push({ path: ['process'], message: `process key ${key} is used twice` });

  if (!sameBranch(definition.handlingUnitCode, definition.agencyCode)) {
    problems.push({ path: ['handlingUnitCode'], message: 'the handling unit is the receiving agency, a unit under it, or the body it sits under' });
  }

  // Reception opens and returns the result (61/2018 Arts. 17, 20); appraisal precedes approval (Art. 19).
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first?.role !== 'receptionist') problems.push({ path: ['process', 'steps', 0], message: 'the first step is reception' });
  if (last?.role !== 'receptionist') problems.push({ path: ['process', 'steps', steps.length - 1], message: 'the last step returns the result' });
  const firstHandler = steps.findIndex((step) => step.role === 'handler');
  const firstLeader = steps.findIndex((step) => step.role === 'leader');
  if (firstHandler < 0 || firstLeader < 0 || firstLeader < firstHandler) {
    problems.push({ path: ['process', 'steps'], message: 'a handler step comes before a leader step' });
  }
  steps.forEach((step, index) => {
    const home = step.role === 'receptionist' ? definition.agencyCode : definition.handlingUnitCode;
    if (step.role === 'receptionist' ? step.unitCode !== home : !sameBranch(step.unitCode, home)) {
      problems.push({
        path: ['process', 'steps', index, 'unitCode'],
        message: step.role === 'receptionist' ? 'reception steps belong to the receiving agency' : 'handling and approval steps belong to the handling unit',
      });
    }
  });

  const handlerSteps = new Map(steps.filter((step) => step.role === 'handler').map((step) => [step.key, step]));
  consultation.forEach((entry, index) => {
    const step = handlerSteps.get(entry.duringStep);
    if (!step) problems.push({ path: ['process', 'consultation', index, 'duringStep'], message: 'a consultation is asked during a handler step' });
    else if (allotmentHours(entry) > allotmentHours(step)) {
      problems.push({ path: ['process', 'consultation', index], message: `the consultation outlasts step ${step.key}` });
    }
  });
  interAgency.forEach((entry, index) => {
    if (!handlerSteps.has(entry.duringStep)) {
      problems.push({ path: ['process', 'interAgency', index, 'duringStep'], message: 'an inter-agency leg is sent during a handler step' });
    }
    if (sameBranch(entry.agencyCode, definition.handlingUnitCode) || entry.agencyCode === definition.agencyCode) {
      problems.push({ path: ['process', 'interAgency', index, 'agencyCode'], message: 'an inter-agency leg goes to another agency' });
    }
  });

  const deciding = interAgency.filter((entry) => entry.decides);
  if (deciding.length > 1) problems.push({ path: ['process', 'interAgency'], message: 'only one agency decides' });
  const decidesElsewhere = !sameBranch(definition.competentAgencyCode, definition.handlingUnitCode);
  if (decidesElsewhere && deciding[0]?.agencyCode !== definition.competentAgencyCode) {
    problems.push({ path: ['competentAgencyCode'], message: 'a competent agency outside the handling unit decides through an inter-agency leg' });
  }
  if (!decidesElsewhere && deciding.length > 0) {
    problems.push({ path: ['process', 'interAgency'], message: 'the handling unit is competent, so no other agency decides' });
  }

  const limitHours = definition.timeLimit.workingDays * WORKING_HOURS_PER_DAY;
  const planned = plannedHours(definition.process);
  if (planned > limitHours) {
    problems.push({ path: ['process'], message: `steps plan ${planned} working hours, more than the ${limitHours} of the time limit` });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Forms

/**
 * A fresh Ajv for service forms: JSON Schema 2020-12, strict (unknown keywords, missing types and
 * requirements on undeclared properties are errors, not silently ignored), every error reported,
 * formats such as `date` and `email` checked.
 */
export function createFormAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  formats.default(ajv);
  return ajv;
}

/** A form error: where (JSON Pointer), the rule broken (Ajv keyword, its limit) for clients to word it, and Ajv's message. */
export type FormIssue = { path: string; message: string; keyword: string; limit?: number };

/** Ajv's errors as (JSON Pointer, message) pairs; a missing property points at the property itself. */
export function formIssues(errors: readonly ErrorObject[] | null | undefined): FormIssue[] {
  // "must match the then schema" only repeats the error inside the branch; the branch's own errors say what to fix.
  return (errors ?? []).filter((error) => error.keyword !== 'if').map((error) => {
    const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
    const limit = (error.params as { limit?: unknown }).limit;
    return {
      path: missing === undefined ? error.instancePath || '/' : `${error.instancePath}/${missing}`,
      message: error.message ?? error.keyword,
      keyword: error.keyword,
      ...(typeof limit === 'number' ? { limit } : {}),
    };
  });
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a UI schema against its form schema: labels for every field and value, no stray nodes. */
function checkUiNode(schema: JsonObject, ui: unknown, path: string, problems: Problem[], isField: boolean): void {
  const at = (message: string) => problems.push({ path: ['form', 'uiSchema'], message: `${path || '/'}: ${message}` });
  if (!isObject(ui)) {
    at('missing UI node');
    return;
  }
  const own = UiOwnKeys.safeParse(ui);
  if (!own.success) at(own.error.issues.map((issue) => issue.message).join('; '));
  if (isField && typeof ui['ui:title'] !== 'string') at('a field needs a ui:title (its Vietnamese label)');

  const values = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : [];
  if (values.length > 0) {
    const labels = isObject(ui['ui:enumLabels']) ? ui['ui:enumLabels'] : {};
    const unlabelled = values.filter((value) => typeof labels[String(value)] !== 'string');
    if (unlabelled.length > 0) at(`values without a label in ui:enumLabels: ${unlabelled.map(String).join(', ')}`);
  }

  const children = Object.keys(ui).filter((key) => !key.startsWith('ui:'));
  if (schema.type === 'object' && isObject(schema.properties)) {
    const properties = schema.properties;
    const names = Object.keys(properties);
    for (const child of children) if (!(child in properties)) at(`${child} is not a field of the form`);
    const order = ui['ui:order'];
    if (Array.isArray(order) && (order.length !== names.length || names.some((name) => !order.includes(name)))) {
      at('ui:order lists every field exactly once');
    }
    for (const name of names) {
      const child = properties[name];
      if (isObject(child)) checkUiNode(child, ui[name], `${path}/${name}`, problems, true);
    }
  } else if (schema.type === 'array' && isObject(schema.items)) {
    for (const child of children) if (child !== 'items') at(`${child}: an array has only an items node`);
    // The item of a list of objects has its own fields; a list of plain values is labelled by the list.
    if (schema.items.type === 'object') checkUiNode(schema.items, ui.items, `${path}/items`, problems, false);
  } else if (children.length > 0) {
    at(`a plain field has no child nodes (${children.join(', ')})`);
  }
}

// ---------------------------------------------------------------------------------------------
// The check

export type ServiceDefinitionIssue = { path: string; message: string };
export type ServiceDefinitionCheck =
  | { ok: true; definition: ServiceDefinition; validateForm: ValidateFunction }
  | { ok: false; issues: ServiceDefinitionIssue[] };

const pathText = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * Checks a service definition completely: its shape and cross-references (zod), that its form
 * schema compiles under Ajv 2020-12 in strict mode, and that its UI schema labels every field.
 * Returns the parsed definition (defaults filled in) and the compiled form validator.
 */
export function checkServiceDefinition(input: unknown): ServiceDefinitionCheck {
  const parsed = ServiceDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: pathText(issue.path), message: issue.message })) };
  }
  const definition = parsed.data;
  let validateForm: ValidateFunction;
  try {
    // A fresh instance: a schema that fails must not leave anything behind in the shared one.
    validateForm = createFormAjv().compile(definition.form.schema);
  } catch (error) {
    return { ok: false, issues: [{ path: 'form.schema', message: error instanceof Error ? error.message : String(error) }] };
  }
  const problems: Problem[] = [];
  checkUiNode(definition.form.schema, definition.form.uiSchema, '', problems, false);
  if (problems.length > 0) return { ok: false, issues: problems.map((problem) => ({ path: pathText(problem.path), message: problem.message })) };
  return { ok: true, definition, validateForm };
}

/** Whether a JSON Pointer names a property the form's schema declares (through nested objects). */
function formHasField(schema: unknown, pointer: string): boolean {
  let node: unknown = schema;
  for (const token of pointer.split('/').slice(1)) {
    const properties = node !== null && typeof node === 'object' ? (node as { properties?: Record<string, unknown> }).properties : undefined;
    if (!properties || !Object.hasOwn(properties, token)) return false;
    node = properties[token];
  }
  return true;
}
