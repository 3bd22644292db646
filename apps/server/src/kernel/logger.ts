import type { LoggerOptions } from 'pino';

// Personal identification numbers, tokens and secrets never reach the logs (Decree 13/2023 on
// personal data protection). Paths are pino redaction paths over the log object.
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.personalId',
  '*.nationalId',
  '*.idNumber',
  '*.secret',
  'databaseUrl',
];

const PERSONAL_ID_IN_TEXT = /(?<!\d)\d{12}(?!\d)/g;

export function maskPersonalIds(text: string): string {
  return text.replace(PERSONAL_ID_IN_TEXT, '************');
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'congso' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        // A 12-digit number in a path or query is very likely a personal ID: mask it. No client
        // address either: it is personal data too, and the rate limiter does not need it logged.
        return { method: request.method, url: maskPersonalIds(request.url), id: request.id };
      },
    },
  };
}
