import { AgencyCode, ProcedureCode, OfferedService, DossierActionInput, DossierStatistics, DossierQueuePage, DossierRegisterPage, DossierActionName, DossierAudit, DossierCode, DossierDecisionInput, DossierSubmission, DossierTracking, DossierView, IdempotencyKey } from '@congso/contracts';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { attachmentDisposition } from '../../kernel/text.ts';
import { PUBLIC } from '../../kernel/http/access.ts';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { ApiCaller } from '../identity/index.ts';
import type { DossiersService } from './dossiers.service.ts';
import { dataStoreRoutes } from './data-store.routes.ts';
import { draftRoutes } from './draft.routes.ts';
import { readMultipart, registerMultipart } from './multipart-parts.ts';
import { FORM_NUMBERS, renderFormHtml } from './domain/forms.ts';

const tags = ['dossiers'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView, 409: ProblemView, 422: ProblemView };
const CodeParams = z.object({ code: DossierCode });

/** The one-stop shop's dossier API: filing, reading, actions, decisions, audit, public tracking. */
export function dossiersRoutes(service: DossiersService) {
  return (app: App) => {
    // Filing takes JSON, or multipart/form-data with the JSON in a `submission` field and each file
    // under the code of the document it provides. Multipart parsing is local to this route, and files
    // are read only after the caller is authenticated (the handler runs after the access check).
    void app.register(async (scope) => {
      await registerMultipart(scope);
      scope.withTypeProvider<ZodTypeProvider>().post(
        '/api/v1/dossiers',
        {
          config: { access: 'authenticated' },
          schema: {
            tags,
            summary: 'File a dossier online: JSON, or multipart with a `submission` JSON field and files named by document code (Idempotency-Key: same key and body, same dossier)',
            security,
            headers: z.looseObject({ 'idempotency-key': IdempotencyKey.optional() }),
            response: { 200: DossierView, 201: DossierView, ...responses },
          },
        },
        async (request, reply) => {
          const { submission, files } = request.isMultipart() ? await readMultipart(request) : { submission: request.body, files: [] };
          const parsed = DossierSubmission.safeParse(submission);
          if (!parsed.success) {
            throw invalid('request.invalid', { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' }, { errors: parsed.error.issues.map((issue) => ({ path: `body.${issue.path.join('.')}`, message: issue.message })) });
          }
          const result = await service.submit(request.actor as ApiCaller, parsed.data, request.headers['idempotency-key'] ?? null, String(request.id), files);
          return reply.status(result.created ? 201 : 200).header('location', `/api/v1/dossiers/${result.dossier.code}`).send(result.dossier);
        },
      );

      scope.withTypeProvider<ZodTypeProvider>().post(
        '/api/v1/dossiers/:code/supplement',
        {
          config: { access: 'authenticated' },
          schema: { tags, summary: 'Supplement the dossier as asked (the applicant): multipart files named by document code, and an optional `submission` JSON field { "note": "…" }', security, params: CodeParams, response: { 200: DossierView, ...responses } },
        },
        async (request) => {
          const { submission, files } = request.isMultipart() ? await readMultipart(request) : { submission: request.body, files: [] };
          const note = (submission as { note?: unknown } | undefined)?.note;
          if (note !== undefined && (typeof note !== 'string' || note.length > 4000)) throw invalid('request.invalid', { vi: 'Ghi chú không hợp lệ.', en: 'The note is not valid.' });
          return service.act(request.actor as ApiCaller, request.params.code, 'supplement', { reason: note ?? null, files }, String(request.id));
        },
      );

      scope.withTypeProvider<ZodTypeProvider>().put(
        '/api/v1/dossiers/:code/result',
        {
          config: { access: 'authenticated' },
          schema: { tags, summary: 'Attach the electronic result (a PDF in a multipart field `result`), by the competent agency once the dossier is up for decision', security, params: CodeParams, response: { 200: DossierView, ...responses } },
        },
        async (request) => {
          const noFile = () => invalid('dossiers.no_file', { vi: 'Cần gửi đúng một tệp kết quả trong trường result.', en: 'Send exactly one result file in the field `result`.' });
          if (!request.isMultipart()) throw noFile();
          const { files } = await readMultipart(request);
          const [file] = files;
          if (files.length !== 1 || !file || file.documentCode !== 'result') throw noFile();
          return service.attachResult(request.actor as ApiCaller, request.params.code, file, String(request.id));
        },
      );
    });

    app.get(
      '/api/v1/dossiers/:code/attachments/:attachmentId',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Download a file of the dossier (its documents, its result): for its applicant and its agencies', security, params: CodeParams.extend({ attachmentId: z.uuid() }), response: { 200: z.any(), ...responses } },
      },
      async (request, reply) => {
        const file = await service.attachment(request.actor as ApiCaller, request.params.code, request.params.attachmentId);
        // Stored names are made safe at upload; the content type was sniffed from the bytes, never trusted from the name.
        return reply
          .type(file.mediaType)
          .header('content-disposition', attachmentDisposition(file.storedName))
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', "sandbox; default-src 'none'")
          .send(Buffer.from(file.content));
      },
    );

    app.get('/api/v1/dossiers/:code', { config: { access: 'authenticated' }, schema: { tags, summary: 'A dossier (its applicant, or officials of its agency)', security, params: CodeParams, response: { 200: DossierView, ...responses } } }, async (request) =>
      service.get(request.actor as ApiCaller, request.params.code),
    );

    app.post(
      '/api/v1/dossiers/:code/actions/:action',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'Take a lifecycle action (receive, request a supplement, forward, consult, withdraw, …)', security, params: CodeParams.extend({ action: DossierActionName }), body: DossierActionInput, response: { 200: DossierView, ...responses } },
      },
      async (request) => service.act(request.actor as ApiCaller, request.params.code, request.params.action, request.body, String(request.id)),
    );

    // Approving or rejecting is a leader's decision and a sensitive action: a recent login is required.
    app.post(
      '/api/v1/dossiers/:code/decision',
      {
        config: { access: { permission: 'dossiers:approve', recentLogin: true } },
        schema: { tags, summary: 'Approve or reject after appraisal (recent login required)', security, params: CodeParams, body: DossierDecisionInput, response: { 200: DossierView, ...responses } },
      },
      async (request) => service.act(request.actor as ApiCaller, request.params.code, request.body.decision, { reason: request.body.reason ?? null }, String(request.id)),
    );

    app.get(
      '/api/v1/dossiers/:code/audit',
      { config: { access: { permission: 'dossiers:read' } }, schema: { tags, summary: "The dossier's hash-chained audit log and its verification", security, params: CodeParams, response: { 200: DossierAudit, ...responses } } },
      async (request) => service.audit(request.actor as ApiCaller, request.params.code),
    );

    app.get(
      '/api/v1/dossiers/:code/forms/:form',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'A standard form (01 receipt, 02 supplement request, 03 refusal, 04 apology, 05 process-control slip) as JSON or printable HTML',
          security,
          params: CodeParams.extend({ form: z.enum(FORM_NUMBERS) }),
          querystring: z.object({ format: z.enum(['json', 'html']).default('json') }),
          response: { 200: z.looseObject({ form: z.string(), title: z.string() }).or(z.string()), ...responses },
        },
      },
      async (request, reply) => {
        const data = await service.form(request.actor as ApiCaller, request.params.code, request.params.form);
        if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderFormHtml(data));
        return reply.header('cache-control', 'no-store').send(data);
      },
    );

    app.get(
      '/api/v1/agencies/:agencyCode/dossiers',
      {
        config: { access: { permission: 'dossiers:read' } },
        schema: {
          tags,
          summary: "An agency's work queue (to receive, to handle, to approve, to return, overdue, soon due; to answer: consultations and transfers asked of it), keyset-paged",
          security,
          params: z.object({ agencyCode: AgencyCode }),
          querystring: z.object({ queue: z.enum(['to_receive', 'to_handle', 'to_approve', 'to_return', 'overdue', 'soon_due', 'to_answer']), procedure: ProcedureCode.optional(), after: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: { 200: DossierQueuePage, ...responses },
        },
      },
      async (request) => service.queue(request.actor as ApiCaller, request.params.agencyCode, request.query.queue, request.query.after ?? null, request.query.limit, request.query.procedure ?? null),
    );

    app.get(
      '/api/v1/services',
      {
        config: PUBLIC,
        schema: { tags, summary: 'Online public services across agencies (optionally of one procedure): where to file, how fully online, the time limit', querystring: z.object({ procedureCode: ProcedureCode.optional() }), response: { 200: z.array(OfferedService), ...problemResponses } },
      },
      async (request) => service.offeredServices(request.query.procedureCode ?? null),
    );

    app.get(
      '/api/v1/agencies/:agencyCode/dossier-counts',
      {
        config: { access: { permission: 'dossiers:read' } },
        schema: { tags, summary: "How many dossiers each of the agency's queues holds now", security, params: z.object({ agencyCode: AgencyCode }), response: { 200: z.record(z.enum(['to_receive', 'to_handle', 'to_approve', 'to_return', 'overdue', 'soon_due', 'to_answer']), z.number().int()), ...responses } },
      },
      async (request) => service.queueCounts(request.actor as ApiCaller, request.params.agencyCode),
    );

    app.get(
      '/api/v1/agencies/:agencyCode/services',
      { config: PUBLIC, schema: { tags, summary: 'The online public services an agency offers (form, documents, fees, time limit)', params: z.object({ agencyCode: AgencyCode }), response: { 200: z.array(z.object({ id: z.string(), version: z.number().int(), definition: z.looseObject({}) })), ...problemResponses } } },
      async (request) => service.listServices(request.params.agencyCode),
    );

    app.put(
      '/api/v1/agencies/:agencyCode/services/:procedureCode',
      {
        config: { access: { permission: 'catalog:manage' } },
        schema: { tags, summary: 'Enable or update an online service (agency administrators)', security, params: z.object({ agencyCode: AgencyCode, procedureCode: ProcedureCode }), body: z.looseObject({}), response: { 200: z.object({ id: z.string(), version: z.number().int(), changed: z.boolean() }), ...responses } },
      },
      async (request) => {
        const body = request.body as { agencyCode?: unknown; procedureCode?: unknown };
        if (body.agencyCode !== request.params.agencyCode || body.procedureCode !== request.params.procedureCode) {
          throw new DomainError('invalid', 'dossiers.service_path_mismatch', { vi: 'Mã cơ quan, mã thủ tục trong đường dẫn và trong cấu hình phải trùng nhau.', en: 'The agency and procedure codes in the path and in the definition must match.' });
        }
        return service.enableService(request.actor as ApiCaller, request.body);
      },
    );

    app.get(
      '/api/v1/agencies/:agencyCode/statistics',
      {
        config: { access: { permission: 'dossiers:read' } },
        schema: {
          tags,
          summary: 'The agency’s dossiers in a period: received by channel, decided early/on time/late, in progress and overdue, consultations and transfers asked of it, and the Circular 01/2018 per-dossier indicators',
          security,
          params: z.object({ agencyCode: AgencyCode }),
          querystring: z.object({ from: z.iso.date(), to: z.iso.date() }),
          response: { 200: DossierStatistics, ...responses },
        },
      },
      async (request) => service.statistics(request.actor as ApiCaller, request.params.agencyCode, request.query.from, request.query.to),
    );

    app.get(
      '/api/v1/agencies/:agencyCode/register',
      {
        config: { access: { permission: 'dossiers:read' } },
        schema: {
          tags,
          summary: 'The register of dossiers received in a period (Mẫu 06, sổ theo dõi hồ sơ), keyset-paged',
          security,
          params: z.object({ agencyCode: AgencyCode }),
          querystring: z.object({ from: z.iso.date(), to: z.iso.date(), after: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: DossierRegisterPage, ...responses },
        },
      },
      async (request) => service.register(request.actor as ApiCaller, request.params.agencyCode, request.query.from, request.query.to, request.query.after ?? null, request.query.limit),
    );

    draftRoutes(service)(app);
    dataStoreRoutes(service.dataStore)(app);

    app.get('/api/v1/me/dossiers', { config: { access: 'authenticated' }, schema: { tags, summary: 'My dossiers, and those of whom I act for', security, response: { 200: z.array(DossierView), ...responses } } }, async (request) =>
      service.mine(request.actor as ApiCaller),
    );

    app.get(
      '/api/v1/dossiers/:code/status',
      {
        config: PUBLIC,
        schema: {
          tags,
          summary: "Public tracking: the code and a second factor, the last 4 digits of the applicant's ID or enterprise code (idLast4) or their verified phone number (phone)",
          params: CodeParams,
          querystring: z
            .object({ idLast4: z.string().regex(/^\d{4}$/).optional(), phone: z.string().regex(/^\+?[0-9 .-]{9,20}$/).optional() })
            .refine((q) => (q.idLast4 === undefined) !== (q.phone === undefined), 'give idLast4 or phone'),
          response: { 200: DossierTracking, ...problemResponses },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const { idLast4, phone } = request.query;
        return service.track(request.params.code, idLast4 !== undefined ? { idLast4 } : { phone: phone ?? '' });
      },
    );
  };
}
