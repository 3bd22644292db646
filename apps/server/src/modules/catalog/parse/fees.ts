/**
 * The "Phí, lệ phí" (fee) cell of the channel table.
 *
 * Observed cell shapes, each optionally followed by a parenthesised note:
 *   "Miễn phí", "Không có thông tin", "50,000 Việt Nam Đồng", "600,000 VNĐ",
 *   "50 USD", and an older layout "Phí : 50.000 Đồng" / "Lệ phí : Đồng".
 * The reader also accepts several amounts in a row, which the portal's cell
 * allows, although the 2026-07 crawl has none.
 */
import { NO_INFO } from './normalize.ts';

export type Currency = 'VND' | 'USD';

export interface Fee {
  /** Amount in the currency of the source, null when the cell names no figure. */
  amount: number | null;
  currency: Currency;
  /** The amount in đồng; null for foreign currencies or when absent. */
  amountVnd: number | null;
  /** The fee item as written, note included. */
  text: string;
  /** Text of the parenthesised note after the amount, if any. */
  note: string | null;
}

export interface FeeCell {
  /** The whole cell, null when it only said "Không có thông tin". */
  feeText: string | null;
  fees: Fee[];
  /** The portal marked the channel "Miễn phí" (free of charge). */
  free: boolean;
  /** Characters of the input consumed. */
  length: number;
  issues: string[];
  warnings: string[];
}

const CURRENCIES: readonly (readonly [string, Currency])[] = [
  ['Việt Nam Đồng', 'VND'],
  ['VNĐ', 'VND'],
  ['USD', 'USD'],
];

// "600,000" / "50.000" (grouped thousands) or a plain digit run.
const AMOUNT = /^(?:\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*|\d+)/;

/** Parses a written amount, "600,000" and "600.000" alike. */
export function parseAmount(text: string): number {
  return Number(text.replace(/[.,]/g, ''));
}

/** Is `text` a well-formed amount as the portal prints it (no leading zero)? */
export function isWellFormedAmount(text: string): boolean {
  const m = AMOUNT.exec(text);
  return m !== null && m[0] === text && (text === '0' || !text.startsWith('0'));
}

/** The currency label right after an amount (one optional space): consumed length and code. */
function readCurrency(text: string): { length: number; currency: Currency } | null {
  const space = text.startsWith(' ') ? 1 : 0;
  for (const [label, currency] of CURRENCIES) {
    if (text.startsWith(label, space)) return { length: space + label.length, currency };
  }
  return null;
}

/**
 * Reads a balanced "( ... )" at the start of `text` and returns the consumed
 * length; balanced=false when it never closes.
 */
export function readParenthesised(text: string): { length: number; inner: string; balanced: boolean } | null {
  if (!text.startsWith('(')) return null;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return { length: i + 1, inner: text.slice(1, i).trim(), balanced: true };
    }
  }
  // Unclosed (typo or truncated note): end at the last ')' so the description
  // after it is not swallowed; with no ')' at all the note runs to the end.
  const lastClose = text.lastIndexOf(')');
  const end = lastClose > 0 ? lastClose + 1 : text.length;
  return { length: end, inner: text.slice(1, lastClose > 0 ? lastClose : text.length).trim(), balanced: false };
}

/** Every figure written in a note ("20.000 vnđ/tờ khai" → 20000). */
function amountsInNote(note: string): Set<number> {
  const found = new Set<number>();
  for (const m of note.matchAll(/\d{1,3}(?:[.,]\d{3})+|\d+/g)) found.add(parseAmount(m[0]));
  return found;
}

function makeFee(amount: number | null, currency: Currency, text: string, note: string | null, warnings: string[]): Fee {
  let amountVnd = currency === 'VND' ? amount : null;
  if (amountVnd !== null && amountVnd > 0 && amountVnd < 1000) {
    // Some offices typed the fee in thousands of đồng ("20 VNĐ" with the note
    // "20.000 vnđ/tờ khai"). Only rescale when the note proves it.
    if (note !== null && amountsInNote(note).has(amountVnd * 1000)) {
      amountVnd *= 1000;
      warnings.push('channels.fee_rescaled_from_note');
    } else {
      warnings.push('channels.fee_amount_implausible');
    }
  }
  return { amount, currency, amountVnd, text, note };
}

const OLD_LAYOUT = /^ ?(?:Lệ phí|Phí|lệ phí|phí) ?: ?((?:\d{1,3}(?:[.,]\d{3})+|\d+) ?)?Đồng/;

/**
 * Reads the fee cell at the start of `text` (the row after its time cell).
 * Stops where the description column begins.
 */
export function readFeeCell(text: string): FeeCell {
  const fees: Fee[] = [];
  const issues: string[] = [];
  const warnings: string[] = [];
  let free = false;
  let pos = 0;
  let items = 0;
  let onlyNoInfo = true;

  const attachNote = (): string | null => {
    const paren = readParenthesised(text.slice(pos));
    if (!paren) return null;
    // A source typo, not a parse gap: the note was recovered up to its last ')'.
    if (!paren.balanced) warnings.push('channels.fee_note_unbalanced');
    pos += paren.length;
    return paren.inner === '' ? null : paren.inner;
  };

  for (;;) {
    const rest = text.slice(pos);
    const start = pos;
    if (items === 0 && rest.startsWith(NO_INFO)) {
      // An empty cell: whatever follows is already the description.
      pos += NO_INFO.length;
      items++;
      break;
    }
    if (rest.startsWith('Miễn phí') && !free) {
      pos += 'Miễn phí'.length;
      free = true;
      onlyNoInfo = false;
      attachNote();
      items++;
      continue;
    }
    const amount = AMOUNT.exec(rest);
    const currency = amount ? readCurrency(rest.slice(amount[0].length)) : null;
    if (amount && currency) {
      pos += amount[0].length + currency.length;
      const note = attachNote();
      fees.push(makeFee(parseAmount(amount[0]), currency.currency, text.slice(start, pos).trim(), note, warnings));
      onlyNoInfo = false;
      items++;
      continue;
    }
    const old = OLD_LAYOUT.exec(rest);
    if (old) {
      pos += old[0].length;
      const note = attachNote();
      const figure = old[1]?.trim();
      fees.push(makeFee(figure ? parseAmount(figure) : null, 'VND', text.slice(start, pos).trim(), note, warnings));
      onlyNoInfo = false;
      items++;
      continue;
    }
    break;
  }
  if (items === 0) issues.push('channels.fee_unparsed');
  const cell = text.slice(0, pos).trim();
  return {
    feeText: onlyNoInfo || cell === '' ? null : cell,
    fees,
    free,
    length: pos,
    issues,
    warnings,
  };
}

/**
 * The time cell is sometimes a bare number ("1") glued to an amount
 * ("120 VNĐ(20.000 vnđ/tờ khai)" is time 1, fee 20). Returns how many leading
 * digits belong to the time cell: the split whose fee figure the note repeats
 * (as is, or in thousands), else the shortest time, which is what every
 * verified case in the corpus turned out to be.
 */
export function splitGluedTimeAndAmount(digits: string, note: string | null): { timeDigits: number; guessed: boolean } {
  const evidence = note === null ? new Set<number>() : amountsInNote(note);
  let firstValid: number | null = null;
  for (let k = 1; k < digits.length; k++) {
    if (digits[k - 1] === ',' || digits[k - 1] === '.') break; // separators only belong to the amount
    const fee = digits.slice(k);
    if (!isWellFormedAmount(fee)) continue;
    firstValid ??= k;
    const value = parseAmount(fee);
    if (evidence.has(value) || evidence.has(value * 1000)) return { timeDigits: k, guessed: false };
  }
  return { timeDigits: firstValid ?? 1, guessed: true };
}
