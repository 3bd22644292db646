import { sql } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { Accounts } from './accounts.ts';
import { oidcModel } from './identity.schema.ts';
import { CODE_TTL_MINUTES, wrongCode, type OneTimeCodes } from './one-time-codes.ts';

/**
 * "Forgot password": a code goes to the account's verified e-mail (or else verified phone); with it
 * the person sets a new password, the account unlocks and every session and refresh token it had
 * ends. The answers never tell whether an ID has an account or a verified contact. A second factor,
 * when the account has one, is still asked at the next login.
 */
export function createRecovery(deps: { db: Executor; accounts: Accounts; codes: OneTimeCodes }) {
  const { db } = deps;
  return {
    async requestCode(personalId: string, ip: string | null): Promise<void> {
      const found = await deps.accounts.findByPersonalId(personalId);
      if (!found || found.disabledAt) return;
      const channel = found.email && found.emailVerifiedAt ? 'email' : found.phone && found.phoneVerifiedAt ? 'sms' : undefined;
      const destination = channel === 'email' ? found.email : found.phone;
      if (!channel || !destination) return;
      try {
        await deps.codes.issue(found.id, 'reset_password', channel, destination, (code) => ({
          subject: 'Đặt lại mật khẩu Congso',
          body: `Mã đặt lại mật khẩu của bạn là ${code}, hiệu lực ${CODE_TTL_MINUTES} phút. Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.`,
        }));
        await deps.accounts.record(found.id, found.personalId, 'account_event', 'password_reset_requested', ip);
      } catch (error) {
        // A repeated request within the resend window is answered like any other.
        if (!(error instanceof DomainError && error.code === 'identity.code_resend_too_soon')) throw error;
      }
    },

    async reset(personalId: string, code: string, newPassword: string, ip: string | null): Promise<void> {
      const found = await deps.accounts.findByPersonalId(personalId);
      if (!found || found.disabledAt) throw wrongCode();
      // A weak new password is refused before the code is spent, so the person can try another.
      deps.accounts.checkNewPassword(found, newPassword);
      await deps.codes.consume(found.id, 'reset_password', code);
      await deps.accounts.setPassword(found.id, newPassword, ip);
      // Whoever held the old password is signed out everywhere (access tokens expire within minutes).
      await db.delete(oidcModel).where(sql`${oidcModel.payload}->>'accountId' = ${found.id}`);
    },
  };
}

export type Recovery = ReturnType<typeof createRecovery>;
