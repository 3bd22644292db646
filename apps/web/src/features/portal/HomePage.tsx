import { OfferedService } from '@congso/contracts';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { getJson } from '../../lib/api.ts';
import { useAgencyNames } from './agency-names.ts';
import { onlineKey } from './labels.ts';
import { ProcedureSearch } from './ProcedureSearch.tsx';

const LIFE_EVENTS: { label: MessageKey; query: MessageKey }[] = [
  { label: 'events.birth', query: 'events.birth.query' },
  { label: 'events.residence', query: 'events.residence.query' },
  { label: 'events.business', query: 'events.business.query' },
  { label: 'events.construction', query: 'events.construction.query' },
];

/** The portal's home: search, the services offered online, and entry points by life event. */
export function HomePage() {
  const { t, locale } = useI18n();
  const [services, setServices] = useState<z.infer<typeof OfferedService>[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    getJson('/api/v1/services', z.array(OfferedService), controller.signal)
      .then(setServices)
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  // One card per procedure (the first agency offering it), in the order the server lists them.
  const popular = services.filter((service, index) => services.findIndex((s) => s.procedureCode === service.procedureCode) === index).slice(0, 8);
  const agencyName = useAgencyNames(popular.map((s) => s.agencyCode), locale);
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Title order={1}>{t('home.title')}</Title>
        <Text>{t('home.lead')}</Text>
      </Stack>
      <ProcedureSearch />
      <Stack component="section" aria-labelledby="life-events-title" gap="sm">
        <Title order={2} id="life-events-title">{t('events.title')}</Title>
        <Group gap="sm">
          {LIFE_EVENTS.map((event) => (
            <Button key={event.label} component={Link} href={`/?q=${encodeURIComponent(t(event.query))}`} variant="light" color="dark">
              {t(event.label)}
            </Button>
          ))}
        </Group>
      </Stack>
      {popular.length > 0 ? (
        <Stack component="section" aria-labelledby="popular-title" gap="sm">
          <Title order={2} id="popular-title">{t('popular.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {popular.map((service) => (
              <Card key={service.procedureCode} withBorder component="article">
                <Anchor component={Link} href={`/thu-tuc/${service.procedureCode}`} fw={600}>{service.name}</Anchor>
                <Text size="sm" mt="xs">{t(onlineKey(service.onlineLevel))} · {t('unit.working_days', { value: service.workingDays })}</Text>
                <Text size="sm">{t('popular.at', { agency: agencyName(service.agencyCode) })}</Text>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Stack>
  );
}
