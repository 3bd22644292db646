import { escapeHtml } from '../../../kernel/text.ts';
import type { AuditEntry } from './audit-chain.ts';

// The one-stop shop's standard forms (Circular 01/2018/TT-VPCP Art. 9; renumbered by Circular
// 03/2025, whose Phụ lục I was not read — domain-vn-2025-update.md §4.1), derived from the dossier and
// its audit entries, never typed in separately: what the form says is what the log recorded.
// 01 receipt and appointment, 02 supplement request, 03 refusal, 04 apology and new appointment,
// 05 process-control slip. Printable HTML (A5) and JSON; signed PDFs come with the documents issue.

export const FORM_NUMBERS = ['01', '02', '03', '04', '05'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

export const FORM_TITLES: Record<FormNumber, string> = {
  '01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  '02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  '03': 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ',
  '04': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  '05': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
};

export type FormDossier = Readonly<{
  code: string;
  procedureCode: string;
  procedureName: string;
  agencyCode: string;
  ownerId: string;
  ownerKind: 'citizen' | 'business';
  channel: string;
  dueDate: string | null;
  documents: readonly { code: string; name: string }[];
}>;

export type FormData = Readonly<{ form: FormNumber; title: string; dossier: FormDossier; issuedAt: string; fields: Record<string, unknown> }>;

/** The entry a form is issued from, or none: a form exists only once its event happened. */
function last(entries: readonly AuditEntry[], actions: readonly string[]): AuditEntry | undefined {
  return [...entries].reverse().find((entry) => actions.includes(entry.action));
}

export function buildForm(form: FormNumber, dossier: FormDossier, entries: readonly AuditEntry[]): FormData | undefined {
  const base = { form, title: FORM_TITLES[form], dossier };
  switch (form) {
    case '01': {
      const received = last(entries, ['receive']);
      if (!received) return undefined;
      const submitted = last(entries, ['submit']);
      return { ...base, issuedAt: received.at, fields: { submittedAt: submitted?.at ?? null, receivedAt: received.at, appointment: dossier.dueDate, documents: dossier.documents.map((d) => d.name) } };
    }
    case '02': {
      const request = last(entries, ['request_supplement']);
      return request && { ...base, issuedAt: request.at, fields: { requestedAt: request.at, reasons: request.reason, atReception: request.from === 'submitted' } };
    }
    case '03': {
      const refusal = last(entries, ['refuse', 'reject']);
      return refusal && { ...base, issuedAt: refusal.at, fields: { at: refusal.at, reasons: refusal.reason, stage: refusal.action === 'refuse' ? 'reception' : 'appraisal' } };
    }
    case '04': {
      const apology = last(entries, ['reschedule']);
      const data = apology?.data ?? {};
      return apology && { ...base, issuedAt: apology.at, fields: { at: apology.at, reasons: apology.reason, previousAppointment: data.previousDueDate ?? null, newAppointment: data.newDueDate ?? null } };
    }
    case '05':
      if (entries.length === 0) return undefined;
      return {
        ...base,
        issuedAt: entries.at(-1)?.at ?? '',
        fields: { steps: entries.map((entry) => ({ seq: entry.seq, at: entry.at, action: entry.action, from: entry.from, to: entry.to, role: entry.actor.role, reason: entry.reason })) },
      };
  }
}

const show = (value: unknown): string => (value === null || value === undefined ? '—' : escapeHtml(typeof value === 'string' ? value : JSON.stringify(value)));

const LABELS: Record<string, string> = {
  submittedAt: 'Thời điểm nộp', receivedAt: 'Thời điểm tiếp nhận', appointment: 'Ngày hẹn trả kết quả', documents: 'Thành phần hồ sơ',
  requestedAt: 'Thời điểm yêu cầu', reasons: 'Lý do, nội dung cần bổ sung', atReception: 'Yêu cầu khi tiếp nhận', at: 'Thời điểm',
  stage: 'Giai đoạn', previousAppointment: 'Ngày hẹn cũ', newAppointment: 'Ngày hẹn mới',
};

/** Printable A5 HTML (Circular 01/2018 Art. 9.2), escaped, without scripts. */
export function renderFormHtml(data: FormData): string {
  const rows = Object.entries(data.fields)
    .filter(([key]) => key !== 'steps')
    .map(([key, value]) => `<tr><th>${escapeHtml(LABELS[key] ?? key)}</th><td>${Array.isArray(value) ? value.map(show).join('<br>') : show(value)}</td></tr>`)
    .join('');
  const steps = Array.isArray(data.fields.steps)
    ? `<table><tr><th>#</th><th>Thời điểm</th><th>Thao tác</th><th>Trạng thái</th><th>Quyền</th><th>Ghi chú</th></tr>${(data.fields.steps as Record<string, unknown>[])
        .map((s) => `<tr><td>${show(s.seq)}</td><td>${show(s.at)}</td><td>${show(s.action)}</td><td>${show(s.from)} → ${show(s.to)}</td><td>${show(s.role)}</td><td>${show(s.reason)}</td></tr>`)
        .join('')}</table>`
    : '';
  const d = data.dossier;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Mẫu số ${data.form} — ${escapeHtml(d.code)}</title>
<style>@page{size:A5}body{font-family:'Times New Roman',serif;margin:1.5rem;font-size:12pt}h1{font-size:14pt;text-align:center;text-transform:uppercase}
table{border-collapse:collapse;width:100%;margin-top:.75rem}th,td{border:1px solid #444;padding:.25rem .4rem;text-align:left;vertical-align:top}</style></head>
<body><p>Mẫu số ${data.form}</p><h1>${escapeHtml(data.title)}</h1>
<table><tr><th>Mã số hồ sơ</th><td>${escapeHtml(d.code)}</td></tr><tr><th>Thủ tục</th><td>${escapeHtml(d.procedureName)} (${escapeHtml(d.procedureCode)})</td></tr>
<tr><th>Cơ quan tiếp nhận</th><td>${escapeHtml(d.agencyCode)}</td></tr><tr><th>Người nộp</th><td>${escapeHtml(d.ownerId)}</td></tr><tr><th>Kênh</th><td>${escapeHtml(d.channel)}</td></tr>${rows}</table>
${steps}<p>Ngày lập: ${escapeHtml(data.issuedAt)}</p></body></html>`;
}
