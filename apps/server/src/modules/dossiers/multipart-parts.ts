import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, invalid } from '../../kernel/errors.ts';
import type { SubmittedFile } from './filing.ts';
import { MAX_DOCUMENT_BYTES } from './services/service-definition.ts';

// Multipart uploads (a filing with its files, files added to a draft, a result file). Parsing is
// registered only in the scopes of the routes that take files, and files are read only after the
// caller is authenticated (handlers run after the access check).

export async function registerMultipart(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 20, fields: 5, parts: 30, fieldSize: 1_048_576, headerPairs: 200 } });
}

/** Reads a multipart filing: the `submission` JSON field and the files (field name = document code). */
export async function readMultipart(request: FastifyRequest): Promise<{ submission: unknown; files: SubmittedFile[] }> {
  const notJson = () => invalid('request.invalid', { vi: 'Trường submission phải là JSON hợp lệ.', en: 'The submission field must be valid JSON.' });
  let submission: unknown;
  const files: SubmittedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        files.push({ documentCode: part.fieldname, name: part.filename, bytes: await part.toBuffer() });
      } else if (part.fieldname === 'submission') {
        // A field sent as application/json arrives parsed; a text field is parsed here.
        if (part.mimetype === 'application/json') {
          submission = part.value;
          continue;
        }
        try {
          submission = JSON.parse(String(part.value));
        } catch {
          throw notJson();
        }
      }
    }
  } catch (error) {
    // The plugin answers a JSON field that does not parse with a 406; it is a bad request.
    if ((error as { code?: string }).code === 'FST_INVALID_JSON_FIELD_ERROR') throw notJson();
    // The plugin's own client errors (too large, too many files) carry their 4xx status; anything
    // else the parser throws (a boundary that never comes, a malformed part header) is a bad body.
    if (error instanceof DomainError || typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
    throw invalid('request.invalid', { vi: 'Nội dung multipart/form-data không hợp lệ.', en: 'The multipart/form-data body is malformed.' });
  }
  return { submission, files };
}
