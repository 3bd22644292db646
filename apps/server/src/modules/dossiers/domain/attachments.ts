import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

// Files citizens attach to dossiers. The type is sniffed from the content, never taken from the name
// or the browser's Content-Type, both of which the sender controls. Anything we cannot positively
// identify as one of a few document and image formats is refused, and so is anything that can run
// (executables, scripts, macros) or explode when a viewer or converter unpacks it (ZIP bombs).
// A refusal is an answer for the citizen, so it is returned; only a caller's mistake throws.
// This is a pre-check on declared structure: whatever later inflates an office file must still cap
// its output, since declared sizes can lie.

export type MediaKind = 'pdf' | 'jpeg' | 'png' | 'tiff' | 'heic' | 'docx' | 'xlsx' | 'odt' | 'xml';
export type AttachmentRules = Readonly<{ maxBytes: number; accepted: readonly MediaKind[] }>;
export type RefusalReason =
  | 'empty' | 'too_large' | 'unknown_type' | 'type_not_accepted' | 'executable' | 'active_content' | 'archive' | 'archive_bomb' | 'malformed';

export type AttachmentAccepted = Readonly<{
  ok: true; kind: MediaKind; mediaType: string; size: number; sha256: string;
  /** The sniffed kind's canonical extension, with its dot (`.jpg`); `storedName` ends with it. */
  extension: string; storedName: string;
  /** What the file name claimed (lower case, with its dot, or null) and whether it fits the content: the UI may warn, we do not refuse. */
  declaredExtension: string | null; extensionMatches: boolean;
}>;
export type AttachmentRefused = Readonly<{ ok: false; reason: RefusalReason; detail?: string }>;
export type AttachmentCheck = AttachmentAccepted | AttachmentRefused;

type KindInfo = Readonly<{ mediaType: string; extension: string; aliases: readonly string[] }>;

export const MEDIA_KINDS: Readonly<Record<MediaKind, KindInfo>> = Object.freeze({
  pdf: { mediaType: 'application/pdf', extension: '.pdf', aliases: ['.pdf'] },
  jpeg: { mediaType: 'image/jpeg', extension: '.jpg', aliases: ['.jpg', '.jpeg', '.jpe', '.jfif'] },
  png: { mediaType: 'image/png', extension: '.png', aliases: ['.png'] },
  tiff: { mediaType: 'image/tiff', extension: '.tif', aliases: ['.tif', '.tiff'] },
  heic: { mediaType: 'image/heic', extension: '.heic', aliases: ['.heic', '.heif', '.hif'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: '.docx', aliases: ['.docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: '.xlsx', aliases: ['.xlsx'] },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extension: '.odt', aliases: ['.odt'] },
  xml: { mediaType: 'application/xml', extension: '.xml', aliases: ['.xml'] },
});

const MiB = 1024 * 1024;

export const DEFAULT_RULES: AttachmentRules = Object.freeze({ maxBytes: 10 * MiB, accepted: Object.freeze(['pdf', 'jpeg', 'png'] as const) });

/** Limits on what an office ZIP may declare. Ratios only count above `ratioFloorBytes`: tiny XML parts compress very well. */
export const ZIP_LIMITS = Object.freeze({ maxEntries: 10_000, maxUncompressedBytes: 100 * MiB, maxRatio: 100, ratioFloorBytes: MiB });

export function checkAttachment(file: Readonly<{ name: string; bytes: Uint8Array }>, rules: AttachmentRules): AttachmentCheck {
  if (!Number.isSafeInteger(rules.maxBytes) || rules.maxBytes < 1) throw new RangeError('rules.maxBytes must be a positive integer');
  for (const kind of rules.accepted) if (!Object.hasOwn(MEDIA_KINDS, kind)) throw new RangeError(`unknown media kind ${String(kind)}`);
  const { bytes } = file;
  if (bytes.length === 0) return refuse('empty');
  if (bytes.length > rules.maxBytes) return refuse('too_large', `${bytes.length} > ${rules.maxBytes} bytes`);
  const sniffed = sniff(bytes);
  if ('ok' in sniffed) return sniffed;
  const { kind } = sniffed;
  if (!rules.accepted.includes(kind)) return refuse('type_not_accepted', kind);
  const { mediaType, extension, aliases } = MEDIA_KINDS[kind];
  const declared = splitExtension(baseName(file.name.normalize('NFC')).trim())[1];
  return {
    ok: true, kind, mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
    extension, storedName: safeFileName(file.name, extension),
    declaredExtension: declared, extensionMatches: declared !== null && aliases.includes(declared),
  };
}

function refuse(reason: RefusalReason, detail?: string): AttachmentRefused {
  if (detail === undefined) return { ok: false, reason };
  // Details may quote the file (entry names, a mimetype): keep them printable and short for the UI and the logs.
  return { ok: false, reason, detail: detail.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '?').slice(0, 200) };
}

type Sniffed = { kind: MediaKind } | AttachmentRefused;

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return bytes.length >= magic.length / 2 && latin1(bytes.subarray(0, magic.length / 2)) === Buffer.from(magic, 'hex').toString('latin1');
}

function sniff(bytes: Uint8Array): Sniffed {
  const program = EXECUTABLES.find(([, magic]) => startsWith(bytes, magic));
  if (program) return refuse('executable', program[0]);
  if (startsWith(bytes, '89504e470d0a1a0a')) return { kind: 'png' };
  if (startsWith(bytes, 'ffd8ff')) return { kind: 'jpeg' };
  if (startsWith(bytes, '49492a00') || startsWith(bytes, '4d4d002a')) return { kind: 'tiff' };
  if (ascii(bytes, 4, 8) === 'ftyp') return isHeic(bytes) ? { kind: 'heic' } : refuse('unknown_type', 'ISO media that is not HEIC');
  if (['504b0304', '504b0506', '504b0708'].some((magic) => startsWith(bytes, magic))) return sniffZip(bytes);
  const archive = archiveMagic(bytes);
  if (archive) return refuse('archive', archive);
  // Readers accept a PDF header anywhere in the first KiB; what precedes it must not be markup a browser would run.
  const pdfAt = latin1(bytes.subarray(0, 1024)).indexOf('%PDF-');
  if (pdfAt >= 0) {
    const active = activeContent(latin1(bytes.subarray(0, pdfAt)), true);
    return active ? refuse('active_content', active) : { kind: 'pdf' };
  }
  return sniffMarkup(bytes);
}

const EXECUTABLES: readonly (readonly [string, string])[] = [
  ['Windows executable (MZ/PE)', '4d5a'], ['ELF executable', '7f454c46'],
  // Mach-O 32/64-bit in both byte orders and universal binaries, whose first magic Java class files share.
  ...['feedface', 'cefaedfe', 'feedfacf', 'cffaedfe', 'bebafeca', 'cafebabf', 'bfbafeca'].map((magic) => ['Mach-O executable', magic] as const),
  ['Mach-O universal binary or Java class', 'cafebabe'],
  ['script (#!)', '2321'], ['script (#!)', 'efbbbf2321'], ['WebAssembly module', '0061736d'], ['Dalvik executable', '6465780a'],
];

const ARCHIVES: readonly (readonly [string, string])[] = [
  ['RAR', '526172211a07'], ['7z', '377abcaf271c'], ['gzip', '1f8b'], ['bzip2', '425a68'], ['xz', 'fd377a585a00'], ['zstd', '28b52ffd'], ['CAB', '4d534346'],
];

function archiveMagic(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 257, 262) === 'ustar') return 'tar';
  return ARCHIVES.find(([, magic]) => startsWith(bytes, magic))?.[0];
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
const ascii = (bytes: Uint8Array, from: number, to: number) => (to <= bytes.length ? latin1(bytes.subarray(from, to)) : '');

// An ISO media file is HEIC when its ftyp box names a HEIF brand and no AVIF one: AVIF shares `mif1`.
function isHeic(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxSize = bytes.length >= 8 ? view.getUint32(0) : 0;
  if (boxSize < 16 || boxSize > Math.min(bytes.length, 4096)) return false;
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, at + 4));
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) return false;
  return brands.some((brand) => ['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand));
}

// ——— markup: XML e-documents, and the HTML/SVG we refuse ———

// UTF-16 by its byte-order mark, or by `<?` without one.
const UTF16: readonly (readonly [string, 'utf-16le' | 'utf-16be', number])[] = [['fffe', 'utf-16le', 2], ['feff', 'utf-16be', 2], ['3c003f00', 'utf-16le', 0], ['003c003f', 'utf-16be', 0]];

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, 'efbbbf')) return latin1(bytes.subarray(3));
  const utf16 = UTF16.find(([mark]) => startsWith(bytes, mark));
  if (utf16) return new TextDecoder(utf16[1]).decode(bytes.subarray(utf16[2]));
  // Any ASCII-compatible encoding (UTF-8, windows-1258…) keeps markup readable byte for byte.
  return latin1(bytes);
}

/** The root element's name after the prolog (declaration, comments, PIs, doctype), lower case. */
function rootElement(text: string): string | undefined {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text.charAt(at))) at++;
    const skip = (from: number, end: string) => { const found = text.indexOf(end, from); return found < 0 ? -1 : found + end.length; };
    let next: number;
    if (text.startsWith('<?', at)) next = skip(at, '?>');
    else if (text.startsWith('<!--', at)) next = skip(at + 4, '-->');
    else if (/^<!doctype/i.test(text.slice(at, at + 9))) {
      const close = text.indexOf('>', at);
      const subset = text.indexOf('[', at);
      const afterSubset = subset >= 0 && subset < close ? skip(subset, ']') : at;
      next = afterSubset < 0 ? -1 : skip(afterSubset, '>');
    } else {
      return /^<((?:[a-z_\u00c0-\uffff][\w.\u00b7-\uffff-]*:)?[a-z_\u00c0-\uffff][\w.\u00b7-\uffff-]*)/i.exec(text.slice(at, at + 200))?.[1]?.toLowerCase();
    }
    if (next <= at) return undefined;
    at = next;
  }
}

function sniffMarkup(bytes: Uint8Array): Sniffed {
  if (!/^\s*</.test(decodeText(bytes.subarray(0, 1024)))) return refuse('unknown_type');
  const text = decodeText(bytes);
  const root = rootElement(text);
  const local = root?.split(':').at(-1);
  const web = local === 'html' || local === 'svg' || /^\s*<!doctype\s+(html|svg)/i.test(text.slice(0, 1024));
  const active = activeContent(text, web);
  if (active) return refuse('active_content', active);
  if (web) return refuse('unknown_type', local === 'svg' ? 'SVG image' : 'HTML page');
  return root && /^<\?xml[\s?]/.test(text) ? { kind: 'xml' } : refuse('unknown_type');
}

// Deliberately coarse: character references are decoded and all whitespace dropped before looking,
// so `java&#x0A;script&#58;` is caught; a false alarm costs a citizen a re-export, a miss costs more.
// Entity declarations are refused too: signed e-documents need none, and they carry XXE and
// "billion laughs" attacks against whatever parses the file later.
function activeContent(text: string, web: boolean): string | undefined {
  const flat = text
    .replace(/&#(x[0-9a-f]{1,6}|[0-9]{1,7});?/gi, (_, ref: string) => {
      const code = ref[0] === 'x' || ref[0] === 'X' ? parseInt(ref.slice(1), 16) : Number(ref);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/&colon;/gi, ':')
    .replace(/[\s\p{Cc}]+/gu, '')
    .toLowerCase();
  if (/<([\w.-]+:)?script/.test(flat)) return 'script element';
  if (flat.includes('javascript:') || flat.includes('vbscript:')) return 'script URL';
  if (flat.includes('<!entity')) return 'XML entity declaration';
  if (web && /[\s/"']on[a-z]+\s*=/i.test(text)) return 'event handler attribute';
  return undefined;
}

// ——— ZIP: office documents ———

type ZipEntry = Readonly<{ name: string; flags: number; method: number; compressed: number; uncompressed: number; start: number; dataStart: number }>;

const ODT_TYPE = 'application/vnd.oasis.opendocument.text';
const NESTED_ARCHIVE = /\.(zip|rar|7z|gz|tgz|tar|bz2|xz|zst|cab|jar|apk)$/i;
const EXECUTABLE_ENTRY = /\.(exe|dll|scr|com|msi|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|sh)$/i;
// VBA projects, ActiveX controls, Excel 4.0 macro sheets, ODF Basic and script libraries.
const MACRO_ENTRY = /(^|\/)vbaproject\.bin$|(^|\/)activex\/|(^|\/)macrosheets\/|^basic\/|^scripts\//i;

function sniffZip(bytes: Uint8Array): Sniffed {
  const entries = readZip(bytes);
  if (typeof entries === 'string') return refuse('malformed', entries);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  let kind: MediaKind;
  const mimetype = byName.get('mimetype');
  if (mimetype) {
    const declared = entryText(bytes, mimetype);
    if (declared === undefined || !declared.startsWith('application/vnd.oasis.opendocument.')) return refuse('archive', 'ZIP with an unreadable mimetype entry');
    if (declared !== ODT_TYPE) return refuse('unknown_type', declared);
    if (!byName.has('content.xml')) return refuse('malformed', 'OpenDocument without content.xml');
    kind = 'odt';
  } else if (byName.has('[Content_Types].xml')) {
    const has = (prefix: string) => entries.some((entry) => entry.name.startsWith(prefix));
    if (has('word/') === has('xl/')) return refuse(has('ppt/') ? 'unknown_type' : 'archive', has('ppt/') ? 'PowerPoint presentation' : 'unrecognised OOXML package');
    kind = has('word/') ? 'docx' : 'xlsx';
  } else {
    return refuse('archive', 'ZIP');
  }
  const bomb = bombDetail(entries);
  if (bomb) return refuse('archive_bomb', bomb);
  const program = entries.find((entry) => EXECUTABLE_ENTRY.test(entry.name));
  if (program) return refuse('executable', `contains ${program.name}`);
  const macro = entries.find((entry) => MACRO_ENTRY.test(entry.name));
  if (macro) return refuse('active_content', `macros or controls (${macro.name})`);
  return { kind };
}

function entryText(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressed);
  if (entry.method === 0) return entry.compressed <= 256 ? latin1(data) : undefined;
  try {
    return latin1(inflateRawSync(data, { maxOutputLength: 256 }));
  } catch {
    return undefined; // corrupt stream, or longer than any mimetype
  }
}

function tooCompressed(uncompressed: number, compressed: number): boolean {
  return uncompressed > ZIP_LIMITS.ratioFloorBytes && uncompressed > ZIP_LIMITS.maxRatio * compressed;
}

function bombDetail(entries: readonly ZipEntry[]): string | undefined {
  if (entries.length > ZIP_LIMITS.maxEntries) return `${entries.length} entries (limit ${ZIP_LIMITS.maxEntries})`;
  let [total, packed] = [0, 0];
  for (const entry of entries) {
    // Bit 0: encrypted; bit 6: strong encryption; method 99: AES. We cannot look inside.
    if (entry.flags & 0x41 || entry.method === 99) return `encrypted entry ${entry.name}`;
    if (NESTED_ARCHIVE.test(entry.name)) return `nested archive ${entry.name}`;
    if (tooCompressed(entry.uncompressed, entry.compressed)) return `entry ${entry.name} expands over ${ZIP_LIMITS.maxRatio}:1`;
    total += entry.uncompressed;
    packed += entry.compressed;
  }
  if (total > ZIP_LIMITS.maxUncompressedBytes) return `declares ${total} bytes uncompressed (limit ${ZIP_LIMITS.maxUncompressedBytes})`;
  if (tooCompressed(total, packed)) return `expands over ${ZIP_LIMITS.maxRatio}:1`;
  // Entries sharing their data are how non-recursive bombs multiply a small file.
  const byStart = [...entries].sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i++) {
    const [before, after] = [byStart[i - 1] as ZipEntry, byStart[i] as ZipEntry];
    if (before.dataStart + before.compressed > after.start) return 'overlapping entries';
  }
  return undefined;
}

const [EOCD, CENTRAL, LOCAL] = [0x06054b50, 0x02014b50, 0x04034b50];

/** The central directory's entries, or why it cannot be trusted. Every read is bounds-checked first. */
function readZip(bytes: Uint8Array): ZipEntry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === EOCD && at + 22 + u16(at + 20) <= bytes.length) { eocd = at; break; }
  }
  if (eocd < 0) return 'no end of central directory';
  const [count, cdStart, cdSize] = [u16(eocd + 10), u32(eocd + 16), u32(eocd + 12)];
  const cdEnd = cdStart + cdSize;
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== count) return 'multi-volume ZIP';
  if (count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) return 'ZIP64 is not supported';
  if (cdEnd > eocd) return 'central directory outside the file';
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdEnd || u32(at) !== CENTRAL) return `central directory entry ${i} unreadable`;
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > cdEnd) return `central directory entry ${i} overruns`;
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const [flags, method, compressed, uncompressed, start] = [u16(at + 8), u16(at + 10), u32(at + 20), u32(at + 24), u32(at + 42)];
    if (start + 30 > cdStart || u32(start) !== LOCAL) return `entry ${i} points outside the file`;
    const dataStart = start + 30 + u16(start + 26) + u16(start + 28);
    if (dataStart + compressed > cdStart) return `entry ${i} data outside the file`;
    if (u16(start + 26) !== nameLength || !bytes.subarray(start + 30, start + 30 + nameLength).every((byte, j) => byte === bytes[at + 46 + j])) {
      return `entry ${i} names differ between headers`; // readers disagreeing on names is a smuggling vector
    }
    if (method !== 0 && method !== 8 && method !== 99) return `entry ${i} uses compression method ${method}`;
    if (method === 0 && !(flags & 1) && compressed !== uncompressed) return `entry ${i} is stored with two sizes`;
    if (/(^|[\\/])\.\.([\\/]|$)|^([\\/]|[a-z]:)|\0/i.test(name)) return `entry ${i} has an unsafe path`;
    if (seen.has(name)) return `duplicate entry ${name}`;
    seen.add(name);
    entries.push({ name, flags, method, compressed, uncompressed, start, dataStart });
    at = next;
  }
  return at === cdEnd ? entries : 'central directory size mismatch';
}

// ——— names ———

const FALLBACK_STEM = 'tep-dinh-kem';
const MAX_NAME_CHARS = 120;
// Most file systems cap a name at 255 bytes; a Vietnamese letter takes up to 3 in UTF-8.
const MAX_NAME_BYTES = 255;
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

/** Splits a trailing `.ext` (1–10 ASCII letters or digits, at least one letter, so `số 12.2024` keeps its tail). */
function splitExtension(name: string): [string, string | null] {
  const match = /\.([a-z0-9]{1,10})$/i.exec(name);
  if (!match || !/[a-z]/i.test(match[1] ?? '')) return [name, null];
  return [name.slice(0, match.index), match[0].toLowerCase()];
}

function truncate(text: string, maxChars: number, maxBytes: number): string {
  let [out, bytes] = ['', 0];
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (out.length + char.length > maxChars || bytes > maxBytes) break;
    out += char;
  }
  return out;
}

/**
 * A name safe to store and offer for download: last path segment only, no control, format
 * (bidi override) or Windows-forbidden characters, no reserved device name, ≤ 120 characters and
 * 255 UTF-8 bytes, and the extension replaced by `extension` (lower case, with its dot).
 */
export function safeFileName(name: string, extension: string): string {
  if (splitExtension(`x${extension}`)[1] !== extension) throw new RangeError(`invalid extension ${extension}`);
  const cleaned = baseName(name)
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}<>:"|?*]/gu, '')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
  const budget = (stem: string) => truncate(stem, MAX_NAME_CHARS - extension.length, MAX_NAME_BYTES - Buffer.byteLength(extension)).replace(/[.\s]+$/u, '');
  let stem = budget(splitExtension(cleaned)[0].replace(/^[.\s]+/u, ''));
  if (RESERVED.test((stem.split('.')[0] ?? '').trim())) stem = budget(`_${stem}`);
  return `${stem || FALLBACK_STEM}${extension}`;
}
