import { randomUUID, type KeyObject } from 'node:crypto';
import { canonicalRequest, canonicalResponse, requestHashOf, responseHashOf } from '../canonical.ts';
import { encodePurpose } from '../gateway.ts';
import { signDetached } from '../jws.ts';

// A client of the gateway's /r1/ protocol, as an agency system would write it: the X-Road headers and
// the detached ES256 signature over the canonical request (README "Canonical forms").

export type XroadRequest = {
  method: string;
  target: string;
  client: string;
  messageId?: string;
  userId?: string;
  issue?: string;
  purpose?: string;
  date?: string;
  discloseAfter?: string;
  body?: Buffer;
  key?: { privateKey: KeyObject; kid: string };
};

export function xroadHeaders(request: XroadRequest): { headers: Record<string, string>; requestHash: string; messageId: string } {
  const messageId = request.messageId ?? randomUUID();
  const headers = {
    client: request.client,
    messageId,
    userId: request.userId ?? null,
    issue: request.issue ?? null,
    purposeHeader: request.purpose !== undefined ? encodePurpose(request.purpose) : null,
    date: request.date ?? new Date().toISOString(),
    discloseAfter: request.discloseAfter ?? null,
  };
  const canonical = canonicalRequest(request.method, request.target, headers, request.body ?? Buffer.alloc(0));
  const out: Record<string, string> = { 'x-road-client': headers.client, 'x-road-id': messageId, 'x-road-date': headers.date };
  if (headers.userId !== null) out['x-road-userid'] = headers.userId;
  if (headers.issue !== null) out['x-road-issue'] = headers.issue;
  if (headers.purposeHeader !== null) out['x-road-purpose'] = headers.purposeHeader;
  if (headers.discloseAfter !== null) out['x-road-disclose-after'] = headers.discloseAfter;
  if (request.key) out['x-road-signature'] = signDetached(request.key.privateKey, request.key.kid, canonical);
  return { headers: out, requestHash: requestHashOf(canonical), messageId };
}

/** The response hash the gateway's X-Road-Signature covers. */
export const responseHash = (requestHash: string, messageId: string, service: string, status: number, body: Buffer) => responseHashOf(canonicalResponse(requestHash, messageId, service, status, body));
