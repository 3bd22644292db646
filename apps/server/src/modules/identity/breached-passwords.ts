import { dictionary } from '@zxcvbn-ts/language-common';
import type { BreachedPasswordList } from './password-policy.ts';

/**
 * The ~49,000 most common passwords from public breach corpora (zxcvbn-ts common dictionary, MIT),
 * matched case-insensitively. Works offline; an adapter for a k-anonymity breach API can sit behind
 * the same port where the network allows it.
 */
export function createCommonPasswordList(extra: readonly string[] = []): BreachedPasswordList {
  const entries = new Set([...dictionary['passwords-common'], ...extra].map((entry) => entry.toLowerCase()));
  return { contains: (password) => entries.has(password.toLowerCase()) };
}
