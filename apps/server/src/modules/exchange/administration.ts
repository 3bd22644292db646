import type { ExchangeAccessRight, ExchangeCatalogue } from '@congso/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { isUniqueViolation, type Db, type Executor } from '../../kernel/db/database.ts';
import { conflict, DomainError, notFound } from '../../kernel/errors.ts';
import type { Caller } from '../../kernel/http/access.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { upsertMember, type Catalogue } from './catalogue.ts';
import { accessRight, adminAudit, service, subsystem } from './exchange.schema.ts';
import { memberIdOf, parseServiceId, parseSubsystemId, subsystemIdOf } from './identifiers.ts';
import { publicKeyOf } from './jws.ts';

/**
 * Whether the caller administers the agency (identity's `decide` with `exchange:manage`): 'hidden'
 * answers 404 like a missing object, 'forbidden' 403.
 */
export type ExchangeAuthorizer = (caller: Caller, agencyCode: string) => Promise<'allowed' | 'forbidden' | 'hidden'>;

const serviceNotFound = () => notFound('exchange.service_not_found', { vi: 'Không có dịch vụ này.', en: 'No such service.' });
const subsystemNotFound = () => notFound('exchange.subsystem_not_found', { vi: 'Không có hệ thống thông tin này.', en: 'No such subsystem.' });

export type SubsystemInput = {
  memberName: string;
  name: string;
  clientId: string;
  signingKey: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid?: string | undefined } | null;
  quotaPerMinute: number;
  quotaPerDay: number;
};

/**
 * The catalogue (public) and its administration: access rights granted by the provider member's
 * administrator, client subsystems registered by the client member's administrator. Every change
 * writes an audit row in its transaction (X-Road SPEC-AL: who, what, when).
 */
export function createAdministration(deps: { db: Db; catalogue: Catalogue; authorize: ExchangeAuthorizer; clientAgency: (clientId: string) => Promise<string | undefined>; instance: string; now: () => Date }) {
  const { db, catalogue } = deps;

  async function requireAdmin(caller: Caller, agencyCode: string, missing: () => DomainError): Promise<void> {
    const decision = await deps.authorize(caller, agencyCode);
    if (decision === 'hidden') throw missing();
    if (decision === 'forbidden') throw new DomainError('forbidden', 'auth.forbidden', { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You are not allowed to do this.' });
  }

  const audit = (tx: Executor, caller: Caller, event: string, target: string, data: Record<string, unknown>) =>
    tx.insert(adminAudit).values({ id: uuidv7(), at: deps.now(), actor: `${caller.kind}:${caller.subject}`, event, target, data });

  const view = (row: typeof accessRight.$inferSelect): ExchangeAccessRight => ({
    clientSubsystemId: row.clientSubsystemId,
    serviceId: row.serviceId,
    mayDeferDisclosure: row.mayDeferDisclosure,
    grantedBy: row.grantedBy,
    grantedAt: row.grantedAt.toISOString(),
  });

  /** The service and the agency that provides it, or 404. */
  async function providerOf(serviceId: string) {
    const ref = parseServiceId(serviceId);
    const snapshot = await catalogue.reload();
    const found = ref ? snapshot.services.get(serviceId) : undefined;
    if (!ref || !found) throw serviceNotFound();
    return { service: found, agencyCode: ref.memberCode };
  }

  return {
    async catalogue(): Promise<ExchangeCatalogue> {
      const snapshot = await catalogue.current();
      const members = [...snapshot.members.values()].sort((a, b) => a.id.localeCompare(b.id));
      return {
        instance: deps.instance,
        members: members
          .map((m) => ({
            id: m.id,
            memberClass: m.memberClass,
            memberCode: m.memberCode,
            name: m.name,
            subsystems: [...snapshot.subsystems.values()]
              .filter((s) => s.memberId === m.id)
              .sort((a, b) => a.id.localeCompare(b.id))
              .map((s) => ({
                id: s.id,
                code: s.code,
                name: s.name,
                services: [...snapshot.services.values()]
                  .filter((x) => x.subsystemId === s.id)
                  .sort((a, b) => a.id.localeCompare(b.id))
                  .map((x) => ({ id: x.id, code: x.code, kind: x.kind, topic: x.topic, title: { vi: x.titleVi, en: x.titleEn }, personalData: x.personalData, enabled: x.enabled })),
              }))
              .filter((s) => s.services.length > 0),
          }))
          .filter((m) => m.subsystems.length > 0),
      };
    },

    async openapi(serviceId: string): Promise<Record<string, unknown>> {
      const found = (await catalogue.current()).services.get(serviceId);
      if (!found?.openapi) throw serviceNotFound();
      return found.openapi;
    },

    async rightsOnMember(caller: Caller, memberCode: string): Promise<ExchangeAccessRight[]> {
      await requireAdmin(caller, memberCode, () => notFound('exchange.member_not_found', { vi: 'Không có thành viên này.', en: 'No such member.' }));
      return (await catalogue.rightsOnMember(memberIdOf({ instance: deps.instance, memberClass: 'GOV', memberCode }))).map(view);
    },

    async grant(caller: Caller, input: { clientSubsystemId: string; serviceId: string; mayDeferDisclosure: boolean }): Promise<ExchangeAccessRight> {
      const { service: target, agencyCode } = await providerOf(input.serviceId);
      await requireAdmin(caller, agencyCode, serviceNotFound);
      const snapshot = await catalogue.current();
      if (!parseSubsystemId(input.clientSubsystemId) || !snapshot.subsystems.has(input.clientSubsystemId)) throw subsystemNotFound();
      if (target.kind === 'rest' && !target.enabled) throw conflict('exchange.service_disabled', { vi: 'Dịch vụ đang tạm dừng.', en: 'The service is disabled.' });
      const row = await db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(accessRight)
          .where(and(eq(accessRight.clientSubsystemId, input.clientSubsystemId), eq(accessRight.serviceId, input.serviceId), isNull(accessRight.revokedAt)))
          .for('update');
        // Granting again what is already granted changes nothing, and records nothing.
        if (existing && existing.mayDeferDisclosure === input.mayDeferDisclosure) return existing;
        const saved = existing
          ? (await tx.update(accessRight).set({ mayDeferDisclosure: input.mayDeferDisclosure }).where(eq(accessRight.id, existing.id)).returning())[0]
          : (await tx.insert(accessRight).values({ id: uuidv7(), clientSubsystemId: input.clientSubsystemId, serviceId: input.serviceId, mayDeferDisclosure: input.mayDeferDisclosure, grantedBy: caller.subject, grantedAt: deps.now() }).returning())[0];
        await audit(tx, caller, existing ? 'access_right.changed' : 'access_right.granted', input.serviceId, { client: input.clientSubsystemId, mayDeferDisclosure: input.mayDeferDisclosure });
        return saved;
      });
      await catalogue.reload();
      if (!row) throw new Error('access right not saved');
      return view(row);
    },

    async revoke(caller: Caller, input: { client: string; service: string }): Promise<void> {
      const { agencyCode } = await providerOf(input.service);
      await requireAdmin(caller, agencyCode, serviceNotFound);
      const revoked = await db.transaction(async (tx) => {
        const rows = await tx
          .update(accessRight)
          .set({ revokedAt: deps.now(), revokedBy: caller.subject })
          .where(and(eq(accessRight.clientSubsystemId, input.client), eq(accessRight.serviceId, input.service), isNull(accessRight.revokedAt)))
          .returning({ id: accessRight.id });
        if (rows.length > 0) await audit(tx, caller, 'access_right.revoked', input.service, { client: input.client });
        return rows.length;
      });
      await catalogue.reload();
      if (revoked === 0) throw notFound('exchange.access_right_not_found', { vi: 'Không có quyền truy cập này.', en: 'No such access right.' });
    },

    async saveSubsystem(caller: Caller, memberCode: string, code: string, input: SubsystemInput) {
      await requireAdmin(caller, memberCode, () => notFound('exchange.member_not_found', { vi: 'Không có thành viên này.', en: 'No such member.' }));
      const ref = { instance: deps.instance, memberClass: 'GOV', memberCode, subsystem: code };
      const id = subsystemIdOf(ref);
      if (input.signingKey && !publicKeyOf(input.signingKey)) {
        throw new DomainError('invalid', 'exchange.invalid_signing_key', { vi: 'Khoá công khai không phải khoá P-256 hợp lệ.', en: 'The public key is not a valid P-256 key.' });
      }
      // The OAuth client must be one of this member's own agency systems: binding another agency's
      // would lock that agency out of its own subsystem (one subsystem per client).
      if (input.clientId && (await deps.clientAgency(input.clientId)) !== memberCode) {
        throw new DomainError('invalid', 'exchange.client_not_of_member', { vi: 'Tài khoản kết nối (OAuth) không thuộc cơ quan này hoặc không tồn tại.', en: "The OAuth client is not one of this agency's systems, or does not exist." });
      }
      const signingKey = input.signingKey ? { kty: 'EC', crv: 'P-256', x: input.signingKey.x, y: input.signingKey.y, ...(input.signingKey.kid ? { kid: input.signingKey.kid } : {}) } : null;
      const now = deps.now();
      try {
        await db.transaction(async (tx) => {
          await upsertMember(tx, { id: memberIdOf(ref), instance: ref.instance, memberClass: ref.memberClass, memberCode, name: input.memberName });
          const values = { name: input.name, clientId: input.clientId, signingKey, quotaPerMinute: input.quotaPerMinute, quotaPerDay: input.quotaPerDay, updatedAt: now };
          // The platform's own subsystems (the portal, the one-stop shop) call in process under the
          // rights granted to them: binding an outside client or a key to one would hand those rights
          // to that client, or lock the platform out. They are declared in code, not administered.
          const saved = await tx
            .insert(subsystem)
            .values({ id, memberId: memberIdOf(ref), code, ...values })
            .onConflictDoUpdate({ target: subsystem.id, set: values, setWhere: eq(subsystem.local, false) })
            .returning({ id: subsystem.id });
          if (saved.length === 0) throw conflict('exchange.local_subsystem', { vi: 'Đây là hệ thống thông tin của chính nền tảng: không gắn được tài khoản kết nối, khoá hay hạn mức.', en: "This is one of the platform's own subsystems: it takes no OAuth client, key or quota." });
          await audit(tx, caller, 'subsystem.saved', id, { clientId: input.clientId, signingKey, quotaPerMinute: input.quotaPerMinute, quotaPerDay: input.quotaPerDay });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('exchange.client_taken', { vi: 'Tài khoản kết nối này đã gắn với hệ thống khác.', en: 'This OAuth client is already bound to another subsystem.' });
        throw error;
      }
      await catalogue.reload();
      return { id, name: input.name, clientId: input.clientId, signingKey: signingKey as SubsystemInput['signingKey'], quotaPerMinute: input.quotaPerMinute, quotaPerDay: input.quotaPerDay };
    },

    /** Subscribers of an event topic: client subsystems with an active right to an event service of that topic. */
    async subscribersOf(topic: string): Promise<{ subsystemId: string; serviceId: string; subsystemName: string }[]> {
      const rows = await db
        .select({ subsystemId: accessRight.clientSubsystemId, serviceId: accessRight.serviceId, subsystemName: subsystem.name })
        .from(accessRight)
        .innerJoin(service, eq(service.id, accessRight.serviceId))
        .innerJoin(subsystem, eq(subsystem.id, accessRight.clientSubsystemId))
        .where(and(eq(service.kind, 'event'), eq(service.topic, topic), eq(service.enabled, true), isNull(accessRight.revokedAt)))
        .orderBy(accessRight.clientSubsystemId);
      return rows;
    },
  };
}
export type Administration = ReturnType<typeof createAdministration>;
