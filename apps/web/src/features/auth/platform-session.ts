import { useSyncExternalStore } from 'react';
import { createOidcSession, OidcSessionError, type OidcSession, type SignedIn } from '../../lib/oidc-session.ts';
import { ApiError } from '../../lib/api.ts';

let session: OidcSession | undefined;

/** The page's one OIDC session with the platform provider (same origin, this tab's sessionStorage). */
export function platformSession(): OidcSession {
  session ??= createOidcSession({
    baseUrl: window.location.origin,
    storage: window.sessionStorage,
    navigate: (url) => window.location.assign(url),
    currentPath: () => `${window.location.pathname}${window.location.search}`,
  });
  return session;
}

/** The signed-in state, re-rendering on login, refresh and logout. */
export function useSignedIn(): SignedIn | null {
  const current = platformSession();
  return useSyncExternalStore(current.subscribe, current.current);
}

/** What to tell the person when signing in, refreshing or calling the API on their behalf fails. */
export function authErrorMessage(error: unknown): string {
  if (error instanceof OidcSessionError) {
    switch (error.code) {
      case 'no_pending_login':
        return 'Không tìm thấy yêu cầu đăng nhập trong thẻ trình duyệt này (có thể đã hết hạn hoặc đã được dùng). Vui lòng đăng nhập lại.';
      case 'invalid_callback':
        return 'Phản hồi đăng nhập không hợp lệ. Vui lòng đăng nhập lại.';
      case 'login_refused':
        return error.providerError === 'access_denied' ? 'Bạn đã hủy đăng nhập hoặc không được phép đăng nhập.' : 'Cổng định danh từ chối yêu cầu đăng nhập. Vui lòng thử lại.';
      case 'not_signed_in':
        return 'Bạn chưa đăng nhập.';
      case 'session_expired':
        return 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.';
      case 'step_up_required':
        return 'Thao tác quan trọng: vui lòng đăng nhập lại để xác nhận.';
    }
  }
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'Không kết nối được máy chủ. Vui lòng thử lại.';
  return 'Đã xảy ra lỗi khi đăng nhập. Vui lòng thử lại.';
}
