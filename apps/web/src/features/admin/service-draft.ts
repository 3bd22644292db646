import type { AgencyView, ProcedureDetailView } from '@congso/contracts';

// A first definition of an online service, drawn from the national catalogue's record of the
// procedure, for the agency administrator to correct before enabling it: the documents the record
// says must be submitted, its fees, its online time limit, the standard four steps of the one-stop
// process (Decree 61/2018 Arts. 17–20: reception, appraisal, approval, return) sharing that limit,
// and a one-field form to build on. The server checks the whole definition when it is saved.

export type Allotment = { workingDays?: number; workingHours?: number };
export type StepDraft = { key: string; name: string; role: 'receptionist' | 'handler' | 'leader'; unitCode: string } & Allotment;
export type DocumentDraft = {
  code: string;
  name: string;
  requirement: 'mandatory' | 'conditional';
  condition?: string;
  copy: 'original' | 'copy' | 'electronic';
  accepted: string[];
  maxBytes: number;
};
export type ServiceDraft = {
  procedureCode: string;
  agencyCode: string;
  handlingUnitCode: string;
  competentAgencyCode: string;
  name: string;
  onlineLevel: 'full' | 'partial';
  form: { schema: Record<string, unknown>; uiSchema: Record<string, unknown> };
  documents: DocumentDraft[];
  fees: { name: string; amountVnd: number; note?: string }[];
  timeLimit: { workingDays: number; cutoff: '15:00' | null; catalogueText: string | null };
  clockRule: 'restart' | 'pause';
  process: { steps: StepDraft[]; consultation: unknown[]; interAgency: unknown[] };
  result: { name: string; electronic: boolean };
  publication: { postedAtOffice: boolean };
  [other: string]: unknown;
};

/** 8-hour working day (QĐ 188/1999/QĐ-TTg), as the server counts step allotments. */
export const HOURS_PER_DAY = 8;
const MAX_TEXT = 2000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Text as the definition accepts it: trimmed, without the catalogue's list dashes, at most 2,000 characters. */
export function cleanText(text: string): string {
  return text.replace(/^[\s\-–•*+]+/, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT).trim();
}

/** A lower-case slug of the first words, without diacritics ("Giấy chứng sinh; …" → "giay-chung-sinh"). */
export function slugOf(text: string, words = 5): string {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const slug = folded.split(/[^a-z0-9]+/).filter(Boolean).slice(0, words).join('-');
  return (slug || 'giay-to').slice(0, 64).replace(/-+$/, '');
}

/** Hours an allotment stands for. */
export const hoursOf = (entry: Allotment): number => entry.workingHours ?? (entry.workingDays ?? 0) * HOURS_PER_DAY;

/** The working hours the steps plan (consultations run inside their step; liên thông legs are the server's to add). */
export const plannedHours = (steps: readonly Allotment[]): number => steps.reduce((sum, step) => sum + hoursOf(step), 0);

/**
 * The four steps sharing `workingDays`: reception, return and approval get about a tenth each (at
 * least an hour), appraisal the rest — the usual split of a one-stop process.
 */
export function standardSteps(workingDays: number, agencyCode: string, handlingUnitCode: string): StepDraft[] {
  const total = Math.max(4, Math.round(workingDays * HOURS_PER_DAY));
  const share = (fraction: number) => Math.max(1, Math.floor(total * fraction));
  const reception = share(0.05);
  const approval = share(0.1);
  const giveBack = share(0.05);
  return [
    { key: 'reception', name: 'Tiếp nhận hồ sơ', role: 'receptionist', unitCode: agencyCode, workingHours: reception },
    { key: 'appraisal', name: 'Thẩm định, giải quyết', role: 'handler', unitCode: handlingUnitCode, workingHours: total - reception - approval - giveBack },
    { key: 'approval', name: 'Phê duyệt', role: 'leader', unitCode: handlingUnitCode, workingHours: approval },
    { key: 'return', name: 'Trả kết quả', role: 'receptionist', unitCode: agencyCode, workingHours: giveBack },
  ];
}

/**
 * The declaration (tờ khai, or the portal's interactive e-form) is what the service's form collects:
 * the applicant fills it in, so it is never a document to attach (as the server's definition says).
 */
export const isDeclaration = (text: string): boolean => /^(tờ khai|mẫu .{0,60}điện tử tương tác)/i.test(text);

/** The documents to submit, as the record lists them (notes without a count, and papers only shown, left out). */
function documentsOf(detail: ProcedureDetailView): DocumentDraft[] {
  const used = new Set<string>();
  const documents: DocumentDraft[] = [];
  for (const entry of detail.documents) {
    const { name, group, originals, copies } = entry as { name: string; group?: string; originals?: number; copies?: number };
    if (group && /xuất trình/i.test(group)) continue;
    if ((originals ?? 0) + (copies ?? 0) === 0) continue;
    const text = cleanText(name);
    if (!text || isDeclaration(text)) continue;
    let code = slugOf(text);
    for (let n = 2; used.has(code); n++) code = `${slugOf(text)}-${n}`;
    used.add(code);
    const conditional = /^(trường hợp|nếu|đối với)/i.test(text);
    documents.push({
      code,
      name: text,
      requirement: conditional ? 'conditional' : 'mandatory',
      ...(conditional ? { condition: text } : {}),
      copy: (originals ?? 0) > 0 ? 'original' : 'copy',
      accepted: ['pdf', 'jpeg', 'png'],
      maxBytes: DEFAULT_MAX_BYTES,
    });
  }
  return documents;
}

function feesOf(channel: ProcedureDetailView['channels'][number] | undefined): ServiceDraft['fees'] {
  const listed = (channel?.fees ?? []).filter((fee) => typeof fee.amountVnd === 'number').map((fee) => ({ name: cleanText(fee.text) || 'Lệ phí', amountVnd: fee.amountVnd ?? 0 }));
  if (listed.length > 0) return listed;
  const note = channel?.feeText ? cleanText(channel.feeText) : '';
  return [{ name: 'Lệ phí', amountVnd: 0, ...(note ? { note } : {}) }];
}

/** The online channel's limit in working days (another channel's when the online one has none). */
function workingDaysOf(detail: ProcedureDetailView): { days: number; text: string | null } {
  const channel = detail.channels.find((c) => c.channel === 'online') ?? detail.channels[0];
  const limit = channel?.timeLimits.find((l) => ['working_days', 'unspecified', 'days'].includes(l.unit)) ?? null;
  const text = channel?.timeText ? cleanText(channel.timeText) : null;
  return { days: limit ? Math.max(1, Math.ceil(limit.value)) : 1, text: text || null };
}

export function draftFromCatalogue(detail: ProcedureDetailView, agency: Pick<AgencyView, 'code' | 'parentCode'>): ServiceDraft {
  const handling = agency.parentCode ?? agency.code;
  const online = detail.channels.find((c) => c.channel === 'online') ?? detail.channels[0];
  const { days, text } = workingDaysOf(detail);
  return {
    procedureCode: detail.code,
    agencyCode: agency.code,
    handlingUnitCode: handling,
    competentAgencyCode: handling,
    name: cleanText(detail.name),
    onlineLevel: 'partial',
    form: {
      schema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { requestContent: { type: 'string', minLength: 1, maxLength: 2000 } },
        required: ['requestContent'],
        additionalProperties: false,
      },
      uiSchema: { requestContent: { 'ui:title': 'Nội dung yêu cầu', 'ui:widget': 'textarea' } },
    },
    documents: documentsOf(detail),
    fees: feesOf(online),
    timeLimit: { workingDays: days, cutoff: '15:00', catalogueText: text },
    clockRule: 'restart',
    process: { steps: standardSteps(days, agency.code, handling), consultation: [], interAgency: [] },
    result: { name: cleanText(detail.results[0]?.name ?? '') || 'Kết quả giải quyết thủ tục hành chính', electronic: true },
    publication: { postedAtOffice: true },
  };
}
