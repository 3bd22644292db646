// Where synthetic residents live: real commune-level codes of the 2025 administrative units
// (QĐ 19/2025/QĐ-TTg, effective 01/07/2025), three per province, taken from
// data/vn-admin-units-2025 (the first three communes of each province in the 01/07/2025 file whose
// code and name are unchanged in the 2026-07-25 update). Commune codes are reused across reforms, so
// these are meaningful as 2025 units only (domain-vn.md §4.3); residence-communes.test.ts checks them
// against the data files. A short fixed list keeps the generator pure (no file or database reads).

const BY_PROVINCE = [
  '00004 00008 00025', // 01 Thành phố Hà Nội: Ba Đình, Ngọc Hà, Giảng Võ
  '01273 01279 01288', // 04 Tỉnh Cao Bằng: Thục Phán, Nùng Trí Cao, Tân Giang
  '00691 00694 02212', // 08 Tỉnh Tuyên Quang: Hà Giang 2, Hà Giang 1, Nông Tiến
  '03127 03151 03334', // 11 Tỉnh Điện Biên: Điện Biên Phủ, Mường Lay, Mường Thanh
  '03388 03408 03390', // 12 Tỉnh Lai Châu: Đoàn Kết, Tân Phong, Bình Lư
  '03646 03664 03670', // 14 Tỉnh Sơn La: Tô Hiệu, Chiềng An, Chiềng Cơi
  '02647 02671 03006', // 15 Tỉnh Lào Cai: Lào Cai, Cam Đường, Sa Pa
  '01840 01843 05443', // 19 Tỉnh Thái Nguyên: Đức Xuân, Bắc Kạn, Phan Đình Phùng
  '05977 05983 05986', // 20 Tỉnh Lạng Sơn: Đông Kinh, Lương Văn Tri, Tam Thanh
  '06652 06658 06661', // 22 Tỉnh Quảng Ninh: Hà Tu, Cao Xanh, Việt Hưng
  '07420 07210 07228', // 24 Tỉnh Bắc Ninh: Mỹ Thái, Bắc Giang, Đa Mai
  '04978 04828 04894', // 25 Tỉnh Phú Thọ: Kim Bôi, Thống Nhất, Kỳ Sơn
  '10507 10525 10532', // 31 Thành phố Hải Phòng: Thành Đông, Hải Dương, Lê Thanh Nghị
  '11953 11980 11983', // 33 Tỉnh Hưng Yên: Phố Hiến, Hồng Châu, Sơn Nam
  '13285 13291 13318', // 37 Tỉnh Ninh Bình: Phủ Lý, Phù Vân, Châu Sơn
  '14758 14797 14812', // 38 Tỉnh Thanh Hóa: Hàm Rồng, Hạc Thành, Bỉm Sơn
  '16681 16690 16702', // 40 Tỉnh Nghệ An: Thành Vinh, Trường Vinh, Vinh Phú
  '18073 18100 18115', // 42 Tỉnh Hà Tĩnh: Thành Sen, Trần Phú, Bắc Hồng Lĩnh
  '18859 18871 18880', // 44 Tỉnh Quảng Trị: Đồng Thuận, Đồng Sơn, Đồng Hới
  '19753 19774 19777', // 46 Thành phố Huế: Phú Xuân, Kim Long, Vỹ Dạ
  '20194 20197 20209', // 48 Thành phố Đà Nẵng: Hải Vân, Liên Chiểu, Thanh Khê
  '21025 21028 21172', // 51 Tỉnh Quảng Ngãi: Cẩm Thành, Nghĩa Lộ, Trương Quang Trọng
  '21553 21583 21589', // 52 Tỉnh Gia Lai: Quy Nhơn Bắc, Quy Nhơn, Quy Nhơn Tây
  '22333 22366 22390', // 56 Tỉnh Khánh Hòa: Bắc Nha Trang, Nha Trang, Tây Nha Trang
  '22045 22051 22076', // 66 Tỉnh Đắk Lắk: Bình Kiến, Sông Cầu, Xuân Đài
  '22918 22933 22945', // 68 Tỉnh Lâm Đồng: Mũi Né, Hàm Thắng, Phan Thiết
  '25195 25210 25217', // 75 Tỉnh Đồng Nai: Bình Phước, Đồng Xoài, Phước Long
  '25747 25750 25760', // 79 Thành phố Hồ Chí Minh: Thủ Dầu Một, Phú Lợi, Bình Dương
  '25459 25480 25567', // 80 Tỉnh Tây Ninh: Tân Ninh, Bình Minh, Ninh Thạnh
  '29944 28249 28261', // 82 Tỉnh Đồng Tháp: An Phước, Đạo Thạnh, Mỹ Tho
  '28756 28777 28783', // 86 Tỉnh Vĩnh Long: Phú Khương, An Hội, Sơn Đông
  '30292 30301 30307', // 91 Tỉnh An Giang: Bình Đức, Mỹ Thới, Long Xuyên
  '31120 31135 31147', // 92 Thành phố Cần Thơ: Cái Khế, Ninh Kiều, Tân An
  '31825 31834 31840', // 96 Tỉnh Cà Mau: Bạc Liêu, Vĩnh Trạch, Hiệp Thành
];

/** 102 commune codes (5 digits) of the 2025 units, three in each of the 34 provinces. */
export const RESIDENCE_COMMUNE_CODES: readonly string[] = BY_PROVINCE.flatMap((codes) => codes.split(' '));
