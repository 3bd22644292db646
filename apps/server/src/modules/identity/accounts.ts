import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
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

export type NewCitizen = { personalId: string; fullName: string; birthDate: string; sex: Sex; password: string; email?: string; phone?: string };

export function createAccounts(deps: { db: Executor; breached: BreachedPasswordList; now: () => Date }) {
  const { db } = deps;
  return {
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
      if (problems.length > 0) {
        throw invalid('identity.weak_password', {
          vi: 'Mật khẩu chưa đạt yêu cầu: tối thiểu 15 ký tự, không phải mật khẩu phổ biến, không chứa thông tin cá nhân.',
          en: 'The password does not meet the rules: at least 15 characters, not a common password, no personal data.',
        }, { problems });
      }
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

    async findById(id: string): Promise<AccountRow | undefined> {
      const rows = await db.select().from(account).where(eq(account.id, id)).limit(1);
      return rows[0];
    },

    /**
     * Checks a password. The answer is the same for an unknown account and a wrong password, and the
     * hash is computed in both cases, so neither the message nor the timing tells which it was.
     */
    async authenticate(personalId: string, password: string, ip: string | null): Promise<AccountRow> {
      const now = deps.now();
      const rows = await db.select().from(account).where(eq(account.personalId, personalId)).limit(1);
      const found = rows[0];
      const record = (outcome: 'success' | 'bad_credentials' | 'locked' | 'unknown_account') =>
        db.insert(loginEvent).values({ id: uuidv7(), accountId: found?.id ?? null, personalIdMasked: maskPersonalId(personalId), outcome, ip });
      if (found?.lockedUntil && found.lockedUntil > now) {
        await record('locked');
        throw new DomainError('rate_limited', 'identity.account_locked', {
          vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
          en: 'The account is temporarily locked after repeated failed logins. Try again later.',
        }, { retryAfter: found.lockedUntil.toISOString() });
      }
      const matches = await verify(found?.passwordHash ?? DUMMY_HASH, normalizePassword(password)).catch(() => false);
      if (!found || !matches) {
        await record(found ? 'bad_credentials' : 'unknown_account');
        if (found) {
          const failed = found.failedLogins + 1;
          const minutes = lockoutMinutes(failed);
          await db
            .update(account)
            .set({ failedLogins: failed, lockedUntil: minutes > 0 ? new Date(now.getTime() + minutes * 60_000) : null })
            .where(eq(account.id, found.id));
        }
        throw badCredentials();
      }
      await db.update(account).set({ failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` }).where(eq(account.id, found.id));
      await record('success');
      return found;
    },
  };
}

// A real argon2id hash of a random string, verified against when the account does not exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$+wcxyJU69LOU0JI7tMBIXg$UjrP0gKXnA4a0PNVmPK+Ab2ampYpONkYY1tDWvH+RuE';

export type Accounts = ReturnType<typeof createAccounts>;
