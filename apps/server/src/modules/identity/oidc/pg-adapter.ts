import { and, eq, isNull, or, gt, sql } from 'drizzle-orm';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Executor } from '../../../kernel/db/database.ts';
import { oidcModel } from '../identity.schema.ts';

// oidc-provider's storage port, on PostgreSQL: the platform keeps no state outside the database,
// so any instance can continue a login another instance started.

const notExpired = or(isNull(oidcModel.expiresAt), gt(oidcModel.expiresAt, sql`now()`));

export function createPgAdapterFactory(db: Executor) {
  return (kind: string): Adapter => {
    const findOne = async (condition: ReturnType<typeof eq>): Promise<AdapterPayload | undefined> => {
      const rows = await db
        .select({ payload: oidcModel.payload, consumedAt: oidcModel.consumedAt })
        .from(oidcModel)
        .where(and(eq(oidcModel.kind, kind), condition, notExpired))
        .limit(1);
      const row = rows[0];
      if (!row) return undefined;
      const payload = row.payload as AdapterPayload;
      // The provider checks `consumed` to refuse a replayed authorization code.
      return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
    };

    return {
      async upsert(id, payload, expiresIn) {
        const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
        const row = {
          kind,
          id,
          payload,
          grantId: payload.grantId ?? null,
          userCode: payload.userCode ?? null,
          uid: payload.uid ?? null,
          expiresAt,
        };
        await db
          .insert(oidcModel)
          .values(row)
          .onConflictDoUpdate({ target: [oidcModel.kind, oidcModel.id], set: { payload, grantId: row.grantId, userCode: row.userCode, uid: row.uid, expiresAt } });
      },
      find: (id) => findOne(eq(oidcModel.id, id)),
      findByUserCode: (userCode) => findOne(eq(oidcModel.userCode, userCode)),
      findByUid: (uid) => findOne(eq(oidcModel.uid, uid)),
      async consume(id) {
        await db.update(oidcModel).set({ consumedAt: sql`now()` }).where(and(eq(oidcModel.kind, kind), eq(oidcModel.id, id)));
      },
      async destroy(id) {
        await db.delete(oidcModel).where(and(eq(oidcModel.kind, kind), eq(oidcModel.id, id)));
      },
      async revokeByGrantId(grantId) {
        // Revoking a grant removes every token and code issued under it, whatever their model.
        await db.delete(oidcModel).where(eq(oidcModel.grantId, grantId));
      },
    };
  };
}
