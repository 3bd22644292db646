import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

export type Sql = postgres.Sql;
export type Db = PostgresJsDatabase<Record<string, never>>;
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run queries: the database or an open transaction. */
export type Executor = Db | Transaction;

export type Database = {
  sql: Sql;
  db: Db;
  close(): Promise<void>;
};

// One pool per process, passed explicitly to whoever needs it: no global client.
export function connectDatabase(url: string, options: { max?: number; applicationName?: string } = {}): Database {
  const sql = postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => undefined,
    connection: { application_name: options.applicationName ?? 'congso' },
    // timestamptz come back as Date, bigint as string: never lose precision silently.
  });
  const db = drizzle({ client: sql });
  return {
    sql,
    db,
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}

/** The server's error (it carries a five-character SQLSTATE), thrown directly or wrapped by Drizzle as its `cause`. */
function serverErrorOf(error: unknown): { code: string; constraint_name?: unknown } | undefined {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  for (const candidate of [error, cause]) {
    if (candidate && typeof candidate === 'object' && 'code' in candidate && typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as { code: string };
  }
  return undefined;
}

/**
 * PostgreSQL's unique_violation (23505), from the driver's error or from Drizzle's wrapper around it;
 * with `constraint`, only a violation of that constraint (index) name.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const server = serverErrorOf(error);
  return server?.code === '23505' && (constraint === undefined || server.constraint_name === constraint);
}

/**
 * Whether a failed transaction certainly did not commit: PostgreSQL refused a statement (a data or
 * constraint error rolls the transaction back), or our own code threw before COMMIT was sent. When
 * the connection was lost or the server went away (SQLSTATE classes 08, 57, 53, 58, XX, or the
 * driver's CONNECTION_* and socket errors), the COMMIT may have gone through: writing the same rows
 * again could record them twice.
 */
export function certainlyRolledBack(error: unknown): boolean {
  const server = serverErrorOf(error);
  if (server) return !/^(08|57|53|58|XX)/.test(server.code);
  // Network and driver errors carry a code (CONNECTION_CLOSED, ECONNRESET …); ours carry none.
  const hasCode = (value: unknown) => Boolean(value && typeof value === 'object' && 'code' in value);
  return !hasCode(error) && !hasCode((error as { cause?: unknown } | undefined)?.cause);
}
