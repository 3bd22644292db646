// Once-only (Decree 118/2025 Art. 4(2a); Decree 224/2026 Art. 15(1)(d): "provide information once",
// e-forms filled from the databases): a service's form declares which of its fields come from which
// base-registry service over the exchange gateway. When the applicant starts a dossier for themself
// the platform asks the registry and fills those fields, marking where each value came from. What the
// person already typed is never overwritten: they may correct what the registry holds (the agency
// then asks for proof, Art. 4(2a)'s "inaccurate" case).

import { isUnfilled, valueAt, withValueAt } from '@congso/contracts';

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
      if (!isScalar(value) || !isUnfilled(valueAt(filled, field))) continue;
      filled = withValueAt(filled, field, value);
      record.fields.push({ pointer: field, service: rule.service, source: { ...rule.source } });
    }
  }
  return { formData: filled, record };
}
