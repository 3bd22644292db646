import { z } from 'zod';
import { foldVietnamese, normalizeText } from '../../kernel/text.ts';

// Pure transformation of the reference files in data/ into admin-unit versions and succession
// links. See data/vn-admin-units-*/PROVENANCE.md and data/vn-admin-mapping-2025/PROVENANCE.md.

export const REFORM_2025_ON = '2025-07-01';
/** Nghị quyết 30/2026/QH16 and 237/NQ-UBTVQH16 took effect on 30/04/2026. */
export const UPDATE_2026_ON = '2026-04-30';

export const LEGAL_BASIS = {
  pre2025: 'Danh mục đơn vị hành chính (QĐ 124/2004/QĐ-TTg), as in force 01/03/2025 – 30/06/2025',
  reform2025: 'QĐ 19/2025/QĐ-TTg; Nghị quyết 1654–1687/NQ-UBTVQH15 (effective 01/07/2025)',
  update2026: 'Nghị quyết 30/2026/QH16; Nghị quyết 237/NQ-UBTVQH16 (effective 30/04/2026)',
} as const;

export type UnitLevel = 'province' | 'district' | 'commune';

export type UnitVersion = {
  code: string;
  level: UnitLevel;
  kind: string;
  kindEn: string;
  name: string;
  fullName: string;
  nameEn: string;
  fullNameEn: string;
  codeName: string;
  parentCode: string | null;
  searchText: string;
  validFrom: string | null;
  validTo: string | null;
  legalBasis: string;
  source: string;
};

export type Succession = {
  level: 'province' | 'commune';
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  coverage: 'full' | 'partial';
  effectiveOn: string;
  rank: number;
};

const Named = z.object({
  Code: z.string(),
  Name: z.string(),
  NameEn: z.string(),
  FullName: z.string(),
  FullNameEn: z.string(),
  CodeName: z.string(),
});
const Ward2025 = Named.extend({ ProvinceCode: z.string(), AdministrativeUnitId: z.number().int() });
const Province2025 = Named.extend({ AdministrativeUnitId: z.number().int(), Wards: z.array(Ward2025) });
export const Units2025File = z.array(Province2025);

const WardPre2025 = Named.extend({ DistrictCode: z.string() });
const DistrictPre2025 = Named.extend({ ProvinceCode: z.string(), Ward: z.array(WardPre2025).nullable() });
export const UnitsPre2025File = z.array(Named.extend({ District: z.array(DistrictPre2025) }));

const Merge = z.object({ old_id: z.string(), name: z.string(), type: z.enum(['full', 'partial']) });
export const MergesFile = z.object({
  data: z.array(
    z.object({
      level1_id: z.string(),
      name: z.string(),
      merges: z.array(Merge),
      level2s: z.array(z.object({ level2_id: z.string(), name: z.string(), merges: z.array(Merge) })),
    }),
  ),
});

// AdministrativeUnitId in the 2025 files: 1 centrally-run city, 2 province, 3 ward, 4 commune, 5 special zone.
const KIND_BY_ID: Record<number, { kind: string; kindEn: string }> = {
  1: { kind: 'Thành phố', kindEn: 'Municipality' },
  2: { kind: 'Tỉnh', kindEn: 'Province' },
  3: { kind: 'Phường', kindEn: 'Ward' },
  4: { kind: 'Xã', kindEn: 'Commune' },
  5: { kind: 'Đặc khu', kindEn: 'Special zone' },
};

// The pre-2025 file has no unit-type field: the type is the prefix of the full name.
const KIND_BY_PREFIX: Record<UnitLevel, { prefix: string; kindEn: string }[]> = {
  province: [
    { prefix: 'Thành phố', kindEn: 'Municipality' },
    { prefix: 'Tỉnh', kindEn: 'Province' },
  ],
  district: [
    { prefix: 'Quận', kindEn: 'Urban district' },
    { prefix: 'Huyện', kindEn: 'Rural district' },
    { prefix: 'Thị xã', kindEn: 'District-level town' },
    { prefix: 'Thành phố', kindEn: 'Provincial city' },
  ],
  commune: [
    { prefix: 'Phường', kindEn: 'Ward' },
    { prefix: 'Xã', kindEn: 'Commune' },
    { prefix: 'Thị trấn', kindEn: 'Township' },
  ],
};

function kindFromFullName(level: UnitLevel, fullName: string): { kind: string; kindEn: string } {
  const match = KIND_BY_PREFIX[level].find((k) => fullName.startsWith(k.prefix + ' '));
  if (!match) throw new Error(`Unknown ${level} type in "${fullName}"`);
  return { kind: match.prefix, kindEn: match.kindEn };
}

function kindFromId(id: number): { kind: string; kindEn: string } {
  const kind = KIND_BY_ID[id];
  if (!kind) throw new Error(`Unknown AdministrativeUnitId ${id}`);
  return kind;
}

function baseFields(unit: z.infer<typeof Named>) {
  const name = normalizeText(unit.Name);
  const fullName = normalizeText(unit.FullName);
  return {
    code: unit.Code,
    name,
    fullName,
    nameEn: normalizeText(unit.NameEn),
    fullNameEn: normalizeText(unit.FullNameEn),
    codeName: unit.CodeName,
    searchText: foldVietnamese(fullName),
  };
}

export function pre2025Units(file: z.infer<typeof UnitsPre2025File>, source: string): UnitVersion[] {
  const out: UnitVersion[] = [];
  const common = { validFrom: null, validTo: REFORM_2025_ON, legalBasis: LEGAL_BASIS.pre2025, source };
  for (const province of file) {
    const p = baseFields(province);
    out.push({ ...p, ...kindFromFullName('province', p.fullName), level: 'province', parentCode: null, ...common });
    for (const district of province.District) {
      const d = baseFields(district);
      out.push({ ...d, ...kindFromFullName('district', d.fullName), level: 'district', parentCode: p.code, ...common });
      for (const ward of district.Ward ?? []) {
        const w = baseFields(ward);
        out.push({ ...w, ...kindFromFullName('commune', w.fullName), level: 'commune', parentCode: d.code, ...common });
      }
    }
  }
  return out;
}

type Flat2025 = Omit<UnitVersion, 'validFrom' | 'validTo' | 'legalBasis' | 'source'>;

function flatten2025(file: z.infer<typeof Units2025File>): Map<string, Flat2025> {
  const out = new Map<string, Flat2025>();
  for (const province of file) {
    out.set(`province:${province.Code}`, {
      ...baseFields(province),
      ...kindFromId(province.AdministrativeUnitId),
      level: 'province',
      parentCode: null,
    });
    for (const ward of province.Wards) {
      out.set(`commune:${ward.Code}`, {
        ...baseFields(ward),
        ...kindFromId(ward.AdministrativeUnitId),
        level: 'commune',
        parentCode: ward.ProvinceCode,
      });
    }
  }
  return out;
}

/**
 * Units after the reform. A unit whose type or name really changed in the 2026 update gets a second
 * version from 30/04/2026; re-spellings of tone-mark placement only (Hòa/Hoà) are not a change and
 * keep the spelling of QĐ 19/2025.
 */
export function reformUnits(
  units2025: z.infer<typeof Units2025File>,
  units2026: z.infer<typeof Units2025File>,
  sources: { file2025: string; file2026: string },
): UnitVersion[] {
  const before = flatten2025(units2025);
  const after = flatten2025(units2026);
  const out: UnitVersion[] = [];
  for (const [key, unit] of before) {
    const next = after.get(key);
    const changed = next !== undefined && (next.kind !== unit.kind || foldVietnamese(next.fullName) !== foldVietnamese(unit.fullName));
    const removed = next === undefined;
    out.push({
      ...unit,
      validFrom: REFORM_2025_ON,
      validTo: changed || removed ? UPDATE_2026_ON : null,
      legalBasis: LEGAL_BASIS.reform2025,
      source: sources.file2025,
    });
    if (changed) {
      out.push({ ...next, validFrom: UPDATE_2026_ON, validTo: null, legalBasis: LEGAL_BASIS.update2026, source: sources.file2026 });
    }
  }
  for (const [key, unit] of after) {
    if (!before.has(key)) {
      out.push({ ...unit, validFrom: UPDATE_2026_ON, validTo: null, legalBasis: LEGAL_BASIS.update2026, source: sources.file2026 });
    }
  }
  return out;
}

export function successions(file: z.infer<typeof MergesFile>): Succession[] {
  const out: Succession[] = [];
  for (const province of file.data) {
    province.merges.forEach((merge, rank) =>
      out.push({
        level: 'province',
        oldCode: merge.old_id,
        oldName: normalizeText(merge.name),
        newCode: province.level1_id,
        newName: normalizeText(province.name),
        coverage: merge.type,
        effectiveOn: REFORM_2025_ON,
        rank,
      }),
    );
    for (const commune of province.level2s) {
      commune.merges.forEach((merge, rank) =>
        out.push({
          level: 'commune',
          oldCode: merge.old_id,
          oldName: normalizeText(merge.name),
          newCode: commune.level2_id,
          newName: normalizeText(commune.name),
          coverage: merge.type,
          effectiveOn: REFORM_2025_ON,
          rank,
        }),
      );
    }
  }
  return out;
}
