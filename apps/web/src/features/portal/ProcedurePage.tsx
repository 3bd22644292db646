import { OfferedService, ProcedureDetailView } from '@congso/contracts';
import { Alert, Anchor, Badge, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson } from '../../lib/api.ts';
import { useAgencyNames } from './agency-names.ts';
import { levelKey, onlineKey, unitKey } from './labels.ts';

type Detail = z.infer<typeof ProcedureDetailView>;
type Offered = z.infer<typeof OfferedService>;

/**
 * A procedure as the citizen needs it: what to prepare, how long it takes (and what the clock means),
 * what it costs, who decides, on what legal basis, and where it is offered online.
 */
export function ProcedurePage({ code }: { code: string }) {
  const { t, locale, formatNumber, formatMoney } = useI18n();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [offered, setOffered] = useState<Offered[]>([]);
  const [error, setError] = useState<string | null>(null);
  const agencyName = useAgencyNames(offered.map((o) => o.agencyCode), locale);

  useEffect(() => {
    const controller = new AbortController();
    setDetail(null);
    setError(null);
    Promise.all([
      getJson(`/api/v1/procedures/${encodeURIComponent(code)}`, ProcedureDetailView, controller.signal),
      getJson(`/api/v1/services?procedureCode=${encodeURIComponent(code)}`, z.array(OfferedService), controller.signal),
    ])
      .then(([found, services]) => {
        setDetail(found);
        setOffered(services);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught instanceof ApiError && (caught.status === 404 || caught.status === 400) ? t('procedure.notFound') : t('common.error'));
      });
    return () => controller.abort();
  }, [code, t]);

  if (error) return <Alert color="red" title={t('common.error')}>{error}</Alert>;
  if (!detail) return <Loader aria-label={t('common.loading')} />;
  const unit = detail.timeLimit ? unitKey(detail.timeLimit.unit) : null;
  const fees = detail.channels.flatMap((c) => c.fees);
  const free = detail.channels.length > 0 && detail.channels.every((c) => c.free);
  const competent = [...new Set([...detail.agencies.competent, ...detail.agencies.implementing])];
  return (
    <Stack gap="lg" component="article" aria-labelledby="procedure-title">
      <Anchor component={Link} href="/">{t('common.back')}</Anchor>
      <Stack gap="xs">
        <Title order={1} id="procedure-title">{detail.name}</Title>
        <Group gap="xs">
          <Text size="sm">{t('procedure.code')}: {detail.code}</Text>
          {detail.levels.map((level) => <Badge key={level} variant="light" color="dark">{t(levelKey(level))}</Badge>)}
        </Group>
      </Stack>

      <Stack component="section" aria-labelledby="online-title" gap="xs">
        <Title order={2} id="online-title">{t('procedure.online')}</Title>
        {offered.length > 0 ? (
          <Stack gap="sm">
            {offered.map((o) => (
              <Stack key={o.agencyCode} gap={4}>
                <Text>{t('procedure.onlineAt', { agency: agencyName(o.agencyCode), level: t(onlineKey(o.onlineLevel)), days: formatNumber(o.workingDays) })}</Text>
                <Group>
                  <Button component={Link} href={`/nop-ho-so/${o.agencyCode}/${o.procedureCode}`} aria-label={t('procedure.applyAt', { agency: agencyName(o.agencyCode) })}>
                    {t('procedure.online')}
                  </Button>
                </Group>
              </Stack>
            ))}
          </Stack>
        ) : (
          <Text>{t('procedure.notOnline')}</Text>
        )}
      </Stack>

      <dl>
        {detail.field ? (
          <>
            <Text component="dt" fw={600}>{t('procedure.field')}</Text>
            <Text component="dd" ml={0} mb="sm">{detail.field}</Text>
          </>
        ) : null}
        {competent.length > 0 ? (
          <>
            <Text component="dt" fw={600}>{t('procedure.agencies')}</Text>
            <Text component="dd" ml={0} mb="sm">{competent.join('; ')}</Text>
          </>
        ) : null}
        <Text component="dt" fw={600}>{t('procedure.timeLimit')}</Text>
        <Text component="dd" ml={0} mb="sm">
          {detail.timeLimit && unit ? `${t(unit, { value: formatNumber(detail.timeLimit.value) })}. ` : ''}
          {t('procedure.clock')}
        </Text>
        <Text component="dt" fw={600}>{t('procedure.fees')}</Text>
        <Text component="dd" ml={0} mb="sm">
          {free ? t('procedure.free') : fees.map((fee) => (fee.amountVnd ? `${formatMoney(fee.amountVnd)} — ${fee.text}` : fee.text)).join('; ') || '—'}
        </Text>
      </dl>

      {detail.documents.length > 0 ? (
        <Stack component="section" aria-labelledby="documents-title" gap="xs">
          <Title order={2} id="documents-title">{t('procedure.documents')}</Title>
          <List>{detail.documents.map((d, i) => <List.Item key={i}>{d.name}</List.Item>)}</List>
        </Stack>
      ) : null}
      {detail.steps ? (
        <Stack component="section" aria-labelledby="steps-title" gap="xs">
          <Title order={2} id="steps-title">{t('procedure.steps')}</Title>
          <Text style={{ whiteSpace: 'pre-line' }}>{detail.steps}</Text>
        </Stack>
      ) : null}
      {detail.results.length > 0 ? (
        <Stack component="section" aria-labelledby="results-title" gap="xs">
          <Title order={2} id="results-title">{t('procedure.results')}</Title>
          <List>{detail.results.map((r, i) => <List.Item key={i}>{r.name}</List.Item>)}</List>
        </Stack>
      ) : null}
      {detail.legalBases.length > 0 ? (
        <Stack component="section" aria-labelledby="legal-title" gap="xs">
          <Title order={2} id="legal-title">{t('procedure.legalBases')}</Title>
          <List>{detail.legalBases.map((b, i) => <List.Item key={i}>{[b.number, b.title].filter(Boolean).join(' — ')}</List.Item>)}</List>
        </Stack>
      ) : null}
    </Stack>
  );
}
