import { StoreItemView } from '@congso/contracts';
import { Alert, Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson } from '../../lib/api.ts';
import { downloadWithToken } from '../../lib/download.ts';
import { SignInFirst } from '../auth/SignInFirst.tsx';
import { usePrincipalLabel, useActingFor } from '../auth/acting-for.tsx';
import { platformSession, useSignedIn } from '../auth/platform-session.ts';

// The e-data store (kho quản lý dữ liệu điện tử, Decree 45/2020 Art. 16 as amended by Decree
// 118/2025): the electronic results of the person's finished dossiers, and of those they file for,
// kept to be downloaded again or attached to a later dossier instead of uploading them.

type Item = z.infer<typeof StoreItemView>;

export function DataStorePage() {
  const { t, locale, formatDate } = useI18n();
  const signedIn = useSignedIn();
  const fetcher = platformSession().authorizedFetch;
  const acting = useActingFor();
  const principalLabel = usePrincipalLabel();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const messageOf = (caught: unknown) => (caught instanceof ApiError ? caught.messages[locale] : t('common.error'));

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    getJson('/api/v1/me/data-store', z.array(StoreItemView), controller.signal, fetcher)
      .then(setItems)
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(messageOf(caught));
      });
    return () => controller.abort();
  }, [signedIn]);

  if (!signedIn) return <SignInFirst title={t('store.title')} reason={t('store.signInFirst')} />;
  const ownerName = (ownerId: string) => {
    const principal = acting.principals?.find((p) => p.id === ownerId);
    return principal && principal.kind !== 'self' ? principalLabel(principal) : null;
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('store.title')}</Title>
        <Text>{t('store.lead')}</Text>
      </Stack>
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      {items === null && !error ? <Loader aria-label={t('common.loading')} /> : null}
      {items?.length === 0 ? <Text>{t('store.none')}</Text> : null}
      {items?.map((item) => (
        <Card key={item.id} withBorder component="article" aria-labelledby={`store-${item.id}`}>
          <Stack gap={4}>
            <Title order={2} size="h4" id={`store-${item.id}`}>{item.procedureName}</Title>
            <Text size="sm">{t('store.issued', { code: item.dossierCode, date: formatDate(item.issuedAt) })}</Text>
            {ownerName(item.ownerId) ? <Text size="sm">{t('store.owner', { name: ownerName(item.ownerId) ?? '' })}</Text> : null}
            <Group>
              <Anchor component="button" type="button" ta="left" onClick={() => void downloadWithToken(fetcher, `/api/v1/dossiers/${item.dossierCode}/attachments/${item.attachmentId}`, item.storedName).catch((caught: unknown) => setError(messageOf(caught)))}>
                {t('mine.download', { name: item.storedName })}
              </Anchor>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
