import { DossierView } from '@congso/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson, sendForm, sendJson } from '../../lib/api.ts';
import { downloadWithToken } from '../../lib/download.ts';
import { SignInFirst } from '../auth/SignInFirst.tsx';
import { ActingForSelect, useActingFor } from '../auth/acting-for.tsx';
import { platformSession, useSignedIn } from '../auth/platform-session.ts';
import { statusKey } from '../portal/labels.ts';

// The applicant's dossiers: where each stands, what is asked of them (a supplement, with the
// officer's reasons and the upload), the result to download, and withdrawal while it is allowed.

type Dossier = z.infer<typeof DossierView>;
const SupplementForm = z.looseObject({ fields: z.looseObject({ reasons: z.string().nullable().optional() }) });
const Services = z.array(z.looseObject({ definition: z.looseObject({ procedureCode: z.string(), documents: z.array(z.looseObject({ code: z.string(), name: z.string() })).default([]) }) }));

export function MyDossiersPage() {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const signedIn = useSignedIn();
  const [dossiers, setDossiers] = useState<Dossier[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetcher = platformSession().authorizedFetch;
  const acting = useActingFor();

  const load = useCallback(() => {
    getJson('/api/v1/me/dossiers', z.array(DossierView), undefined, fetcher)
      .then(setDossiers)
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught.messages[locale] : t('common.error')));
  }, [fetcher, locale, t]);

  useEffect(() => {
    if (signedIn) load();
  }, [signedIn, load]);

  // The dossiers in the name of whom the person acts for now (all of them until that is known).
  const shown = dossiers && acting.current ? dossiers.filter((d) => d.ownerId === acting.current?.id) : dossiers;
  if (!signedIn) return <SignInFirst title={t('mine.title')} reason={t('mine.signInFirst')} />;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('mine.title')}</Title>
      <Group gap="lg">
        <Anchor component={Link} href="/kho-du-lieu">{t('store.link')}</Anchor>
        <Anchor component={Link} href="/du-lieu-cua-toi">{t('tracker.link')}</Anchor>
      </Group>
      {error ? <Alert color="red" role="alert" title={t('common.error')}>{error}</Alert> : null}
      <ActingForSelect scope="dossiers:track" acting={acting} />
      {shown === null ? <Loader aria-label={t('common.loading')} /> : shown.length === 0 ? <Text>{t('mine.none')}</Text> : null}
      {shown?.map((dossier) => (
        <Card key={dossier.code} withBorder component="article" aria-labelledby={`dossier-${dossier.code}`}>
          <Stack gap="xs">
            <Group justify="space-between" align="start">
              <Title order={2} size="h4" id={`dossier-${dossier.code}`}>{dossier.procedureName}</Title>
              <Badge color={dossier.nationalStatus === 5 ? 'orange.9' : 'dark'} variant="light">{t(statusKey(dossier.nationalStatus))}</Badge>
            </Group>
            <Text size="sm">{dossier.code}{dossier.submittedAt ? ` · ${t('mine.filedAt', { time: formatDateTime(dossier.submittedAt) })}` : ''}</Text>
            {dossier.dueDate ? <Text size="sm">{t('mine.due', { date: formatDate(dossier.dueDate) })}</Text> : null}
            <DossierDetails dossier={dossier} onChanged={load} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function DossierDetails({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const fetcher = platformSession().authorizedFetch;
  const [full, setFull] = useState<Dossier | null>(null);
  const [reasons, setReasons] = useState<string | null>(null);
  const [documents, setDocuments] = useState<{ code: string; name: string }[]>([]);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<Record<string, File>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = dossier.state === 'supplement_requested';
  const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.messages[locale] : t('common.error'));

  useEffect(() => {
    getJson(`/api/v1/dossiers/${dossier.code}`, DossierView, undefined, fetcher).then(setFull).catch(() => setFull(null));
    if (asked) {
      getJson(`/api/v1/dossiers/${dossier.code}/forms/02`, SupplementForm, undefined, fetcher).then((form) => setReasons(form.fields.reasons ?? null)).catch(() => setReasons(null));
      // The documents the procedure lists: any of them may be what the officer asks for.
      getJson(`/api/v1/agencies/${dossier.agencyCode}/services`, Services)
        .then((services) => setDocuments(services.find((s) => s.definition.procedureCode === dossier.procedureCode)?.definition.documents ?? []))
        .catch(() => setDocuments([]));
    }
  }, [dossier.code, dossier.state, dossier.agencyCode, dossier.procedureCode, asked, fetcher]);

  async function supplement() {
    setBusy(true);
    setMessage(null);
    try {
      const body = new FormData();
      body.append('submission', JSON.stringify(note.trim() ? { note: note.trim() } : {}));
      for (const [code, file] of Object.entries(files)) body.append(code, file, file.name);
      await sendForm('POST', `/api/v1/dossiers/${dossier.code}/supplement`, body, DossierView, fetcher);
      setMessage({ ok: true, text: t('mine.supplementSent') });
      onChanged();
    } catch (caught) {
      setMessage({ ok: false, text: messageOf(caught) });
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    if (!window.confirm(t('mine.withdrawConfirm', { code: dossier.code }))) return;
    try {
      await sendJson('POST', `/api/v1/dossiers/${dossier.code}/actions/withdraw`, {}, DossierView, fetcher);
      setMessage({ ok: true, text: t('mine.withdrawn') });
      onChanged();
    } catch (caught) {
      setMessage({ ok: false, text: messageOf(caught) });
    }
  }

  /** Downloads with the bearer token (a plain link would not carry it). */
  async function download(id: string, name: string) {
    await downloadWithToken(fetcher, `/api/v1/dossiers/${dossier.code}/attachments/${id}`, name).catch((caught: unknown) => setMessage({ ok: false, text: messageOf(caught) }));
  }

  const results = (full?.attachments ?? []).filter((a) => a.kind === 'result');
  return (
    <Stack gap="xs">
      {message ? <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'} p="xs">{message.text}</Alert> : null}
      {asked ? (
        <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-orange-7)', borderRadius: 4 }}>
          <Text fw={700}>{t('mine.asked')}</Text>
          {reasons ? <Text>{t('mine.askedReasons', { reasons })}</Text> : null}
          {documents.map((document) => (
            <Stack key={document.code} gap={2}>
              <label htmlFor={`supplement-${dossier.code}-${document.code}`}><Text size="sm" span>{t('apply.chooseFile', { name: document.name })}</Text></label>
              <input id={`supplement-${dossier.code}-${document.code}`} type="file" onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) setFiles((current) => ({ ...current, [document.code]: file }));
              }} />
            </Stack>
          ))}
          <Textarea label={t('mine.supplementNote')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={4000} />
          <Group>
            <Button onClick={() => void supplement()} loading={busy}>{t('mine.sendSupplement')}</Button>
          </Group>
        </Stack>
      ) : null}
      {results.length > 0 ? (
        <Stack gap={4}>
          <Text fw={700}>{t('mine.results')}</Text>
          {results.map((r) => (
            <Anchor key={r.id} component="button" type="button" onClick={() => void download(r.id, r.storedName)} ta="left">{t('mine.download', { name: r.storedName })}</Anchor>
          ))}
        </Stack>
      ) : null}
      {dossier.allowedActions.includes('withdraw') ? (
        <Group>
          <Button variant="outline" color="red.9" onClick={() => void withdraw()}>{t('mine.withdraw')}</Button>
        </Group>
      ) : null}
    </Stack>
  );
}
