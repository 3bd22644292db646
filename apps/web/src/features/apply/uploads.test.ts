import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptOf, kindsLabel, precheck } from './uploads.ts';

describe('attachment checks before upload', () => {
  const rules = { maxBytes: 1000, accepted: ['pdf', 'png'] };
  const cases: [string, { name: string; size: number; type: string }, ReturnType<typeof precheck>][] = [
    ['a PDF within the limit', { name: 'To khai.PDF', size: 900, type: 'application/pdf' }, null],
    ['a PNG named without extension but typed', { name: 'scan', size: 10, type: 'image/png' }, null],
    ['a file over the limit', { name: 'a.pdf', size: 1001, type: 'application/pdf' }, 'too_large'],
    ['a Word file', { name: 'a.docx', size: 10, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, 'wrong_type'],
    ['an executable renamed', { name: 'a.exe', size: 10, type: '' }, 'wrong_type'],
  ];
  for (const [name, file, expected] of cases) it(name, () => assert.equal(precheck(file, rules), expected));

  it('describes the accepted kinds for the input and the person', () => {
    assert.equal(acceptOf(['pdf', 'png']), '.pdf,application/pdf,.png,image/png');
    assert.equal(kindsLabel(['pdf', 'jpeg', 'unknown']), 'PDF, JPEG');
  });
});
