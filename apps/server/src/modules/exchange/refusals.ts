import type { LocalizedText } from '../../kernel/errors.ts';

// Why the gateway refuses a call: the HTTP status, X-Road-Error (X-Road's fault codes: `Server.` for
// faults found by the gateway, `ClientProxy` for the client's side of the exchange, `ServerProxy` for
// the provider's), our problem code and the message in Vietnamese and English.

export type Refusal = { status: number; xroad: string; code: string; text: LocalizedText };

const refusal = (status: number, xroad: string, code: string, vi: string, en: string): Refusal => ({ status, xroad: `Server.${xroad}`, code: `exchange.${code}`, text: { vi, en } });

export const REFUSALS = {
  invalidIdentifier: refusal(400, 'ClientProxy.InvalidIdentifier', 'invalid_identifier', 'Định danh dịch vụ hoặc hệ thống không hợp lệ (không mã hoá phần trăm, không viết khác).', 'The service or subsystem identifier is not valid (no percent-encoding, no alternative spellings).'),
  missingHeader: refusal(400, 'ClientProxy.MissingHeader', 'missing_header', 'Thiếu hoặc sai tiêu đề X-Road bắt buộc.', 'A required X-Road header is missing or malformed.'),
  invalidBody: refusal(400, 'ClientProxy.InvalidBody', 'invalid_body', 'Nội dung yêu cầu phải là JSON hợp lệ.', 'The request body must be valid JSON.'),
  unknownClient: refusal(403, 'ClientProxy.UnknownClient', 'unknown_client', 'Hệ thống gọi (X-Road-Client) chưa được đăng ký.', 'The calling subsystem (X-Road-Client) is not registered.'),
  clientMismatch: refusal(403, 'ClientProxy.ClientMismatch', 'client_mismatch', 'Tài khoản kết nối không gắn với hệ thống gọi đã khai.', 'The connection account is not bound to the declared calling subsystem.'),
  invalidSignature: refusal(403, 'ClientProxy.InvalidSignature', 'invalid_signature', 'Chữ ký của thông điệp không hợp lệ hoặc thiếu.', 'The message signature is missing or does not verify.'),
  messageExpired: refusal(400, 'ClientProxy.MessageExpired', 'message_expired', 'Thời điểm gửi (X-Road-Date) nằm ngoài khoảng cho phép.', 'The message date (X-Road-Date) is outside the accepted window.'),
  duplicateMessage: refusal(409, 'ClientProxy.DuplicateMessage', 'duplicate_message', 'Mã thông điệp (X-Road-Id) đã được dùng.', 'The message id (X-Road-Id) was already used.'),
  unknownService: refusal(404, 'ServerProxy.UnknownService', 'unknown_service', 'Không có dịch vụ này hoặc dịch vụ đang tạm dừng.', 'No such service, or it is disabled.'),
  accessDenied: refusal(403, 'ServerProxy.AccessDenied', 'access_denied', 'Hệ thống gọi chưa được cấp quyền sử dụng dịch vụ này.', 'The calling subsystem has no access right to this service.'),
  purposeRequired: refusal(400, 'ClientProxy.PurposeRequired', 'purpose_required', 'Dịch vụ có dữ liệu cá nhân: cần nêu mục đích sử dụng (X-Road-Purpose) và người khai thác (X-Road-UserId).', 'A personal-data service: the purpose (X-Road-Purpose) and the acting person (X-Road-UserId) are required.'),
  personalIdInHeader: refusal(400, 'ClientProxy.PersonalIdInHeader', 'personal_id_in_header', 'Mục đích (X-Road-Purpose) và mã hồ sơ, vụ việc (X-Road-Issue) không được chứa số định danh cá nhân: chúng được lưu vào nhật ký và hiện cho chủ thể dữ liệu.', 'The purpose (X-Road-Purpose) and the case reference (X-Road-Issue) must not contain a personal ID: they are logged and shown to the data subject.'),
  deferralNotAllowed: refusal(403, 'ClientProxy.DeferralNotAllowed', 'deferral_not_allowed', 'Quyền truy cập không cho phép hoãn thông báo cho chủ thể dữ liệu.', 'The access right does not allow deferring disclosure to the data subject.'),
  quotaExceeded: refusal(429, 'ClientProxy.QuotaExceeded', 'quota_exceeded', 'Hệ thống gọi đã vượt hạn mức số lần gọi.', 'The calling subsystem exceeded its call quota.'),
  timestampingFailed: refusal(503, 'ServerProxy.TimestampingFailed', 'timestamping_failed', 'Cổng trao đổi tạm ngừng: không đóng dấu thời gian được nhật ký thông điệp.', 'The gateway is refusing calls: the message log could not be time-stamped.'),
  serviceFailed: refusal(502, 'ServerProxy.ServiceFailed', 'service_failed', 'Hệ thống cung cấp dịch vụ gặp lỗi.', 'The providing system failed.'),
} as const satisfies Record<string, Refusal>;
