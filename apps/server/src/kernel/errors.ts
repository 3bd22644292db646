// Services throw DomainError, never HTTP errors: the HTTP layer maps the kind to a status.
// Every error carries a stable code (`area.reason`) and a message in Vietnamese and English,
// because the platform answers citizens in Vietnamese and integrators often in English.

export type ErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'unauthenticated' | 'conflict' | 'unprocessable' | 'rate_limited' | 'unavailable';

export type LocalizedText = Readonly<{ vi: string; en: string }>;

export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly text: LocalizedText;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(kind: ErrorKind, code: string, text: LocalizedText, details?: Record<string, unknown>) {
    super(text.en);
    this.kind = kind;
    this.code = code;
    this.text = text;
    this.details = details;
  }
}

export const notFound = (code: string, text: LocalizedText, details?: Record<string, unknown>) =>
  new DomainError('not_found', code, text, details);

export const invalid = (code: string, text: LocalizedText, details?: Record<string, unknown>) =>
  new DomainError('invalid', code, text, details);

export const conflict = (code: string, text: LocalizedText, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, text, details);
