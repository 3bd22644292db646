import { ProcedurePage } from '@congso/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { getJson } from '../../lib/api.ts';
import { levelKey, unitKey } from './labels.ts';

type Page = z.infer<typeof ProcedurePage>;
const PAGE_SIZE = 10;

/**
 * Search the national procedure catalogue, with or without diacritics ("dang ky khai sinh" finds
 * "Đăng ký khai sinh"), filtered by level. The query lives in the address (?q=), so a search can be
 * shared, reloaded and reached from the life-event links.
 */
export function ProcedureSearch() {
  const { t, formatNumber } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const level = params.get('level');
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [input, setInput] = useState(query);
  const [result, setResult] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setInput(query), [query]);

  useEffect(() => {
    if (!query && !level) {
      setResult(null);
      return;
    }
    const controller = new AbortController();
    const search = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (query) search.set('q', query);
    if (level) search.set('level', level);
    getJson(`/api/v1/procedures?${search.toString()}`, ProcedurePage, controller.signal)
      .then((data) => {
        setResult(data);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
      });
    return () => controller.abort();
  }, [query, level, page]);

  const update = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: input.trim() || null, page: null });
  }

  const pages = result ? Math.ceil(result.total / PAGE_SIZE) : 0;
  return (
    <Stack component="section" aria-labelledby="procedure-search-title">
      <Title order={2} id="procedure-search-title">{t('search.title')}</Title>
      <form onSubmit={submit} role="search" aria-label={t('search.title')}>
        <Group align="end" wrap="wrap">
          <TextInput label={t('search.label')} placeholder={t('search.placeholder')} value={input} onChange={(e) => setInput(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} name="q" />
          <Select
            label={t('search.level')}
            placeholder={t('search.allLevels')}
            clearable
            value={level}
            onChange={(value) => update({ level: value, page: null })}
            data={(result?.facets.levels ?? []).map((f) => ({ value: f.value, label: `${t(levelKey(f.value))} (${formatNumber(f.count)})` }))}
            style={{ flex: '0 1 12rem' }}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      {error ? <Alert color="red" title={t('common.error')}>{error}</Alert> : null}
      {result ? (
        <Stack gap="sm">
          <Text aria-live="polite">{result.total > 0 ? t('search.found', { count: formatNumber(result.total) }) : t('search.none')}</Text>
          {result.items.map((item) => {
            const unit = item.timeLimit ? unitKey(item.timeLimit.unit) : null;
            return (
              <Card key={item.code} withBorder component="article" padding="md">
                <Anchor component={Link} href={`/thu-tuc/${item.code}`} fw={600}>{item.name}</Anchor>
                <Group gap="xs" mt="xs">
                  <Text size="sm">{t('procedure.code')}: {item.code}</Text>
                  {item.levels.map((l) => <Badge key={l} variant="light" color="dark">{t(levelKey(l))}</Badge>)}
                  {item.timeLimit && unit ? <Text size="sm">· {t(unit, { value: formatNumber(item.timeLimit.value) })}</Text> : null}
                </Group>
              </Card>
            );
          })}
          {pages > 1 ? (
            <Group justify="space-between">
              <Button variant="default" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>{t('search.previous')}</Button>
              <Text size="sm">{t('search.page', { page, pages })}</Text>
              <Button variant="default" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>{t('search.next')}</Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
