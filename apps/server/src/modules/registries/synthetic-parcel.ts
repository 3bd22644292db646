// Land parcels (thửa đất) of the synthetic land registry, one per three persons: parcel i belongs to
// person 3i − 2's household — a demo resident holds theirs alone, a family's father and mother hold
// theirs jointly (common property of spouses, Luật Đất đai 2024 Art. 135.4 names both on the
// certificate). Drawn from a PRNG seeded by i, so parcel i is the same in every registry holding it.

import { dateOfDay, dayNumber, eighteenthBirthday } from './synthetic-dates.ts';
import { householdHeadNumber, syntheticPerson } from './synthetic-person.ts';
import { scatter, seededRandom } from './synthetic-random.ts';
import { SYNTHETIC_RESIDENTS } from './synthetic-resident.ts';

export const PERSONS_PER_PARCEL = 3;

/**
 * Land-use purposes (loại đất) by their codes in the cadastral records (Thông tư 08/2024/TT-BTNMT under
 * the Land Law 2024, Art. 9 for the categories): a short real list, with a plausible area range in m².
 */
export const LAND_USE_PURPOSES: Readonly<Record<string, { vi: string; en: string; area: readonly [number, number]; weight: number }>> = {
  ONT: { vi: 'Đất ở tại nông thôn', en: 'Rural residential land', area: [80, 600], weight: 25 },
  ODT: { vi: 'Đất ở tại đô thị', en: 'Urban residential land', area: [30, 250], weight: 20 },
  LUC: { vi: 'Đất chuyên trồng lúa', en: 'Land specialised for rice', area: [300, 3_000], weight: 20 },
  BHK: { vi: 'Đất trồng cây hằng năm khác', en: 'Land for other annual crops', area: [200, 2_500], weight: 10 },
  CLN: { vi: 'Đất trồng cây lâu năm', en: 'Land for perennial crops', area: [300, 8_000], weight: 15 },
  NTS: { vi: 'Đất nuôi trồng thủy sản', en: 'Aquaculture land', area: [500, 10_000], weight: 5 },
  RSX: { vi: 'Đất rừng sản xuất', en: 'Production forest land', area: [2_000, 50_000], weight: 5 },
};
const PURPOSES = Object.entries(LAND_USE_PURPOSES).map(([code, { weight }]) => [code, weight] as const);

/** Parcels per map sheet (tờ bản đồ): parcel numbers run 1…999 on each sheet. */
const PARCELS_PER_SHEET = 999;
const FIRST_CERTIFICATE = '1994-01-01';
const LAST_CERTIFICATE = '2025-06-30';

export type SyntheticParcel = Readonly<{
  communeCode: string;
  /** Số tờ bản đồ. */
  mapSheet: number;
  /** Số thửa. */
  parcelNumber: number;
  /** m², two decimals as in the cadastral records. */
  area: number;
  /** Land-use code, e.g. ONT. */
  purpose: string;
  /** Số phát hành of the land-use right certificate (Giấy chứng nhận): series of two letters and six digits. */
  certificateNumber: string;
  certificateIssuedOn: string;
  /** Personal IDs of the land users named on the certificate. */
  holderIds: string[];
}>;

export function parcelCount(persons: number): number {
  return Math.floor(persons / PERSONS_PER_PARCEL);
}

/**
 * Parcel i (1-based), held by person 3i − 2's household: the demo resident, or the family's father
 * and mother. The key (commune, sheet, parcel) is unique because (sheet, parcel) alone is a
 * one-to-one function of i; the certificate number likewise (series i ÷ 10⁶, number scattered).
 */
export function syntheticParcel(i: number): SyntheticParcel {
  if (!Number.isInteger(i) || i < 1) throw new RangeError(`parcels are numbered from 1, not ${i}`);
  const random = seededRandom('registries.parcel', i);
  const purpose = random.weighted(PURPOSES);
  const [min, max] = LAND_USE_PURPOSES[purpose]?.area ?? [100, 1_000];
  const area = Math.round(Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min))) * 100) / 100;
  const head = householdHeadNumber(PERSONS_PER_PARCEL * i - 2);
  const holders = head <= SYNTHETIC_RESIDENTS ? [syntheticPerson(head)] : [syntheticPerson(head), syntheticPerson(head + 1)];
  const owner = holders[0] ?? syntheticPerson(head);
  const eldestAdult = holders.map((h) => eighteenthBirthday(h.birthDate)).reduce((a, b) => (a < b ? a : b));
  // Issued once a holder was of age (or, for a minor heir, on the last day: a guardian asked for it).
  const from = Math.min(Math.max(dayNumber(FIRST_CERTIFICATE), dayNumber(eldestAdult)), dayNumber(LAST_CERTIFICATE));
  const index = i - 1;
  const series = Math.floor(index / 1_000_000);
  const letters = String.fromCharCode(65 + Math.floor(series / 26) % 26, 65 + (series % 26));
  return {
    communeCode: owner.permanentCommuneCode,
    mapSheet: Math.floor(index / PARCELS_PER_SHEET) + 1,
    parcelNumber: (index % PARCELS_PER_SHEET) + 1,
    area,
    purpose,
    certificateNumber: `${letters} ${String(scatter(index % 1_000_000, 741_457, 180_223, 1_000_000)).padStart(6, '0')}`,
    certificateIssuedOn: dateOfDay(random.integer(from, dayNumber(LAST_CERTIFICATE))),
    holderIds: holders.map((h) => h.personalId),
  };
}
