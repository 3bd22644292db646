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

const PERSONAL_ID_IN_TEXT = /\b\d{12}\b/g;

export function loggerOptions(level: string, pretty = false): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'congso' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    ...(pretty ? {} : {}),
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        // A 12-digit number in a query string is very likely a personal ID: mask it.
        return { method: request.method, url: request.url.replace(PERSONAL_ID_IN_TEXT, '************'), id: request.id };
      },
    },
  };
}
