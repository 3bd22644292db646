import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import type { AccountRow, Accounts } from './accounts.ts';
import { account } from './identity.schema.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

const TOTP_ISSUER = 'Congso';

const wrongCode = () =>
  new DomainError('unauthenticated', 'identity.wrong_totp', { vi: 'Mã xác thực không đúng hoặc đã hết hạn.', en: 'The authentication code is wrong or expired.' });

/**
 * TOTP second factor: enrolment (secret shown once, enabled only after a correct code proves the
 * app holds it) and verification at login. A failed code counts toward the account's lockout like a
 * wrong password.
 */
export function createSecondFactor(deps: { db: Executor; accounts: Accounts; now: () => Date }) {
  const { db } = deps;

  /** Accepts a code once: the step is stored with a compare-and-set, so a replay loses the race. */
  async function consume(found: AccountRow, code: string): Promise<boolean> {
    if (!found.totpSecret) return false;
    const step = matchTotp(found.totpSecret, code.trim(), deps.now(), found.totpLastStep);
    if (step === undefined) return false;
    const updated = await db
      .update(account)
      .set({ totpLastStep: step })
      .where(and(eq(account.id, found.id), or(isNull(account.totpLastStep), lt(account.totpLastStep, step))))
      .returning({ id: account.id });
    return updated.length === 1;
  }

  return {
    async startTotp(accountId: string): Promise<{ secret: string; otpauthUri: string }> {
      const found = await deps.accounts.findById(accountId);
      if (!found) throw new DomainError('not_found', 'identity.account_not_found', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });
      if (found.totpEnabledAt) {
        throw new DomainError('conflict', 'identity.totp_already_enabled', { vi: 'Xác thực hai yếu tố đã được bật.', en: 'Two-factor authentication is already enabled.' });
      }
      const secret = newTotpSecret();
      await db.update(account).set({ totpSecret: secret, totpLastStep: null }).where(eq(account.id, accountId));
      return { secret, otpauthUri: otpauthUri(secret, TOTP_ISSUER, found.personalId) };
    },

    async confirmTotp(accountId: string, code: string, ip: string | null): Promise<void> {
      const found = await deps.accounts.findById(accountId);
      if (!found?.totpSecret || found.totpEnabledAt) {
        throw invalid('identity.totp_not_started', { vi: 'Chưa bắt đầu đăng ký xác thực hai yếu tố.', en: 'Two-factor enrolment has not been started.' });
      }
      if (!(await consume(found, code))) throw wrongCode();
      await db.update(account).set({ totpEnabledAt: deps.now() }).where(eq(account.id, accountId));
      await deps.accounts.record(accountId, found.personalId, 'account_event', 'totp_enrolled', ip);
    },

    async disableTotp(accountId: string, ip: string | null): Promise<void> {
      const found = await deps.accounts.findById(accountId);
      if (!found) return;
      await db.update(account).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(account.id, accountId));
      await deps.accounts.record(accountId, found.personalId, 'account_event', 'totp_disabled', ip);
    },

    /** The second step of a login. Throws on a wrong code, after counting it. */
    async verifyLogin(accountId: string, code: string, ip: string | null): Promise<AccountRow> {
      const found = await deps.accounts.findById(accountId);
      if (!found?.totpEnabledAt) throw wrongCode();
      deps.accounts.assertUsable(found, deps.now());
      if (!(await consume(found, code))) {
        await deps.accounts.record(found.id, found.personalId, 'second_factor_failed', 'otp', ip);
        await deps.accounts.countFailure(found, deps.now());
        throw wrongCode();
      }
      await deps.accounts.succeeded(found, 'otp', ip);
      return found;
    },
  };
}

export type SecondFactor = ReturnType<typeof createSecondFactor>;
