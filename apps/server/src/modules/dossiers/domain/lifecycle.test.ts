import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { availableActions, FINAL_STATES, NATIONAL_STATUS, NEW_DOSSIER, RULES, STATES, transition, type ActionName, type DossierState, type LifecycleSnapshot, type Performer } from './lifecycle.ts';

type Step = [ActionName, Performer, string?, number?];

/** Runs the steps; fails on the first refusal. Returns the states visited. */
function run(steps: Step[], start: LifecycleSnapshot = NEW_DOSSIER): { states: DossierState[]; last: LifecycleSnapshot } {
  let snapshot = start;
  const states: DossierState[] = [snapshot.state];
  for (const [action, by, reason, legs] of steps) {
    const result = transition(snapshot, action, by, reason ?? null, undefined, legs);
    assert.ok(result.ok, `${action} by ${by} from ${snapshot.state}: ${result.ok ? '' : result.refusal}`);
    snapshot = result.next;
    states.push(snapshot.state);
  }
  return { states, last: snapshot };
}

const toHandling: Step[] = [['submit', 'applicant'], ['receive', 'dossiers:receive'], ['forward', 'dossiers:receive']];
const approveAndReturn: Step[] = [['propose', 'dossiers:process'], ['approve', 'dossiers:approve'], ['return_result', 'dossiers:receive']];

describe('dossier lifecycle: the paths of the one-stop shop', () => {
  const paths: [string, Step[], DossierState][] = [
    ['straight approval', [...toHandling, ...approveAndReturn], 'result_returned'],
    ['supplement during processing, then approval', [...toHandling, ['request_supplement', 'dossiers:process', 'Thiếu bản sao giấy khai sinh'], ['supplement', 'applicant'], ...approveAndReturn], 'result_returned'],
    ['supplement at reception, then reception', [['submit', 'applicant'], ['request_supplement', 'dossiers:receive', 'Thiếu tờ khai'], ['supplement', 'applicant'], ['receive', 'dossiers:receive']], 'received'],
    ['refusal at reception', [['submit', 'applicant'], ['refuse', 'dossiers:receive', 'Không thuộc thẩm quyền']], 'refused'],
    ['rejection after appraisal, result returned', [...toHandling, ['propose', 'dossiers:process'], ['reject', 'dossiers:approve', 'Không đủ điều kiện'], ['return_result', 'dossiers:receive']], 'result_returned'],
    ['consultation', [...toHandling, ['consult', 'dossiers:process', 'Xin ý kiến Phòng Quản lý đô thị, hạn 3 ngày'], ['answer_consultation', 'dossiers:process', 'Đồng ý'], ...approveAndReturn], 'result_returned'],
    ['consultation of two units at once: the lead resumes after the second answer', [...toHandling, ['consult', 'dossiers:process', 'Xin ý kiến hai phòng', 2], ['answer_consultation', 'dossiers:process', 'Ý kiến 1'], ['answer_consultation', 'dossiers:process', 'Ý kiến 2'], ...approveAndReturn], 'result_returned'],
    ['inter-agency transfer and return', [...toHandling, ['transfer', 'dossiers:process', 'Chuyển Công an phường xác nhận cư trú'], ['return_transfer', 'dossiers:process', 'Đã xác nhận'], ...approveAndReturn], 'result_returned'],
    ['assignment to a handler keeps the stage', [...toHandling, ['assign', 'dossiers:approve'], ...approveAndReturn], 'result_returned'],
    ['reschedule once', [...toHandling, ['reschedule', 'dossiers:process', 'Chờ kết quả xác minh'], ...approveAndReturn], 'result_returned'],
    ['withdrawal by the applicant', [...toHandling, ['withdraw', 'applicant']], 'withdrawn'],
    ['stop at the applicant’s request', [...toHandling, ['stop', 'dossiers:receive', 'Đơn xin dừng giải quyết']], 'stopped'],
    ['fees due after approval, then paid', [...toHandling, ['propose', 'dossiers:process'], ['approve', 'dossiers:approve'], ['request_payment', 'dossiers:receive'], ['confirm_payment', 'applicant'], ['return_result', 'dossiers:receive']], 'result_returned'],
    ['sent back by the leader', [...toHandling, ['propose', 'dossiers:process'], ['send_back', 'dossiers:approve', 'Bổ sung ý kiến thẩm định'], ...approveAndReturn], 'result_returned'],
  ];
  for (const [name, steps, end] of paths) {
    it(name, () => assert.equal(run(steps).last.state, end));
  }

  it('waits for every leg: still consulting after one of two answers', () => {
    const { states, last } = run([...toHandling, ['consult', 'dossiers:process', 'Xin ý kiến', 2], ['answer_consultation', 'dossiers:process', 'Ý kiến 1']]);
    assert.deepEqual(states.slice(-2), ['consulting', 'consulting']);
    assert.equal(last.openLegs, 1);
  });

  const refusals: [string, Step[], Step, string][] = [
    ['a second reschedule', [...toHandling, ['reschedule', 'dossiers:process', 'Lần một']], ['reschedule', 'dossiers:approve', 'Lần hai'], 'limit_reached'],
    ['a second supplement request during processing', [...toHandling, ['request_supplement', 'dossiers:process', 'Thiếu A'], ['supplement', 'applicant']], ['request_supplement', 'dossiers:process', 'Thiếu B'], 'limit_reached'],
    ['a refusal without reasons', [['submit', 'applicant']], ['refuse', 'dossiers:receive', '  '], 'reason_required'],
    ['a receptionist approving', [...toHandling, ['propose', 'dossiers:process']], ['approve', 'dossiers:receive'], 'not_allowed'],
    ['a handler approving', [...toHandling, ['propose', 'dossiers:process']], ['approve', 'dossiers:process'], 'not_allowed'],
    ['the applicant receiving', [['submit', 'applicant']], ['receive', 'applicant'], 'not_allowed'],
    ['approval before a proposal', toHandling, ['approve', 'dossiers:approve'], 'wrong_state'],
    ['withdrawal after the decision', [...toHandling, ['propose', 'dossiers:process'], ['approve', 'dossiers:approve']], ['withdraw', 'applicant'], 'wrong_state'],
    ['returning a result twice', [...toHandling, ...approveAndReturn], ['return_result', 'dossiers:receive'], 'wrong_state'],
    ['a consultation with nobody to consult', toHandling, ['consult', 'dossiers:process', 'Xin ý kiến', 0], 'legs_required'],
    ['an answer without content', [...toHandling, ['transfer', 'dossiers:process', 'Chuyển liên thông']], ['return_transfer', 'dossiers:process', ' '], 'reason_required'],
  ];
  for (const [name, before, [action, by, reason, legs], refusal] of refusals) {
    it(`refuses ${name}`, () => {
      const result = transition(run(before).last, action, by, reason ?? null, undefined, legs);
      assert.deepEqual(result, { ok: false, refusal });
    });
  }

  it('maps every state to a national status (draft excepted)', () => {
    for (const state of STATES) assert.ok(state === 'draft' ? NATIONAL_STATUS[state] === null : Number.isInteger(NATIONAL_STATUS[state]), state);
  });

  it('offers nothing in a final state', () => {
    for (const state of FINAL_STATES) {
      for (const by of ['applicant', 'dossiers:receive', 'dossiers:process', 'dossiers:approve'] as const) {
        assert.deepEqual(availableActions({ ...NEW_DOSSIER, state }, by), [], `${state} / ${by}`);
      }
    }
  });
});

describe('dossier lifecycle: properties', () => {
  const performers: Performer[] = ['applicant', 'dossiers:receive', 'dossiers:process', 'dossiers:approve'];
  const step = fc.tuple(fc.constantFrom(...(Object.keys(RULES) as ActionName[])), fc.constantFrom(...performers), fc.constantFrom(null, '', 'Lý do đầy đủ'), fc.integer({ min: 0, max: 3 }));

  it('no sequence of actions reaches an illegal state or skips an event', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let snapshot = NEW_DOSSIER;
        const events = [];
        let accepted = 0;
        for (const [action, by, reason, legs] of steps) {
          const result = transition(snapshot, action, by, reason, undefined, legs);
          if (!result.ok) {
            // A refused action changes nothing.
            continue;
          }
          accepted++;
          events.push(result.event);
          assert.equal(result.event.from, snapshot.state, 'the event starts where the dossier was');
          assert.equal(result.event.to, result.next.state, 'and ends where it is');
          assert.ok(RULES[action].from.includes(snapshot.state) && RULES[action].by.includes(by));
          assert.ok(!FINAL_STATES.includes(snapshot.state), 'nothing leaves a final state');
          if (result.next.state === 'result_returned') assert.ok(['approved', 'rejected'].includes(snapshot.state), 'a result follows a decision');
          if (result.next.state === 'approved' && action !== 'confirm_payment') assert.equal(snapshot.state, 'awaiting_approval', 'approval follows a proposal');
          snapshot = result.next;
          assert.ok(STATES.includes(snapshot.state));
          assert.equal(snapshot.resumeTo !== null, snapshot.state === 'supplement_requested' || snapshot.state === 'fee_due', 'only a pause remembers where to resume');
          assert.equal(snapshot.openLegs > 0, snapshot.state === 'consulting' || snapshot.state === 'transferred', 'legs are open exactly while consulting or transferred');
          assert.ok(snapshot.reschedules <= 1 && snapshot.supplementsInProcessing <= 1, 'limits hold');
        }
        assert.equal(events.length, accepted, 'one event per accepted action');
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches every state from a new dossier (exhaustive search over snapshots)', () => {
    const key = (s: LifecycleSnapshot) => JSON.stringify(s);
    const seen = new Map<string, LifecycleSnapshot>([[key(NEW_DOSSIER), NEW_DOSSIER]]);
    const queue = [NEW_DOSSIER];
    while (queue.length > 0) {
      const current = queue.shift() as LifecycleSnapshot;
      for (const by of performers) {
        for (const action of availableActions(current, by)) {
          const result = transition(current, action, by, 'Lý do');
          if (result.ok && !seen.has(key(result.next))) {
            seen.set(key(result.next), result.next);
            queue.push(result.next);
          }
        }
      }
    }
    const reached = new Set([...seen.values()].map((s) => s.state));
    assert.deepEqual(STATES.filter((state) => !reached.has(state)), []);
  });

  it('guided walks through allowed actions keep the invariants', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
        let snapshot = NEW_DOSSIER;
        let decided = false;
        for (const choice of choices) {
          const options = performers.flatMap((by) => availableActions(snapshot, by).map((action) => [action, by] as const));
          if (options.length === 0) break;
          const [action, by] = options[choice % options.length] ?? options[0]!;
          const result = transition(snapshot, action, by, 'Lý do');
          assert.ok(result.ok, 'an offered action is accepted');
          if (action === 'approve' || action === 'reject') decided = true;
          if (result.next.state === 'result_returned') assert.ok(decided, 'no result without a decision');
          snapshot = result.next;
          assert.ok(snapshot.reschedules <= 1 && snapshot.supplementsInProcessing <= 1);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('every decision was proposed and approved or rejected by a leader (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let snapshot = NEW_DOSSIER;
        for (const [action, by, reason] of steps) {
          const result = transition(snapshot, action, by, reason);
          if (!result.ok) continue;
          if (action === 'approve' || action === 'reject') assert.equal(by, 'dossiers:approve');
          if (action === 'receive' || action === 'refuse') assert.equal(by, 'dossiers:receive');
          snapshot = result.next;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
