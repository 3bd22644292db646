// Electronic identifiers of agencies, QĐ 20/2020/QĐ-TTg Art. 4: at most 35 characters drawn from
// '.', 0–9 and A–Z; dot-separated groups growing left to right, one per level; the first group is
// the level-1 code 'MX1X2' (M a letter A–Y, X1X2 digits), e.g. H29 = TP Hồ Chí Minh.

const LEVEL_ONE = /^[A-Y]\d{2}$/;
const GROUP = /^[0-9A-Z]+$/;

export type AgencyCodeCheck = { valid: true } | { valid: false; reason: string };

export function checkAgencyCode(code: string): AgencyCodeCheck {
  if (code.length === 0 || code.length > 35) return { valid: false, reason: 'length must be 1–35 characters' };
  const groups = code.split('.');
  const [first, ...rest] = groups;
  if (!first || !LEVEL_ONE.test(first)) return { valid: false, reason: 'the first group must be a level-1 code like H29 or G01' };
  if (rest.some((group) => !GROUP.test(group))) return { valid: false, reason: 'groups are made of 0–9 and A–Z, separated by single dots' };
  return { valid: true };
}

/** The level-1 code (first group), which names the ministry or province the agency belongs to. */
export function levelOneOf(code: string): string {
  return code.split('.')[0] ?? '';
}
