import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../kernel/errors.ts';
import type { Actor, MandateHeld } from './access-policy.ts';
import type { ApiCaller, PersonCaller } from './bearer.ts';
import type { Person } from './businesses.ts';

/** The person behind a request; agency systems (client credentials) have no "me". */
export function personOf(request: FastifyRequest): PersonCaller & Person {
  const caller = request.actor as ApiCaller | undefined;
  if (!caller || caller.kind === 'client') {
    throw new DomainError('forbidden', 'auth.person_required', { vi: 'Thao tác này dành cho người dùng đã đăng nhập.', en: 'This action is for a signed-in person.' });
  }
  return caller;
}

/** The caller as the access policy sees it (mandates loaded by the caller when they matter). */
export function actorOf(caller: ApiCaller, mandatesFrom: readonly MandateHeld[] = []): Actor {
  switch (caller.kind) {
    case 'client':
      return { kind: 'client', clientId: caller.subject, agencyCode: caller.agencyCode, permissions: caller.permissions };
    case 'official':
      if (caller.post) {
        return { kind: 'official', officialId: caller.accountId, personalId: caller.personalId, agencyCode: caller.post.agencyCode, unitCode: caller.post.unitCode, roles: caller.post.roles, mandatesFrom };
      }
      return { kind: 'citizen', personalId: caller.personalId, assurance: caller.assuranceLevel === 2 ? 2 : 1, mandatesFrom };
    case 'citizen':
      return { kind: 'citizen', personalId: caller.personalId, assurance: caller.assuranceLevel === 2 ? 2 : 1, mandatesFrom };
  }
}
