// The web app reaches the server only through the shapes in @congso/contracts.
import type { z } from 'zod';

/** A problem+json answer (RFC 9457) with its messages in both languages and its details. */
export class ApiError extends Error {
  status: number;
  code: string;
  messages: { vi: string; en: string };
  /** Field errors of a refused form: JSON Pointer paths into the form data, the rule broken and its limit. */
  errors: { path: string; message: string; keyword?: string; limit?: number }[];
  constructor(status: number, code: string, messages: { vi: string; en: string }, errors: { path: string; message: string; keyword?: string; limit?: number }[] = []) {
    super(messages.vi);
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.errors = errors;
  }
}

/** fetch itself, or the signed-in session's authorizedFetch for routes that need a bearer token. */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

const FALLBACK = { vi: 'Đã xảy ra lỗi.', en: 'Something went wrong.' };

/** The error a problem+json body describes. */
export function problemOf(status: number, body: unknown): ApiError {
  const problem = (body ?? {}) as { code?: string; messages?: { vi?: string; en?: string }; errors?: unknown };
  const errors = Array.isArray(problem.errors) ? (problem.errors as { path?: unknown; message?: unknown }[]).filter((e) => typeof e.path === 'string' && typeof e.message === 'string') as ApiError['errors'] : [];
  return new ApiError(status, problem.code ?? 'unknown', { vi: problem.messages?.vi ?? FALLBACK.vi, en: problem.messages?.en ?? problem.messages?.vi ?? FALLBACK.en }, errors);
}

async function answer<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw problemOf(response.status, body);
  return schema.parse(body);
}

export async function getJson<T extends z.ZodType>(url: string, schema: T, signal?: AbortSignal, fetcher: Fetcher = fetch): Promise<z.infer<T>> {
  return answer(await fetcher(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) }), schema);
}

/** POST, PUT or DELETE with a JSON body (or none), read back through the contract's schema. */
export async function sendJson<T extends z.ZodType>(method: 'POST' | 'PUT' | 'DELETE', url: string, body: unknown, schema: T, fetcher: Fetcher = fetch, headers: Record<string, string> = {}): Promise<z.infer<T>> {
  const init: RequestInit = { method, headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } };
  if (body !== undefined) init.body = JSON.stringify(body);
  return answer(await fetcher(url, init), schema);
}

/** POST or PUT a multipart form (files), read back through the contract's schema. */
export async function sendForm<T extends z.ZodType>(method: 'POST' | 'PUT', url: string, body: FormData, schema: T, fetcher: Fetcher = fetch): Promise<z.infer<T>> {
  return answer(await fetcher(url, { method, body, headers: { accept: 'application/json' } }), schema);
}
