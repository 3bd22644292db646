import { z } from 'zod';
import type { ServiceTerms } from './dossiers.service.ts';

// The parts of a stored service definition the lifecycle and the submission read. Definitions are
// fully validated when saved (services/service-definition.ts); this reads them back.

const StoredTerms = z.object({
  name: z.string(),
  handlingUnitCode: z.string().nullable().optional(),
  competentAgencyCode: z.string().nullable().optional(),
  timeLimit: z.object({ workingDays: z.number().int().min(0), cutoff: z.string().nullable().optional() }),
  clockRule: z.enum(['restart', 'pause']).default('restart'),
  form: z.object({ schema: z.record(z.string(), z.unknown()) }),
});

export function termsOf(definition: unknown): ServiceTerms {
  const parsed = StoredTerms.parse(definition);
  return { name: parsed.name, handlingUnitCode: parsed.handlingUnitCode ?? null, competentAgencyCode: parsed.competentAgencyCode ?? null, timeLimit: { workingDays: parsed.timeLimit.workingDays, cutoff: parsed.timeLimit.cutoff ?? null }, clockRule: parsed.clockRule };
}

export function formSchemaOf(definition: unknown): object {
  return StoredTerms.parse(definition).form.schema;
}
