import { escapeHtml } from '../../kernel/text.ts';
import type { MailboxMessage } from './dev-mailbox.ts';

// Plain server-rendered HTML: no script at all, so the platform's strict CSP (script-src 'self')
// holds, and every value from a message is escaped (bodies are whatever a module chose to send).


const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const CHANNEL_LABEL = { email: 'Thư điện tử', sms: 'SMS' } as const;

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
.note{background:#fff9db;border:1px solid #f08c00;padding:.75rem}
form{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:1rem 0}input{flex:1;min-width:14rem;padding:.5rem;font-size:1rem}
button{padding:.5rem 1rem;font-size:1rem}article{border:1px solid #dee2e6;border-radius:4px;padding:.75rem 1rem;margin:.75rem 0}
article header{display:flex;gap:.75rem;flex-wrap:wrap;color:#495057;font-size:.9rem}.channel{font-weight:600}
h2{font-size:1.05rem;margin:.5rem 0}pre{white-space:pre-wrap;word-break:break-word;background:#f8f9fa;padding:.5rem;margin:0}`;

function filterLink(to: string): string {
  return escapeHtml(`/dev/mailbox?to=${encodeURIComponent(to)}`);
}

function renderMessage(message: MailboxMessage): string {
  const subject = message.subject.trim() === '' ? '<em>(không có tiêu đề)</em>' : escapeHtml(message.subject);
  return `<article>
<header><span class="channel">${CHANNEL_LABEL[message.channel]}</span>
<span>Tới: <a href="${filterLink(message.to)}">${escapeHtml(message.to)}</a></span>
<time datetime="${escapeHtml(message.createdAt)}">${escapeHtml(TIME.format(new Date(message.createdAt)))}</time></header>
<h2>${subject}</h2>
<pre>${escapeHtml(message.body)}</pre>
</article>`;
}

/** The mailbox page: newest messages first, with a filter by recipient that works without JavaScript. */
export function renderMailboxPage(messages: readonly MailboxMessage[], to: string | undefined): string {
  const heading = to
    ? `${messages.length} thư mới nhất gửi tới <strong>${escapeHtml(to)}</strong> · <a href="/dev/mailbox">Xem tất cả</a>`
    : `${messages.length} thư mới nhất`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Hộp thư phát triển — Congso</title>
<style>${STYLE}</style></head>
<body><main><h1>Hộp thư phát triển</h1>
<p class="note">Chỉ có ở môi trường phát triển và kiểm thử: thư điện tử và tin nhắn SMS mà hệ thống lẽ ra đã gửi
được giữ lại ở đây, kể cả mã xác thực. Trang này không tồn tại ở môi trường vận hành (production).</p>
<form method="get" action="/dev/mailbox"><label for="to">Người nhận</label>
<input id="to" name="to" maxlength="320" placeholder="Địa chỉ thư điện tử hoặc số điện thoại" value="${escapeHtml(to ?? '')}">
<button type="submit">Lọc</button></form>
<p>${heading}. Tải lại trang để xem thư mới; dữ liệu JSON: <a href="${escapeHtml(`/dev/mailbox/messages${to ? `?to=${encodeURIComponent(to)}` : ''}`)}">/dev/mailbox/messages</a>.</p>
${messages.length === 0 ? '<p>Chưa có thư nào.</p>' : messages.map(renderMessage).join('\n')}
</main></body></html>`;
}
