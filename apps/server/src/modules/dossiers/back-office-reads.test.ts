import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '../identity/index.ts';
import { backOfficeReads, personsNamedIn } from './back-office-reads.ts';
import type { DossierRow } from './dossiers.repository.ts';

// Which reads of a dossier the data tracker records, and as whom: table-driven over the readers.

const OWNER = '001190000123';
const row = (over: Partial<DossierRow> = {}) => ({ id: 'd1', code: 'H29.25747.01-261204-0001', agencyCode: 'H29.25747.01', handlingAgencyCode: 'H29.15', unitCode: 'H29.15.01', procedureCode: '1.004222', ownerId: OWNER, ownerKind: 'citizen', ...over }) as DossierRow;
const official = (agencyCode: string, unitCode: string | null, roles: Extract<Actor, { kind: 'official' }>['roles'], personalId = '001190000999'): Actor => ({ kind: 'official', officialId: `acc-${roles.join('-')}`, personalId, agencyCode, unitCode, roles, mandatesFrom: [] });
const TODAY = '2026-12-04';
const AT = new Date('2026-12-04T03:00:00Z');

describe('back-office reads for the data tracker', () => {
  const cases: [string, Actor, DossierRow, { accessorName: string; accessorKind: string; agencyCode: string } | null][] = [
    ['a receptionist of the receiving agency', official('H29.25747.01', null, ['receptionist']), row(), { accessorName: 'Cán bộ tiếp nhận hồ sơ', accessorKind: 'official', agencyCode: 'H29.25747.01' }],
    ['a handler of the competent unit', official('H29.15', 'H29.15.01', ['handler']), row(), { accessorName: 'Chuyên viên xử lý hồ sơ', accessorKind: 'official', agencyCode: 'H29.15' }],
    ['a leader of the competent agency', official('H29.15', null, ['leader']), row(), { accessorName: 'Lãnh đạo phê duyệt', accessorKind: 'official', agencyCode: 'H29.15' }],
    ['an auditor', official('H29.25747.01', null, ['auditor']), row(), { accessorName: 'Cán bộ, công chức', accessorKind: 'official', agencyCode: 'H29.25747.01' }],
    ['an agency system', { kind: 'client', clientId: 'mot-cua', agencyCode: 'H29.15', permissions: ['dossiers:read'] }, row(), { accessorName: 'Hệ thống thông tin mot-cua', accessorKind: 'system', agencyCode: 'H29.15' }],
    ['the owner, an official, reading their own', official('H29.25747.01', null, ['receptionist'], OWNER), row(), null],
    ['the owner as a citizen', { kind: 'citizen', personalId: OWNER, assurance: 2, mandatesFrom: [] }, row(), null],
    ['an agent filing under a mandate', { kind: 'citizen', personalId: '001190000555', assurance: 2, mandatesFrom: [{ principalId: OWNER, from: '2026-01-01', until: '2026-12-31', scope: ['dossiers:submit'] }] }, row(), null],
    ["a business's dossier", official('H29.25747.01', null, ['receptionist']), row({ ownerId: '0101248141', ownerKind: 'business' }), null],
    ['a draft without a code', official('H29.25747.01', null, ['receptionist']), row({ code: null }), null],
  ];
  for (const [label, actor, dossier, expected] of cases) {
    it(`${expected ? 'records' : 'does not record'} ${label}`, () => {
      const reads = backOfficeReads(actor, dossier, 'dossier', 'Đăng ký thường trú', AT, TODAY);
      if (!expected) return assert.deepEqual(reads, []);
      assert.equal(reads.length, 1);
      const [read] = reads;
      assert.deepEqual({ accessorName: read?.accessorName, accessorKind: read?.accessorKind, agencyCode: read?.agencyCode }, expected);
      assert.deepEqual({ subject: read?.subjectPersonalId, channel: read?.channel, purpose: read?.purpose, reference: read?.reference, at: read?.occurredAt, hiddenUntil: read?.hiddenUntil }, { subject: OWNER, channel: 'back_office', purpose: `Xử lý hồ sơ ${dossier.code}`, reference: dossier.code, at: AT, hiddenUntil: null });
      assert.ok(!read?.data.includes(OWNER), 'no personal ID in what was read');
    });
  }

  it('names the register as its own purpose, and shortens a very long procedure name', () => {
    const [read] = backOfficeReads(official('H29.25747.01', null, ['leader']), row(), 'register', 'T'.repeat(400), AT, TODAY);
    assert.equal(read?.purpose, 'Lập sổ theo dõi hồ sơ tiếp nhận (Mẫu 06)');
    assert.ok((read?.data.length ?? 0) < 400);
  });

  const FATHER = '079090001122';
  const MOTHER = '079194003344';
  const birthForm = { declarant: { personalId: OWNER, relationship: 'father' }, father: { personalId: FATHER }, mother: { personalId: MOTHER, phone: '090123456789' }, witnesses: [{ personalId: MOTHER }] };

  it('finds the other persons a form names by personal ID', () => {
    const cases: [string, unknown, string[]][] = [
      ['parents, the owner left out, a repeat once', birthForm, [FATHER, MOTHER].sort()],
      ['no form data', undefined, []],
      ['twelve digits that are no personal ID (birth place 999)', { other: '999190000123' }, []],
      ['a number, not a string', { father: { personalId: 79090001122 } }, []],
      ['deeper than any form', { a: { b: { c: { d: { e: { f: { g: { h: { i: FATHER } } } } } } } } }, []],
    ];
    for (const [label, formData, expected] of cases) assert.deepEqual(personsNamedIn(formData, OWNER), expected, label);
  });

  it("records a read of each person the opened dossier's form names, not for its files or forms", () => {
    const receptionist = official('H29.25747.01', null, ['receptionist']);
    const opened = backOfficeReads(receptionist, row({ formData: birthForm }), 'dossier', 'Đăng ký khai sinh', AT, TODAY);
    assert.deepEqual(opened.map((r) => r.subjectPersonalId), [OWNER, FATHER, MOTHER]);
    for (const read of opened.slice(1)) {
      assert.equal(read.purpose, 'Xử lý hồ sơ H29.25747.01-261204-0001');
      assert.ok(!read.data.includes(OWNER), 'the entry does not name the applicant');
    }
    assert.deepEqual(backOfficeReads(receptionist, row({ formData: birthForm }), 'form', 'Đăng ký khai sinh', AT, TODAY).map((r) => r.subjectPersonalId), [OWNER]);
    // A business's dossier is not a person's data, the persons its form names are.
    const business = row({ ownerId: '0101248141', ownerKind: 'business', formData: { householdHead: { personalId: FATHER } } });
    assert.deepEqual(backOfficeReads(receptionist, business, 'dossier', 'Đăng ký hộ kinh doanh', AT, TODAY).map((r) => r.subjectPersonalId), [FATHER]);
  });
});
