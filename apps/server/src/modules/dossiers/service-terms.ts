import { z } from 'zod';
import type { PrefillRule } from './domain/prefill.ts';
import type { ClockRule } from './domain/deadline.ts';
import type { AllottedStep } from './domain/phase-times.ts';

// The parts of a stored service definition the lifecycle and the submission read. Definitions are
// fully validated when saved (services/service-definition.ts); this reads them back.

/** What the lifecycle needs of a service definition (the rest is for forms and documents). */
export type ServiceTerms = Readonly<{
  name: string;
  handlingUnitCode: string | null;
  /** The agency that appraises and decides; the receiving agency when absent. */
  competentAgencyCode: string | null;
  timeLimit: Readonly<{ workingDays: number; cutoff: string | null }>;
  clockRule: ClockRule;
  /** The result is issued as an electronic document (else on paper, handed over or posted). */
  resultElectronic: boolean;
  /** Also posted at the one-stop shop (it is always published electronically). */
  postedAtOffice: boolean;
  /** Toàn trình (fully online) or một phần (partly). */
  onlineLevel: 'full' | 'partial';
}>;

/** A consultation or liên thông step the service plans, with the time it is given. */
export type PlannedLeg = Readonly<{ agencyCode: string; unitCode: string | null; workingDays?: number; workingHours?: number }>;

const StoredTerms = z.object({
  name: z.string(),
  handlingUnitCode: z.string().nullable().optional(),
  competentAgencyCode: z.string().nullable().optional(),
  timeLimit: z.object({ workingDays: z.number().int().min(0), cutoff: z.string().nullable().optional() }),
  clockRule: z.enum(['restart', 'pause']).default('restart'),
  form: z.object({ schema: z.record(z.string(), z.unknown()) }),
  process: z
    .object({
      steps: z.array(z.object({ role: z.enum(['receptionist', 'handler', 'leader']), workingHours: z.number().optional(), workingDays: z.number().optional() })),
      consultation: z.array(z.object({ unitCode: z.string(), workingHours: z.number().optional(), workingDays: z.number().optional() })).default([]),
      interAgency: z.array(z.object({ agencyCode: z.string(), workingHours: z.number().optional(), workingDays: z.number().optional() })).default([]),
    })
    .default({ steps: [], consultation: [], interAgency: [] }),
  result: z.object({ electronic: z.boolean() }).default({ electronic: true }),
  publication: z.object({ postedAtOffice: z.boolean() }).default({ postedAtOffice: true }),
  // Saved definitions always state it (service-definition.ts); claiming less when absent is the safe reading.
  onlineLevel: z.enum(['full', 'partial']).default('partial'),
  prefill: z
    .array(z.object({ service: z.string(), subject: z.literal('applicant'), source: z.object({ vi: z.string(), en: z.string() }), fields: z.record(z.string(), z.string()) }))
    .default([]),
  documents: z
    .array(z.object({ code: z.string(), name: z.string().optional(), requirement: z.enum(['mandatory', 'conditional']), accepted: z.array(z.string()), maxBytes: z.number().int().positive() }))
    .default([]),
});

export type DocumentTerms = z.output<typeof StoredTerms>['documents'][number];

/** A stored definition read once: the lifecycle's terms, the documents, the steps and the form schema. */
export type StoredService = Readonly<{ terms: ServiceTerms; documents: DocumentTerms[]; steps: AllottedStep[]; formSchema: object; plannedLegs: Readonly<{ consultation: PlannedLeg[]; transfer: PlannedLeg[] }>; prefill: PrefillRule[] }>;

const allotment = (entry: { workingHours?: number | undefined; workingDays?: number | undefined }) =>
  entry.workingHours !== undefined ? { workingHours: entry.workingHours } : { workingDays: entry.workingDays ?? 1 };

export function readStoredService(definition: unknown): StoredService {
  const parsed = StoredTerms.parse(definition);
  return {
    terms: {
      name: parsed.name,
      handlingUnitCode: parsed.handlingUnitCode ?? null,
      competentAgencyCode: parsed.competentAgencyCode ?? null,
      timeLimit: { workingDays: parsed.timeLimit.workingDays, cutoff: parsed.timeLimit.cutoff ?? null },
      clockRule: parsed.clockRule,
      resultElectronic: parsed.result.electronic,
      postedAtOffice: parsed.publication.postedAtOffice,
      onlineLevel: parsed.onlineLevel,
    },
    documents: parsed.documents,
    // Allotments in working hours, 8 to a working day.
    steps: parsed.process.steps.map((step) => ({ role: step.role, hours: step.workingHours ?? (step.workingDays ?? 0) * 8 })),
    formSchema: parsed.form.schema,
    prefill: parsed.prefill,
    // A consulted unit of the competent agency is that agency's unit; any other is an agency itself.
    plannedLegs: {
      consultation: parsed.process.consultation.map((c) => {
        const competent = parsed.competentAgencyCode ?? '';
        const inside = competent !== '' && c.unitCode.startsWith(`${competent}.`);
        return { agencyCode: inside ? competent : c.unitCode, unitCode: inside ? c.unitCode : null, ...allotment(c) };
      }),
      transfer: parsed.process.interAgency.map((i) => ({ agencyCode: i.agencyCode, unitCode: null, ...allotment(i) })),
    },
  };
}
