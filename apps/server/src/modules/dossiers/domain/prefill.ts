// Once-only (Decree 118/2025 Art. 4(2a); Decree 224/2026 Art. 15(1)(d): "provide information once",
// e-forms filled from the databases): a service's form declares which of its fields come from which
// base-registry service over the exchange gateway. When the applicant starts a dossier for themself
// the platform asks the registry and fills those fields, marking where each value came from. What the
// person already typed is never overwritten: they may correct what the registry holds (the agency
// then asks for proof, Art. 4(2a)'s "inaccurate" case).

/** One declared source: a registry service, whose record (the applicant's), and field ← answer pointers. */
export type PrefillRule = Readonly<{
  service: string;
  subject: 'applicant';
  source: Readonly<{ vi: string; en: string }>;
  fields: Readonly<Record<string, string>>;
}>;

export type PrefilledField = { pointer: string; service: string; source: { vi: string; en: string } };

/** What the draft remembers: the fields filled, and the sources that could not answer. */
export type PrefillRecord = { fields: PrefilledField[]; unavailable: { service: string; source: { vi: string; en: string } }[] };

/** A JSON Pointer (RFC 6901) to a value inside an object: "" is the whole, "/a/b" a nested member. */
export const JSON_POINTER = /^(\/([^~/]|~[01])*)+$/;

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a pointer, or undefined when any step is missing (arrays by index, own members only). */
export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const token of tokens(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** A copy of the object with the value set at the pointer, creating the objects on the way. */
export function withValueAt(root: Record<string, unknown>, pointer: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = tokens(pointer);
  if (head === undefined) return root;
  if (head === '__proto__' || head === 'constructor' || head === 'prototype') return root;
  if (rest.length === 0) return { ...root, [head]: value };
  const child = root[head];
  const inner = child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  return { ...root, [head]: withValueAt(inner, '/' + rest.map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/'), value) };
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';
const isScalar = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Fills the form from the registries' answers: each declared field that is still empty takes the
 * scalar value found in its rule's answer. A rule with no answer (registry down, no access right,
 * no record) is listed as unavailable and its fields stay for the person to fill.
 */
export function applyPrefill(formData: Record<string, unknown>, answers: readonly { rule: PrefillRule; body: unknown }[]): { formData: Record<string, unknown>; record: PrefillRecord } {
  let filled = formData;
  const record: PrefillRecord = { fields: [], unavailable: [] };
  for (const { rule, body } of answers) {
    if (body === undefined) {
      record.unavailable.push({ service: rule.service, source: { ...rule.source } });
      continue;
    }
    for (const [field, from] of Object.entries(rule.fields)) {
      const value = valueAt(body, from);
      if (!isScalar(value) || !isEmpty(valueAt(filled, field))) continue;
      filled = withValueAt(filled, field, value);
      record.fields.push({ pointer: field, service: rule.service, source: { ...rule.source } });
    }
  }
  return { formData: filled, record };
}
