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
    /** Online by the applicant (default); `in_person` or `postal`: entered by a receptionist, `onBehalfOf` naming the applicant. */
    channel: z.enum(['online', 'in_person', 'postal']).optional(),
    formData: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'DossierSubmission' });

/** A draft being prepared before filing: the form as far as it is filled, and the files uploaded so far. */
export const DraftInput = z
  .object({
    agencyCode: AgencyCode,
    procedureCode: ProcedureCode,
    onBehalfOf: z.string().regex(/^(\d{12}|\d{10}(-\d{3})?)$/).optional(),
    formData: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'NewDraft' });

export const DraftUpdate = z.object({ formData: z.record(z.string(), z.unknown()) }).meta({ id: 'DraftUpdate' });

const FileView = z.object({
  id: z.string(),
  documentCode: z.string(),
  storedName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** Set when the file was taken from the owner's e-data store instead of uploaded. */
  storeItemId: z.string().nullable().optional(),
});

export const DraftView = z
  .object({
    id: z.string(),
    agencyCode: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    ownerId: z.string(),
    formData: z.record(z.string(), z.unknown()),
    /** Fields filled from base registries when the draft was started (once-only), and the sources that did not answer. */
    prefill: z
      .object({
        fields: z.array(z.object({ pointer: z.string(), service: z.string(), source: z.object({ vi: z.string(), en: z.string() }) })),
        unavailable: z.array(z.object({ service: z.string(), source: z.object({ vi: z.string(), en: z.string() }) })),
      })
      .nullable(),
    attachments: z.array(FileView),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Draft' });

/** A form error as the server found it: where (JSON Pointer into the form data), which rule, its limit. */
export const FormIssue = z.object({ path: z.string(), message: z.string(), keyword: z.string(), limit: z.number().optional() }).meta({ id: 'FormIssue' });

export const DraftCheck = z.object({ errors: z.array(FormIssue), missingDocuments: z.array(z.string()) }).meta({ id: 'DraftCheck' });

export const DraftSummary = z.object({ id: z.string(), agencyCode: z.string(), procedureCode: z.string(), procedureName: z.string(), updatedAt: z.string() }).meta({ id: 'DraftSummary' });

export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'an Idempotency-Key is 8–100 letters, digits or _ . : -');

const Verdict = z.enum(['early', 'on_time', 'late']);

export const DossierView = z
  .object({
    code: z.string(),
    draftId: z.string().nullable(),
    procedureCode: z.string(),
    procedureName: z.string(),
    agencyCode: z.string(),
    /** The competent agency (appraises, decides); the receiving agency when the same. */
    handlingAgencyCode: z.string(),
    unitCode: z.string().nullable(),
    handlerId: z.string().nullable(),
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
    punctuality: Verdict.nullable(),
    reschedules: z.number().int(),
    /** Transitions open to the reader now, and `attach_result` when the reader may attach the result file now. */
    allowedActions: z.array(z.string()),
    /** Office hours each phase took against its allotment (Circular 01/2018 Art. 13, indicator 2); on a single dossier's view. */
    phases: z
      .array(z.object({ phase: z.enum(['reception', 'handling', 'approval', 'result']), allottedHours: z.number(), usedHours: z.number(), finished: z.boolean(), verdict: Verdict.nullable() }))
      .optional(),
    /** Consultations and liên thông transfers, each with its own deadline and time (on a single dossier's view). */
    legs: z
      .array(
        z.object({
          id: z.string(),
          kind: z.enum(['consultation', 'transfer']),
          fromAgencyCode: z.string(),
          toAgencyCode: z.string(),
          toUnitCode: z.string().nullable(),
          request: z.string(),
          requestedAt: z.string(),
          dueAt: z.string(),
          status: z.enum(['open', 'answered', 'closed']),
          answer: z.string().nullable(),
          answeredAt: z.string().nullable(),
          allottedHours: z.number(),
          usedHours: z.number(),
          verdict: Verdict.nullable(),
        }),
      )
      .optional(),
    /** Circular 01/2018 per-dossier indicators (Arts. 13–14), 2/1/0, null until the stage is reached (on a single dossier's view). */
    indicators: z.record(z.enum(['1', '2', '3', '4', '6', '7']), z.union([z.literal(0), z.literal(1), z.literal(2)]).nullable()).optional(),
    /** The applicant's documents and the agency's result files (on a single dossier's view). */
    attachments: z.array(FileView.extend({ kind: z.enum(['document', 'result']) })).optional(),
  })
  .meta({ id: 'Dossier' });

export const DossierActionName = z.enum([
  'withdraw', 'receive', 'refuse', 'request_supplement', 'supplement', 'forward', 'assign', 'consult', 'answer_consultation', 'transfer', 'return_transfer',
  'propose', 'send_back', 'request_payment', 'confirm_payment', 'reschedule', 'stop', 'return_result',
]);

/** Where a consultation or liên thông transfer goes, and the time it is given. */
export const LegTarget = z
  .object({
    agencyCode: AgencyCode,
    unitCode: AgencyCode.nullable().optional(),
    workingDays: z.number().int().min(1).max(60).optional(),
    workingHours: z.number().int().min(1).max(480).optional(),
  })
  .refine((t) => (t.workingDays === undefined) !== (t.workingHours === undefined), 'give either workingDays or workingHours')
  .meta({ id: 'LegTarget' });

export const DossierActionInput = z
  .object({
    /** The listed reasons (refusal, supplement, rejection, …), the content asked (consult, transfer) or the answer. */
    reason: z.string().trim().max(4000).nullable().optional(),
    /** reschedule: the new appointment date. */
    newDueDate: z.iso.date().nullable().optional(),
    /** consult, transfer: where, each with its deadline (sent to all at once). */
    targets: z.array(LegTarget).min(1).max(10).optional(),
    /** assign: the handling official's account. */
    handlerId: z.uuid().nullable().optional(),
    /** return_result: how the result goes back. */
    delivery: z.array(z.enum(['electronic', 'pickup', 'post'])).min(1).max(3).optional(),
  })
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
        /** In the `to_answer` queue: the consultation or transfer asked of this agency (its deadline is `dueAt`). */
        leg: z.object({ id: z.string(), kind: z.enum(['consultation', 'transfer']), fromAgencyCode: z.string(), request: z.string() }).optional(),
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
        punctuality: Verdict.nullable(),
        state: z.string(),
        nationalStatus: z.number().int().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'DossierRegisterPage' });

const LegCounts = z.object({ asked: z.number().int(), answered: z.number().int(), answeredLate: z.number().int(), openOverdue: z.number().int() });
const IndicatorNumbers = z.enum(['1', '2', '3', '4', '6', '7']);

export const DossierStatistics = z
  .object({
    agencyCode: z.string(),
    from: z.string(),
    to: z.string(),
    /** Dossiers the agency received in the period (each dossier counts for its receiving agency only). */
    received: z.object({ total: z.number().int(), online: z.number().int(), inPerson: z.number().int(), postal: z.number().int() }),
    decided: z.object({ total: z.number().int(), early: z.number().int(), onTime: z.number().int(), late: z.number().int() }),
    returned: z.number().int(),
    /** Now: received and not yet decided, and of those past their due time. */
    inProgress: z.object({ total: z.number().int(), overdue: z.number().int() }),
    /** Consultations and liên thông steps other agencies asked of this one (not its dossiers). */
    legs: z.object({ consultation: LegCounts, transfer: LegCounts }),
    /** Art. 15.2: each per-dossier indicator averaged over the dossiers decided in the period, to 1 decimal. */
    indicators: z.object({ averages: z.record(IndicatorNumbers, z.number().nullable()), scored: z.record(IndicatorNumbers, z.number().int()), dossiers: z.number().int() }),
  })
  .meta({ id: 'DossierStatistics' });

/** An online public service as the portal lists it: which procedure, at which agency. */
export const OfferedService = z
  .object({ agencyCode: z.string(), procedureCode: z.string(), name: z.string(), onlineLevel: z.enum(['full', 'partial']), workingDays: z.number().int() })
  .meta({ id: 'OfferedService' });

/** A result kept in its owner's e-data store (kho dữ liệu điện tử), to attach to later dossiers by reference. */
export const StoreItemView = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    dossierCode: z.string(),
    procedureCode: z.string(),
    procedureName: z.string(),
    agencyCode: z.string(),
    /** The result file, downloadable from the dossier it came from. */
    attachmentId: z.string(),
    storedName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    issuedAt: z.string(),
  })
  .meta({ id: 'StoreItem' });

export const AttachFromStore = z
  .object({
    /** The draft's document the stored file provides. */
    documentCode: z.string().min(1).max(64),
    itemId: z.uuid(),
  })
  .meta({ id: 'AttachFromStore' });
