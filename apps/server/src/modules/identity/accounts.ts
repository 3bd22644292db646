import { hash, verify } from '@node-rs/argon2';
import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { LOGIN_OUTCOMES } from './identity.schema.ts';
import { account, loginEvent } from './identity.schema.ts';
import { checkPassword, normalizePassword, type BreachedPasswordList } from './password-policy.ts';
import { checkPersonalId, type Sex } from './personal-id.ts';

export type AccountRow = typeof account.$inferSelect;

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Lockout after repeated failures: 5 free attempts, then 1, 2, 4 … minutes, capped at a day. */
export function lockoutMinutes(failedLogins: number): number {
  if (failedLogins < 5) return 0;
  return Math.min(2 ** (failedLogins - 5), 24 * 60);
}

export function maskPersonalId(personalId: string): string {
  return personalId.length === 12 ? `${personalId.slice(0, 3)}******${personalId.slice(9)}` : '***';
}

const badCredentials = () =>
  new DomainError('unauthenticated', 'identity.bad_credentials', {
    vi: 'Số định danh cá nhân hoặc mật khẩu không đúng.',
    en: 'Wrong personal identification number or password.',
  });

/**
 * Per-address throttling: after this many failed logins from one IP address within the window, that
 * address is refused for the rest of the window whatever account it tries (password spraying).
 */
export const IP_FAILURE_LIMIT = 20;
export const IP_WINDOW_MINUTES = 15;

export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

const weakPassword = (problems: unknown[]) =>
  invalid('identity.weak_password', {
    vi: 'Mật khẩu chưa đạt yêu cầu: tối thiểu 15 ký tự (8 nếu có xác thực hai yếu tố), không phải mật khẩu phổ biến, không chứa thông tin cá nhân.',
    en: 'The password does not meet the rules: at least 15 characters (8 with a second factor), not a common password, no personal data.',
  }, { problems });

/** A locked or disabled account may not log in, by any method. */
function assertUsable(found: AccountRow, now: Date): void {
  if (found.disabledAt) {
    throw new DomainError('forbidden', 'identity.account_disabled', { vi: 'Tài khoản đã bị vô hiệu hóa.', en: 'The account is disabled.' });
  }
  if (found.lockedUntil && found.lockedUntil > now) {
    throw new DomainError('rate_limited', 'identity.account_locked', {
      vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
      en: 'The account is temporarily locked after repeated failed logins. Try again later.',
    }, { retryAfter: found.lockedUntil.toISOString() });
  }
}

export type NewCitizen = { personalId: string; fullName: string; birthDate: string; sex: Sex; password: string; email?: string; phone?: string };

export function createAccounts(deps: { db: Executor; breached: BreachedPasswordList; now: () => Date }) {
  const { db } = deps;
  const record = (accountId: string | null, personalId: string, outcome: LoginOutcome, method: string, ip: string | null) =>
    db.insert(loginEvent).values({ id: uuidv7(), accountId, personalIdMasked: maskPersonalId(personalId), outcome, method, ip, at: deps.now() });

  async function ipThrottled(ip: string | null, now: Date): Promise<boolean> {
    if (!ip) return false;
    const since = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
    const rows = await db
      .select({ failures: count() })
      .from(loginEvent)
      .where(and(eq(loginEvent.ip, ip), gt(loginEvent.at, since), inArray(loginEvent.outcome, ['bad_credentials', 'unknown_account', 'second_factor_failed'])));
    return (rows[0]?.failures ?? 0) >= IP_FAILURE_LIMIT;
  }

  /** Counts a failure against the account: after five, it locks for a growing period. */
  async function countFailure(found: AccountRow, now: Date): Promise<void> {
    const failed = found.failedLogins + 1;
    const minutes = lockoutMinutes(failed);
    await db.update(account).set({ failedLogins: failed, lockedUntil: minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null }).where(eq(account.id, found.id));
  }

  /** A completed login: clears the failure count and records it. */
  async function succeeded(found: AccountRow, method: string, ip: string | null): Promise<void> {
    await db.update(account).set({ failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` }).where(eq(account.id, found.id));
    await record(found.id, found.personalId, 'success', method, ip);
  }

  /** Throws when the password breaks the rules for this account (NIST SP 800-63B). */
  function checkNewPassword(found: AccountRow, password: string): void {
    const problems = checkPassword(password, { secondFactor: found.totpEnabledAt !== null, breached: deps.breached, context: { personalId: found.personalId, fullName: found.fullName, ...(found.email ? { email: found.email } : {}) } });
    if (problems.length > 0) throw weakPassword(problems);
  }

  async function findById(id: string): Promise<AccountRow | undefined> {
    const rows = await db.select().from(account).where(eq(account.id, id)).limit(1);
    return rows[0];
  }

  // Every API call reads its caller's account: a prepared query of the columns a caller needs, built once.
  const callerQuery = db
    .select({ id: account.id, personalId: account.personalId, assuranceLevel: account.assuranceLevel, agencyCode: account.agencyCode, unitCode: account.unitCode, roles: account.roles, disabledAt: account.disabledAt })
    .from(account)
    .where(eq(account.id, sql.placeholder('id')))
    .limit(1)
    .prepare('identity_caller_account');

  /** The account behind a bearer token, as the guard needs it (current post, level, whether disabled). */
  async function findCaller(id: string): Promise<Pick<AccountRow, 'id' | 'personalId' | 'assuranceLevel' | 'agencyCode' | 'unitCode' | 'roles' | 'disabledAt'> | undefined> {
    const rows = await callerQuery.execute({ id });
    return rows[0];
  }

  const toEventView = (event: typeof loginEvent.$inferSelect) => ({ at: event.at.toISOString(), outcome: event.outcome, method: event.method, ip: event.ip, personalIdMasked: event.personalIdMasked });

  return {
    record,
    countFailure,

    /** A person's recent logins and account-security events, newest first. */
    async eventsOf(accountId: string) {
      const rows = await db.select().from(loginEvent).where(eq(loginEvent.accountId, accountId)).orderBy(desc(loginEvent.at)).limit(100);
      return rows.map(toEventView);
    },

    /** Logins of an agency's officials, newest first (for its auditors). */
    async eventsOfAgency(agencyCode: string) {
      const rows = await db.select({ event: loginEvent }).from(loginEvent).innerJoin(account, eq(account.id, loginEvent.accountId)).where(eq(account.agencyCode, agencyCode)).orderBy(desc(loginEvent.at)).limit(200);
      return rows.map(({ event }) => toEventView(event));
    },
    /** Self-registration of a citizen (assurance level 1 until verified against the registry). */
    async registerCitizen(input: NewCitizen): Promise<AccountRow> {
      const birthYear = Number(input.birthDate.slice(0, 4));
      const idCheck = checkPersonalId(input.personalId, { birthYear, sex: input.sex });
      if (!idCheck.valid) {
        throw invalid('identity.invalid_personal_id', {
          vi: 'Số định danh cá nhân không hợp lệ hoặc không khớp ngày sinh, giới tính.',
          en: 'The personal identification number is invalid or does not match the birth date and sex.',
        }, { problems: idCheck.problems });
      }
      const problems = checkPassword(input.password, { secondFactor: false, breached: deps.breached, context: { personalId: input.personalId, fullName: input.fullName, ...(input.email ? { email: input.email } : {}) } });
      if (problems.length > 0) throw weakPassword(problems);
      const row = {
        id: uuidv7(),
        kind: 'citizen' as const,
        personalId: input.personalId,
        fullName: input.fullName.normalize('NFC').trim(),
        birthDate: input.birthDate,
        sex: input.sex,
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash: await hash(normalizePassword(input.password), ARGON2),
      };
      const inserted = await db.insert(account).values(row).onConflictDoNothing().returning();
      if (!inserted[0]) {
        throw new DomainError('conflict', 'identity.account_exists', { vi: 'Số định danh này đã có tài khoản.', en: 'An account already exists for this personal identification number.' });
      }
      return inserted[0];
    },

    async findByPersonalId(personalId: string): Promise<AccountRow | undefined> {
      const rows = await db.select().from(account).where(eq(account.personalId, personalId)).limit(1);
      return rows[0];
    },

    findById,
    findCaller,

    /**
     * Checks a password. The answer is the same for an unknown account and a wrong password, and the
     * hash is computed in both cases, so neither the message nor the timing tells which it was.
     */
    async authenticate(personalId: string, password: string, ip: string | null): Promise<AccountRow> {
      const now = deps.now();
      const rows = await db.select().from(account).where(eq(account.personalId, personalId)).limit(1);
      const found = rows[0];
      if (await ipThrottled(ip, now)) {
        await record(found?.id ?? null, personalId, 'throttled', 'pwd', ip);
        throw new DomainError('rate_limited', 'identity.ip_throttled', {
          vi: 'Quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau 15 phút.',
          en: 'Too many failed logins from this address. Try again in 15 minutes.',
        });
      }
      if (found) {
        try {
          assertUsable(found, now);
        } catch (error) {
          await record(found.id, personalId, 'locked', 'pwd', ip);
          throw error;
        }
      }
      const matches = await verify(found?.passwordHash ?? DUMMY_HASH, normalizePassword(password)).catch(() => false);
      if (!found || !matches) {
        await record(found?.id ?? null, personalId, found ? 'bad_credentials' : 'unknown_account', 'pwd', ip);
        if (found) await countFailure(found, now);
        throw badCredentials();
      }
      // With a second factor, the password alone is not a login yet: success is recorded after it.
      if (!found.totpEnabledAt) await succeeded(found, 'pwd', ip);
      return found;
    },

    succeeded,

    assertUsable,

    checkNewPassword,

    /** Sets a new password (administrator reset or the person's own change); unlocks the account. */
    async setPassword(accountId: string, password: string, actorIp: string | null = null): Promise<void> {
      const found = await findById(accountId);
      if (!found) throw new DomainError('not_found', 'identity.account_not_found', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
      checkNewPassword(found, password);
      await db.update(account).set({ passwordHash: await hash(normalizePassword(password), ARGON2), failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` }).where(eq(account.id, accountId));
      await record(accountId, found.personalId, 'account_event', 'password_reset', actorIp);
    },
  };
}

// A real argon2id hash of a random string, verified against when the account does not exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$+wcxyJU69LOU0JI7tMBIXg$UjrP0gKXnA4a0PNVmPK+Ab2ampYpONkYY1tDWvH+RuE';

export type Accounts = ReturnType<typeof createAccounts>;
