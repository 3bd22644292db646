import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ProcedurePage } from '@congso/contracts';
import { createAnswerEncoder, type AnswerForJson } from './search-answer-json.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const summary = fc.record({
  code: fc.stringMatching(/^\d\.\d{6}$/),
  name: text,
  field: fc.option(text, { nil: null }),
  levels: fc.subarray(['ministry', 'province', 'commune', 'other']),
  implementingAgencies: fc.array(text, { maxLength: 3 }),
  timeLimit: fc.option(fc.record({ value: fc.double({ min: 0, max: 1000, noNaN: true }), unit: text, text, channel: text }), { nil: null }),
});
const facet = fc.record({ value: text, count: fc.nat() });

describe('createAnswerEncoder', () => {
  it('writes exactly the JSON of the answer (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(summary, { selector: (s) => s.code, maxLength: 8 }), fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), fc.array(facet, { maxLength: 5 }), fc.array(facet, { maxLength: 5 }), (summaries, scores, levels, fields) => {
        const encoder = createAnswerEncoder(summaries);
        const answer: AnswerForJson = {
          items: summaries.map((s, i) => ({ ...s, score: scores[i] ?? 1, matchedInName: i % 2 === 0 })),
          page: 1,
          pageSize: 20,
          total: summaries.length,
          facets: { levels, fields },
        };
        assert.deepEqual(JSON.parse(encoder.encode(answer).toString('utf8')), JSON.parse(JSON.stringify(answer)));
      }),
    );
  });

  it('produces the ProcedurePage contract', () => {
    const encoder = createAnswerEncoder([
      { code: '1.004222', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú', levels: ['commune'], implementingAgencies: ['Công an cấp xã'], timeLimit: { value: 7, unit: 'working_days', text: '07 Ngày làm việc', channel: 'online' } },
    ]);
    const bytes = encoder.encode({
      items: [{ code: '1.004222', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú', levels: ['commune'], implementingAgencies: ['Công an cấp xã'], timeLimit: { value: 7, unit: 'working_days', text: '07 Ngày làm việc', channel: 'online' }, score: 12.5, matchedInName: true }],
      page: 1,
      pageSize: 20,
      total: 1,
      facets: { levels: [{ value: 'commune', count: 1 }], fields: [{ value: 'Đăng ký, quản lý cư trú', count: 1 }] },
    });
    const parsed = ProcedurePage.parse(JSON.parse(bytes.toString('utf8')));
    assert.equal(parsed.items[0]?.name, 'Đăng ký thường trú');
  });
});
