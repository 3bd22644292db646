import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { attachment, storeItem } from './dossiers.schema.ts';

export type StoreItemRow = typeof storeItem.$inferSelect;

/** Queries of the owners' e-data store (data-store.ts decides). */
export function createDataStoreRepository(db: Executor) {
  return {
    /** Adds items; an item already stored for the same attachment is left as it is (redelivered events). */
    async insertItems(tx: Executor, rows: (typeof storeItem.$inferInsert)[]): Promise<number> {
      if (rows.length === 0) return 0;
      const inserted = await tx.insert(storeItem).values(rows).onConflictDoNothing({ target: storeItem.attachmentId }).returning({ id: storeItem.id });
      return inserted.length;
    },

    async listOwned(ownerIds: readonly string[], limit: number): Promise<StoreItemRow[]> {
      if (ownerIds.length === 0) return [];
      return db.select().from(storeItem).where(inArray(storeItem.ownerId, [...ownerIds])).orderBy(desc(storeItem.issuedAt), desc(storeItem.id)).limit(limit);
    },

    async findOwned(ownerId: string, id: string): Promise<StoreItemRow | undefined> {
      const rows = await db.select().from(storeItem).where(and(eq(storeItem.ownerId, ownerId), eq(storeItem.id, id))).limit(1);
      return rows[0];
    },

    /** The stored file's bytes (the result attachment of the dossier it came from). */
    async contentOf(item: Pick<StoreItemRow, 'dossierId' | 'attachmentId'>): Promise<Uint8Array | undefined> {
      const rows = await db.select({ content: attachment.content }).from(attachment).where(and(eq(attachment.dossierId, item.dossierId), eq(attachment.id, item.attachmentId))).limit(1);
      return rows[0]?.content;
    },
  };
}
export type DataStoreRepository = ReturnType<typeof createDataStoreRepository>;
