import { DossierAudit, DossierView } from '@congso/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, List, Loader, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ApiError, getJson, problemOf, sendJson } from '../../lib/api.ts';
import { ReviewList } from '../apply/ReviewList.tsx';
import { platformSession } from '../auth/platform-session.ts';
import { useAgencyNames } from '../portal/agency-names.ts';
import { actionKey, statusKey } from '../portal/labels.ts';
import { slaOf } from './WorkspacePage.tsx';

// A dossier as the official works it: the form, the files (opened in the browser: PDF and images),
// the history, each step's time against its allotment, and only the actions the state and the
// official's role allow, each asking for what it requires (reasons, a new date).

type Dossier = z.infer<typeof DossierView>;
const NEEDS_REASON = new Set(['refuse', 'request_supplement', 'consult', 'answer_consultation', 'transfer', 'return_transfer', 'send_back', 'reject', 'reschedule', 'stop']);
const DO_KEYS: Record<string, MessageKey> = {
  receive: 'do.receive', refuse: 'do.refuse', request_supplement: 'do.request_supplement', forward: 'do.forward', assign: 'do.assign', consult: 'do.consult',
  answer_consultation: 'do.answer_consultation', transfer: 'do.transfer', return_transfer: 'do.return_transfer', propose: 'do.propose', send_back: 'do.send_back',
  approve: 'do.approve', reject: 'do.reject', request_payment: 'do.request_payment', confirm_payment: 'do.confirm_payment', reschedule: 'do.reschedule', stop: 'do.stop',
  return_result: 'do.return_result', withdraw: 'do.withdraw', supplement: 'do.supplement',
};
const PHASE_KEYS: Record<string, MessageKey> = { reception: 'phase.reception', handling: 'phase.handling', approval: 'phase.approval', result: 'phase.result' };
const Services = z.array(z.looseObject({ definition: z.looseObject({ procedureCode: z.string(), form: z.looseObject({ uiSchema: z.record(z.string(), z.unknown()) }) }) }));
/** Actions an official takes here (applicant actions and assignment have their own places). */
const OFFICIAL_ACTIONS = Object.keys(DO_KEYS).filter((a) => !['withdraw', 'supplement', 'assign'].includes(a));

export function OfficialDossierPage({ code }: { code: string }) {
  const { t, locale, formatDate, formatDateTime, formatNumber } = useI18n();
  const fetcher = platformSession().authorizedFetch;
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [audit, setAudit] = useState<z.infer<typeof DossierAudit> | null>(null);
  const [ui, setUi] = useState<Record<string, unknown>>({});
  const [reason, setReason] = useState('');
  const [newDueDate, setNewDueDate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const names = useAgencyNames(dossier ? [dossier.agencyCode, ...(dossier.legs ?? []).map((l) => l.toAgencyCode)] : [], locale);
  const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.messages[locale] : t('common.error'));

  const load = useCallback(() => {
    const failed = (caught: unknown) => setMessage({ ok: false, text: caught instanceof ApiError ? caught.messages[locale] : t('common.error') });
    getJson(`/api/v1/dossiers/${code}`, DossierView, undefined, fetcher)
      .then(async (found) => {
        setDossier(found);
        const services = await getJson(`/api/v1/agencies/${found.agencyCode}/services`, Services);
        setUi(services.find((s) => s.definition.procedureCode === found.procedureCode)?.definition.form.uiSchema ?? {});
      })
      .catch(failed);
    getJson(`/api/v1/dossiers/${code}/audit`, DossierAudit, undefined, fetcher).then(setAudit).catch(() => setAudit(null));
  }, [code, fetcher, locale, t]);

  useEffect(load, [load]);

  async function act(action: string) {
    setBusy(action);
    setMessage(null);
    try {
      const decision = action === 'approve' || action === 'reject';
      const body = { ...(reason.trim() ? { reason: reason.trim() } : {}), ...(action === 'reschedule' ? { newDueDate } : {}) };
      await sendJson('POST', decision ? `/api/v1/dossiers/${code}/decision` : `/api/v1/dossiers/${code}/actions/${action}`, decision ? { decision: action, ...body } : body, DossierView, fetcher);
      setMessage({ ok: true, text: t('case.done', { action: t(DO_KEYS[action] ?? 'action.other') }) });
      setReason('');
      load();
    } catch (caught) {
      setMessage({ ok: false, text: messageOf(caught) });
    } finally {
      setBusy(null);
    }
  }

  /** Opens a file or a printable form in a new tab: fetched with the bearer token, shown from memory. */
  async function open(url: string) {
    const response = await fetcher(url, {});
    if (!response.ok) {
      setMessage({ ok: false, text: messageOf(problemOf(response.status, await response.json().catch(() => null))) });
      return;
    }
    const blobUrl = URL.createObjectURL(await response.blob());
    window.open(blobUrl, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  }

  if (!dossier) return message ? <Alert color="red" role="alert">{message.text}</Alert> : <Loader aria-label={t('common.loading')} />;
  const sla = slaOf({ dueAt: dossier.dueAt, overdue: dossier.dueAt !== null && Date.parse(dossier.dueAt) < Date.now() && !['approved', 'rejected', 'result_returned', 'refused', 'withdrawn', 'stopped'].includes(dossier.state) });
  const actions = dossier.allowedActions.filter((a) => OFFICIAL_ACTIONS.includes(a));
  return (
    <Stack gap="lg">
      <Anchor component={Link} href="/can-bo">{t('case.back')}</Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">{dossier.procedureName}</Title>
        <Group gap="xs">
          <Text fw={700}>{dossier.code}</Text>
          <Badge color="dark" variant="light">{t(statusKey(dossier.nationalStatus))}</Badge>
          <Badge color={sla.color} variant="light">{t(sla.key)}</Badge>
        </Group>
        {dossier.dueDate ? <Text>{t('case.due', { date: formatDate(dossier.dueDate) })}</Text> : null}
        <Text size="sm">{names(dossier.agencyCode)}</Text>
      </Stack>
      {message ? <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>{message.text}</Alert> : null}

      {actions.length > 0 ? (
        <Card withBorder component="section" aria-labelledby="actions-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="actions-title">{t('case.actions')}</Title>
            {actions.some((a) => NEEDS_REASON.has(a)) ? <Textarea label={t('case.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={4000} autosize minRows={2} /> : null}
            {actions.includes('reschedule') ? <TextInput type="date" label={t('case.newDueDate')} value={newDueDate} onChange={(e) => setNewDueDate(e.currentTarget.value)} /> : null}
            <Group gap="xs">
              {actions.map((action) => (
                <Button key={action} variant={NEEDS_REASON.has(action) ? 'outline' : 'filled'} color={['refuse', 'reject', 'stop'].includes(action) ? 'red.9' : undefined} loading={busy === action} disabled={NEEDS_REASON.has(action) && !reason.trim()} onClick={() => void act(action)}>
                  {t(DO_KEYS[action] ?? 'action.other')}
                </Button>
              ))}
            </Group>
          </Stack>
        </Card>
      ) : null}

      <Card withBorder component="section" aria-labelledby="form-title">
        <Title order={2} size="h4" id="form-title" mb="xs">{t('case.formData')}</Title>
        <ReviewList data={dossier.formData} ui={ui} />
      </Card>

      {(dossier.attachments ?? []).length > 0 ? (
        <Card withBorder component="section" aria-labelledby="files-title">
          <Title order={2} size="h4" id="files-title" mb="xs">{t('case.files')}</Title>
          <List>
            {(dossier.attachments ?? []).map((a) => (
              <List.Item key={a.id}>
                <Anchor component="button" type="button" onClick={() => void open(`/api/v1/dossiers/${code}/attachments/${a.id}`)}>{t('case.open', { name: a.storedName })}</Anchor> ({a.documentCode}, {formatNumber(Math.ceil(a.size / 1024))} KB)
              </List.Item>
            ))}
          </List>
        </Card>
      ) : null}

      {(dossier.phases ?? []).length > 0 ? (
        <Card withBorder component="section" aria-labelledby="phases-title">
          <Title order={2} size="h4" id="phases-title" mb="xs">{t('case.phases')}</Title>
          <List>
            {(dossier.phases ?? []).map((p) => (
              <List.Item key={p.phase}>{t('case.phase', { phase: t(PHASE_KEYS[p.phase] ?? 'action.other'), used: formatNumber(p.usedHours), allotted: formatNumber(p.allottedHours) })}{p.verdict === 'late' ? ` — ${t('sla.overdue')}` : ''}</List.Item>
            ))}
          </List>
          {(dossier.legs ?? []).length > 0 ? (
            <>
              <Title order={3} size="h5" mt="sm">{t('case.legs')}</Title>
              <List>
                {(dossier.legs ?? []).map((l) => <List.Item key={l.id}>{t('case.leg', { agency: names(l.toAgencyCode), status: l.status, due: formatDateTime(l.dueAt) })}</List.Item>)}
              </List>
            </>
          ) : null}
        </Card>
      ) : null}

      <Card withBorder component="section" aria-labelledby="forms-title">
        <Title order={2} size="h4" id="forms-title" mb="xs">{t('case.forms')}</Title>
        <Group gap="xs">
          {['01', '02', '03', '04', '05'].map((n) => (
            <Button key={n} size="xs" variant="default" onClick={() => void open(`/api/v1/dossiers/${code}/forms/${n}?format=html`)}>{t('case.form', { number: n })}</Button>
          ))}
        </Group>
      </Card>

      {audit ? (
        <Card withBorder component="section" aria-labelledby="history-title">
          <Title order={2} size="h4" id="history-title" mb="xs">{t('case.timeline')}</Title>
          <Timeline active={audit.entries.length - 1} bulletSize={12}>
            {audit.entries.map((entry) => (
              <Timeline.Item key={entry.seq} title={t(actionKey(entry.action))}>
                <Text size="sm">{formatDateTime(entry.at)}{typeof entry.reason === 'string' && entry.reason ? ` — ${entry.reason}` : ''}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      ) : null}
    </Stack>
  );
}
