import { DossierAudit, DossierView } from '@congso/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, List, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ApiError, getJson, problemOf } from '../../lib/api.ts';
import { ReviewList } from '../apply/ReviewList.tsx';
import { SignInFirst } from '../auth/SignInFirst.tsx';
import { platformSession, useSignedIn } from '../auth/platform-session.ts';
import { useAgencyNames } from '../portal/agency-names.ts';
import { actionKey, statusKey } from '../portal/labels.ts';
import { CaseActions } from './CaseActions.tsx';
import { slaOf } from './WorkspacePage.tsx';

// A dossier as the official works it: the form, the files (opened in the browser: PDF and images),
// the history, each step's time against its allotment, and only the actions the state and the
// official's role allow, each asking for what it requires (reasons, a new date).

type Dossier = z.infer<typeof DossierView>;
const PHASE_KEYS: Record<string, MessageKey> = { reception: 'phase.reception', handling: 'phase.handling', approval: 'phase.approval', result: 'phase.result' };
const Services = z.array(z.looseObject({ definition: z.looseObject({ procedureCode: z.string(), form: z.looseObject({ uiSchema: z.record(z.string(), z.unknown()) }) }) }));
export function OfficialDossierPage({ code }: { code: string }) {
  const { t, locale, formatDate, formatDateTime, formatNumber } = useI18n();
  const fetcher = platformSession().authorizedFetch;
  const signedIn = useSignedIn();
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [audit, setAudit] = useState<z.infer<typeof DossierAudit> | null>(null);
  const [ui, setUi] = useState<Record<string, unknown>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
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

  useEffect(() => {
    if (signedIn) load();
  }, [load, signedIn]);

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

  if (!signedIn) return <SignInFirst title={t('ws.title')} reason={t('ws.notOfficial')} />;
  if (!dossier) return message ? <Alert color="red" role="alert">{message.text}</Alert> : <Loader aria-label={t('common.loading')} />;
  const sla = slaOf({ dueAt: dossier.dueAt, overdue: dossier.dueAt !== null && Date.parse(dossier.dueAt) < Date.now() && !['approved', 'rejected', 'result_returned', 'refused', 'withdrawn', 'stopped'].includes(dossier.state) });
  return (
    <Stack gap="lg">
      <Anchor component={Link} href="/can-bo">{t('case.back')}</Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">{dossier.procedureName}</Title>
        <Group gap="xs">
          <Text fw={700}>{dossier.code}</Text>
          <Badge color="dark" variant="light">{t(statusKey(dossier.nationalStatus))}</Badge>
          <Badge color={sla.color} variant="filled" autoContrast>{t(sla.key)}</Badge>
        </Group>
        {dossier.dueDate ? <Text>{t('case.due', { date: formatDate(dossier.dueDate) })}</Text> : null}
        <Text size="sm">{names(dossier.agencyCode)}</Text>
      </Stack>
      {message ? <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>{message.text}</Alert> : null}

      <CaseActions dossier={dossier} fetcher={fetcher} onDone={(done) => {
        setMessage(done);
        if (done.ok) load();
      }} />

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
