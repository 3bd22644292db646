import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../kernel/db/database.ts';
import { accessRight, member, service, subsystem } from './exchange.schema.ts';
import { memberIdOf, subsystemIdOf } from './identifiers.ts';
import type { LocalProvider, ProvidedEvent, ProvidedService } from './provider.ts';

// Members, subsystems, services and access rights: the database rows, and the in-memory snapshot the
// message pipeline reads (reloaded after each change here and every few seconds for other instances'
// changes, so a revoked right stops working within SNAPSHOT_TTL_MS everywhere).

const SNAPSHOT_TTL_MS = 5_000;

export type SubsystemRow = typeof subsystem.$inferSelect;
export type ServiceRow = typeof service.$inferSelect;
export type AccessRightRow = typeof accessRight.$inferSelect;
export type MemberRow = typeof member.$inferSelect;

export type Snapshot = {
  members: Map<string, MemberRow>;
  subsystems: Map<string, SubsystemRow>;
  services: Map<string, ServiceRow>;
  /** Active rights by `${client} ${service}`. */
  rights: Map<string, AccessRightRow>;
};

export const rightKey = (client: string, serviceId: string) => `${client} ${serviceId}`;

export function createCatalogue(deps: { db: Db; instance: string; now: () => Date }) {
  const { db } = deps;
  let snapshot: Snapshot | undefined;
  let loadedAt = 0;
  let loading: Promise<Snapshot> | undefined;
  /** Handlers of local services, by service id (they live in this process, not in the database). */
  const handlers = new Map<string, ProvidedService['handle']>();
  /** Declarations of local event services, by service id (which personal data their events carry). */
  const events = new Map<string, ProvidedEvent>();

  /** Loads started, and the newest whose result is installed: an older load never undoes a newer one. */
  let started = 0;
  let installed = 0;

  async function load(): Promise<Snapshot> {
    const generation = ++started;
    // One consistent view (one transaction, one snapshot), not four reads at different moments.
    const [members, subsystems, services, rights] = await db.transaction(
      (tx) =>
        Promise.all([
          tx.select().from(member),
          tx.select().from(subsystem),
          tx.select().from(service),
          tx.select().from(accessRight).where(isNull(accessRight.revokedAt)),
        ]),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    // A background reload that began before a revoke can finish after the revoke's own reload: its
    // older view would put the revoked right back until the next reload.
    if (generation < installed && snapshot) return snapshot;
    installed = generation;
    snapshot = {
      members: new Map(members.map((row) => [row.id, row])),
      subsystems: new Map(subsystems.map((row) => [row.id, row])),
      services: new Map(services.map((row) => [row.id, row])),
      rights: new Map(rights.map((row) => [rightKey(row.clientSubsystemId, row.serviceId), row])),
    };
    loadedAt = Date.now();
    return snapshot;
  }

  return {
    handlers,
    events,
    /** The snapshot, reloaded when older than the TTL (the reload does not block callers after the first). */
    async current(): Promise<Snapshot> {
      if (!snapshot) return (loading ??= load().finally(() => (loading = undefined)));
      if (Date.now() - loadedAt > SNAPSHOT_TTL_MS && !loading) {
        loading = load().finally(() => (loading = undefined));
        void loading.catch(() => undefined);
      }
      return snapshot;
    },
    reload: load,

    /** Members, subsystems and services declared by the local providers (warm-up). */
    async syncProviders(providers: readonly LocalProvider[]): Promise<void> {
      const now = deps.now();
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('exchange.sync_providers'))`);
        for (const provider of providers) {
          const memberRef = { instance: deps.instance, memberClass: provider.memberClass, memberCode: provider.memberCode };
          await upsertMember(tx, { id: memberIdOf(memberRef), ...memberRef, name: provider.memberName });
          const subsystemId = subsystemIdOf({ ...memberRef, subsystem: provider.subsystem });
          await tx
            .insert(subsystem)
            .values({ id: subsystemId, memberId: memberIdOf(memberRef), code: provider.subsystem, name: provider.subsystemName, local: true, updatedAt: now })
            // A subsystem an administrator had registered under this code becomes the platform's own:
            // whatever client, key or quotas it carried no longer apply (calls are in process).
            .onConflictDoUpdate({ target: subsystem.id, set: { name: provider.subsystemName, local: true, clientId: null, signingKey: null, quotaPerMinute: sql`default`, quotaPerDay: sql`default`, updatedAt: now } });
          const offered = [
            ...provider.services.map((s) => ({ id: `${subsystemId}/${s.code}`, subsystemId, code: s.code, kind: 'rest' as const, topic: null, titleVi: s.title.vi, titleEn: s.title.en, openapi: s.openapi, personalData: s.personalData, enabled: true, updatedAt: now })),
            ...provider.events.map((e) => ({ id: `${subsystemId}/${e.code}`, subsystemId, code: e.code, kind: 'event' as const, topic: e.topic, titleVi: e.title.vi, titleEn: e.title.en, openapi: null, personalData: e.dataSubjects !== undefined, enabled: true, updatedAt: now })),
          ];
          for (const row of offered) {
            const { id: _id, ...set } = row;
            await tx.insert(service).values(row).onConflictDoUpdate({ target: service.id, set });
          }
          // A service the provider no longer offers stays in the catalogue, disabled (rights keep their history).
          const ids = offered.map((row) => row.id);
          await tx
            .update(service)
            .set({ enabled: false, updatedAt: now })
            .where(ids.length > 0 ? and(eq(service.subsystemId, subsystemId), notInArray(service.id, ids)) : eq(service.subsystemId, subsystemId));
          for (const s of provider.services) handlers.set(`${subsystemId}/${s.code}`, s.handle.bind(s));
          for (const e of provider.events) events.set(`${subsystemId}/${e.code}`, e);
        }
      });
      await load();
    },

    async rightsOnMember(memberId: string): Promise<AccessRightRow[]> {
      const services = await db.select({ id: service.id }).from(service).innerJoin(subsystem, eq(subsystem.id, service.subsystemId)).where(eq(subsystem.memberId, memberId));
      if (services.length === 0) return [];
      return db.select().from(accessRight).where(and(inArray(accessRight.serviceId, services.map((s) => s.id)), isNull(accessRight.revokedAt))).orderBy(accessRight.serviceId, accessRight.clientSubsystemId);
    },
  };
}
export type Catalogue = ReturnType<typeof createCatalogue>;

export async function upsertMember(tx: Executor, row: { id: string; instance: string; memberClass: string; memberCode: string; name: string }): Promise<void> {
  await tx.insert(member).values(row).onConflictDoUpdate({ target: member.id, set: { name: row.name } });
}
