import { AgencyPage, DossierView } from '@congso/contracts';
import { Button, Card, Checkbox, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ApiError, getJson, sendForm, sendJson, type Fetcher } from '../../lib/api.ts';

// The actions open to the official on this dossier, as the server lists them (state × role), each
// asking for what the law requires of it: reasons (refusal, supplement, rejection: Decree 61/2018
// Art. 17, 19.4, 19.8), a new date (Art. 19.9), where a consultation or liên thông goes and its time
// (Art. 19.5–19.7), how the result goes back (Art. 20), and the result file itself. A missing field is
// said next to it; the server's refusal is shown in the official's language.

type Dossier = z.infer<typeof DossierView>;
export const DO_KEYS: Record<string, MessageKey> = {
  receive: 'do.receive', refuse: 'do.refuse', request_supplement: 'do.request_supplement', forward: 'do.forward', assign: 'do.assign', consult: 'do.consult',
  answer_consultation: 'do.answer_consultation', transfer: 'do.transfer', return_transfer: 'do.return_transfer', propose: 'do.propose', send_back: 'do.send_back',
  approve: 'do.approve', reject: 'do.reject', request_payment: 'do.request_payment', confirm_payment: 'do.confirm_payment', reschedule: 'do.reschedule', stop: 'do.stop',
  return_result: 'do.return_result', withdraw: 'do.withdraw', supplement: 'do.supplement',
};
const NEEDS_REASON = new Set(['refuse', 'request_supplement', 'consult', 'answer_consultation', 'transfer', 'return_transfer', 'send_back', 'reject', 'reschedule', 'stop']);
const OPENS_LEG = new Set(['consult', 'transfer']);
const DANGER = new Set(['refuse', 'reject', 'stop']);
/** Actions taken elsewhere: the applicant's in their account, assignment by the unit's head. */
const NOT_HERE = new Set(['withdraw', 'supplement', 'assign']);
const DELIVERIES = ['electronic', 'pickup', 'post'] as const;
const DELIVERY_KEYS: Record<(typeof DELIVERIES)[number], MessageKey> = { electronic: 'delivery.electronic', pickup: 'delivery.pickup', post: 'delivery.post' };

type FieldErrors = Partial<Record<'reason' | 'newDueDate' | 'target' | 'result', string>>;

export function CaseActions({ dossier, fetcher, onDone }: { dossier: Dossier; fetcher: Fetcher; onDone: (message: { ok: boolean; text: string }) => void }) {
  const { t, locale } = useI18n();
  const actions = dossier.allowedActions.filter((a) => DO_KEYS[a] && !NOT_HERE.has(a));
  const mayAttach = dossier.allowedActions.includes('attach_result');
  const [reason, setReason] = useState('');
  const [newDueDate, setNewDueDate] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [days, setDays] = useState<number | string>(5);
  const [delivery, setDelivery] = useState<string[]>(dossier.channel === 'online' ? ['electronic'] : ['pickup']);
  const [result, setResult] = useState<File | null>(null);
  const [agencies, setAgencies] = useState<{ value: string; label: string }[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<string | null>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const opensLeg = actions.some((a) => OPENS_LEG.has(a));

  useEffect(() => {
    if (!opensLeg) return;
    getJson('/api/v1/agencies?pageSize=100', AgencyPage)
      .then((page) => setAgencies(page.items.filter((a) => a.code !== dossier.handlingAgencyCode).map((a) => ({ value: a.code, label: locale === 'en' ? a.nameEn : a.name }))))
      .catch(() => setAgencies([]));
  }, [opensLeg, dossier.handlingAgencyCode, locale]);

  /** What the action still lacks, said next to its field (nothing is sent until it is complete). */
  function missing(action: string): FieldErrors {
    const found: FieldErrors = {};
    if (NEEDS_REASON.has(action) && !reason.trim()) found.reason = t('case.reasonRequired');
    if (action === 'reschedule' && !newDueDate) found.newDueDate = t('case.newDueDateRequired');
    if (OPENS_LEG.has(action) && (!target || !(Number(days) >= 1))) found.target = t('case.targetRequired');
    return found;
  }

  async function act(action: string) {
    const lacking = missing(action);
    setErrors(lacking);
    if (Object.keys(lacking).length > 0) {
      if (lacking.reason) reasonRef.current?.focus();
      return;
    }
    setBusy(action);
    try {
      const decision = action === 'approve' || action === 'reject';
      const body = {
        ...(reason.trim() && NEEDS_REASON.has(action) ? { reason: reason.trim() } : {}),
        ...(action === 'reschedule' ? { newDueDate } : {}),
        ...(OPENS_LEG.has(action) && target ? { targets: [{ agencyCode: target, workingDays: Number(days) }] } : {}),
        ...(action === 'return_result' && delivery.length > 0 ? { delivery } : {}),
      };
      const url = decision ? `/api/v1/dossiers/${dossier.code}/decision` : `/api/v1/dossiers/${dossier.code}/actions/${action}`;
      await sendJson('POST', url, decision ? { decision: action, ...body } : body, DossierView, fetcher);
      setReason('');
      onDone({ ok: true, text: t('case.done', { action: t(DO_KEYS[action] ?? 'action.other') }) });
    } catch (caught) {
      refused(caught);
    } finally {
      setBusy(null);
    }
  }

  async function attach() {
    if (!result) {
      setErrors({ result: t('case.resultRequired') });
      return;
    }
    setBusy('attach_result');
    try {
      const body = new FormData();
      body.append('result', result, result.name);
      await sendForm('PUT', `/api/v1/dossiers/${dossier.code}/result`, body, DossierView, fetcher);
      setErrors({});
      onDone({ ok: true, text: t('case.attached', { name: result.name }) });
      setResult(null);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'dossiers.attachment_refused') setErrors({ result: caught.messages[locale] });
      else refused(caught);
    } finally {
      setBusy(null);
    }
  }

  /** The server's refusal: next to the field it concerns when it names one, otherwise above the page. */
  function refused(caught: unknown) {
    const text = caught instanceof ApiError ? caught.messages[locale] : t('common.error');
    const code = caught instanceof ApiError ? caught.code : '';
    if (code === 'dossiers.reason_required') setErrors({ reason: text });
    else if (code.includes('reschedule')) setErrors({ newDueDate: text });
    else if (code.includes('leg')) setErrors({ target: text });
    else onDone({ ok: false, text });
  }

  if (actions.length === 0 && !mayAttach) return null;
  return (
    <Card withBorder component="section" aria-labelledby="actions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="actions-title">{t('case.actions')}</Title>
        {actions.some((a) => NEEDS_REASON.has(a)) ? (
          <Textarea ref={reasonRef} label={t('case.reason')} description={t('case.reasonHint')} value={reason} error={errors.reason} onChange={(e) => {
            setReason(e.currentTarget.value);
            setErrors(({ reason: _, ...rest }) => rest);
          }} maxLength={4000} autosize minRows={2} />
        ) : null}
        {actions.includes('reschedule') ? <TextInput type="date" label={t('case.newDueDate')} value={newDueDate} error={errors.newDueDate} onChange={(e) => {
          setNewDueDate(e.currentTarget.value);
          setErrors(({ newDueDate: _, ...rest }) => rest);
        }} /> : null}
        {opensLeg ? (
          <Group grow align="flex-start">
            <Select searchable label={t('case.target')} data={agencies} value={target} onChange={setTarget} error={errors.target} nothingFoundMessage={t('case.noAgency')} />
            <NumberInput label={t('case.targetDays')} min={1} max={60} value={days} onChange={setDays} />
          </Group>
        ) : null}
        {actions.includes('return_result') ? (
          <Checkbox.Group label={t('case.delivery')} value={delivery} onChange={setDelivery}>
            <Group gap="md" mt={4}>
              {DELIVERIES.map((d) => <Checkbox key={d} value={d} label={t(DELIVERY_KEYS[d])} />)}
            </Group>
          </Checkbox.Group>
        ) : null}
        {actions.length > 0 ? (
          <Group gap="xs">
            {actions.map((action) => (
              <Button key={action} variant={NEEDS_REASON.has(action) ? 'outline' : 'filled'} color={DANGER.has(action) ? 'red.9' : undefined} loading={busy === action} disabled={busy !== null && busy !== action} onClick={() => void act(action)}>
                {t(DO_KEYS[action] ?? 'action.other')}
              </Button>
            ))}
          </Group>
        ) : null}
        {mayAttach ? (
          <Stack gap={4}>
            <label htmlFor="result-file"><Text size="sm" fw={500} span>{t('case.result')}</Text></label>
            <input id="result-file" type="file" accept="application/pdf,.pdf" aria-describedby={errors.result ? 'result-error' : undefined} onChange={(e) => setResult(e.currentTarget.files?.[0] ?? null)} />
            {errors.result ? <Text id="result-error" size="sm" c="red.9" role="alert">{errors.result}</Text> : null}
            <Group><Button variant="default" loading={busy === 'attach_result'} onClick={() => void attach()}>{t('case.attach')}</Button></Group>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
