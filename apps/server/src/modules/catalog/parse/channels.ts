/**
 * "Cách thức thực hiện": the submission-channel table, flattened by the crawler
 * into one string without separators:
 *
 *   Hình thức nộpThời gianPhí, lệ phíMô tả              (header)
 *   Trực tuyến20 Ngày làm việcMiễn phí(note)desc…       (row 1)
 *   Dịch vụ bưu chính20 Ngày làm việc50,000 VNĐdesc…    (row 2, glued on)
 *
 * A row starts with a channel label that touches the previous description
 * and is itself glued to its time cell: a number, "Không có thông tin", or a
 * capitalised phrase followed by a fee ("Không quy địnhMiễn phí"). Labels in
 * descriptions are prose: spaced ("+ Trực tiếp: nộp…"), or followed by ':',
 * ',' or lower case.
 */
import { NO_INFO } from './normalize.ts';
import { readFeeCell, readParenthesised, splitGluedTimeAndAmount, type Fee } from './fees.ts';
import { readTimeCell, type TimeLimit } from './time-limits.ts';

export const CHANNELS = ['in_person', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelRow {
  channel: Channel;
  /** One entry per value in the time cell; empty when the cell had none. */
  timeLimits: TimeLimit[];
  /** The time cell as written, null for "Không có thông tin". */
  timeText: string | null;
  feeText: string | null;
  fees: Fee[];
  /** The portal marked this row "Miễn phí". */
  free: boolean;
  description: string | null;
}

export interface ChannelsParse {
  channels: ChannelRow[];
  issues: string[];
  warnings: string[];
}

export const CHANNEL_HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

const LABELS: Record<string, Channel> = {
  'Trực tiếp': 'in_person',
  'Trực tuyến': 'online',
  'Dịch vụ bưu chính': 'postal',
};

// A label not preceded by a space is a row-start candidate: a real row is glued
// to the previous description (or starts a line).
const LABEL = /(?<![ \t])(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)( ?)/g;
const GLUED_AMOUNT = /^(\d[\d,]*) ?(?:Việt Nam Đồng|VNĐ|USD)/;
// Where the fee cell can start after a free-text time cell ("Không quy định").
const FEE_START = /Miễn phí|Không có thông tin|\d[\d.,]* ?(?:Việt Nam Đồng|VNĐ|USD)/;
const MAX_TEXT_TIME_CELL = 160;

/** Length of a free-text time cell at the start of `content`, or -1. */
function textTimeCellLength(content: string): number {
  const fee = FEE_START.exec(content.slice(0, MAX_TEXT_TIME_CELL + 30));
  return fee && fee.index > 0 && fee.index <= MAX_TEXT_TIME_CELL ? fee.index : -1;
}

/** Does `content` (text right after a channel label) open a table row? */
function opensRow(content: string, spaced: boolean): boolean {
  // After a space only a full "number + unit" counts ("Dịch vụ bưu chính 02 Ngày
  // làm việc"); "Trực tiếp 01 bộ hồ sơ" would be prose.
  if (spaced) return (readTimeCell(content)?.limit?.unit ?? 'unspecified') !== 'unspecified';
  if (/^\d/.test(content)) return true;
  // Prose such as "Trực tuyến: nộp hồ sơ…" is not a row.
  if (content.startsWith(':')) return false;
  // A worded time cell is a capitalised phrase ("Không quy định"); prose that
  // merely follows a label starts with punctuation or lower case.
  return content.startsWith(NO_INFO) || (/^\p{Lu}/u.test(content) && textTimeCellLength(content) > 0);
}

function parseRow(channel: Channel, content: string, issues: string[], warnings: string[]): ChannelRow {
  let pos = 0;
  let timeLimits: TimeLimit[] = [];
  let timeText: string | null = null;

  const glued = GLUED_AMOUNT.exec(content);
  if (content.startsWith(NO_INFO)) {
    pos = NO_INFO.length;
  } else if (glued) {
    const digits = glued[1] ?? '';
    const note = readParenthesised(content.slice(glued[0].length))?.inner ?? null;
    const split = splitGluedTimeAndAmount(digits, note);
    if (split.guessed) warnings.push('channels.time_fee_boundary_guessed');
    timeText = digits.slice(0, split.timeDigits);
    timeLimits = [{ value: Number(timeText), unit: 'unspecified', text: timeText }];
    warnings.push('channels.timeLimit_unit_missing');
    pos = split.timeDigits;
  } else {
    const cell = readTimeCell(content);
    const textLength = cell ? -1 : textTimeCellLength(content);
    if (cell?.limit) {
      timeLimits = [cell.limit];
      timeText = cell.limit.text;
      if (cell.limit.unit === 'unspecified') warnings.push('channels.timeLimit_unit_missing');
      pos = cell.length;
    } else if (textLength > 0) {
      // Words instead of a figure ("Không quy định" = not regulated): kept as
      // text, no limit to extract.
      timeText = content.slice(0, textLength).trim();
      warnings.push('channels.timeLimit_text_only');
      pos = textLength;
    } else {
      issues.push('channels.timeLimit_unparsed');
    }
  }

  const fee = readFeeCell(content.slice(pos));
  issues.push(...fee.issues);
  warnings.push(...fee.warnings);
  // The input is already normalised; line breaks in descriptions are lists.
  const description = content.slice(pos + fee.length).trim();
  return {
    channel,
    timeLimits,
    timeText,
    feeText: fee.feeText,
    fees: fee.fees,
    free: fee.free,
    description: description === '' || description === NO_INFO ? null : description,
  };
}

/** Parses the normalised `cach_thuc_thuc_hien` text. Empty input → no rows. */
export function parseChannels(text: string): ChannelsParse {
  const issues: string[] = [];
  const warnings: string[] = [];
  const channels: ChannelRow[] = [];
  let body = text.trim();
  if (body === '' || body === NO_INFO) return { channels, issues, warnings: ['channels.absent'] };
  if (body.startsWith(CHANNEL_HEADER)) body = body.slice(CHANNEL_HEADER.length);
  else issues.push('channels.header_missing');

  const starts = [...body.matchAll(LABEL)].filter((m) => opensRow(body.slice(m.index + m[0].length), m[2] === ' '));
  if (starts.length === 0) {
    issues.push('channels.no_rows');
    return { channels, issues, warnings };
  }
  if (body.slice(0, starts[0]?.index).trim() !== '') issues.push('channels.leftover_text');
  starts.forEach((match, i) => {
    const end = starts[i + 1]?.index ?? body.length;
    const channel = LABELS[match[1] ?? ''];
    if (channel) channels.push(parseRow(channel, body.slice(match.index + match[0].length, end), issues, warnings));
  });
  return { channels, issues: [...new Set(issues)], warnings: [...new Set(warnings)] };
}
