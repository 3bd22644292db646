// The two RFC 3161 structures the gateway handles, in a few lines of DER: the TimeStampReq it sends
// (SHA-256 imprint, a nonce, the TSA's certificate requested) and, from a TimeStampResp, the status,
// the imprint and the time the TSA put in TSTInfo. The token's signature is checked by
// `openssl ts -verify` against the TSA's CA (exchange:verify-log --tsa-ca).

const SHA256_ALGORITHM = Buffer.from('300d06096086480165030402010500', 'hex'); // SEQ { OID 2.16.840.1.101.3.4.2.1, NULL }

function lengthOf(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, value: Buffer) => Buffer.concat([Buffer.from([tag]), lengthOf(value.length), value]);

/** A DER TimeStampReq (version 1, SHA-256 imprint, nonce, certReq TRUE). */
export function timeStampRequest(sha256: Buffer, nonce: Buffer): Buffer {
  if (sha256.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  // A positive INTEGER: a leading zero byte when the high bit is set.
  const nonceValue = (nonce[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), nonce]) : nonce;
  return tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), tlv(0x30, Buffer.concat([SHA256_ALGORITHM, tlv(0x04, sha256)])), tlv(0x02, nonceValue), tlv(0x01, Buffer.from([0xff]))]));
}

type Tlv = { tag: number; start: number; valueStart: number; end: number };

function read(buffer: Buffer, offset: number, limit: number): Tlv {
  const tag = buffer[offset];
  let length = buffer[offset + 1];
  if (tag === undefined || length === undefined) throw new Error('truncated DER');
  let valueStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (buffer[valueStart + i] ?? 0);
    valueStart += count;
  }
  const end = valueStart + length;
  if (end > limit) throw new Error('DER value overruns its container');
  return { tag, start: offset, valueStart, end };
}

function children(buffer: Buffer, parent: Tlv): Tlv[] {
  const found: Tlv[] = [];
  for (let offset = parent.valueStart; offset < parent.end; ) {
    const child = read(buffer, offset, parent.end);
    found.push(child);
    offset = child.end;
  }
  return found;
}

function child(buffer: Buffer, parent: Tlv | undefined, index: number, tag: number): Tlv {
  const found = parent ? children(buffer, parent)[index] : undefined;
  if (!found || found.tag !== tag) throw new Error(`unexpected DER structure (wanted tag 0x${tag.toString(16)})`);
  return found;
}

export type TimeStampInfo = { granted: boolean; imprint: Buffer; nonce: Buffer; genTime: string };

/** Reads a DER TimeStampResp; throws on anything that is not one. */
export function readTimeStampResponse(der: Buffer): TimeStampInfo {
  const response = read(der, 0, der.length);
  if (response.tag !== 0x30 || response.end !== der.length) throw new Error('not a TimeStampResp');
  const statusInfo = child(der, response, 0, 0x30);
  const status = child(der, statusInfo, 0, 0x02);
  const statusValue = der.subarray(status.valueStart, status.end);
  // PKIStatus granted (0) or grantedWithMods (1).
  const granted = statusValue.length === 1 && ((statusValue[0] ?? 9) === 0 || statusValue[0] === 1);
  if (!granted) return { granted, imprint: Buffer.alloc(0), nonce: Buffer.alloc(0), genTime: '' };
  const contentInfo = child(der, response, 1, 0x30);
  const signedData = child(der, child(der, contentInfo, 1, 0xa0), 0, 0x30);
  const encapsulated = child(der, signedData, 2, 0x30);
  const eContent = child(der, child(der, encapsulated, 1, 0xa0), 0, 0x04);
  const tstInfo = read(der, eContent.valueStart, eContent.end);
  const fields = children(der, tstInfo);
  const messageImprint = fields[2];
  if (!messageImprint || messageImprint.tag !== 0x30) throw new Error('TSTInfo has no messageImprint');
  const hashed = child(der, messageImprint, 1, 0x04);
  const genTime = fields[4];
  if (!genTime || genTime.tag !== 0x18) throw new Error('TSTInfo has no genTime');
  const nonce = fields.slice(5).find((field) => field.tag === 0x02);
  return {
    granted,
    imprint: der.subarray(hashed.valueStart, hashed.end),
    nonce: nonce ? der.subarray(nonce.valueStart, nonce.end) : Buffer.alloc(0),
    genTime: der.subarray(genTime.valueStart, genTime.end).toString('latin1'),
  };
}
