import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { append, EMPTY_HEAD, type AuditEntry } from './audit-chain.ts';
import { buildForm, FORM_NUMBERS, renderFormHtml, type FormDossier } from './forms.ts';

const dossier: FormDossier = { code: 'H29.15-261123-0001', procedureCode: '2.000635', procedureName: 'Cấp bản sao trích lục hộ tịch', agencyCode: 'H29.15', ownerId: '079203001234', ownerKind: 'citizen', channel: 'online', dueDate: '2026-11-24', documents: [{ code: 'to-khai', name: 'Tờ khai <ký>' }] };

function log(...steps: [string, string | null, string, string | null, Record<string, unknown>?][]): AuditEntry[] {
  let head = EMPTY_HEAD;
  return steps.map(([action, from, to, reason, data], i) => {
    const next = append(head, { at: `2026-11-23T0${i}:00:00.000Z`, actor: { kind: 'official', id: 'x', role: 'dossiers:process' }, action, from, to, reason, ...(data ? { data } : {}) });
    head = next.head;
    return next.row.entry;
  });
}

const received = log(['submit', 'draft', 'submitted', null], ['receive', 'submitted', 'received', null]);
const full = log(
  ['submit', 'draft', 'submitted', null],
  ['receive', 'submitted', 'received', null],
  ['forward', 'received', 'handling', null],
  ['request_supplement', 'handling', 'supplement_requested', 'Thiếu bản sao'],
  ['supplement', 'supplement_requested', 'handling', null],
  ['reschedule', 'handling', 'handling', 'Chờ xác minh', { previousDueDate: '2026-11-24', newDueDate: '2026-11-27' }],
  ['propose', 'handling', 'awaiting_approval', null],
  ['reject', 'awaiting_approval', 'rejected', 'Không đủ điều kiện'],
);

describe('standard forms from the audit log', () => {
  const availability: [string, AuditEntry[], string[]][] = [
    ['nothing before the dossier exists', [], []],
    ['a submitted dossier has only its process slip', log(['submit', 'draft', 'submitted', null]), ['05']],
    ['a received one has its receipt', received, ['01', '05']],
    ['the whole story has every form', full, ['01', '02', '03', '04', '05']],
  ];
  for (const [name, entries, expected] of availability) {
    it(name, () => assert.deepEqual(FORM_NUMBERS.filter((form) => buildForm(form, dossier, entries) !== undefined), expected));
  }

  it('fills each form from its event', () => {
    assert.deepEqual(buildForm('01', dossier, full)?.fields, { submittedAt: '2026-11-23T00:00:00.000Z', receivedAt: '2026-11-23T01:00:00.000Z', appointment: '2026-11-24', documents: ['Tờ khai <ký>'] });
    assert.deepEqual(buildForm('02', dossier, full)?.fields, { requestedAt: '2026-11-23T03:00:00.000Z', reasons: 'Thiếu bản sao', atReception: false });
    assert.deepEqual(buildForm('03', dossier, full)?.fields, { at: '2026-11-23T07:00:00.000Z', reasons: 'Không đủ điều kiện', stage: 'appraisal' });
    assert.deepEqual(buildForm('04', dossier, full)?.fields, { at: '2026-11-23T05:00:00.000Z', reasons: 'Chờ xác minh', previousAppointment: '2026-11-24', newAppointment: '2026-11-27' });
    assert.equal((buildForm('05', dossier, full)?.fields.steps as unknown[]).length, 8);
  });

  it('renders printable HTML with everything escaped', () => {
    const html = renderFormHtml(buildForm('01', dossier, full) ?? assert.fail('no form'));
    assert.match(html, /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/);
    assert.match(html, /Tờ khai &lt;ký&gt;/);
    assert.doesNotMatch(html, /<ký>/);
  });
});
