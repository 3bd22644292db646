import { type DocumentDraft, type ServiceDraft, type StepDraft } from './service-draft.ts';

// Editing a service definition on the administrator's page: list edits that keep keys unique, the
// conversions the inputs need, and the server's definition issues sorted into the page's sections so
// each is shown next to what it concerns.

export type Section = 'general' | 'steps' | 'documents' | 'fees' | 'form';
export const SECTIONS: readonly Section[] = ['general', 'steps', 'documents', 'fees', 'form'];

/** One issue the server found, located: its section, the row (0-based) when in a list, the field. */
export type SectionIssue = { section: Section; index: number | null; field: string | null; message: string };

/** Where a definition path ("process.steps.2.unitCode", "documents.0.condition", "form.schema") points. */
export function locate(path: string, message: string): SectionIssue {
  const parts = path.split('.').filter(Boolean);
  const rowOf = (at: number) => (parts[at] !== undefined && /^\d+$/.test(parts[at]) ? Number(parts[at]) : null);
  if (parts[0] === 'process') return { section: 'steps', index: parts[1] === 'steps' ? rowOf(2) : null, field: parts[1] === 'steps' ? (parts[3] ?? null) : (parts[1] ?? null), message };
  if (parts[0] === 'documents') return { section: 'documents', index: rowOf(1), field: parts[2] ?? null, message };
  if (parts[0] === 'fees') return { section: 'fees', index: rowOf(1), field: parts[2] ?? null, message };
  if (parts[0] === 'form') return { section: 'form', index: null, field: parts[1] ?? null, message };
  return { section: 'general', index: null, field: parts.join('.') || null, message };
}

export function issuesBySection(errors: readonly { path: string; message: string }[]): Record<Section, SectionIssue[]> {
  const sorted: Record<Section, SectionIssue[]> = { general: [], steps: [], documents: [], fees: [], form: [] };
  for (const error of errors) {
    const issue = locate(error.path, error.message);
    sorted[issue.section].push(issue);
  }
  return sorted;
}

export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((old, i) => (i === index ? item : old));
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
/** The row moved one place up (the first stays first). */
export function moveUp<T>(list: readonly T[], index: number): T[] {
  if (index <= 0 || index >= list.length) return [...list];
  const moved = [...list];
  [moved[index - 1], moved[index]] = [moved[index] as T, moved[index - 1] as T];
  return moved;
}

/** `base`, or `base-2`, `base-3`… — the first not yet used. */
export function uniqueKey(base: string, used: Iterable<string>): string {
  const taken = new Set(used);
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** A handling step for the handling unit, with a key no other step or leg uses, and one working hour. */
export function newStep(draft: Pick<ServiceDraft, 'process' | 'handlingUnitCode'>): StepDraft {
  const used = [...draft.process.steps, ...(draft.process.consultation as { key: string }[]), ...(draft.process.interAgency as { key: string }[])].map((entry) => entry.key);
  return { key: uniqueKey('xu-ly', used), name: 'Xử lý', role: 'handler', unitCode: draft.handlingUnitCode, workingHours: 1 };
}

/** The step inserted before the approval (the first leader step), or before the return when there is none. */
export function insertHandlingStep(steps: readonly StepDraft[], step: StepDraft): StepDraft[] {
  const leader = steps.findIndex((s) => s.role === 'leader');
  const at = leader >= 0 ? leader : Math.max(steps.length - 1, 0);
  return [...steps.slice(0, at), step, ...steps.slice(at)];
}

/** The step's allotment as hours (the inputs count hours; a saved definition may have counted days). */
export function withHours(step: StepDraft, hours: number): StepDraft {
  const { workingDays: _days, workingHours: _hours, ...rest } = step;
  return { ...rest, workingHours: Math.max(1, Math.round(hours)) };
}

export function newDocument(documents: readonly DocumentDraft[]): DocumentDraft {
  return { code: uniqueKey('giay-to', documents.map((d) => d.code)), name: 'Giấy tờ', requirement: 'mandatory', copy: 'copy', accepted: ['pdf', 'jpeg', 'png'], maxBytes: 10 * 1024 * 1024 };
}

/** A conditional document states when it is needed; a mandatory one has no condition. */
export function withRequirement(document: DocumentDraft, requirement: DocumentDraft['requirement']): DocumentDraft {
  const { condition, ...rest } = document;
  return requirement === 'conditional' ? { ...rest, requirement, condition: condition ?? document.name } : { ...rest, requirement };
}

/** JSON text typed by the administrator: the object it holds, or why it is not one. */
export function parseJsonObject(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; detail: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, detail: '{ … }' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The server's words about one field of one row (or about the row as a whole), for the input's error. */
export function errorAt(issues: readonly SectionIssue[], index: number, ...fields: string[]): string | undefined {
  const messages = issues.filter((issue) => issue.index === index && (issue.field === null ? fields.length === 0 : fields.includes(issue.field))).map((issue) => issue.message);
  return messages.length > 0 ? messages.join('; ') : undefined;
}
