import { ProcedurePage } from '@congso/contracts';
import { Alert, Badge, Button, Card, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { getJson } from '../../lib/api.ts';

type Page = z.infer<typeof ProcedurePage>;

const LEVEL_LABELS: Record<string, string> = { ministry: 'Cấp bộ', province: 'Cấp tỉnh', commune: 'Cấp xã', other: 'Cơ quan khác' };
const UNIT_LABELS: Record<string, string> = { working_days: 'ngày làm việc', days: 'ngày', working_hours: 'giờ làm việc', hours: 'giờ', months: 'tháng', weeks: 'tuần', years: 'năm', minutes: 'phút' };
const PAGE_SIZE = 10;

/** Search the national procedure catalogue, with or without diacritics, filtered by level. */
export function ProcedureSearch() {
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  const [level, setLevel] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (query) params.set('q', query);
    if (level) params.set('level', level);
    getJson(`/api/v1/procedures?${params.toString()}`, ProcedurePage, controller.signal)
      .then((data) => {
        setResult(data);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(caught instanceof Error ? caught.message : String(caught));
      });
    return () => controller.abort();
  }, [query, level, page]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setPage(1);
    setQuery(input.trim());
  }

  return (
    <Stack component="section" aria-labelledby="procedure-search-title">
      <Title order={2} id="procedure-search-title">Tra cứu thủ tục hành chính</Title>
      <form onSubmit={submit} role="search">
        <Group align="end">
          <TextInput label="Tên thủ tục" placeholder="Ví dụ: đăng ký thường trú" value={input} onChange={(e) => setInput(e.currentTarget.value)} style={{ flex: 1 }} />
          <Select
            label="Cấp thực hiện"
            clearable
            value={level}
            onChange={(value) => {
              setPage(1);
              setLevel(value);
            }}
            data={(result?.facets.levels ?? []).map((f) => ({ value: f.value, label: `${LEVEL_LABELS[f.value] ?? f.value} (${f.count})` }))}
          />
          <Button type="submit">Tìm kiếm</Button>
        </Group>
      </form>
      {error ? <Alert color="red" title="Lỗi">{error}</Alert> : null}
      {result ? (
        <>
          <Text c="dimmed" aria-live="polite">Tìm thấy {result.total.toLocaleString('vi-VN')} thủ tục</Text>
          {result.items.map((item) => (
            <Card key={item.code} withBorder component="article">
              <Group justify="space-between" align="start">
                <Title order={3} size="h5">{item.name}</Title>
                <Text size="sm" c="dimmed">{item.code}</Text>
              </Group>
              <Group gap="xs" mt="xs">
                {item.levels.map((l) => <Badge key={l} variant="light">{LEVEL_LABELS[l] ?? l}</Badge>)}
                {item.field ? <Text size="sm">{item.field}</Text> : null}
                {item.timeLimit ? <Text size="sm">· Thời hạn: {item.timeLimit.value} {UNIT_LABELS[item.timeLimit.unit] ?? item.timeLimit.unit}</Text> : null}
              </Group>
            </Card>
          ))}
          {result.total > PAGE_SIZE ? (
            <Pagination total={Math.min(Math.ceil(result.total / PAGE_SIZE), 1000)} value={page} onChange={setPage} aria-label="Trang kết quả" />
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
