/**
 * Shape of one raw record of the national TTHC catalogue crawl
 * (data/vn-tthc-catalog, see PROVENANCE.md). Field names are the crawler's
 * Vietnamese keys; every value is a string, possibly empty.
 *
 * Only the code and the name are required: everything else defaults to '' so a
 * record from an older or partial crawl still parses and the gaps show up as
 * empty fields rather than as a rejected record. Unknown keys are kept.
 */
import { z } from 'zod';

// Missing and null read as '' (an empty cell), so one absent column does not
// reject a record.
const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const procedureRecordSchema = z.looseObject({
  ma_thu_tuc: z.string().trim().min(1),
  ten_thu_tuc: z.string().trim().min(1),
  detail_url: text,
  formality_id: text,
  so_quyet_dinh: text,
  cap_thuc_hien: text,
  loai_thu_tuc: text,
  linh_vuc: text,
  doi_tuong_thuc_hien: text,
  co_quan_co_tham_quyen: text,
  dia_chi_tiep_nhan: text,
  co_quan_duoc_uy_quyen: text,
  co_quan_phoi_hop: text,
  thu_tuc_lien_quan: text,
  trinh_tu_thuc_hien: text,
  cach_thuc_thuc_hien: text,
  thanh_phan_ho_so: text,
  can_cu_phap_ly: text,
  co_quan_thuc_hien: text,
  yeu_cau_dieu_kien: text,
  ket_qua_xu_ly: text,
  _source_folder: text,
});

export type ProcedureRecord = z.infer<typeof procedureRecordSchema>;

/** The record's own fields, in a fixed order (used to build `raw`). */
export const RECORD_FIELDS = [
  'ma_thu_tuc',
  'ten_thu_tuc',
  'detail_url',
  'formality_id',
  'so_quyet_dinh',
  'cap_thuc_hien',
  'loai_thu_tuc',
  'linh_vuc',
  'doi_tuong_thuc_hien',
  'co_quan_co_tham_quyen',
  'dia_chi_tiep_nhan',
  'co_quan_duoc_uy_quyen',
  'co_quan_phoi_hop',
  'thu_tuc_lien_quan',
  'trinh_tu_thuc_hien',
  'cach_thuc_thuc_hien',
  'thanh_phan_ho_so',
  'can_cu_phap_ly',
  'co_quan_thuc_hien',
  'yeu_cau_dieu_kien',
  'ket_qua_xu_ly',
  '_source_folder',
] as const satisfies readonly (keyof ProcedureRecord)[];

export type RecordField = (typeof RECORD_FIELDS)[number];
