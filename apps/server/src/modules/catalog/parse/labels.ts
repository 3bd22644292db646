/**
 * Comma-joined label fields: implementation levels ("Cấp bộ, Cấp tỉnh"),
 * applicant types and agency lists.
 *
 * A plain split on ", " is wrong because labels contain commas themselves:
 * "Cán bộ, công chức, viên chức", "Tổ chức (không bao gồm doanh nghiệp, HTX)",
 * "Cục cảnh sát quản lý hành chính về trật tự, xã hội",
 * "Trung tâm Chất lượng, Chế biến và Phát triển thị trường vùng 1".
 * So: split only outside parentheses, and glue a piece back onto the previous
 * one when it continues a name (starts in lower case, or with one of the
 * capitalised words that only ever continue a name in this catalogue).
 */
import { NO_INFO, normalizeInline } from './normalize.ts';

export const LEVELS = ['ministry', 'province', 'commune', 'other'] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_LABELS: Record<string, Level> = {
  'Cấp bộ': 'ministry',
  'Cấp tỉnh': 'province',
  'Cấp xã': 'commune',
  'Cơ quan khác': 'other',
};

// Capitalised words that continue an agency name after a comma ("Phòng,
// Chống thiên tai", "Văn hóa, Thể thao và Du lịch", "Lao động, Thương binh…",
// "Đo đạc, Bản đồ và…", "Thông tin, Lưu trữ và Thư viện"). Found by reading
// every agency value of the catalogue.
const CONTINUATIONS = /^(?:Chế biến|Chống|Thể thao|Thương binh|Xã hội|Bản đồ|Lưu trữ)(?=\s|$)/u;

/** Splits a comma-joined label list, keeping commas that belong to a label. */
export function splitLabels(text: string): string[] {
  const value = normalizeInline(text);
  if (value === '' || value === NO_INFO) return [];
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      pieces.push(value.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(value.slice(start));

  const labels: string[] = [];
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    const continues = /^\p{Ll}/u.test(piece) || CONTINUATIONS.test(piece);
    if (continues && labels.length > 0) labels[labels.length - 1] += `, ${piece}`;
    else labels.push(piece);
  }
  return labels;
}

export interface LevelsParse {
  levels: Level[];
  labels: string[];
  issues: string[];
}

/** Parses `cap_thuc_hien`; unknown labels are kept in `labels` and reported. */
export function parseLevels(text: string): LevelsParse {
  const labels = splitLabels(text);
  const levels: Level[] = [];
  const issues: string[] = [];
  for (const label of labels) {
    const level = LEVEL_LABELS[label] ?? LEVEL_LABELS[label.charAt(0).toUpperCase() + label.slice(1).toLowerCase()];
    if (level === undefined) issues.push('levels.unknown_label');
    else if (!levels.includes(level)) levels.push(level);
  }
  return { levels, labels, issues: [...new Set(issues)] };
}
