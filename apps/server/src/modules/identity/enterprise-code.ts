// Enterprise code = tax code (mã số doanh nghiệp / mã số thuế): 10 digits N1…N10 with an optional
// "-N11N12N13" suffix (001–999) for dependent units and branches. Check digit per Thông tư
// 105/2020/TT-BTC Art. 5 (as cited by several validators; article text not read, domain-vn.md §4.2):
//   N10 = 10 − (Σ Ni·Wi mod 11), W = 31 29 23 19 17 13 7 5 3.
// Verified by hand on Viettel 0100109106 and FPT 0101248141. A remainder of 0 would give 10, which is
// not a digit: such codes are taken as never issued and rejected (implementations differ; UNCONFIRMED).

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;
const SHAPE = /^(\d{10})(?:-(\d{3}))?$/;

export type EnterpriseCodeProblem = 'format' | 'check_digit' | 'branch_suffix';

export type EnterpriseCodeCheck =
  | { valid: true; enterpriseCode: string; branchSuffix: string | null }
  | { valid: false; problem: EnterpriseCodeProblem };

/** The check digit for the first nine digits, or undefined when the remainder rule gives 10. */
export function enterpriseCheckDigit(firstNine: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (WEIGHTS[i] ?? 0);
  const digit = 10 - (sum % 11);
  return digit === 10 ? undefined : digit;
}

export function checkEnterpriseCode(value: string): EnterpriseCodeCheck {
  const match = SHAPE.exec(value.trim());
  if (!match?.[1]) return { valid: false, problem: 'format' };
  const code = match[1];
  if (enterpriseCheckDigit(code.slice(0, 9)) !== Number(code[9])) return { valid: false, problem: 'check_digit' };
  const suffix = match[2] ?? null;
  if (suffix === '000') return { valid: false, problem: 'branch_suffix' };
  return { valid: true, enterpriseCode: code, branchSuffix: suffix };
}
