import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decide, reachOf, type Actor, type Decision, type Resource } from './access-policy.ts';
import { PERMISSIONS, ROLES, type Permission, type Role } from './roles.ts';

const TODAY = '2026-11-23';
const citizenA: Actor = { kind: 'citizen', personalId: '079203001234', assurance: 2, mandatesFrom: [{ principalId: '0101248141', from: '2026-01-01', until: '2026-12-31', scope: ['dossiers:submit', 'dossiers:track'] }] };
const citizenB: Actor = { kind: 'citizen', personalId: '001185012345', assurance: 2, mandatesFrom: [{ principalId: '079203001234', from: '2025-01-01', until: '2026-01-01', scope: ['dossiers:submit'] }] };
const receptionistA: Actor = { kind: 'official', officialId: 'o1', personalId: '001190000001', mandatesFrom: [], agencyCode: 'H29.25747.01', unitCode: null, roles: ['receptionist'] };
const handlerUnit1: Actor = { kind: 'official', officialId: 'o2', personalId: '001190000002', mandatesFrom: [], agencyCode: 'H29.15', unitCode: 'H29.15.1', roles: ['handler'] };
const admin: Actor = { kind: 'official', officialId: 'o3', personalId: '001190000003', mandatesFrom: [], agencyCode: 'H29', unitCode: null, roles: ['system_admin'] };
const client: Actor = { kind: 'client', clientId: 'c1', agencyCode: 'H29.15', permissions: ['dossiers:read'] };

const dossierOfA: Resource = { ownerId: '079203001234', agencyCode: 'H29.25747.01', unitCode: null };
const dossierOfBusiness: Resource = { ownerId: '0101248141', agencyCode: 'H29.15', unitCode: 'H29.15.1' };
const dossierInUnit2: Resource = { ownerId: '001185012345', agencyCode: 'H29.15', unitCode: 'H29.15.2' };

describe('decide', () => {
  const cases: [string, Actor, Permission | 'self', Resource, Decision][] = [
    ['a citizen reaches her own dossier', citizenA, 'self', dossierOfA, 'allowed'],
    ['another citizen does not, and does not learn it exists', citizenB, 'self', dossierOfA, 'hidden'],
    ['a citizen acts for a business under a valid mandate', citizenA, 'self', dossierOfBusiness, 'allowed'],
    ['an expired mandate gives nothing', citizenB, 'self', dossierOfA, 'hidden'],
    ['a citizen holds no official permission', citizenA, 'dossiers:receive', dossierOfA, 'forbidden'],
    ['anonymous is refused', { kind: 'anonymous' }, 'self', dossierOfA, 'forbidden'],
    ['a receptionist receives in her agency', receptionistA, 'dossiers:receive', dossierOfA, 'allowed'],
    ['a receptionist of agency A does not see agency B', receptionistA, 'dossiers:receive', dossierOfBusiness, 'hidden'],
    ['a receptionist may not approve', receptionistA, 'dossiers:approve', dossierOfA, 'forbidden'],
    ['a handler works in his unit', handlerUnit1, 'dossiers:process', dossierOfBusiness, 'allowed'],
    ['a handler does not see another unit', handlerUnit1, 'dossiers:process', dossierInUnit2, 'hidden'],
    ['a system administrator manages agencies anywhere', admin, 'agencies:manage', dossierOfBusiness, 'allowed'],
    ['a system administrator does not process dossiers', admin, 'dossiers:process', dossierOfBusiness, 'forbidden'],
    ['an agency system reads its agency with its scope', client, 'dossiers:read', dossierOfBusiness, 'allowed'],
    ['an agency system does not read another agency', client, 'dossiers:read', dossierOfA, 'hidden'],
    ['an agency system has no other permission', client, 'dossiers:approve', dossierOfBusiness, 'forbidden'],
    ['an official handles her own affairs as a citizen', receptionistA, 'self', { ownerId: '001190000001' }, 'allowed'],
    ['an official does not reach another citizen as a citizen', receptionistA, 'self', dossierOfA, 'hidden'],
  ];
  for (const [name, actor, permission, resource, expected] of cases) {
    it(name, () => assert.equal(decide(actor, permission, resource, TODAY), expected));
  }

  const mandateCases: [string, string, Parameters<typeof decide>[4], Decision][] = [
    ['a mandate covers the actions in its scope', TODAY, 'dossiers:submit', 'allowed'],
    ['but not actions outside it', TODAY, 'payments:pay', 'hidden'],
    ['nor granting mandates, which only the principal may', TODAY, 'representatives:manage', 'hidden'],
    ['seeing the object needs any scope', TODAY, undefined, 'allowed'],
    ['a mandate not yet in force gives nothing', '2025-12-31', 'dossiers:submit', 'hidden'],
    ['the last day of validity still counts', '2026-12-31', 'dossiers:track', 'allowed'],
    ['the day after, nothing', '2027-01-01', 'dossiers:track', 'hidden'],
  ];
  for (const [name, today, action, expected] of mandateCases) {
    it(name, () => assert.equal(decide(citizenA, 'self', dossierOfBusiness, today, action), expected));
  }

  it('never lets an official reach another agency below platform scope (property)', () => {
    const roles = Object.keys(ROLES) as Role[];
    fc.assert(
      fc.property(fc.subarray(roles, { minLength: 1 }), fc.constantFrom(...PERMISSIONS), fc.constantFrom('H29', 'H30', 'G01.1'), (held, permission, otherAgency) => {
        const official: Actor = { kind: 'official', officialId: 'x', personalId: '001190000009', mandatesFrom: [], agencyCode: 'H29.15', unitCode: 'H29.15.1', roles: held };
        const decision = decide(official, permission, { agencyCode: otherAgency, unitCode: null }, TODAY);
        const platformWide = held.some((role) => ROLES[role].scope === 'platform' && (ROLES[role].permissions as readonly string[]).includes(permission));
        if (!platformWide) assert.notEqual(decision, 'allowed');
      }),
    );
  });

  it('lists what decide allows: reach agrees with decide for every role, permission and object (property)', () => {
    const roles = Object.keys(ROLES) as Role[];
    fc.assert(
      fc.property(fc.subarray(roles, { minLength: 1 }), fc.constantFrom(...PERMISSIONS), fc.constantFrom('H29', 'H29.15', 'H30'), fc.constantFrom(null, 'H29.15.1', 'H29.15.2'), (held, permission, agencyCode, unitCode) => {
        const official: Actor = { kind: 'official', officialId: 'x', personalId: '001190000009', mandatesFrom: [], agencyCode: 'H29.15', unitCode: 'H29.15.1', roles: held };
        const reach = reachOf(official, permission);
        const listed = reach.kind === 'platform' || (reach.kind === 'agency' && reach.agencyCode === agencyCode && (reach.unitCode === null || unitCode === null || reach.unitCode === unitCode));
        assert.equal(listed, decide(official, permission, { agencyCode, unitCode }, TODAY) === 'allowed');
      }),
    );
  });
});
