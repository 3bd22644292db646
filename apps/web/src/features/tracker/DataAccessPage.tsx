import { DataAccessPage as DataAccessPageSchema, type DataAccessEntry } from '@congso/contracts';
import { Alert, Anchor, Badge, Box, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson } from '../../lib/api.ts';
import { SignInFirst } from '../auth/SignInFirst.tsx';
import { platformSession, useSignedIn } from '../auth/platform-session.ts';

// The citizen's data tracker (Estonia's Andmejälgija): who read their data, when, what and why. The
// server leaves out what is hidden for an investigation until its date; this page shows what it gets.

const PAGE_SIZE = 20;
const CHANNEL_LABELS = { exchange: 'tracker.channel.exchange', back_office: 'tracker.channel.backOffice', direct: 'tracker.channel.direct' } as const;
/** The entry's facts side by side where there is room, one under another on a phone. */
const DETAILS_GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: 'var(--mantine-spacing-xs)' } as const;

export function DataAccessPage() {
  const { t, locale } = useI18n();
  const signedIn = useSignedIn();
  const fetcher = platformSession().authorizedFetch;
  const [page, setPage] = useState(1);
  // The period asked for (Vietnam dates, both included; '' = open) and the one being typed.
  const [range, setRange] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState({ from: '', to: '' });
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [result, setResult] = useState<{ items: DataAccessEntry[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    setResult(null);
    setError(null);
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (range.from) query.set('from', range.from);
    if (range.to) query.set('to', range.to);
    getJson(`/api/v1/me/data-accesses?${query.toString()}`, DataAccessPageSchema, controller.signal, fetcher)
      .then((body) => setResult({ items: body.items, total: body.total }))
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof ApiError ? caught.messages[locale] : t('common.error'));
      });
    return () => controller.abort();
  }, [signedIn, page, range, fetcher, locale, t]);

  if (!signedIn) return <SignInFirst title={t('tracker.title')} reason={t('tracker.signInFirst')} />;
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const filtered = range.from !== '' || range.to !== '';
  const apply = (event: FormEvent) => {
    event.preventDefault();
    // ISO dates compare as text; the server would answer an empty list, the citizen deserves the reason.
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(t('tracker.badRange'));
      return;
    }
    setRangeError(null);
    setPage(1);
    setRange(draft);
  };
  const clear = () => {
    setRangeError(null);
    setDraft({ from: '', to: '' });
    setPage(1);
    setRange({ from: '', to: '' });
  };
  return (
    <Stack gap="lg">
      <Title order={1}>{t('tracker.title')}</Title>
      <Text>{t('tracker.lead')}</Text>
      <Box component="form" noValidate onSubmit={apply} aria-label={t('tracker.filter')}>
        <Group align="end" gap="sm">
          <TextInput type="date" label={t('tracker.from')} value={draft.from} max={draft.to || undefined} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} error={rangeError} />
          <TextInput type="date" label={t('tracker.to')} value={draft.to} min={draft.from || undefined} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
          <Button type="submit" variant="default">{t('tracker.apply')}</Button>
          {filtered ? <Button variant="subtle" onClick={clear}>{t('tracker.clear')}</Button> : null}
        </Group>
      </Box>
      {error ? <Alert color="red" role="alert" title={t('common.error')}>{error}</Alert> : null}
      {result === null && !error ? <Loader aria-label={t('common.loading')} /> : null}
      {result && result.total === 0 ? <Text>{t(filtered ? 'tracker.noneInRange' : 'tracker.none')}</Text> : null}
      {result && result.total > 0 ? <Text size="sm">{t('tracker.count', { count: result.total })}</Text> : null}
      {result?.items.map((entry) => <EntryCard key={entry.id} entry={entry} />)}
      {result && pages > 1 ? (
        <Group component="nav" aria-label={t('tracker.paging')} justify="center">
          <Button variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('tracker.previous')}</Button>
          <Text aria-live="polite">{t('tracker.page', { page, pages })}</Text>
          <Button variant="default" disabled={page >= pages} onClick={() => setPage(page + 1)}>{t('tracker.next')}</Button>
        </Group>
      ) : null}
      <Text size="sm">{t('tracker.note')} <Anchor component={Link} href="/ho-so-cua-toi">{t('nav.mine')}</Anchor></Text>
    </Stack>
  );
}

function EntryCard({ entry }: { entry: DataAccessEntry }) {
  const { t, formatDateTime } = useI18n();
  const headingId = `access-${entry.id}`;
  const field = (label: string, value: string) => (
    <div>
      <Text size="sm" c="dimmed" component="dt">{label}</Text>
      <Text component="dd" m={0}>{value}</Text>
    </div>
  );
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="start">
          <Title order={2} size="h4" id={headingId}>{entry.agency.name ?? entry.agency.code}</Title>
          <Badge variant="light" color="dark">{t(CHANNEL_LABELS[entry.channel])}</Badge>
        </Group>
        <Box component="dl" m={0} style={DETAILS_GRID}>
          {field(t('tracker.when'), formatDateTime(entry.occurredAt))}
          {field(t('tracker.who'), `${entry.accessor.name} (${t(entry.accessor.kind === 'system' ? 'tracker.kind.system' : 'tracker.kind.official')})`)}
          {field(t('tracker.data'), entry.data)}
          {field(t('tracker.purpose'), entry.purpose)}
          {entry.reference ? field(t('tracker.reference'), entry.reference) : null}
          {entry.agency.name ? field(t('tracker.agencyCode'), entry.agency.code) : null}
        </Box>
      </Stack>
    </Card>
  );
}
