import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { oneTimeCode } from './identity.schema.ts';
import type { Notifier } from './ports.ts';

/** One-time codes: 6 digits, 10 minutes, 5 attempts, a new one at most every 60 s per purpose. */
export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
export const CODE_RESEND_SECONDS = 60;

export type CodePurpose = (typeof oneTimeCode.$inferSelect)['purpose'];

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

export const wrongCode = () =>
  new DomainError('unprocessable', 'identity.wrong_code', { vi: 'Mã xác minh không đúng hoặc đã hết hạn.', en: 'The verification code is wrong or expired.' });

/**
 * Codes sent by e-mail or SMS through the notifier. Only a hash is stored; a new code retires the
 * older ones of the same purpose; each is accepted once, within its lifetime and attempt budget.
 */
export function createOneTimeCodes(deps: { db: Executor; notifier: Notifier; now: () => Date }) {
  const { db } = deps;
  return {
    async issue(accountId: string, purpose: CodePurpose, channel: 'email' | 'sms', destination: string, message: (code: string) => { subject: string; body: string }): Promise<{ expiresAt: Date }> {
      const now = deps.now();
      const last = await db.select().from(oneTimeCode).where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, purpose))).orderBy(desc(oneTimeCode.createdAt)).limit(1);
      if (last[0] && now.getTime() - last[0].createdAt.getTime() < CODE_RESEND_SECONDS * 1000) {
        throw new DomainError('rate_limited', 'identity.code_resend_too_soon', { vi: 'Vui lòng đợi 60 giây trước khi gửi lại mã.', en: 'Wait 60 seconds before asking for another code.' });
      }
      const id = uuidv7();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
      await db.update(oneTimeCode).set({ consumedAt: now }).where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, purpose), isNull(oneTimeCode.consumedAt)));
      await db.insert(oneTimeCode).values({ id, accountId, purpose, destination, codeHash: hashCode(id, code), expiresAt, createdAt: now });
      await deps.notifier.send({ channel, to: destination, ...message(code) });
      return { expiresAt };
    },

    /** Accepts the latest code of the purpose once; returns where it was sent. Throws wrongCode otherwise. */
    async consume(accountId: string, purpose: CodePurpose, code: string): Promise<string> {
      const rows = await db.select().from(oneTimeCode).where(and(eq(oneTimeCode.accountId, accountId), eq(oneTimeCode.purpose, purpose), isNull(oneTimeCode.consumedAt))).orderBy(desc(oneTimeCode.createdAt)).limit(1);
      const pending = rows[0];
      if (!pending || pending.expiresAt < deps.now() || pending.attempts >= CODE_MAX_ATTEMPTS) throw wrongCode();
      const expected = Buffer.from(pending.codeHash);
      const given = Buffer.from(hashCode(pending.id, code.trim()));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        await db.update(oneTimeCode).set({ attempts: pending.attempts + 1 }).where(eq(oneTimeCode.id, pending.id));
        throw wrongCode();
      }
      const consumed = await db.update(oneTimeCode).set({ consumedAt: deps.now() }).where(and(eq(oneTimeCode.id, pending.id), isNull(oneTimeCode.consumedAt))).returning({ id: oneTimeCode.id });
      if (consumed.length === 0) throw wrongCode();
      return pending.destination;
    },
  };
}

export type OneTimeCodes = ReturnType<typeof createOneTimeCodes>;
