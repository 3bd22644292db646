import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Punctuality } from './deadline.ts';
import type { DossierFacts, DossierScores, IndicatorNumber, Score } from './indicators.ts';
import { aggregateScores, PER_DOSSIER_INDICATORS, scoreDossier } from './indicators.ts';

// A returned dossier that earns 2 everywhere; each case changes only what it is about.
const best: DossierFacts = {
  finished: true,
  returned: true,
  punctuality: 'early',
  unitVerdicts: ['early', 'early', 'early'],
  supplementRequests: 0,
  channel: 'online',
  resultDelivery: ['electronic'],
  agenciesContacted: 0,
  publication: { electronic: true, postedAtOffice: true },
  returnPunctuality: 'early',
  substantiatedComplaints: 0,
};
const received: Partial<DossierFacts> = { finished: false, returned: false, punctuality: null, returnPunctuality: null };
const decided: Partial<DossierFacts> = { returned: false, returnPunctuality: null };
const score = (indicator: IndicatorNumber, overrides: Partial<DossierFacts>) => scoreDossier({ ...best, ...overrides })[indicator];
const scores = (values: Partial<Record<IndicatorNumber, Score | null>>): DossierScores => ({ 1: null, 2: null, 3: null, 4: null, 6: null, 7: null, ...values });

type Case = [name: string, overrides: Partial<DossierFacts>, expected: Score | null];

const tables: [IndicatorNumber, string, Case[]][] = [
  [1, 'total processing time against the legal limit', [
    ['shorter', { punctuality: 'early' }, 2],
    ['equal', { punctuality: 'on_time' }, 1],
    ['longer', { punctuality: 'late' }, 0],
    ['decided, not yet returned', { ...decided, punctuality: 'late' }, 0],
    ['not decided yet', received, null],
    ['decided but with no punctuality recorded', { punctuality: null }, null],
  ]],
  [2, 'each participating unit against its allotment', [
    ['every unit early', { unitVerdicts: ['early', 'early'] }, 2],
    ['one unit on time', { unitVerdicts: ['early', 'on_time', 'early'] }, 1],
    ['every unit on time', { unitVerdicts: ['on_time', 'on_time'] }, 1],
    ['one unit late among early ones', { unitVerdicts: ['early', 'late', 'early'] }, 0],
    ['the still-open result phase is not judged', { ...decided, unitVerdicts: ['early', 'early', null] }, 2],
    ['a single unit', { unitVerdicts: ['on_time'] }, 1],
    ['not decided yet, even with a unit already late', { ...received, unitVerdicts: ['late', null] }, null],
    ['decided with no unit judged (a gap in the record)', { unitVerdicts: [null] }, null],
    ['decided with no unit recorded', { unitVerdicts: [] }, null],
  ]],
  [3, 'contacts needed to complete the dossier', [
    ['none', { supplementRequests: 0 }, 2],
    ['one supplement request', { supplementRequests: 1 }, 1],
    ['two supplement requests', { supplementRequests: 2 }, 0],
    ['five supplement requests', { supplementRequests: 5 }, 0],
    ['decided, not yet returned', { ...decided, supplementRequests: 1 }, 1],
    ['not decided yet', { ...received, supplementRequests: 0 }, null],
  ]],
  [4, 'agencies the applicant had to contact', [
    ['online, result sent electronically', { channel: 'online', resultDelivery: ['electronic'] }, 2],
    ['by post both ways', { channel: 'postal', resultDelivery: ['post'] }, 2],
    ['online, result electronic and by post', { channel: 'online', resultDelivery: ['electronic', 'post'] }, 2],
    ['online, but the result picked up', { channel: 'online', resultDelivery: ['pickup'] }, 1],
    ['online, an electronic copy and the original picked up', { channel: 'online', resultDelivery: ['electronic', 'pickup'] }, 1],
    ['in person, result by post', { channel: 'in_person', resultDelivery: ['post'] }, 1],
    ['in person, result picked up', { channel: 'in_person', resultDelivery: ['pickup'] }, 1],
    ['online, delivery not recorded', { channel: 'online', resultDelivery: [] }, 1],
    ['online, but another agency had to be visited', { channel: 'online', agenciesContacted: 1 }, 0],
    ['in person, two other agencies', { channel: 'in_person', resultDelivery: ['pickup'], agenciesContacted: 2 }, 0],
    ['decided, result not returned yet', { ...decided, agenciesContacted: 1 }, null],
    ['not decided yet', received, null],
  ]],
  [6, 'publication of the procedure', [
    ['posted and electronic', { publication: { electronic: true, postedAtOffice: true } }, 2],
    ['electronic only', { publication: { electronic: true, postedAtOffice: false } }, 1],
    ['posted only', { publication: { electronic: false, postedAtOffice: true } }, 1],
    ['neither', { publication: { electronic: false, postedAtOffice: false } }, 0],
    ['before any decision', { ...received, publication: { electronic: false, postedAtOffice: true } }, 1],
  ]],
  [7, 'staff attitude', [
    ['early return, no complaint', { returnPunctuality: 'early' }, 2],
    ['on-time return, no complaint', { returnPunctuality: 'on_time' }, 1],
    ['late return, no complaint', { returnPunctuality: 'late' }, 0],
    ['early return, a substantiated complaint', { returnPunctuality: 'early', substantiatedComplaints: 1 }, 0],
    ['a substantiated complaint before the result went back', { ...decided, substantiatedComplaints: 2 }, 0],
    ['a substantiated complaint before any decision', { ...received, substantiatedComplaints: 1 }, 0],
    ['not returned yet, no complaint', decided, null],
    ['returned with no return punctuality recorded', { returnPunctuality: null }, null],
  ]],
];

describe('per-dossier indicators (Circular 01/2018 Arts. 13–14)', () => {
  it('scores a dossier handled as well as it can be 2 on every indicator', () => {
    assert.deepEqual(scoreDossier(best), { 1: 2, 2: 2, 3: 2, 4: 2, 6: 2, 7: 2 });
  });

  it('scores only indicators 6 and 7 (on a complaint) before a decision', () => {
    assert.deepEqual(scoreDossier({ ...best, ...received, unitVerdicts: ['early', null] }), { 1: null, 2: null, 3: null, 4: null, 6: 2, 7: null });
  });

  for (const [indicator, title, cases] of tables) {
    describe(`indicator ${indicator}: ${title}`, () => {
      for (const [name, overrides, expected] of cases) {
        it(`${name} → ${String(expected)}`, () => assert.equal(score(indicator, overrides), expected));
      }
    });
  }

  const mistakes: [string, Partial<DossierFacts>][] = [
    ['a result returned before a decision', { finished: false }],
    ['a negative supplement count', { supplementRequests: -1 }],
    ['a fractional agency count', { agenciesContacted: 0.5 }],
    ['a complaint count that is not a number', { substantiatedComplaints: Number.NaN }],
  ];
  for (const [name, overrides] of mistakes) {
    it(`rejects ${name} as the caller’s mistake`, () => assert.throws(() => scoreDossier({ ...best, ...overrides }), RangeError));
  }
});

describe('aggregation over dossiers (Circular 01/2018 Art. 15.2)', () => {
  // Twenty dossiers scoring 1 or 2 on indicator 1, with `twos` of them scoring 2.
  const mix = (twos: number, total: number) => Array.from({ length: total }, (_, i) => scores({ 1: i < twos ? 2 : 1 }));
  const cases: [string, DossierScores[], number | null][] = [
    ['no dossier', [], null],
    ['no dossier scored', [scores({}), scores({})], null],
    ['one dossier', [scores({ 1: 2 })], 2],
    ['an exact mean', [scores({ 1: 2 }), scores({ 1: 0 })], 1],
    ['a third rounds down (4/3 → 1.3)', [scores({ 1: 2 }), scores({ 1: 1 }), scores({ 1: 1 })], 1.3],
    ['two thirds round up (5/3 → 1.7)', [scores({ 1: 2 }), scores({ 1: 2 }), scores({ 1: 1 })], 1.7],
    ['a half up at .x5 (1.25 → 1.3)', mix(1, 4), 1.3],
    ['a half up (27/20 = 1.35 → 1.4)', mix(7, 20), 1.4],
    ['a half up where toFixed(1) would give 1.4 (29/20 = 1.45 → 1.5)', mix(9, 20), 1.5],
    ['a half up near 0 (1/20 = 0.05 → 0.1)', [scores({ 1: 1 }), ...Array.from({ length: 19 }, () => scores({ 1: 0 }))], 0.1],
    ['unscored dossiers left out (2, 1, open → 1.5)', [scores({ 1: 2 }), scores({ 1: 1 }), scores({})], 1.5],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name} → ${String(expected)}`, () => {
      const result = aggregateScores(input);
      assert.equal(result.averages[1], expected);
      assert.equal(result.dossiers, input.length);
    });
  }

  it('counts the dossiers scored on each indicator separately', () => {
    const result = aggregateScores([scoreDossier(best), scoreDossier({ ...best, ...received, unitVerdicts: [] }), scoreDossier({ ...best, ...decided })]);
    assert.deepEqual(result.scored, { 1: 2, 2: 2, 3: 2, 4: 1, 6: 3, 7: 1 });
    assert.deepEqual(result.averages, { 1: 2, 2: 2, 3: 2, 4: 2, 6: 2, 7: 2 });
    assert.equal(result.dossiers, 3);
  });
});

// Facts a real dossier can have: a decision before the return, punctuality once decided, the return
// verdict once returned, and at least one unit judged once decided (phase-times closes all but the
// result phase at the decision).
const punctualityArb = fc.constantFrom<Punctuality>('early', 'on_time', 'late');
const verdictArb = fc.option(punctualityArb, { nil: null });
const stageArb = fc.constantFrom('received', 'decided', 'returned');
const factsArb = fc
  .record({
    stage: stageArb,
    punctuality: punctualityArb,
    judged: fc.array(punctualityArb, { minLength: 1, maxLength: 5 }),
    open: fc.array(verdictArb, { maxLength: 3 }),
    supplementRequests: fc.nat({ max: 6 }),
    channel: fc.constantFrom<DossierFacts['channel']>('online', 'in_person', 'postal'),
    resultDelivery: fc.uniqueArray(fc.constantFrom<'electronic' | 'pickup' | 'post'>('electronic', 'pickup', 'post'), { maxLength: 3 }),
    agenciesContacted: fc.nat({ max: 3 }),
    publication: fc.record({ electronic: fc.boolean(), postedAtOffice: fc.boolean() }),
    returnPunctuality: punctualityArb,
    substantiatedComplaints: fc.nat({ max: 2 }),
  })
  .map(({ stage, punctuality, judged, open, returnPunctuality, ...rest }): DossierFacts => {
    const finished = stage !== 'received';
    const returned = stage === 'returned';
    return {
      ...rest,
      finished,
      returned,
      punctuality: finished ? punctuality : null,
      unitVerdicts: finished ? [...judged, ...open] : open,
      returnPunctuality: returned ? returnPunctuality : null,
    };
  });

const scoreArb = fc.option(fc.constantFrom<Score>(0, 1, 2), { nil: null, freq: 3 });
const scoresArb = fc.record<DossierScores>({ 1: scoreArb, 2: scoreArb, 3: scoreArb, 4: scoreArb, 6: scoreArb, 7: scoreArb });

describe('indicator properties', () => {
  it('every score is 0, 1, 2 or null, and null exactly while its stage is not reached (property)', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const result = scoreDossier(facts);
        for (const indicator of PER_DOSSIER_INDICATORS) assert.ok([0, 1, 2, null].includes(result[indicator]));
        assert.equal(result[1] === null, !facts.finished);
        assert.equal(result[2] === null, !facts.finished);
        assert.equal(result[3] === null, !facts.finished);
        assert.equal(result[4] === null, !facts.returned);
        assert.notEqual(result[6], null);
        assert.equal(result[7] === null, !facts.returned && facts.substantiatedComplaints === 0);
      }),
      { numRuns: 500 },
    );
  });

  it('a late unit, another supplement request, another agency or a complaint never raises a score (property)', () => {
    fc.assert(
      fc.property(factsArb, fc.nat({ max: 4 }), (facts, at) => {
        const before = scoreDossier(facts);
        const verdicts = [...facts.unitVerdicts];
        verdicts.splice(at % (verdicts.length + 1), 0, 'late');
        const worse: [IndicatorNumber, Partial<DossierFacts>][] = [
          [2, { unitVerdicts: verdicts }],
          [3, { supplementRequests: facts.supplementRequests + 1 }],
          [4, { agenciesContacted: facts.agenciesContacted + 1 }],
          [7, { substantiatedComplaints: facts.substantiatedComplaints + 1 }],
        ];
        for (const [indicator, change] of worse) {
          const after = scoreDossier({ ...facts, ...change })[indicator];
          if (before[indicator] !== null) assert.ok(after !== null && after <= before[indicator], `indicator ${indicator}: ${String(before[indicator])} → ${String(after)}`);
        }
        // Once decided, a late unit always means 0 on indicator 2.
        if (facts.finished) assert.equal(scoreDossier({ ...facts, unitVerdicts: verdicts })[2], 0);
      }),
      { numRuns: 500 },
    );
  });

  it('each average lies in [0, 2] and is the mean rounded half up to one decimal (property)', () => {
    fc.assert(
      fc.property(fc.array(scoresArb, { maxLength: 60 }), (all) => {
        const result = aggregateScores(all);
        assert.equal(result.dossiers, all.length);
        for (const indicator of PER_DOSSIER_INDICATORS) {
          const values = all.map((s) => s[indicator]).filter((s): s is Score => s !== null);
          const average = result.averages[indicator];
          assert.equal(result.scored[indicator], values.length);
          if (values.length === 0) {
            assert.equal(average, null);
            continue;
          }
          const sum = values.reduce<number>((a, b) => a + b, 0);
          // Round half up in integers: tenths = floor((20·sum + n) / 2n).
          const tenths = Math.floor((20 * sum + values.length) / (2 * values.length));
          assert.ok(average !== null && average >= 0 && average <= 2);
          assert.equal(average, tenths / 10);
          assert.ok(Math.abs(average - sum / values.length) <= 0.05 + 1e-12);
        }
      }),
      { numRuns: 500 },
    );
  });
});
