import { z } from 'zod';
import { AgencyCode } from './agencies.ts';
import { ProcedureCode } from './catalog.ts';

// The one-stop shop's API shapes: submission, the dossier as its applicant and officials see it,
// actions, public tracking.

export const DossierCode = z
  .string()
  .max(60)
  .regex(/^[0-9A-Z.]{3,35}-\d{6}-\d{4,9}$/, 'a dossier code looks like H29.25747.01-261123-0001');

export const DossierSubmission = z
  .object({
    agencyCode: AgencyCode,
    procedureCode: ProcedureCode,
    /** File for a business (enterprise code) or another citizen (personal ID) under a mandate. */
    onBehalfOf: z.string().regex(/^(\d{12}|\d{10}(-\d{3})?)$/).optional(),
    formData: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'DossierSubmission' });

export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'an Idempotency-Key is 8–100 letters, digits or _ . : -');

export const DossierView = z
  .object({
    code: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    agencyCode: z.string(),
    unitCode: z.string().nullable(),
    ownerId: z.string(),
    ownerKind: z.enum(['citizen', 'business']),
    channel: z.enum(['online', 'in_person', 'postal']),
    state: z.string(),
    nationalStatus: z.number().int().nullable(),
    formData: z.record(z.string(), z.unknown()),
    submittedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    dueDate: z.string().nullable(),
    dueAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    returnedAt: z.string().nullable(),
    punctuality: z.enum(['early', 'on_time', 'late']).nullable(),
    allowedActions: z.array(z.string()),
    /** Office hours each phase took against its allotment (Circular 01/2018 Art. 13, indicator 2); on a single dossier's view. */
    phases: z
      .array(z.object({ phase: z.enum(['reception', 'handling', 'approval', 'result']), allottedHours: z.number(), usedHours: z.number(), finished: z.boolean(), verdict: z.enum(['early', 'on_time', 'late']).nullable() }))
      .optional(),
  })
  .meta({ id: 'Dossier' });

export const DossierActionName = z.enum([
  'withdraw', 'receive', 'refuse', 'request_supplement', 'supplement', 'forward', 'consult', 'answer_consultation', 'transfer', 'return_transfer',
  'propose', 'send_back', 'request_payment', 'confirm_payment', 'reschedule', 'stop', 'return_result',
]);

export const DossierActionInput = z
  .object({ reason: z.string().trim().max(4000).nullable().optional(), newDueDate: z.iso.date().nullable().optional() })
  .meta({ id: 'DossierAction' });

export const DossierDecisionInput = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(4000).nullable().optional() })
  .meta({ id: 'DossierDecision' });

export const DossierTracking = z
  .object({
    code: z.string(),
    procedureName: z.string(),
    agencyCode: z.string(),
    state: z.string(),
    nationalStatus: z.number().int().nullable(),
    dueDate: z.string().nullable(),
    timeline: z.array(z.object({ at: z.string(), action: z.string(), state: z.string() })),
  })
  .meta({ id: 'DossierTracking' });

export const DossierAudit = z
  .object({
    entries: z.array(z.looseObject({ seq: z.number().int(), at: z.string(), action: z.string(), to: z.string() })),
    verdict: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), index: z.number().int(), problem: z.string() })]),
  })
  .meta({ id: 'DossierAudit' });

export const DossierQueuePage = z
  .object({
    items: z.array(
      z.object({
        code: z.string(),
        procedureCode: z.string(),
        state: z.string(),
        nationalStatus: z.number().int().nullable(),
        ownerKind: z.enum(['citizen', 'business']),
        unitCode: z.string().nullable(),
        submittedAt: z.string().nullable(),
        dueAt: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'DossierQueuePage' });

export const DossierRegisterPage = z
  .object({
    agencyCode: z.string(),
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        code: z.string(),
        procedureName: z.string(),
        ownerId: z.string(),
        receivedAt: z.string().nullable(),
        dueDate: z.string().nullable(),
        finishedAt: z.string().nullable(),
        returnedAt: z.string().nullable(),
        punctuality: z.enum(['early', 'on_time', 'late']).nullable(),
        state: z.string(),
        nationalStatus: z.number().int().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'DossierRegisterPage' });
