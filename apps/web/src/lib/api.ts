// The web app reaches the server only through the shapes in @congso/contracts.
import type { z } from 'zod';

export class ApiError extends Error {
  status: number;
  code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** fetch itself, or the signed-in session's authorizedFetch for routes that need a bearer token. */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export async function getJson<T extends z.ZodType>(url: string, schema: T, signal?: AbortSignal, fetcher: Fetcher = fetch): Promise<z.infer<T>> {
  const response = await fetcher(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  const body: unknown = await response.json();
  if (!response.ok) {
    const problem = body as { code?: string; messages?: { vi?: string } };
    throw new ApiError(response.status, problem.code ?? 'unknown', problem.messages?.vi ?? 'Đã xảy ra lỗi.');
  }
  return schema.parse(body);
}
