import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldedName, isSameLegalName } from './legal-name.ts';
import { SYNTHETIC_RESIDENTS, syntheticResident } from './synthetic-resident.ts';

describe('isSameLegalName', () => {
  const cases: [string, string, string, boolean][] = [
    ['identical', 'Nguyễn Văn An', 'Nguyễn Văn An', true],
    ['spaces around and between words', '  Nguyễn   Văn\tAn ', 'Nguyễn Văn An', true],
    ['upper case as printed on the card', 'NGUYỄN VĂN AN', 'Nguyễn Văn An', true],
    ['Đ upper and lower case', 'ĐẶNG THỊ HÀ', 'Đặng Thị Hà', true],
    ['decomposed (NFD) input', 'Nguyễn Văn An'.normalize('NFD'), 'Nguyễn Văn An', true],
    ['accents missing', 'Nguyen Van An', 'Nguyễn Văn An', false],
    ['one tone mark different', 'Nguyễn Văn Ân', 'Nguyễn Văn An', false],
    ['đ typed as d', 'Dặng Thị Hà', 'Đặng Thị Hà', false],
    ['another given name', 'Nguyễn Văn Anh', 'Nguyễn Văn An', false],
    ['words run together', 'Nguyễn VănAn', 'Nguyễn Văn An', false],
    ['middle name missing', 'Nguyễn An', 'Nguyễn Văn An', false],
  ];
  for (const [name, declared, registered, same] of cases) {
    it(`${name}: ${same ? 'same' : 'different'}`, () => assert.equal(isSameLegalName(declared, registered), same));
  }

  const resident = fc.integer({ min: 1, max: SYNTHETIC_RESIDENTS }).map((n) => syntheticResident(n));

  it('ignores case, Unicode form and spacing for every synthetic name (property)', () => {
    const spacing = fc.stringMatching(/^[ \t]{1,3}$/);
    fc.assert(
      fc.property(resident, fc.boolean(), fc.boolean(), spacing, spacing, (person, upper, nfd, before, between) => {
        let typed = before + person.fullName.split(' ').join(between) + before;
        if (upper) typed = typed.toLocaleUpperCase('vi');
        if (nfd) typed = typed.normalize('NFD');
        assert.ok(isSameLegalName(typed, person.fullName), JSON.stringify(typed));
      }),
    );
  });

  it('never matches a name with its accents removed (property)', () => {
    fc.assert(
      fc.property(resident, (person) => {
        const folded = foldedName(person.fullName);
        assert.equal(isSameLegalName(folded, person.fullName), folded === person.fullName.toLocaleLowerCase('vi'));
      }),
    );
  });
});

describe('foldedName', () => {
  it('drops accents, đ and case', () => {
    assert.equal(foldedName('  ĐẶNG   Thị Hà '), 'dang thi ha');
    assert.equal(foldedName('Nguyễn Văn An'.normalize('NFD')), 'nguyen van an');
    assert.equal(foldedName('Trương Thủy Quỳnh'), 'truong thuy quynh');
  });
});
