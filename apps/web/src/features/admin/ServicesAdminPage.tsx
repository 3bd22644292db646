import { ProcedurePage } from '@congso/contracts';
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson } from '../../lib/api.ts';
import { SignInFirst } from '../auth/SignInFirst.tsx';
import { useAccount } from '../auth/use-account.ts';
import { useSignedIn } from '../auth/platform-session.ts';
import { useAgencyNames } from '../portal/agency-names.ts';

// The agency administrator's list: the online services the agency offers (each opens in the editor),
// and a search of the national catalogue to turn another procedure into a service.

export const AgencyServices = z.array(
  z.looseObject({
    id: z.string(),
    version: z.number(),
    definition: z.looseObject({ procedureCode: z.string(), name: z.string(), onlineLevel: z.enum(['full', 'partial']), timeLimit: z.looseObject({ workingDays: z.number() }) }),
  }),
);
type Found = z.infer<typeof ProcedurePage>['items'];

/** The account's agency when it holds the agency administrator's role there; '' when it does not. */
export function adminAgencyOf(account: { post: { agencyCode: string; roles: string[] } | null } | null): string | null {
  if (!account) return null;
  return account.post?.roles.includes('agency_admin') ? account.post.agencyCode : '';
}

/**
 * What an administrator's page shows instead of itself — the way to sign in, the error reading the
 * account, a loader, or that the page is not for this account — or null when it may show itself.
 */
export function adminGate({ t, title, signedIn, failed, agencyCode }: { t: ReturnType<typeof useI18n>['t']; title: string; signedIn: boolean; failed: string | null; agencyCode: string | null }): ReactNode {
  if (!signedIn) return <SignInFirst title={title} reason={t('admin.notAdmin')} />;
  if (failed) return <Alert color="red" role="alert" title={t('common.error')}>{failed}</Alert>;
  if (agencyCode === null) return <Loader aria-label={t('common.loading')} />;
  if (agencyCode === '') {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <Alert color="orange">{t('admin.notAdmin')}</Alert>
      </Stack>
    );
  }
  return null;
}

export function ServicesAdminPage() {
  const { t, locale, formatNumber } = useI18n();
  const signedIn = useSignedIn();
  const { account, failed } = useAccount();
  const agencyCode = adminAgencyOf(account);
  const agencyName = useAgencyNames(agencyCode ? [agencyCode] : [], locale);
  const [services, setServices] = useState<z.infer<typeof AgencyServices> | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.messages[locale] : t('common.error'));

  useEffect(() => {
    if (!agencyCode) return;
    getJson(`/api/v1/agencies/${encodeURIComponent(agencyCode)}/services`, AgencyServices)
      .then(setServices)
      .catch((caught: unknown) => setError(messageOf(caught)));
  }, [agencyCode]);

  async function search(event: FormEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    setSearching(true);
    try {
      const page = await getJson(`/api/v1/procedures?${new URLSearchParams({ q: query.trim(), pageSize: '10' }).toString()}`, ProcedurePage);
      setFound(page.items);
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSearching(false);
    }
  }

  const gate = adminGate({ t, title: t('admin.title'), signedIn: signedIn !== null, failed: failed ? messageOf(failed) : null, agencyCode });
  if (gate || !agencyCode) return gate;
  const offered = new Set(services?.map((s) => s.definition.procedureCode));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.title')}</Title>
      <Text>{t('admin.agency', { agency: agencyName(agencyCode) })}</Text>
      {error ? <Alert color="red" role="alert" title={t('common.error')}>{error}</Alert> : null}
      <Stack gap="xs" component="section" aria-labelledby="admin-services">
        <Title order={2} size="h3" id="admin-services">{t('admin.services')}</Title>
        {services === null ? (
          <Loader aria-label={t('common.loading')} />
        ) : services.length === 0 ? (
          <Text>{t('admin.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('queue.procedure')}</Table.Th>
                  <Table.Th>{t('admin.onlineLevel')}</Table.Th>
                  <Table.Th>{t('admin.workingDays')}</Table.Th>
                  <Table.Th>{t('admin.version')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {services.map(({ id, version, definition }) => (
                  <Table.Tr key={id}>
                    <Table.Td>
                      <Anchor component={Link} c="blue.9" fw={600} href={`/quan-tri/dich-vu/${definition.procedureCode}`} aria-label={t('admin.edit', { name: definition.name })}>
                        {definition.name}
                      </Anchor>{' '}
                      <Text span size="sm">({definition.procedureCode})</Text>
                    </Table.Td>
                    <Table.Td>{t(definition.onlineLevel === 'full' ? 'admin.level.full' : 'admin.level.partial')}</Table.Td>
                    <Table.Td>{formatNumber(definition.timeLimit.workingDays)}</Table.Td>
                    <Table.Td>{formatNumber(version)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="admin-enable">
        <Title order={2} size="h3" id="admin-enable">{t('admin.enableTitle')}</Title>
        <Text size="sm">{t('admin.enableLead')}</Text>
        <form onSubmit={(event) => void search(event)} role="search">
          <Group align="end">
            <TextInput label={t('search.label')} placeholder={t('search.placeholder')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} w={{ base: '100%', sm: 420 }} />
            <Button type="submit" loading={searching}>{t('search.submit')}</Button>
          </Group>
        </form>
        {found === null ? null : found.length === 0 ? (
          <Text>{t('search.none')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
            {found.map((procedure) => (
              <li key={procedure.code}>
                <Anchor component={Link} c="blue.9" href={`/quan-tri/dich-vu/${procedure.code}`} aria-label={t('admin.enable', { name: procedure.name })}>
                  {procedure.name}
                </Anchor>{' '}
                <Text span size="sm">({procedure.code})</Text> {offered.has(procedure.code) ? <Badge variant="light" color="blue.9">{t('admin.enabled')}</Badge> : null}
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
