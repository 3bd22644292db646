/**
 * A fixed mix of realistic portal searches (with and without diacritics, one typo), shared by the
 * index micro-benchmark and the HTTP benchmark so both measure the same queries.
 */
export const POPULAR_QUERIES: readonly string[] = [
  'dang ky thuong tru',
  'đăng ký khai sinh',
  'cap ban sao trich luc',
  'ket hon',
  'giay phep xay dung',
  'dang ky doanh nghiep',
  'thue',
  'ho chieu',
  'dat dai',
  'dang ky thuongg tru',
  'chung thuc',
  'bao hiem',
];
