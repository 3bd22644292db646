import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AuditEntry } from './audit-chain.ts';
import { allotmentsByPhase, phaseTimes } from './phase-times.ts';

// Plain elapsed hours stand in for office hours here; the calendar's own measure is tested there.
const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
const at = (h: number) => new Date(Date.UTC(2026, 10, 23) + h * 3_600_000).toISOString();
let seq = 0;
const entry = (hour: number, action: string, from: string | null, to: string): AuditEntry => ({ seq: ++seq, at: at(hour), actor: { kind: 'official', id: 'x', role: null }, action, from, to, reason: null });

const steps = [
  { role: 'receptionist' as const, hours: 1 },
  { role: 'handler' as const, hours: 5 },
  { role: 'leader' as const, hours: 1 },
  { role: 'receptionist' as const, hours: 1 },
];

describe('time per phase (Circular 01/2018 Art. 13, indicator 2)', () => {
  it('sums allotments per phase: the first reception step, then handling, approval, the result', () => {
    assert.deepEqual(allotmentsByPhase(steps), { reception: 1, handling: 5, approval: 1, result: 1 });
  });

  it('judges each finished phase early, on time or late, and leaves the applicant’s waiting out', () => {
    const log = [
      entry(0, 'submit', 'draft', 'submitted'),
      entry(0.5, 'receive', 'submitted', 'received'),
      entry(1, 'forward', 'received', 'handling'),
      entry(3, 'request_supplement', 'handling', 'supplement_requested'),
      entry(50, 'supplement', 'supplement_requested', 'handling'),
      entry(54, 'propose', 'handling', 'awaiting_approval'),
      entry(56, 'approve', 'awaiting_approval', 'approved'),
      entry(56.5, 'return_result', 'approved', 'result_returned'),
    ];
    assert.deepEqual(phaseTimes(log, steps, at(60), hours).map((p) => [p.phase, p.usedHours, p.verdict]), [
      ['reception', 1, 'on_time'],
      ['handling', 6, 'late'],
      ['approval', 2, 'late'],
      ['result', 0.5, 'early'],
    ]);
  });

  it('does not judge the open phase until it overruns', () => {
    const log = [entry(0, 'submit', 'draft', 'submitted'), entry(0.5, 'receive', 'submitted', 'received'), entry(1, 'forward', 'received', 'handling')];
    assert.deepEqual(phaseTimes(log, steps, at(4), hours).at(-1), { phase: 'handling', allottedHours: 5, usedHours: 3, finished: false, verdict: null });
    assert.equal(phaseTimes(log, steps, at(7), hours).at(-1)?.verdict, 'late');
  });

  it('never counts more than the elapsed time, nor a negative time (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 1, maxLength: 10 }), (gaps) => {
        const states = ['submitted', 'received', 'handling', 'supplement_requested', 'handling', 'awaiting_approval', 'approved', 'result_returned', 'handling', 'consulting'];
        let clock = 0;
        const log = gaps.map((gap, i) => entry((clock += gap), 'step', null, states[i] as string));
        const phases = phaseTimes(log, steps, at(clock + 1), hours);
        const total = phases.reduce((sum, p) => sum + p.usedHours, 0);
        assert.ok(phases.every((p) => p.usedHours >= 0));
        assert.ok(total <= clock + 1 - gaps[0]! + 0.05);
      }),
    );
  });
});
