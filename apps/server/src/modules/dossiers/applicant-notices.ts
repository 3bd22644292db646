import type { DomainEvent } from '../../kernel/events/outbox.ts';
import type { Subscription } from '../../kernel/events/event-bus.ts';
import type { Notifier } from '../identity/index.ts';
import type { AuditEntry } from './domain/audit-chain.ts';
import type { DossiersRepository } from './dossiers.repository.ts';

/** Where to reach a person, by account or personal ID (identity's verified contacts). */
export type ContactDirectory = (who: { accountId: string } | { personalId: string }) => Promise<{ fullName: string; email: string | null; phone: string | null } | undefined>;

/** What the applicant is told, per event (61/2018 Art. 17, 19.4, 19.9, 20: notices by e-mail or SMS). */
const NOTICES: Record<string, (code: string, reason: string | null) => string> = {
  'dossiers.dossier.received': (code) => `Hồ sơ ${code} đã được tiếp nhận.`,
  'dossiers.dossier.supplement_requested': (code, reason) => `Hồ sơ ${code} cần bổ sung, hoàn thiện: ${reason ?? ''}. Vui lòng bổ sung một lần đầy đủ trên Cổng dịch vụ công.`,
  'dossiers.dossier.refused': (code, reason) => `Hồ sơ ${code} không được tiếp nhận. Lý do: ${reason ?? ''}.`,
  'dossiers.dossier.rescheduled': (code, reason) => `Xin lỗi: hồ sơ ${code} được hẹn lại ngày trả kết quả. Lý do: ${reason ?? ''}.`,
  'dossiers.dossier.approved': (code) => `Hồ sơ ${code} đã có kết quả giải quyết.`,
  'dossiers.dossier.rejected': (code, reason) => `Hồ sơ ${code} không được giải quyết. Lý do: ${reason ?? ''}.`,
  'dossiers.dossier.result_returned': (code) => `Kết quả hồ sơ ${code} đã được trả.`,
};

/**
 * Tells the applicant when their dossier needs them or moves on, by their verified e-mail (else SMS),
 * through the notifier. Runs from the outbox after the change committed; a crash between sending and
 * the acknowledgement can send one notice twice, never none.
 */
export function applicantNotices(deps: { repository: DossiersRepository; contactOf: ContactDirectory; notifier: Notifier }): Subscription {
  return {
    consumer: 'dossiers.applicant-notices',
    topics: Object.keys(NOTICES),
    async handle(event: DomainEvent, tx) {
      const payload = event.payload as { code?: string };
      if (!payload.code) return;
      const row = await deps.repository.findByCode(payload.code, tx);
      if (!row) return;
      // Online, whoever filed (the applicant or their agent) hears of it; a dossier a receptionist
      // entered at the counter or from the post is told to its applicant, when they have an account.
      const contact = await deps.contactOf(row.channel === 'online' ? { accountId: row.filedBy } : { personalId: row.ownerId });
      const to = contact?.email ?? contact?.phone;
      if (!contact || !to) return;
      const entries = await deps.repository.listAudit(row.id);
      const reason = (entries.at(-1)?.entry as AuditEntry | undefined)?.reason ?? null;
      const text = NOTICES[event.topic]?.(payload.code, reason);
      if (!text) return;
      await deps.notifier.send({ channel: contact.email ? 'email' : 'sms', to, subject: `Hồ sơ ${payload.code}`, body: `Kính gửi ${contact.fullName},\n${text}` });
    },
  };
}
