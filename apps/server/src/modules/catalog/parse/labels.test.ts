import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLevels, splitLabels } from './labels.ts';

describe('parseLevels', () => {
  const cases: [string, string[]][] = [
    ['Cấp bộ', ['ministry']],
    ['Cấp bộ, Cấp tỉnh, Cấp xã', ['ministry', 'province', 'commune']],
    ['Cấp xã, Cơ quan khác', ['commune', 'other']],
    ['Cấp Tỉnh', ['province']],
    ['', []],
  ];
  for (const [text, levels] of cases) {
    it(JSON.stringify(text), () => {
      const parsed = parseLevels(text);
      assert.deepEqual(parsed.levels, levels);
      assert.deepEqual(parsed.issues, []);
    });
  }
  it('keeps and reports an unknown level', () => {
    assert.deepEqual(parseLevels('Cấp bộ, Cấp huyện'), { levels: ['ministry'], labels: ['Cấp bộ', 'Cấp huyện'], issues: ['levels.unknown_label'] });
  });
});

// Real values of doi_tuong_thuc_hien and the agency fields.
describe('splitLabels', () => {
  const cases: [string, string[]][] = [
    ['Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam', ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Công dân Việt Nam']],
    ['Hợp tác xã, Cán bộ, công chức, viên chức, Người nước ngoài', ['Hợp tác xã', 'Cán bộ, công chức, viên chức', 'Người nước ngoài']],
    ['Cục cảnh sát quản lý hành chính về trật tự, xã hội, Công an tỉnh', ['Cục cảnh sát quản lý hành chính về trật tự, xã hội', 'Công an tỉnh']],
    ['Cục Thuế - Bộ tài chính, Thuế tỉnh, thành phố, Thuế cơ sở', ['Cục Thuế - Bộ tài chính', 'Thuế tỉnh, thành phố', 'Thuế cơ sở']],
    [
      'Trung tâm Chất lượng, Chế biến và Phát triển thị trường vùng 1, Trung tâm Chất lượng, Chế biến và Phát triển thị trường vùng 2',
      ['Trung tâm Chất lượng, Chế biến và Phát triển thị trường vùng 1', 'Trung tâm Chất lượng, Chế biến và Phát triển thị trường vùng 2'],
    ],
    ['Cục Quản lý Đê điều và Phòng, Chống thiên tai - Bộ NN và MT, Cục Lâm nghiệp', ['Cục Quản lý Đê điều và Phòng, Chống thiên tai - Bộ NN và MT', 'Cục Lâm nghiệp']],
    ['Ủy ban Nhân dân xã, phường, thị trấn.', ['Ủy ban Nhân dân xã, phường, thị trấn.']],
    ['Cục Đo đạc, Bản đồ và Thông tin địa lý VN- Bộ NN và MT, Sở Nông nghiệp và Môi trường', ['Cục Đo đạc, Bản đồ và Thông tin địa lý VN- Bộ NN và MT', 'Sở Nông nghiệp và Môi trường']],
    ['Không có thông tin', []],
  ];
  for (const [text, labels] of cases) it(text, () => assert.deepEqual(splitLabels(text), labels));
});
