// Dossier codes (mã số hồ sơ). Circular 01/2018/TT-VPCP Art. 19: `<receiving unit>-<YYMMDD>-<XXXX>`,
// XXXX a daily sequence per receiving unit. The 2018 texts wrote the unit lowest level first and
// zero-filled (`000.00.00.H29`); since Circular 03/2025 (Art. 13) codes in use write the agency's
// QĐ 20/2020 identifier level 1 first (`H29.15`) and Art. 13(3) (added by Circular 04/2025) lets the
// sequence grow past 4 digits when needed. We issue the level-1-first form and parse both, since
// old dossiers keep their codes (domain-vn-2025-update.md §4.2).

export type DossierCodeFormat = 'level_one_first' | 'lowest_level_first';

export type ParsedDossierCode = {
  /** The receiving agency's identifier, level 1 first (as QĐ 20/2020 writes it). */
  agencyCode: string;
  /** The reception date, YYYY-MM-DD (20YY: codes exist from 2018 on). */
  receivedOn: string;
  sequence: number;
  format: DossierCodeFormat;
};

const SEQUENCE_DIGITS = 4;
const LEVEL_ONE = /^[A-Y]\d{2}$/;
const CODE = /^([0-9A-Z.]{3,35})-(\d{2})(\d{2})(\d{2})-(\d{4,9})$/;

/** `<agency>-<YYMMDD>-<NNNN>`; the sequence has at least 4 digits, more once a day passes 9,999. */
export function formatDossierCode(agencyCode: string, receivedOn: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('a dossier sequence starts at 1');
  const [year, month, day] = receivedOn.split('-');
  if (!year || !month || !day) throw new RangeError('receivedOn must be YYYY-MM-DD');
  return `${agencyCode}-${year.slice(2)}${month}${day}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads a dossier code of either form. The lowest-level-first form is recognised by its level-1 group
 * coming last; its zero-filled groups (`000`, `00`) mean "no such level" and are dropped.
 */
export function parseDossierCode(code: string): ParsedDossierCode | undefined {
  const match = CODE.exec(code.trim().toUpperCase());
  if (!match) return undefined;
  const [, unit = '', yy = '', mm = '', dd = '', seq = ''] = match;
  const year = 2000 + Number(yy);
  if (!validDate(year, Number(mm), Number(dd))) return undefined;
  const sequence = Number(seq);
  if (sequence < 1) return undefined;
  const groups = unit.split('.');
  if (groups.some((group) => group.length === 0)) return undefined;
  let agencyCode: string;
  let format: DossierCodeFormat;
  if (LEVEL_ONE.test(groups[0] ?? '')) {
    agencyCode = unit;
    format = 'level_one_first';
  } else if (LEVEL_ONE.test(groups.at(-1) ?? '')) {
    agencyCode = groups.filter((group) => !/^0+$/.test(group)).reverse().join('.');
    format = 'lowest_level_first';
  } else {
    return undefined;
  }
  return { agencyCode, receivedOn: `${year}-${mm}-${dd}`, sequence, format };
}
