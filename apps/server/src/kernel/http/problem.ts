import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind, type LocalizedText } from '../errors.ts';

// RFC 9457 problem details. `type` is a stable URI per error code; `title` is English (the RFC's
// human-readable summary), `detail` repeats it, and `messages` carries both languages so a client
// can show Vietnamese without a second lookup.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  messages: LocalizedText;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export function problemType(code: string): string {
  return `https://congso.gov.vn/problems/${code.replaceAll('.', '/')}`;
}

export function buildProblem(
  status: number,
  code: string,
  messages: LocalizedText,
  extra: Partial<Problem> = {},
): Problem {
  return { type: problemType(code), title: messages.en, status, detail: messages.en, code, messages, ...extra };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

const validationText: LocalizedText = {
  vi: 'Dữ liệu gửi lên không hợp lệ.',
  en: 'The request is not valid.',
};

// Maps anything thrown in a route to a problem. Client mistakes become 4xx with a reason;
// anything unexpected becomes a 500 whose message is hidden (it is logged with the request id).
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const common = { instance: request.url, requestId: String(request.id) };
  if (error instanceof DomainError) {
    return buildProblem(statusByKind[error.kind], error.code, error.text, { ...common, ...(error.details ?? {}) });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: `${error.validationContext ?? 'request'}${issue.instancePath.replaceAll('/', '.')}`,
      message: issue.message ?? 'invalid',
    }));
    return buildProblem(400, 'request.invalid', validationText, { ...common, errors });
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (isResponseSerializationError(error)) {
    return buildProblem(500, 'server.error', serverErrorText, common);
  }
  const status = typeof fastifyError?.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status === 429) {
    return buildProblem(429, 'request.rate_limited', rateLimitedText, common);
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON body, unsupported media type, body too large...).
    const code = fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'request.too_large' : 'request.invalid';
    return buildProblem(status, code, {
      vi: 'Yêu cầu không hợp lệ: ' + (fastifyError?.message ?? ''),
      en: 'Invalid request: ' + (fastifyError?.message ?? ''),
    }, common);
  }
  return buildProblem(500, 'server.error', serverErrorText, common);
}

export const serverErrorText: LocalizedText = {
  vi: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.',
  en: 'An internal error occurred. Please try again later.',
};

export const rateLimitedText: LocalizedText = {
  vi: 'Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
  en: 'Too many requests. Please try again in a few minutes.',
};

export const notFoundRouteText: LocalizedText = {
  vi: 'Không tìm thấy địa chỉ được yêu cầu.',
  en: 'The requested resource does not exist.',
};
