// The dossier lifecycle (Decree 61/2018 Arts. 15–21, continued by Decree 118/2025; statuses as the
// national portal syncs them, domain-vn.md §1.2). Pure: who may do what in which state, and what the
// dossier becomes. Object-level access (which agency, which unit) is the access policy's business;
// deadlines are the clock's. Every accepted action yields exactly one event.

export const STATES = [
  'draft',
  'submitted',
  'received',
  'refused',
  'handling',
  'consulting',
  'transferred',
  'awaiting_approval',
  'supplement_requested',
  'fee_due',
  'withdrawn',
  'stopped',
  'approved',
  'rejected',
  'result_returned',
] as const;
export type DossierState = (typeof STATES)[number];

/**
 * The national portal's status codes (TrangThai 1–10): several of our states are one national status
 * (handling, consulting, transfer and approval are all "4 Đang xử lý"). A draft is not synced.
 */
export const NATIONAL_STATUS: Record<DossierState, number | null> = {
  draft: null,
  submitted: 1,
  received: 2,
  refused: 3,
  handling: 4,
  consulting: 4,
  transferred: 4,
  awaiting_approval: 4,
  supplement_requested: 5,
  fee_due: 6,
  withdrawn: 7,
  stopped: 8,
  approved: 9,
  rejected: 9,
  result_returned: 10,
};

/** No action leaves these. */
export const FINAL_STATES: readonly DossierState[] = ['refused', 'withdrawn', 'stopped', 'result_returned'];

/** Who acts: the applicant (or an agent under a mandate), or an official through a permission. */
export type Performer = 'applicant' | 'dossiers:receive' | 'dossiers:process' | 'dossiers:approve';

export type ActionName =
  | 'submit'
  | 'withdraw'
  | 'receive'
  | 'refuse'
  | 'request_supplement'
  | 'supplement'
  | 'forward'
  | 'assign'
  | 'consult'
  | 'answer_consultation'
  | 'transfer'
  | 'return_transfer'
  | 'propose'
  | 'send_back'
  | 'approve'
  | 'reject'
  | 'request_payment'
  | 'confirm_payment'
  | 'reschedule'
  | 'stop'
  | 'return_result';

/** Where an action may start, who performs it, where it leads (`resume`: back where it paused). */
type Rule = { from: readonly DossierState[]; by: readonly Performer[]; to: DossierState | 'resume'; needsReason?: true };

const IN_PROCESS: readonly DossierState[] = ['received', 'handling', 'consulting', 'transferred', 'awaiting_approval'];

export const RULES: Record<ActionName, Rule> = {
  submit: { from: ['draft'], by: ['applicant'], to: 'submitted' },
  // Withdrawal by the applicant (status 7) before any decision.
  withdraw: { from: ['draft', 'submitted', 'supplement_requested', 'fee_due', ...IN_PROCESS], by: ['applicant'], to: 'withdrawn' },
  receive: { from: ['submitted'], by: ['dossiers:receive'], to: 'received' },
  // Art. 17: refusal at reception with reasons (Mẫu 03).
  refuse: { from: ['submitted'], by: ['dossiers:receive'], to: 'refused', needsReason: true },
  // Art. 15.3 / 17 at reception, Art. 19.4 during processing: once, completely (Mẫu 02).
  request_supplement: { from: ['submitted', 'handling'], by: ['dossiers:receive', 'dossiers:process'], to: 'supplement_requested', needsReason: true },
  supplement: { from: ['supplement_requested'], by: ['applicant'], to: 'resume' },
  // Art. 18: transfer to the competent unit.
  forward: { from: ['received'], by: ['dossiers:receive'], to: 'handling' },
  // Art. 19.1: the head of the competent agency (or of its unit) gives the dossier to a handler.
  assign: { from: ['received', 'handling'], by: ['dossiers:approve', 'dossiers:process'], to: 'resume' },
  // Art. 19.5: consultation with content and a deadline per consulted unit; answered back to the
  // lead unit, which resumes when the last answer is in. The answer is the consulted unit's.
  consult: { from: ['handling'], by: ['dossiers:process'], to: 'consulting', needsReason: true },
  answer_consultation: { from: ['consulting'], by: ['dossiers:process'], to: 'handling', needsReason: true },
  // Art. 19.6–19.7: liên thông to other agencies at once (electronic), each with its duty and
  // deadline; back to the lead when the last one returns. One dossier, one code throughout.
  transfer: { from: ['handling'], by: ['dossiers:process'], to: 'transferred', needsReason: true },
  return_transfer: { from: ['transferred'], by: ['dossiers:process'], to: 'handling', needsReason: true },
  propose: { from: ['handling'], by: ['dossiers:process'], to: 'awaiting_approval' },
  send_back: { from: ['awaiting_approval'], by: ['dossiers:approve'], to: 'handling', needsReason: true },
  approve: { from: ['awaiting_approval'], by: ['dossiers:approve'], to: 'approved' },
  // Art. 19.8: rejection after appraisal, with reasons.
  reject: { from: ['awaiting_approval'], by: ['dossiers:approve'], to: 'rejected', needsReason: true },
  request_payment: { from: ['received', 'handling', 'approved'], by: ['dossiers:receive', 'dossiers:process'], to: 'fee_due' },
  confirm_payment: { from: ['fee_due'], by: ['applicant', 'dossiers:receive'], to: 'resume' },
  // Art. 19.9: apology and new appointment (Mẫu 04), at most once; the date rule is the clock's.
  reschedule: { from: IN_PROCESS, by: ['dossiers:process', 'dossiers:approve'], to: 'resume', needsReason: true },
  // Decree 118/2025 Art. 21: stop at the applicant's request (Thông báo dừng giải quyết hồ sơ).
  stop: { from: ['supplement_requested', 'fee_due', ...IN_PROCESS], by: ['dossiers:receive'], to: 'stopped', needsReason: true },
  return_result: { from: ['approved', 'rejected'], by: ['dossiers:receive'], to: 'result_returned' },
};

/** Configurable where the 2025 texts are unconfirmed (domain-vn-2025-update.md §2, §8). */
export type LifecyclePolicy = Readonly<{
  /** Supplement requests allowed after reception (61/2018: once, completely). */
  maxSupplementsInProcessing: number;
  /** Reschedules (apologies) allowed per dossier (61/2018 Art. 19.9: once). */
  maxReschedules: number;
}>;

export const DEFAULT_POLICY: LifecyclePolicy = { maxSupplementsInProcessing: 1, maxReschedules: 1 };

/** What the machine needs to know of a dossier. */
export type LifecycleSnapshot = Readonly<{
  state: DossierState;
  /** Where a pause (supplement, payment) returns to. */
  resumeTo: DossierState | null;
  supplementsInProcessing: number;
  reschedules: number;
  /** Consultations or transfers still awaiting their answer (parallel legs). */
  openLegs: number;
}>;

export const NEW_DOSSIER: LifecycleSnapshot = { state: 'draft', resumeTo: null, supplementsInProcessing: 0, reschedules: 0, openLegs: 0 };

/** Actions that stay in the state they are taken in (they change a date or a person, not the stage). */
const IN_PLACE: readonly ActionName[] = ['reschedule', 'assign'];

export type TransitionEvent = Readonly<{ action: ActionName; by: Performer; from: DossierState; to: DossierState; reason: string | null }>;

export type TransitionRefusal = 'wrong_state' | 'not_allowed' | 'reason_required' | 'limit_reached' | 'legs_required';

export type TransitionResult =
  | { ok: true; next: LifecycleSnapshot; event: TransitionEvent }
  | { ok: false; refusal: TransitionRefusal };

/** Consultations and transfers go to this many places at most at once. */
export const MAX_PARALLEL_LEGS = 10;

/**
 * Applies an action, or says why not. `reason` is the listed reasons (refusal, supplement, …);
 * `legs` is how many units or agencies a consultation or transfer goes to at once.
 */
export function transition(snapshot: LifecycleSnapshot, action: ActionName, by: Performer, reason: string | null = null, policy: LifecyclePolicy = DEFAULT_POLICY, legs = 1): TransitionResult {
  const rule = RULES[action];
  if (!rule.from.includes(snapshot.state)) return { ok: false, refusal: 'wrong_state' };
  if (!rule.by.includes(by)) return { ok: false, refusal: 'not_allowed' };
  if (rule.needsReason && !reason?.trim()) return { ok: false, refusal: 'reason_required' };
  const opensLegs = action === 'consult' || action === 'transfer';
  if (opensLegs && !(Number.isInteger(legs) && legs >= 1 && legs <= MAX_PARALLEL_LEGS)) return { ok: false, refusal: 'legs_required' };

  let next: LifecycleSnapshot = snapshot;
  if (action === 'request_supplement' && snapshot.state === 'handling') {
    if (snapshot.supplementsInProcessing >= policy.maxSupplementsInProcessing) return { ok: false, refusal: 'limit_reached' };
    next = { ...next, supplementsInProcessing: snapshot.supplementsInProcessing + 1 };
  }
  if (action === 'reschedule') {
    if (snapshot.reschedules >= policy.maxReschedules) return { ok: false, refusal: 'limit_reached' };
    next = { ...next, reschedules: snapshot.reschedules + 1 };
  }

  let to: DossierState;
  if (opensLegs) next = { ...next, openLegs: legs };
  const answersLeg = action === 'answer_consultation' || action === 'return_transfer';
  if (answersLeg && snapshot.openLegs > 1) {
    // Another consulted unit or agency has still to answer: the lead keeps waiting.
    to = snapshot.state;
    next = { ...next, openLegs: snapshot.openLegs - 1 };
  } else if (rule.to === 'resume') {
    // Rescheduling and assignment change a date or a person, not the state; a pause returns where it was.
    to = IN_PLACE.includes(action) ? snapshot.state : (snapshot.resumeTo ?? snapshot.state);
    next = { ...next, state: to, resumeTo: null };
  } else {
    to = rule.to;
    const pauses = to === 'supplement_requested' || to === 'fee_due';
    // Legs end with their last answer, or with the dossier (withdrawn, stopped).
    next = { ...next, state: to, resumeTo: pauses ? snapshot.state : null, openLegs: opensLegs ? legs : to === 'consulting' || to === 'transferred' ? next.openLegs : 0 };
  }
  return { ok: true, next, event: { action, by, from: snapshot.state, to, reason: reason?.trim() || null } };
}

/** The actions a performer could take now (for the officials' UI and the API's `allowedActions`). */
export function availableActions(snapshot: LifecycleSnapshot, by: Performer, policy: LifecyclePolicy = DEFAULT_POLICY): ActionName[] {
  return (Object.keys(RULES) as ActionName[]).filter((action) => {
    const result = transition(snapshot, action, by, 'x', policy);
    return result.ok;
  });
}
