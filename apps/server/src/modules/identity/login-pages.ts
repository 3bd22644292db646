import { escapeHtml } from '../../kernel/text.ts';
import { INTERACTION_PREFIX } from './oidc/provider.ts';

// The provider's pages: plain HTML that works without JavaScript (passkeys excepted, which need the
// browser's WebAuthn API) and under the platform's strict CSP (no inline script: /auth/assets/*.js).


const STYLE = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.6rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.7rem 1.2rem;font-size:1rem;background:#c92a2a;color:#fff;border:0;border-radius:4px}
button.secondary{background:#fff;color:#c92a2a;border:1px solid #c92a2a}hr{margin:2rem 0}
.error{background:#fff5f5;border:1px solid #c92a2a;padding:.75rem;margin-top:1rem}`;

function page(title: string, body: string, script?: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Congso</title><style>${STYLE}</style>${script ? `<script src="${script}" defer></script>` : ''}</head>
<body><main>${body}</main></body></html>`;
}

const errorBlock = (error?: string) => (error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '');

export function loginPage(uid: string, clientName: string, error?: string, personalId = ''): string {
  const base = `${INTERACTION_PREFIX}/${escapeHtml(uid)}`;
  return page(
    'Đăng nhập',
    `<h1>Đăng nhập</h1><p>Để tiếp tục tới <strong>${escapeHtml(clientName)}</strong>.</p>${errorBlock(error)}
<form method="post" action="${base}/login">
<label for="personalId">Số định danh cá nhân (12 số)</label>
<input id="personalId" name="personalId" inputmode="numeric" autocomplete="username webauthn" pattern="[0-9]{12}" required value="${escapeHtml(personalId)}">
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form>
<hr><p>Cán bộ, công chức: đăng nhập bằng khóa truy cập (passkey) — không dùng mật khẩu, chống giả mạo.</p>
<button type="button" class="secondary" id="passkey-login" data-base="${base}">Đăng nhập bằng khóa truy cập</button>
<p class="error" role="alert" id="passkey-error" hidden></p>`,
    '/auth/assets/passkey-login.js',
  );
}

export function totpPage(uid: string, error?: string): string {
  return page(
    'Xác thực hai yếu tố',
    `<h1>Mã xác thực</h1><p>Nhập mã 6 số trong ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…).</p>${errorBlock(error)}
<form method="post" action="${INTERACTION_PREFIX}/${escapeHtml(uid)}/totp">
<label for="code">Mã xác thực</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus>
<button type="submit">Xác nhận</button></form>`,
  );
}

/**
 * The browser half of passkey login: asks the server for options, lets the authenticator sign the
 * challenge, posts the assertion back and follows the provider's redirect.
 */
export const PASSKEY_LOGIN_SCRIPT = `'use strict';
(function () {
  var button = document.getElementById('passkey-login');
  var errorBox = document.getElementById('passkey-error');
  if (!button || !window.PublicKeyCredential) { if (button) button.hidden = true; return; }
  function b64urlToBytes(s) { s = s.replace(/-/g, '+').replace(/_/g, '/'); while (s.length % 4) s += '='; var bin = atob(s); var out = new Uint8Array(bin.length); for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i); return out; }
  function bytesToB64url(buf) { var bytes = new Uint8Array(buf); var bin = ''; for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]); return btoa(bin).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, ''); }
  function fail(message) { errorBox.textContent = message; errorBox.hidden = false; }
  button.addEventListener('click', async function () {
    var base = button.getAttribute('data-base');
    try {
      var started = await fetch(base + '/passkey/options', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'same-origin' });
      if (!started.ok) return fail('Không bắt đầu được đăng nhập bằng khóa truy cập.');
      var options = await started.json();
      var publicKey = options.options;
      publicKey.challenge = b64urlToBytes(publicKey.challenge);
      publicKey.allowCredentials = (publicKey.allowCredentials || []).map(function (c) { return Object.assign({}, c, { id: b64urlToBytes(c.id) }); });
      var credential = await navigator.credentials.get({ publicKey: publicKey });
      var r = credential.response;
      var body = { challengeId: options.challengeId, response: { id: credential.id, rawId: bytesToB64url(credential.rawId), type: credential.type, clientExtensionResults: credential.getClientExtensionResults(),
        response: { clientDataJSON: bytesToB64url(r.clientDataJSON), authenticatorData: bytesToB64url(r.authenticatorData), signature: bytesToB64url(r.signature), userHandle: r.userHandle ? bytesToB64url(r.userHandle) : undefined } } };
      var finished = await fetch(base + '/passkey', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
      var answer = await finished.json();
      if (!finished.ok) return fail((answer.messages && answer.messages.vi) || 'Đăng nhập bằng khóa truy cập không thành công.');
      window.location.assign(answer.redirectTo);
    } catch (e) { fail('Đăng nhập bằng khóa truy cập đã bị hủy hoặc không thành công.'); }
  });
})();
`;
