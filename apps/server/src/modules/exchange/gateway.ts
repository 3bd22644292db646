import { mentionsPersonalId } from '../../kernel/data-access.ts';
import { XROAD_HEADER_TEXT } from '../../kernel/exchange-provider.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { buildProblem } from '../../kernel/http/problem.ts';
import { canonicalRequest, canonicalResponse, requestHashOf, responseHashOf, type MessageHeaders } from './canonical.ts';
import { rightKey, type Catalogue } from './catalogue.ts';
import { createQuotas, type createReplayGuard } from './guards.ts';
import { parseSubsystemId, serviceIdOf, type ServiceRef } from './identifiers.ts';
import { publicKeyOf, verifyDetached } from './jws.ts';
import type { LogEntry, MessageLog } from './message-log.ts';
import type { DataAccess } from './provider.ts';
import { REFUSALS, type Refusal } from './refusals.ts';
import type { GatewaySigner } from './signer.ts';
import type { Timestamper } from './timestamper.ts';

// The message pipeline shared by /r1/… and the in-process client: checks in X-Road's order
// (evidence available, who is calling, signature, freshness, replay, service, access right, purpose,
// quota), then the provider, then the log row (with the tracker records) before the answer leaves.
// Every outcome, refusals included, is one signed, chained log row (Decree 47/2020 Art. 45).

/** A message as it reached the gateway. Header values are raw (undefined when absent). */
export type IncomingMessage = {
  method: string;
  /** The request target for the canonical form: `/r1/…` path and raw query. */
  target: string;
  /** Undefined when the path is not a valid service identifier. */
  service: ServiceRef | undefined;
  rest: string;
  query: Record<string, string> | undefined;
  headers: { client?: string; messageId?: string; userId?: string; issue?: string; purpose?: string; date?: string; discloseAfter?: string; signature?: string };
  body: Buffer;
  contentType: string | undefined;
  /** The OAuth client behind the bearer token and its agency; null for the platform's in-process calls. */
  oauth: { clientId: string; agencyCode: string | null } | null;
};

export type OutgoingMessage = {
  status: number;
  body: Buffer;
  /** The provider's body as an object (for in-process callers), or the problem. */
  value: unknown;
  contentType: string;
  headers: Record<string, string>;
  requestHash: string;
  messageId: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * X-Road-Purpose as sent: plain visible ASCII, percent-encoded UTF-8, or RFC 8187's `UTF-8''…` form.
 * Undefined when it does not decode to 1–500 characters of text.
 */
export function decodePurpose(raw: string | undefined): string | undefined {
  if (raw === undefined || !/^[\x20-\x7e]{1,2000}$/.test(raw)) return undefined;
  const value = raw.startsWith("UTF-8''") || raw.startsWith("utf-8''") ? raw.slice(7) : raw;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  const trimmed = decoded.normalize('NFC').trim();
  // eslint-disable-next-line no-control-regex
  return trimmed.length >= 1 && trimmed.length <= 500 && !/[\u0000-\u001f\u007f]/.test(trimmed) ? trimmed : undefined;
}

/** The percent-encoded form the in-process client sends (RFC 3986 unreserved characters kept). */
export const encodePurpose = (purpose: string) => encodeURIComponent(purpose.normalize('NFC'));

const validDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export function createGateway(deps: {
  catalogue: Catalogue;
  log: MessageLog;
  signer: () => GatewaySigner;
  timestamper: Timestamper;
  replay: ReturnType<typeof createReplayGuard>;
  replayWindowMs: number;
  now: () => Date;
}) {
  const quotas = createQuotas();

  async function handle(message: IncomingMessage): Promise<OutgoingMessage> {
    const now = deps.now();
    const signer = deps.signer();
    const h = message.headers;
    const headers: MessageHeaders = {
      client: h.client ?? '',
      messageId: h.messageId ?? '',
      userId: h.userId ?? null,
      issue: h.issue ?? null,
      purposeHeader: h.purpose ?? null,
      date: h.date ?? '',
      discloseAfter: h.discloseAfter ?? null,
    };
    const requestHash = requestHashOf(canonicalRequest(message.method, message.target, headers, message.body));
    const serviceId = message.service ? serviceIdOf(message.service) : null;
    const clientRef = h.client !== undefined ? parseSubsystemId(h.client) : undefined;
    const messageIdValid = h.messageId !== undefined && UUID_PATTERN.test(h.messageId);
    const purpose = decodePurpose(h.purpose);
    const base = {
      messageId: messageIdValid ? (h.messageId ?? null) : null,
      client: clientRef ? (h.client ?? null) : null,
      service: serviceId,
      userId: h.userId !== undefined && XROAD_HEADER_TEXT.test(h.userId) ? h.userId : null,
      purpose: purpose ?? null,
      issue: h.issue !== undefined && XROAD_HEADER_TEXT.test(h.issue) ? h.issue : null,
    };

    /** Signs, logs and shapes an answer; `accesses` go to the tracker in the log's transaction. */
    async function answer(status: number, value: unknown, refusal: Refusal | null, accesses: DataAccess[] = [], extraHeaders: Record<string, string> = {}, seen = false): Promise<OutgoingMessage> {
      const body = Buffer.from(JSON.stringify(value ?? null));
      const responseHash = responseHashOf(canonicalResponse(requestHash, h.messageId ?? '', serviceId ?? '', status, body));
      const entry: LogEntry = {
        ...base,
        requestHash,
        responseHash,
        status,
        errorCode: refusal?.xroad ?? null,
        at: now.toISOString(),
        kid: signer.kid,
        requestSignature: signer.signNow(requestHash),
        responseSignature: signer.signNow(responseHash),
      };
      await deps.log.append(entry, { seen: seen && base.client && base.messageId ? { client: base.client, messageId: base.messageId } : null, accesses });
      return {
        status,
        body,
        value,
        contentType: refusal ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
        headers: {
          'x-road-id': base.messageId ?? '',
          'x-road-client': base.client ?? '',
          'x-road-service': serviceId ?? '',
          'x-road-request-hash': requestHash,
          'x-road-signature': entry.responseSignature ?? '',
          ...(refusal ? { 'x-road-error': refusal.xroad } : {}),
          ...extraHeaders,
        },
        requestHash,
        messageId: base.messageId ?? '',
      };
    }
    const refuse = (refusal: Refusal, extra: Record<string, unknown> = {}, extraHeaders: Record<string, string> = {}) =>
      answer(refusal.status, buildProblem(refusal.status, refusal.code, refusal.text, { instance: message.target, xroadError: refusal.xroad, ...extra }), refusal, [], extraHeaders);

    // 1. No evidence, no exchange (X-Road: stop accepting when time-stamping failed too long).
    if (deps.timestamper.refusing()) return refuse(REFUSALS.timestampingFailed);
    // 2. The message's identity.
    if (!message.service || message.query === undefined) return refuse(REFUSALS.invalidIdentifier);
    if (!clientRef) return refuse(h.client === undefined ? REFUSALS.missingHeader : REFUSALS.invalidIdentifier, { header: 'X-Road-Client' });
    if (!messageIdValid) return refuse(REFUSALS.missingHeader, { header: 'X-Road-Id' });
    if (h.date === undefined || !DATE.test(h.date) || Number.isNaN(Date.parse(h.date))) return refuse(REFUSALS.missingHeader, { header: 'X-Road-Date' });
    for (const [name, value] of [['X-Road-UserId', h.userId], ['X-Road-Issue', h.issue]] as const) {
      if (value !== undefined && !XROAD_HEADER_TEXT.test(value)) return refuse(REFUSALS.missingHeader, { header: name });
    }
    if (h.purpose !== undefined && purpose === undefined) return refuse(REFUSALS.missingHeader, { header: 'X-Road-Purpose' });
    if (h.discloseAfter !== undefined && !validDay(h.discloseAfter)) return refuse(REFUSALS.missingHeader, { header: 'X-Road-Disclose-After' });
    // Purposes and case references go into the message log and the subjects' data tracker as text: a
    // personal ID in them would copy personal data there (and reveal one person to another).
    if (mentionsPersonalId(purpose ?? '') || mentionsPersonalId(h.issue ?? '')) return refuse(REFUSALS.personalIdInHeader);

    // 3. Who is calling: a registered subsystem, bound to the OAuth client behind the token.
    const snapshot = await deps.catalogue.current();
    const client = snapshot.subsystems.get(h.client ?? '');
    if (!client) return refuse(REFUSALS.unknownClient);
    const clientMember = snapshot.members.get(client.memberId);
    if (message.oauth) {
      if (client.clientId !== message.oauth.clientId || (message.oauth.agencyCode !== null && clientMember?.memberCode !== message.oauth.agencyCode)) return refuse(REFUSALS.clientMismatch);
    } else if (!client.local) {
      return refuse(REFUSALS.clientMismatch);
    }
    // 4. The client's signature over the whole message, when it registered a key.
    if (client.signingKey) {
      const key = publicKeyOf(client.signingKey);
      const canonical = canonicalRequest(message.method, message.target, headers, message.body);
      if (!key || h.signature === undefined || !verifyDetached(key, h.signature, canonical)) return refuse(REFUSALS.invalidSignature);
    }
    // 5. Freshness and replay.
    if (Math.abs(now.getTime() - Date.parse(h.date)) > deps.replayWindowMs) return refuse(REFUSALS.messageExpired);
    if (!deps.replay.claim(client.id, h.messageId ?? '', now.getTime())) return refuse(REFUSALS.duplicateMessage);
    // 6. The service and the access right (deny by default).
    const service = serviceId ? snapshot.services.get(serviceId) : undefined;
    const handler = serviceId ? deps.catalogue.handlers.get(serviceId) : undefined;
    if (!service || !service.enabled || service.kind !== 'rest' || !handler) return refuse(REFUSALS.unknownService);
    const right = snapshot.rights.get(rightKey(client.id, service.id));
    if (!right) return refuse(REFUSALS.accessDenied);
    // 7. Personal data needs a purpose and the person acting; deferred disclosure needs the right to it.
    if (service.personalData && (purpose === undefined || base.userId === null)) return refuse(REFUSALS.purposeRequired);
    if (h.discloseAfter !== undefined && !right.mayDeferDisclosure) return refuse(REFUSALS.deferralNotAllowed);
    // 8. Quotas.
    const quota = quotas.take(client.id, { perMinute: client.quotaPerMinute, perDay: client.quotaPerDay }, now);
    if (!quota.ok) return refuse(REFUSALS.quotaExceeded, { retryAfter: quota.retryAfter }, { 'retry-after': String(quota.retryAfter) });
    // 9. The provider.
    let body: unknown = null;
    if (message.body.length > 0) {
      if (!/^application\/(.+\+)?json\b/i.test(message.contentType ?? '')) return refuse(REFUSALS.invalidBody);
      try {
        body = JSON.parse(message.body.toString('utf8'));
      } catch {
        return refuse(REFUSALS.invalidBody);
      }
    }
    let result;
    try {
      result = await handler({ method: message.method, path: message.rest, query: message.query, body, userId: base.userId, purpose: purpose ?? null, messageId: h.messageId ?? '' });
    } catch {
      return refuse(REFUSALS.serviceFailed);
    }
    const accesses: DataAccess[] =
      service.personalData && result.status >= 200 && result.status < 300
        ? (result.dataSubjects ?? []).map((subject) => ({
            subjectPersonalId: subject.personalId,
            channel: 'exchange',
            accessorKind: 'system',
            accessorId: client.id,
            accessorName: client.name,
            agencyCode: clientMember?.memberCode ?? '',
            userId: base.userId,
            data: subject.data,
            service: service.id,
            purpose: purpose ?? '',
            reference: base.issue,
            occurredAt: now,
            hiddenUntil: h.discloseAfter ?? null,
          }))
        : [];
    return answer(result.status, result.body, null, accesses, {}, true);
  }

  return { handle };
}
export type Gateway = ReturnType<typeof createGateway>;
