// Signed event envelopes: what a subscriber subsystem receives for each event it has a right to.
// Pure functions; the keys stay behind the EnvelopeSigner port (the gateway's signing key).

/** The gateway's signing key, as a port: the gateway engineer's key store implements it. */
export type EnvelopeSigner = {
  kid: string;
  sign(data: Uint8Array): Promise<string>;
  verify(kid: string, data: Uint8Array, signature: string): Promise<boolean>;
};

/** A signer whose signatures name their own key (a detached JWS with `kid` in its header). */
export type SelfIdentifyingSigner = {
  kid: string;
  sign(data: Uint8Array): Promise<string>;
  verify(data: Uint8Array, signature: string): Promise<boolean>;
};

/**
 * The gateway's signer (exchange/signer.ts, ES256 detached JWS) as an EnvelopeSigner. Looked up on
 * every use: the gateway loads its key at warm-up, after the module (and this port) is created.
 * The envelope's `kid` is signed too, so it cannot disagree with the JWS header unnoticed.
 */
export function envelopeSignerFrom(current: () => SelfIdentifyingSigner): EnvelopeSigner {
  return {
    get kid() {
      return current().kid;
    },
    sign: (data) => current().sign(data),
    verify: (_kid, data, signature) => current().verify(data, signature),
  };
}

/** What a subscriber needs to check envelopes (the signer itself, or a JWKS-backed verifier). */
export type EnvelopeVerifier = Pick<EnvelopeSigner, 'verify'>;

/** The subscribers of a topic, from the access rights granted on the provider's event services. */
export type SubscribersOf = (topic: string) => Promise<{ subsystemId: string; serviceId: string; subsystemName?: string }[]>;

export type EventEnvelope = Readonly<{
  /** The outbox event id: the same for every subscriber, the deduplication key. */
  eventId: string;
  topic: string;
  /** The provider's event service, e.g. `VN/GOV/G01/dan-cu/person-moved`. */
  service: string;
  /** The receiving subscriber subsystem, e.g. `VN/GOV/H29/mot-cua`. */
  subscriber: string;
  /** ISO 8601, UTC, from the outbox (when the provider's change committed). */
  occurredAt: string;
  payload: unknown;
  kid: string;
  /** Over `signedBytes(envelope)`, by the key `kid`. */
  signature: string;
}>;

export type UnsignedEnvelope = Omit<EventEnvelope, 'kid' | 'signature'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELDS = ['eventId', 'topic', 'service', 'subscriber', 'occurredAt', 'payload', 'kid', 'signature'] as const;

/**
 * Canonical JSON in the manner of JCS (RFC 8785): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers as ECMAScript's JSON.stringify writes them, `undefined` members
 * left out. Two parties that hold the same JSON value therefore sign and check the same bytes,
 * whatever key order or spacing the transport produced.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** The bytes the signature covers: the canonical JSON of every field but `signature` (kid included). */
export function signedBytes(envelope: Omit<EventEnvelope, 'signature'>): Uint8Array {
  const { eventId, topic, service, subscriber, occurredAt, payload, kid } = envelope;
  return new TextEncoder().encode(canonicalJson({ eventId, topic, service, subscriber, occurredAt, payload, kid }));
}

export async function signEnvelope(unsigned: UnsignedEnvelope, signer: Pick<EnvelopeSigner, 'kid' | 'sign'>): Promise<EventEnvelope> {
  const withKid = { ...unsigned, kid: signer.kid };
  return { ...withKid, signature: await signer.sign(signedBytes(withKid)) };
}

export type EnvelopeCheck = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

/** Checks shape and signature of a received value. Never throws for bad input: the caller terminates it. */
export async function verifyEnvelope(value: unknown, verifier: EnvelopeVerifier): Promise<EnvelopeCheck> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not an object' };
  const record = value as Record<string, unknown>;
  for (const field of FIELDS) {
    if (field === 'payload') {
      if (!(field in record)) return { ok: false, reason: 'missing payload' };
    } else if (typeof record[field] !== 'string' || record[field] === '') {
      return { ok: false, reason: `missing or invalid ${field}` };
    }
  }
  if (!UUID.test(record.eventId as string)) return { ok: false, reason: 'eventId is not a UUID' };
  const extra = Object.keys(record).filter((key) => !(FIELDS as readonly string[]).includes(key));
  // A field outside the signature would travel unauthenticated: refuse rather than ignore it.
  if (extra.length > 0) return { ok: false, reason: `unsigned field ${extra[0]}` };
  const envelope = record as EventEnvelope;
  let valid = false;
  try {
    valid = await verifier.verify(envelope.kid, signedBytes(envelope), envelope.signature);
  } catch {
    valid = false;
  }
  return valid ? { ok: true, envelope } : { ok: false, reason: 'bad signature' };
}

/**
 * A subsystem id as one NATS subject token. Letters, digits and `-` stay; every other byte becomes
 * `_XX` (upper-case hex of its UTF-8 bytes, `_` itself included), so the mapping is injective: two
 * subsystems never share a subject, and `.`/`*`/`>`/spaces never reach the subject.
 * `VN/GOV/H29/mot-cua` → `VN_2FGOV_2FH29_2Fmot-cua`.
 */
export function subjectToken(subsystemId: string): string {
  let out = '';
  for (const char of subsystemId) {
    if (/^[A-Za-z0-9-]$/.test(char)) out += char;
    else for (const byte of new TextEncoder().encode(char)) out += `_${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (out === '') throw new Error('empty subsystem id');
  return out;
}

const TOPIC = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const TOPIC_PATTERN = /^([A-Za-z0-9_-]+|\*)(\.([A-Za-z0-9_-]+|\*))*(\.>)?$|^>$/;

export function assertTopic(topic: string): void {
  if (!TOPIC.test(topic)) throw new Error(`invalid event topic "${topic}": dot-separated tokens of letters, digits, _ and -`);
}

export function assertTopicPattern(pattern: string): void {
  if (!TOPIC_PATTERN.test(pattern)) throw new Error(`invalid event topic pattern "${pattern}"`);
}

/** `xroad.events.<subscriber token>.<topic>` with the default prefix. */
export function subjectFor(prefix: string, subscriber: string, topic: string): string {
  return `${prefix}.${subjectToken(subscriber)}.${topic}`;
}

/** JetStream's message id: publishing the same envelope twice within the duplicate window stores it once. */
export function messageIdOf(envelope: Pick<EventEnvelope, 'eventId' | 'subscriber'>): string {
  return `${envelope.eventId}:${envelope.subscriber}`;
}
