import { createHmac, timingSafeEqual } from 'node:crypto';

// Between the password and the second factor the login is pending. The provider's interaction cannot
// hold it (a saved result would let the browser resume without the second factor), so the pending
// account travels in a short-lived cookie MAC'd with the platform's cookie key and bound to the
// interaction uid: it proves "this browser gave the right password for this account in this login".

export const PENDING_COOKIE = 'congso_pending_login';
export const PENDING_SECONDS = 300;

const mac = (key: string, uid: string, accountId: string, expires: number) =>
  createHmac('sha256', key).update(`${uid}|${accountId}|${expires}`).digest('base64url');

export function pendingLoginValue(key: string, uid: string, accountId: string, nowSeconds: number): string {
  const expires = nowSeconds + PENDING_SECONDS;
  return `${accountId}.${expires}.${mac(key, uid, accountId, expires)}`;
}

/** The account whose password was given in this interaction, if the cookie is genuine and fresh. */
export function readPendingLogin(key: string, uid: string, value: string | undefined, nowSeconds: number): string | undefined {
  const [accountId, expiresText, given] = (value ?? '').split('.');
  const expires = Number(expiresText);
  if (!accountId || !given || !Number.isInteger(expires) || expires < nowSeconds) return undefined;
  const expected = Buffer.from(mac(key, uid, accountId, expires));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? accountId : undefined;
}
