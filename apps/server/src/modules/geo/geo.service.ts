import type { AdminUnitView, ResolveView } from '@congso/contracts';
import { vietnamDate, type Clock } from '../../kernel/clock.ts';
import { notFound } from '../../kernel/errors.ts';
import { levelOfCode, type AdminUnitRow, type GeoRepository, type SuccessionRow } from './geo.repository.ts';
import { foldVietnamese } from '../../kernel/text.ts';
import { REFORM_2025_ON } from './unit-import.ts';

export function toAdminUnitView(row: AdminUnitRow): AdminUnitView {
  return {
    code: row.code,
    level: row.level,
    kind: row.kind,
    kindEn: row.kindEn,
    name: row.name,
    fullName: row.fullName,
    nameEn: row.nameEn,
    fullNameEn: row.fullNameEn,
    parentCode: row.parentCode,
    validFrom: row.validFrom,
    validTo: row.validTo,
    legalBasis: row.legalBasis,
  };
}

const unitNotFound = (code: string, at: string) =>
  notFound(
    'geo.unit_not_found',
    {
      vi: `Không có đơn vị hành chính mã ${code} vào ngày ${at}.`,
      en: `No administrative unit with code ${code} on ${at}.`,
    },
    { unitCode: code, at },
  );

export function createGeoService(deps: { repository: GeoRepository; clock: Clock }) {
  const { repository, clock } = deps;
  const today = () => vietnamDate(clock.now());

  return {
    async getUnit(code: string, at = today()): Promise<AdminUnitView> {
      const row = await repository.findUnitAt(code, at);
      if (!row) throw unitNotFound(code, at);
      return toAdminUnitView(row);
    },

    async listUnits(query: { parent?: string; level?: AdminUnitRow['level']; q?: string; at?: string; page: number; pageSize: number }) {
      const at = query.at ?? today();
      const { items, total } = await repository.listUnits({
        at,
        ...(query.parent ? { parent: query.parent } : {}),
        ...(query.level ? { level: query.level } : {}),
        ...(query.q ? { q: foldVietnamese(query.q) } : {}),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: items.map(toAdminUnitView), page: query.page, pageSize: query.pageSize, total };
    },

    /**
     * Which current unit(s) an address written before 1 July 2025 belongs to now. Districts were
     * abolished, so a district code resolves through its communes.
     */
    async resolveLegacy(legacyCode: string): Promise<ResolveView> {
      const legacy = await repository.findUnitBefore(legacyCode, REFORM_2025_ON);
      if (!legacy) throw unitNotFound(legacyCode, 'before ' + REFORM_2025_ON);
      const level = levelOfCode(legacyCode);
      let links: SuccessionRow[];
      let coverageOf: (newCode: string) => 'full' | 'partial';
      if (level === 'district') {
        const communes = await repository.listChildrenCodes(legacyCode, '2025-06-30');
        links = await repository.listSuccessions('commune', communes);
        // A district went wholly into a new commune only if all of its communes did.
        const targets = new Set(links.map((link) => link.newCode));
        const allFull = links.every((link) => link.coverage === 'full');
        coverageOf = () => (targets.size === 1 && allFull ? 'full' : 'partial');
      } else {
        links = await repository.listSuccessions(level === 'province' ? 'province' : 'commune', [legacyCode]);
        const byCode = new Map(links.map((link) => [link.newCode, link.coverage]));
        coverageOf = (newCode) => byCode.get(newCode) ?? 'partial';
      }
      const newLevel = level === 'province' ? 'province' : 'commune';
      const newCodes = [...new Set(links.map((link) => link.newCode))];
      const current = await repository.findUnitsAt(newCodes, newLevel, today());
      const successors = current
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((row) => ({ coverage: coverageOf(row.code), unit: toAdminUnitView(row) }));
      return { legacyCode, legacyUnit: toAdminUnitView(legacy), effectiveOn: REFORM_2025_ON, successors };
    },
  };
}

export type GeoService = ReturnType<typeof createGeoService>;
