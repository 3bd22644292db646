import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatDossierCode, parseDossierCode } from './dossier-code.ts';

describe('dossier codes', () => {
  const formatted: [string, string, number, string][] = [
    ['H29.25747.01', '2026-11-23', 1, 'H29.25747.01-261123-0001'],
    ['H29.15', '2026-01-05', 1000, 'H29.15-260105-1000'],
    // Past 9,999 a day the sequence grows (Circular 04/2025 adding Art. 13(3) to Circular 03/2025).
    ['H29', '2026-12-31', 12345, 'H29-261231-12345'],
  ];
  for (const [agency, day, sequence, code] of formatted) {
    it(`formats ${code}`, () => assert.equal(formatDossierCode(agency, day, sequence), code));
  }

  const parsed: [string, ReturnType<typeof parseDossierCode>][] = [
    ['H15.50.05.13-261008-0975', { agencyCode: 'H15.50.05.13', receivedOn: '2026-10-08', sequence: 975, format: 'level_one_first' }],
    ['000.00.00.H29-250701-0001', { agencyCode: 'H29', receivedOn: '2025-07-01', sequence: 1, format: 'lowest_level_first' }],
    ['001.15.00.H29-190314-0042', { agencyCode: 'H29.15.001', receivedOn: '2019-03-14', sequence: 42, format: 'lowest_level_first' }],
    ['h29.15-260105-1000', { agencyCode: 'H29.15', receivedOn: '2026-01-05', sequence: 1000, format: 'level_one_first' }],
    ['H29-260230-0001', undefined],
    ['H29-261123-0000', undefined],
    ['H29-261123-001', undefined],
    ['123.45-261123-0001', undefined],
    ['H29..15-261123-0001', undefined],
    ['H29-261123', undefined],
    ['', undefined],
  ];
  for (const [code, expected] of parsed) {
    it(`parses ${code || '(empty)'}`, () => assert.deepEqual(parseDossierCode(code), expected));
  }

  it('refuses a sequence below 1 and a malformed date when formatting', () => {
    assert.throws(() => formatDossierCode('H29', '2026-11-23', 0), RangeError);
    assert.throws(() => formatDossierCode('H29', '20261123', 1), RangeError);
  });

  it('round-trips every code it issues (property)', () => {
    const agency = fc.tuple(fc.constantFrom('H29', 'G01', 'A01'), fc.array(fc.stringMatching(/^[0-9A-Z]{1,5}$/), { maxLength: 3 })).map(([first, rest]) => [first, ...rest].join('.'));
    const day = fc.date({ min: new Date('2018-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(agency, day, fc.integer({ min: 1, max: 999_999 }), (agencyCode, receivedOn, sequence) => {
        assert.deepEqual(parseDossierCode(formatDossierCode(agencyCode, receivedOn, sequence)), { agencyCode, receivedOn, sequence, format: 'level_one_first' });
      }),
    );
  });

  it('orders codes of one agency and day by sequence as text while under 10,000 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        const [x, y] = [formatDossierCode('H29', '2026-11-23', a), formatDossierCode('H29', '2026-11-23', b)];
        assert.equal(Math.sign(x.localeCompare(y)), Math.sign(a - b));
      }),
    );
  });
});
