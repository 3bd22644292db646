import { createHash } from 'node:crypto';

// The canonical forms the signatures and hashes cover (README "Canonical forms"). Lines joined by
// LF, absent headers as empty lines, bodies by their SHA-256 (base64): every part of the message is
// covered (X-Road TM-06: partially covered messages are refused).

export type MessageHeaders = {
  client: string;
  messageId: string;
  userId: string | null;
  issue: string | null;
  /** The X-Road-Purpose header exactly as sent (percent-encoded UTF-8 allowed). */
  purposeHeader: string | null;
  date: string;
  discloseAfter: string | null;
};

export const sha256Base64 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('base64');
export const sha512Base64 = (data: Uint8Array | string) => createHash('sha512').update(data).digest('base64');

/** What the client signs (X-Road-Signature on the request) and the gateway hashes into X-Road-Request-Hash. */
export function canonicalRequest(method: string, target: string, headers: MessageHeaders, body: Uint8Array): string {
  return [
    'xroad-request-v1',
    method.toUpperCase(),
    target,
    headers.client,
    headers.messageId,
    headers.userId ?? '',
    headers.issue ?? '',
    headers.purposeHeader ?? '',
    headers.date,
    headers.discloseAfter ?? '',
    sha256Base64(body),
  ].join('\n');
}

/** X-Road-Request-Hash: base64 SHA-512 of the canonical request. */
export const requestHashOf = (canonical: string) => sha512Base64(canonical);

/** What the gateway signs for a response: bound to the request by its hash. */
export function canonicalResponse(requestHash: string, messageId: string, service: string, status: number, body: Uint8Array): string {
  return ['xroad-response-v1', requestHash, messageId, service, String(status), sha256Base64(body)].join('\n');
}

export const responseHashOf = (canonical: string) => sha512Base64(canonical);
