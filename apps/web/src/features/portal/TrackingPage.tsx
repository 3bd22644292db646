import { DossierTracking } from '@congso/contracts';
import { Alert, Button, Card, Group, Radio, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson } from '../../lib/api.ts';
import { useAgencyNames } from './agency-names.ts';
import { actionKey, statusKey } from './labels.ts';

type Tracking = z.infer<typeof DossierTracking>;
const CODE = /^[0-9A-Z.]{3,35}-\d{6}-\d{4,9}$/;

/** Public tracking: the dossier code and a second factor; the timeline in plain words, no personal data. */
export function TrackingPage() {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const [code, setCode] = useState('');
  const [by, setBy] = useState<'id' | 'phone'>('id');
  const [factor, setFactor] = useState('');
  const [found, setFound] = useState<Tracking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const agencyName = useAgencyNames(found ? [found.agencyCode] : [], locale);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const cleanCode = code.trim().toUpperCase();
    const cleanFactor = factor.trim();
    setFound(null);
    if (!CODE.test(cleanCode) || (by === 'id' ? !/^\d{4}$/.test(cleanFactor) : !/^\+?[0-9 .-]{9,20}$/.test(cleanFactor))) {
      setError(t('track.invalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const query = by === 'id' ? `idLast4=${cleanFactor}` : `phone=${encodeURIComponent(cleanFactor)}`;
      setFound(await getJson(`/api/v1/dossiers/${encodeURIComponent(cleanCode)}/status?${query}`, DossierTracking));
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 404 ? t('track.notFound') : caught instanceof ApiError && caught.status === 400 ? t('track.invalid') : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={1}>{t('track.title')}</Title>
        <Text>{t('track.lead')}</Text>
      </Stack>
      <form onSubmit={(e) => void submit(e)} aria-label={t('track.title')} noValidate>
        <Stack gap="sm" maw={560}>
          <TextInput label={t('track.code')} description={t('track.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} name="code" required autoComplete="off" />
          <Radio.Group label={t('track.factor')} value={by} onChange={(value) => setBy(value === 'phone' ? 'phone' : 'id')}>
            <Group mt="xs">
              <Radio value="id" label={t('track.byId')} />
              <Radio value="phone" label={t('track.byPhone')} />
            </Group>
          </Radio.Group>
          <TextInput
            label={by === 'id' ? t('track.idLast4') : t('track.phone')}
            value={factor}
            onChange={(e) => setFactor(e.currentTarget.value)}
            name="factor"
            required
            inputMode={by === 'id' ? 'numeric' : 'tel'}
            autoComplete={by === 'id' ? 'off' : 'tel'}
            maxLength={by === 'id' ? 4 : 20}
          />
          <Group>
            <Button type="submit" loading={busy}>{t('track.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {error ? <Alert color="red" title={t('common.error')}>{error}</Alert> : null}
        {found ? (
          <Card withBorder component="section" aria-labelledby="tracking-result-title">
            <Stack gap="xs">
              <Title order={2} size="h3" id="tracking-result-title">{found.procedureName}</Title>
              <Text fw={600}>{t('track.status', { status: t(statusKey(found.nationalStatus)) })}</Text>
              {found.dueDate ? <Text>{t('track.due', { date: formatDate(found.dueDate) })}</Text> : null}
              <Text>{t('track.agency', { agency: agencyName(found.agencyCode) })}</Text>
              <Title order={3} size="h4" mt="sm">{t('track.timeline')}</Title>
              <Timeline active={found.timeline.length - 1} bulletSize={14} lineWidth={2}>
                {found.timeline.map((step, index) => (
                  <Timeline.Item key={index} title={t(actionKey(step.action))}>
                    <Text size="sm">{formatDateTime(step.at)}</Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          </Card>
        ) : null}
      </div>
    </Stack>
  );
}
