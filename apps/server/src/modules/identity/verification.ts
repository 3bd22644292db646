import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import type { Accounts } from './accounts.ts';
import { account } from './identity.schema.ts';
import { CODE_TTL_MINUTES, type OneTimeCodes } from './one-time-codes.ts';
import type { PopulationRegistry } from './ports.ts';

const accountNotFound = () => new DomainError('not_found', 'identity.account_not_found', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });

/**
 * Raising assurance: level 2 when name, birth date and ID match the population registry
 * (Decree 69/2024/NĐ-CP Art. 12 — there through VNeID, here through the registry port); e-mail and
 * phone proven by one-time codes sent through the notification port.
 */
export function createVerification(deps: { db: Executor; accounts: Accounts; registry: PopulationRegistry; codes: OneTimeCodes; now: () => Date }) {
  const { db } = deps;
  return {
    async verifyIdentity(accountId: string, ip: string | null): Promise<{ assuranceLevel: 2 }> {
      const found = await deps.accounts.findById(accountId);
      if (!found) throw accountNotFound();
      if (found.assuranceLevel === 2) return { assuranceLevel: 2 };
      const answer = await deps.registry.verifyResident({ personalId: found.personalId, fullName: found.fullName, birthDate: found.birthDate, sex: found.sex });
      await deps.accounts.record(found.id, found.personalId, 'account_event', `registry_${answer.outcome}`, ip);
      if (answer.outcome !== 'match') {
        throw new DomainError('unprocessable', 'identity.registry_mismatch', {
          vi: 'Thông tin tài khoản không khớp Cơ sở dữ liệu quốc gia về dân cư. Vui lòng kiểm tra họ tên, ngày sinh, số định danh.',
          en: 'The account details do not match the national population registry. Check the name, birth date and ID number.',
        }, { outcome: answer.outcome, mismatched: answer.mismatched });
      }
      await db.update(account).set({ assuranceLevel: 2, verifiedAt: deps.now() }).where(eq(account.id, accountId));
      return { assuranceLevel: 2 };
    },

    /** Sends a code to the account's e-mail or phone. */
    async sendContactCode(accountId: string, channel: 'email' | 'sms'): Promise<{ sentTo: string; expiresAt: string }> {
      const found = await deps.accounts.findById(accountId);
      if (!found) throw accountNotFound();
      const destination = channel === 'email' ? found.email : found.phone;
      if (!destination) {
        throw invalid('identity.no_contact', { vi: 'Tài khoản chưa có địa chỉ liên hệ này.', en: 'The account has no such contact address.' });
      }
      const { expiresAt } = await deps.codes.issue(accountId, channel === 'email' ? 'verify_email' : 'verify_phone', channel, destination, (code) => ({
        subject: 'Mã xác minh Congso',
        body: `Mã xác minh của bạn là ${code}. Mã có hiệu lực ${CODE_TTL_MINUTES} phút. Không chia sẻ mã này với bất kỳ ai, kể cả cán bộ.`,
      }));
      return { sentTo: maskContact(destination), expiresAt: expiresAt.toISOString() };
    },

    async confirmContactCode(accountId: string, channel: 'email' | 'sms', code: string): Promise<void> {
      const destination = await deps.codes.consume(accountId, channel === 'email' ? 'verify_email' : 'verify_phone', code);
      // Verified only if the address is still the account's (it may have changed since the code was sent).
      await db.update(account).set(channel === 'email' ? { emailVerifiedAt: deps.now() } : { phoneVerifiedAt: deps.now() }).where(and(eq(account.id, accountId), eq(account[channel === 'email' ? 'email' : 'phone'], destination)));
    },
  };
}

export function maskContact(destination: string): string {
  const at = destination.indexOf('@');
  if (at > 0) return `${destination.slice(0, Math.min(2, at))}***${destination.slice(at)}`;
  return destination.length > 4 ? `${'*'.repeat(destination.length - 3)}${destination.slice(-3)}` : '***';
}

export type Verification = ReturnType<typeof createVerification>;
