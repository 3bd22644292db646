/**
 * Search documents built straight from the crawled national catalogue in data/vn-tthc-catalog,
 * for the benchmark and the real-data tests (the server builds its documents from PostgreSQL,
 * see catalog.service.ts). The body mirrors what the service indexes: field, applicants,
 * agencies, documents, results and requirements; not the step-by-step text.
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { SearchDoc } from './search-index.ts';

export const REAL_CATALOG_PATH = fileURLToPath(
  new URL('../../../../../../data/vn-tthc-catalog/tthc_national_catalog_2026-07.jsonl.gz', import.meta.url),
);

const BODY_FIELDS = [
  'linh_vuc',
  'doi_tuong_thuc_hien',
  'co_quan_thuc_hien',
  'co_quan_co_tham_quyen',
  'thanh_phan_ho_so',
  'ket_qua_xu_ly',
  'yeu_cau_dieu_kien',
];

function text(row: Record<string, unknown>, key: string): string {
  const value = row[key];
  return typeof value === 'string' ? value.normalize('NFC').trim() : '';
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function realCatalogAvailable(): boolean {
  return existsSync(REAL_CATALOG_PATH);
}

export function loadRealCatalog(): SearchDoc[] {
  return gunzipSync(readFileSync(REAL_CATALOG_PATH))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as Record<string, unknown>;
      const field = text(row, 'linh_vuc');
      return {
        id: text(row, 'ma_thu_tuc'),
        name: text(row, 'ten_thu_tuc'),
        body: BODY_FIELDS.map((key) => text(row, key)).join('\n'),
        filters: {
          levels: list(text(row, 'cap_thuc_hien')),
          field: field === '' ? null : field,
          agencies: list(text(row, 'co_quan_thuc_hien')),
        },
      };
    });
}
