import { AttachFromStore, DraftView, StoreItemView } from '@congso/contracts';
import { z } from 'zod';
import { ProblemView, problemResponses } from '../../kernel/http/problem-schema.ts';
import type { App } from '../../kernel/http/types.ts';
import type { ApiCaller } from '../identity/index.ts';
import type { DataStore } from './data-store.ts';

const tags = ['dossiers'];
const security = [{ bearer: [] }];
const responses = { ...problemResponses, 401: ProblemView, 403: ProblemView, 409: ProblemView };
const caller = (request: { actor?: unknown }) => request.actor as ApiCaller;

export function dataStoreRoutes(store: DataStore) {
  return (app: App) => {
    app.get(
      '/api/v1/me/data-store',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: "My e-data store (kho dữ liệu điện tử): the results of my finished dossiers, and my principals' (owner = one of them)", security, querystring: z.object({ owner: z.string().regex(/^(\d{12}|\d{10})$/).optional() }), response: { 200: z.array(StoreItemView), ...responses } },
      },
      async (request) => store.list(caller(request), request.query.owner),
    );

    app.post(
      '/api/v1/drafts/:id/attachments/from-store',
      {
        config: { access: 'authenticated' },
        schema: { tags, summary: "Attach a result from the owner's e-data store to a draft, by reference (checked like an upload)", security, params: z.object({ id: z.uuid() }), body: AttachFromStore, response: { 200: DraftView, ...responses } },
      },
      async (request) => store.attachToDraft(caller(request), request.params.id, request.body),
    );
  };
}
