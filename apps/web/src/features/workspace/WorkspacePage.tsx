import { DossierQueuePage, OfferedService } from '@congso/contracts';
import { Alert, Anchor, Badge, Button, Loader, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ApiError, getJson } from '../../lib/api.ts';
import { SignInFirst } from '../auth/SignInFirst.tsx';
import { platformSession, useSignedIn } from '../auth/platform-session.ts';
import { useAccount } from '../auth/use-account.ts';
import { useAgencyNames } from '../portal/agency-names.ts';
import { statusKey } from '../portal/labels.ts';

// The officials' workspace: the agency's queues with their counts, each keyset-paged by due time and
// filtered by procedure (both kept in the address), every dossier coloured by where it stands against
// its deadline.

const QUEUES = ['to_receive', 'to_handle', 'to_approve', 'to_return', 'soon_due', 'overdue', 'to_answer'] as const;
type Queue = (typeof QUEUES)[number];
const QUEUE_KEYS: Record<Queue, MessageKey> = {
  to_receive: 'queue.to_receive', to_handle: 'queue.to_handle', to_approve: 'queue.to_approve', to_return: 'queue.to_return',
  soon_due: 'queue.soon_due', overdue: 'queue.overdue', to_answer: 'queue.to_answer',
};
const Counts = z.record(z.string(), z.number());
type Item = z.infer<typeof DossierQueuePage>['items'][number];
const DAY_MS = 86_400_000;

/** Overdue, due within two days, or on time — shown in words and colour (colour alone says nothing to some). */
export function slaOf(item: { dueAt: string | null; overdue: boolean }, now = Date.now()): { key: MessageKey; color: string } {
  if (item.overdue) return { key: 'sla.overdue', color: 'red.9' };
  // Soon due: light orange with black text; on time: a green darker than Mantine's (green.9 gives white text only 4.4:1).
  if (item.dueAt && Date.parse(item.dueAt) - now < 2 * DAY_MS) return { key: 'sla.soon', color: 'orange.4' };
  return { key: 'sla.ok', color: '#1e6b30' };
}

export function WorkspacePage() {
  const { t, locale, formatDateTime, formatNumber } = useI18n();
  const signedIn = useSignedIn();
  const [params, setParams] = useSearchParams();
  const queue = (QUEUES as readonly string[]).includes(params.get('queue') ?? '') ? (params.get('queue') as Queue) : 'to_receive';
  const procedure = params.get('procedure') ?? '';
  const [procedures, setProcedures] = useState<Map<string, string>>(new Map());
  const { account, failed } = useAccount();
  // The official's agency; '' for an account without a post (not an official).
  const agencyCode = account ? (account.post?.agencyCode ?? '') : null;
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [items, setItems] = useState<Item[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetcher = platformSession().authorizedFetch;
  const agencyName = useAgencyNames(agencyCode ? [agencyCode] : [], locale);
  const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.messages[locale] : t('common.error'));

  useEffect(() => {
    getJson('/api/v1/services', z.array(OfferedService))
      .then((offered) => setProcedures(new Map(offered.map((o) => [o.procedureCode, o.name]))))
      .catch(() => setProcedures(new Map()));
  }, []);

  const pageUrl = (after: string | null) =>
    `/api/v1/agencies/${agencyCode ?? ''}/dossiers?queue=${queue}&limit=20${procedure ? `&procedure=${encodeURIComponent(procedure)}` : ''}${after ? `&after=${encodeURIComponent(after)}` : ''}`;

  useEffect(() => {
    if (!agencyCode) return;
    setItems(null);
    Promise.all([
      getJson(`/api/v1/agencies/${agencyCode}/dossier-counts`, Counts, undefined, fetcher),
      getJson(pageUrl(null), DossierQueuePage, undefined, fetcher),
    ])
      .then(([found, page]) => {
        setCounts(found);
        setItems(page.items);
        setNext(page.nextCursor);
      })
      .catch((caught: unknown) => setError(messageOf(caught)));
  }, [agencyCode, queue, procedure]);

  async function more() {
    if (!agencyCode || !next) return;
    const page = await getJson(pageUrl(next), DossierQueuePage, undefined, fetcher);
    setItems((current) => [...(current ?? []), ...page.items]);
    setNext(page.nextCursor);
  }

  if (!signedIn) return <SignInFirst title={t('ws.title')} reason={t('ws.notOfficial')} />;
  if (failed) return <Alert color="red" role="alert" title={t('common.error')}>{messageOf(failed)}</Alert>;
  if (agencyCode === '') return <Alert color="orange" title={t('ws.title')}>{t('ws.notOfficial')}</Alert>;
  return (
    <Stack gap="md">
      <Title order={1}>{t('ws.title')}</Title>
      {agencyCode ? <Text>{t('ws.agency', { agency: agencyName(agencyCode) })}</Text> : null}
      {error ? <Alert color="red" role="alert" title={t('common.error')}>{error}</Alert> : null}
      <Select
        label={t('queue.filterProcedure')}
        clearable
        searchable
        maw={480}
        data={[...procedures].map(([code, name]) => ({ value: code, label: `${name} (${code})` }))}
        value={procedure || null}
        onChange={(value) => setParams({ queue, ...(value ? { procedure: value } : {}) })}
        nothingFoundMessage={t('queue.noProcedure')}
      />
      <Tabs value={queue} onChange={(value) => setParams({ queue: value ?? 'to_receive', ...(procedure ? { procedure } : {}) })} keepMounted={false}>
        <Tabs.List aria-label={t('queue.tabs')}>
          {QUEUES.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(QUEUE_KEYS[name])} ({formatNumber(counts[name] ?? 0)})
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {items === null ? (
        <Loader aria-label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Text>{t('queue.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queue.code')}</Table.Th>
                <Table.Th>{t('queue.procedure')}</Table.Th>
                <Table.Th>{t('queue.status')}</Table.Th>
                <Table.Th>{t('queue.due')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const sla = slaOf(item);
                return (
                  <Table.Tr key={`${item.code}-${item.leg?.id ?? ''}`}>
                    <Table.Td><Anchor component={Link} c="blue.9" fw={600} href={`/can-bo/ho-so/${item.code}`}>{item.code}</Anchor></Table.Td>
                    <Table.Td>{procedures.get(item.procedureCode) ?? item.procedureCode}</Table.Td>
                    <Table.Td>{t(statusKey(item.nationalStatus))}</Table.Td>
                    <Table.Td>
                      {item.dueAt ? formatDateTime(item.dueAt) : '—'} <Badge color={sla.color} variant="filled" autoContrast>{t(sla.key)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {next ? <Button variant="default" onClick={() => void more()}>{t('queue.more')}</Button> : null}
    </Stack>
  );
}
