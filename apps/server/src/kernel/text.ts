// Text helpers shared by modules: Vietnamese folding for search, HTML escaping for server pages.

/** Folds Vietnamese text for accent-insensitive matching: "Thủ Dầu Một" -> "thu dau mot". */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Source texts mix precomposed and combining marks; store everything as NFC with single spaces. */
export function normalizeText(input: string): string {
  return input.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Escapes text for HTML content and attribute values (server-rendered pages and forms). */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * A Content-Disposition header for a download named in Vietnamese (RFC 6266): an ASCII fallback
 * without accents for old clients, and the exact UTF-8 name (RFC 8187) for the others.
 */
export function attachmentDisposition(name: string): string {
  const ascii = foldVietnamese(name).replace(/[^A-Za-z0-9._ -]/g, '_') || 'file';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
