import { DraftCheck, DraftInput, DraftSummary, DraftUpdate, DraftView, DossierView, IdempotencyKey } from '@congso/contracts';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalid } from '../../kernel/errors.ts';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { ApiCaller } from '../identity/index.ts';
import type { DossiersService } from './dossiers.service.ts';
import { readMultipart, registerMultipart } from './multipart-parts.ts';

// Drafts: a dossier being prepared by its filer, saved while the form is filled, with files uploaded
// (and checked) one by one, then filed with an Idempotency-Key. Only the filer sees a draft.

const tags = ['dossiers'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView, 409: ProblemView, 422: ProblemView };
const DraftParams = z.object({ id: z.uuid() });
const caller = (request: { actor?: unknown }) => request.actor as ApiCaller;

export function draftRoutes(service: DossiersService) {
  return (app: App) => {
    app.post('/api/v1/drafts', { config: { access: 'authenticated' }, schema: { tags, summary: 'Save a new draft (the form need not be complete)', security, body: DraftInput, response: { 201: DraftView, ...responses } } }, async (request, reply) =>
      reply.status(201).send(await service.createDraft(caller(request), request.body)),
    );

    app.get('/api/v1/me/drafts', { config: { access: 'authenticated' }, schema: { tags, summary: 'My drafts, latest first', security, response: { 200: z.array(DraftSummary), ...responses } } }, async (request) =>
      service.myDrafts(caller(request)),
    );

    app.get('/api/v1/drafts/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'A draft (its filer only)', security, params: DraftParams, response: { 200: DraftView, ...responses } } }, async (request) =>
      service.getDraft(caller(request), request.params.id),
    );

    app.put('/api/v1/drafts/:id', { config: { access: 'authenticated' }, schema: { tags, summary: "Save the draft's form data as it stands", security, params: DraftParams, body: DraftUpdate, response: { 200: DraftView, ...responses } } }, async (request) =>
      service.updateDraft(caller(request), request.params.id, request.body.formData),
    );

    app.delete('/api/v1/drafts/:id', { config: { access: 'authenticated' }, schema: { tags, summary: 'Discard a draft and its files', security, params: DraftParams, response: { 204: z.null(), ...responses } } }, async (request, reply) => {
      await service.deleteDraft(caller(request), request.params.id);
      return reply.status(204).send(null);
    });

    app.delete(
      '/api/v1/drafts/:id/attachments/:attachmentId',
      { config: { access: 'authenticated' }, schema: { tags, summary: 'Remove a file from a draft', security, params: DraftParams.extend({ attachmentId: z.uuid() }), response: { 200: DraftView, ...responses } } },
      async (request) => service.removeDraftFile(caller(request), request.params.id, request.params.attachmentId),
    );

    app.post(
      '/api/v1/drafts/:id/check',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'What filing the draft would refuse now: form errors (JSON Pointer path, rule, limit) and missing mandatory documents', security, params: DraftParams, response: { 200: DraftCheck, ...responses } },
      },
      async (request) => service.checkDraft(caller(request), request.params.id),
    );

    app.post(
      '/api/v1/drafts/:id/submit',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: 'File the draft (form and files checked as for any filing; Idempotency-Key: the same key gives the same dossier)', security, params: DraftParams, headers: z.looseObject({ 'idempotency-key': IdempotencyKey.optional() }), response: { 200: DossierView, 201: DossierView, ...responses } },
      },
      async (request, reply) => {
        const result = await service.submitDraft(caller(request), request.params.id, request.headers['idempotency-key'] ?? null, String(request.id));
        return reply.status(result.created ? 201 : 200).header('location', `/api/v1/dossiers/${result.dossier.code}`).send(result.dossier);
      },
    );

    void app.register(async (scope) => {
      await registerMultipart(scope);
      scope.withTypeProvider<ZodTypeProvider>().post(
        '/api/v1/drafts/:id/attachments',
        { config: { access: 'authenticated' }, schema: { tags, summary: 'Upload files to a draft (multipart; field name = document code), each checked on arrival', security, params: DraftParams, response: { 200: DraftView, ...responses } } },
        async (request) => {
          if (!request.isMultipart()) throw invalid('dossiers.no_file', { vi: 'Chưa chọn tệp để tải lên.', en: 'No file was sent.' });
          const { files } = await readMultipart(request);
          return service.addDraftFiles(caller(request), request.params.id, files);
        },
      );
    });
  };
}
