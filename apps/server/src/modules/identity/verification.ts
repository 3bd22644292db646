import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { Accounts } from './accounts.ts';
import { account, oneTimeCode } from './identity.schema.ts';
import type { Notifier, PopulationRegistry } from './ports.ts';

/** One-time codes: 6 digits, 10 minutes, 5 attempts, a new one at most every 60 s per purpose. */
export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

const accountNotFound = () => new DomainError('not_found', 'identity.account_not_found', { vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });

/**
 * Raising assurance: level 2 when name, birth date and ID match the population registry
 * (Decree 69/2024/NĐ-CP Art. 12 — there through VNeID, here through the registry port); e-mail and
 * phone proven by one-time codes sent through the notification port.
 */
export function createVerification(deps: { db: Executor; accounts: Accounts; registry: PopulationRegistry; notifier: Notifier; now: () => Date }) {
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
      const purpose = channel === 'email' ? 'verify_email' : 'verify_phone';
      const now = deps.now();
      const last = await db.select().from(oneTimeCode).where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, purpose))).orderBy(desc(oneTimeCode.createdAt)).limit(1);
      if (last[0] && now.getTime() - last[0].createdAt.getTime() < CODE_RESEND_SECONDS * 1000) {
        throw new DomainError('rate_limited', 'identity.code_resend_too_soon', { vi: 'Vui lòng đợi 60 giây trước khi gửi lại mã.', en: 'Wait 60 seconds before asking for another code.' });
      }
      const id = uuidv7();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
      // Older codes for the same purpose stop working when a new one is issued.
      await db.update(oneTimeCode).set({ consumedAt: now }).where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, purpose), isNull(oneTimeCode.consumedAt)));
      await db.insert(oneTimeCode).values({ id, accountId, purpose, destination, codeHash: hashCode(id, code), expiresAt, createdAt: now });
      await deps.notifier.send({
        channel,
        to: destination,
        subject: 'Mã xác minh Congso',
        body: `Mã xác minh của bạn là ${code}. Mã có hiệu lực ${CODE_TTL_MINUTES} phút. Không chia sẻ mã này với bất kỳ ai, kể cả cán bộ.`,
      });
      return { sentTo: maskContact(destination), expiresAt: expiresAt.toISOString() };
    },

    async confirmContactCode(accountId: string, channel: 'email' | 'sms', code: string): Promise<void> {
      const purpose = channel === 'email' ? 'verify_email' : 'verify_phone';
      const rows = await db.select().from(oneTimeCode).where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, purpose), isNull(oneTimeCode.consumedAt))).orderBy(desc(oneTimeCode.createdAt)).limit(1);
      const pending = rows[0];
      const wrong = () => new DomainError('unprocessable', 'identity.wrong_code', { vi: 'Mã xác minh không đúng hoặc đã hết hạn.', en: 'The verification code is wrong or expired.' });
      if (!pending || pending.expiresAt < deps.now() || pending.attempts >= CODE_MAX_ATTEMPTS) throw wrong();
      const expected = Buffer.from(pending.codeHash);
      const given = Buffer.from(hashCode(pending.id, code.trim()));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        await db.update(oneTimeCode).set({ attempts: pending.attempts + 1 }).where(eq(oneTimeCode.id, pending.id));
        throw wrong();
      }
      const consumed = await db.update(oneTimeCode).set({ consumedAt: deps.now() }).where(and(eq(oneTimeCode.id, pending.id), isNull(oneTimeCode.consumedAt))).returning({ id: oneTimeCode.id });
      if (consumed.length === 0) throw wrong();
      await db.update(account).set(channel === 'email' ? { emailVerifiedAt: deps.now() } : { phoneVerifiedAt: deps.now() }).where(and(eq(account.id, accountId), eq(account[channel === 'email' ? 'email' : 'phone'], pending.destination)));
    },
  };
}

export function maskContact(destination: string): string {
  const at = destination.indexOf('@');
  if (at > 0) return `${destination.slice(0, Math.min(2, at))}***${destination.slice(at)}`;
  return destination.length > 4 ? `${'*'.repeat(destination.length - 3)}${destination.slice(-3)}` : '***';
}

export type Verification = ReturnType<typeof createVerification>;
