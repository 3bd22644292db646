import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentDisposition } from './text.ts';

describe('attachmentDisposition (RFC 6266 / 8187)', () => {
  const cases: [string, string][] = [
    ['ket-qua.pdf', `attachment; filename="ket-qua.pdf"; filename*=UTF-8''ket-qua.pdf`],
    ['Giấy khai sinh.pdf', `attachment; filename="giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf`],
    ['Đơn "đề nghị" (bản 1).pdf', `attachment; filename="don _de nghi_ _ban 1_.pdf"; filename*=UTF-8''%C4%90%C6%A1n%20%22%C4%91%E1%BB%81%20ngh%E1%BB%8B%22%20%28b%E1%BA%A3n%201%29.pdf`],
  ];
  for (const [name, header] of cases) {
    it(name, () => {
      assert.equal(attachmentDisposition(name), header);
      // Every byte of the header is printable ASCII, as HTTP requires.
      assert.match(attachmentDisposition(name), /^[\x20-\x7e]+$/);
    });
  }
});
