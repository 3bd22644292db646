import type { MessageKey } from '../../i18n/messages.ts';

// Message keys for values the server sends as codes (levels, time units, online levels, statuses).

const LEVELS: Record<string, MessageKey> = { ministry: 'level.ministry', province: 'level.province', commune: 'level.commune', other: 'level.other' };
export const levelKey = (level: string): MessageKey => LEVELS[level] ?? 'level.other';

const UNITS: Record<string, MessageKey> = {
  working_days: 'unit.working_days', days: 'unit.days', working_hours: 'unit.working_hours', hours: 'unit.hours',
  months: 'unit.months', weeks: 'unit.weeks', years: 'unit.years', minutes: 'unit.minutes',
};
export const unitKey = (unit: string): MessageKey | null => UNITS[unit] ?? null;

export const onlineKey = (level: 'full' | 'partial'): MessageKey => (level === 'full' ? 'online.full' : 'online.partial');

const STATUSES: Record<number, MessageKey> = {
  1: 'status.1', 2: 'status.2', 3: 'status.3', 4: 'status.4', 5: 'status.5', 6: 'status.6', 7: 'status.7', 8: 'status.8', 9: 'status.9', 10: 'status.10',
};
export const statusKey = (status: number | null): MessageKey => (status !== null ? (STATUSES[status] ?? 'status.4') : 'status.1');

const ACTIONS: Record<string, MessageKey> = {
  submit: 'action.submit', receive: 'action.receive', refuse: 'action.refuse', request_supplement: 'action.request_supplement', supplement: 'action.supplement',
  forward: 'action.forward', assign: 'action.assign', consult: 'action.consult', answer_consultation: 'action.answer_consultation', transfer: 'action.transfer',
  return_transfer: 'action.return_transfer', propose: 'action.propose', send_back: 'action.send_back', approve: 'action.approve', reject: 'action.reject',
  request_payment: 'action.request_payment', confirm_payment: 'action.confirm_payment', reschedule: 'action.reschedule', stop: 'action.stop',
  withdraw: 'action.withdraw', attach_result: 'action.attach_result', return_result: 'action.return_result',
};
export const actionKey = (action: string): MessageKey => ACTIONS[action] ?? 'action.other';
