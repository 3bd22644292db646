// Password rules of NIST SP 800-63B (rev. 4, §3.1.1.2), which replace composition rules and forced
// rotation with length and a block-list:
// - at least 15 characters when the password is the only factor, 8 when a second factor is used;
// - at least 64 characters accepted (we accept 256), every printable character and Unicode,
//   normalised (NFKC) before hashing so the same password typed on another keyboard still matches;
// - refused when it is in a list of breached or commonly used passwords, or is built from the
//   account's own data (personal ID number, name, e-mail);
// - no rules on character classes, no periodic change.

export type PasswordProblem = 'too_short' | 'too_long' | 'breached' | 'contains_personal_data' | 'repetitive';

export type PasswordContext = { personalId?: string; fullName?: string; email?: string };

/** Port: is this password known to be breached or common? (list shipped here; an HIBP adapter later). */
export type BreachedPasswordList = { contains(password: string): boolean };

export type PasswordRules = { minLengthSingleFactor: number; minLengthWithSecondFactor: number; maxLength: number };

export const DEFAULT_PASSWORD_RULES: PasswordRules = { minLengthSingleFactor: 15, minLengthWithSecondFactor: 8, maxLength: 256 };

export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/gi, 'd').toLowerCase();
}

/** Returns every problem, so a form can say what to change. Length is counted in code points. */
export function checkPassword(
  password: string,
  options: { secondFactor: boolean; context?: PasswordContext; breached: BreachedPasswordList; rules?: PasswordRules },
): PasswordProblem[] {
  const rules = options.rules ?? DEFAULT_PASSWORD_RULES;
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  const problems: PasswordProblem[] = [];
  if (length < (options.secondFactor ? rules.minLengthWithSecondFactor : rules.minLengthSingleFactor)) problems.push('too_short');
  if (length > rules.maxLength) problems.push('too_long');
  const folded = fold(normalized);
  if (options.breached.contains(normalized) || options.breached.contains(folded)) problems.push('breached');
  if (/^(.{1,3})\1+$/u.test(normalized)) problems.push('repetitive');
  const context = options.context ?? {};
  const personal = [
    context.personalId,
    ...(context.fullName ? fold(context.fullName).split(/\s+/).filter((part) => part.length >= 4) : []),
    context.email ? fold(context.email.split('@')[0] ?? '') : undefined,
  ].filter((part): part is string => typeof part === 'string' && part.length >= 4);
  const compact = folded.replace(/\s+/g, '');
  if (personal.some((part) => compact.includes(fold(part).replace(/\s+/g, '')))) problems.push('contains_personal_data');
  return problems;
}
