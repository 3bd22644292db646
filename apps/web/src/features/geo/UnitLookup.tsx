import { AdminUnitPage, ResolveView, type AdminUnitView } from '@congso/contracts';
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { getJson } from '../../lib/api.ts';

function UnitRow({ unit, coverage }: { unit: AdminUnitView; coverage?: string }) {
  return (
    <Table.Tr>
      <Table.Td>{unit.code}</Table.Td>
      <Table.Td>{unit.fullName}</Table.Td>
      <Table.Td>{unit.validFrom ?? '…'} → {unit.validTo ?? 'nay'}</Table.Td>
      <Table.Td>{coverage ? <Badge variant="light">{coverage === 'full' ? 'toàn bộ' : 'một phần'}</Badge> : null}</Table.Td>
    </Table.Tr>
  );
}

/** Find a unit by name, or a pre-2025 code and the unit(s) it belongs to now. */
export function UnitLookup() {
  const [query, setQuery] = useState('');
  const [units, setUnits] = useState<{ unit: AdminUnitView; coverage?: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      if (/^\d{2,5}$/.test(query.trim())) {
        const resolved = await getJson(`/api/v1/admin-units/resolve?legacyCode=${query.trim()}`, ResolveView);
        setUnits([{ unit: resolved.legacyUnit }, ...resolved.successors]);
      } else {
        const page = await getJson(`/api/v1/admin-units?q=${encodeURIComponent(query)}&pageSize=20`, AdminUnitPage);
        setUnits(page.items.map((unit) => ({ unit })));
      }
    } catch (caught) {
      setUnits([]);
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <Stack component="section" aria-labelledby="unit-lookup-title">
      <Title order={2} id="unit-lookup-title">Tra cứu đơn vị hành chính</Title>
      <Text c="dimmed">Nhập tên (có hoặc không dấu) hoặc mã đơn vị trước 01/7/2025 để biết đơn vị hiện nay.</Text>
      <form onSubmit={(event) => void submit(event)}>
        <Group align="end">
          <TextInput label="Tên hoặc mã đơn vị" value={query} onChange={(e) => setQuery(e.currentTarget.value)} required style={{ flex: 1 }} />
          <Button type="submit">Tra cứu</Button>
        </Group>
      </form>
      {error ? <Alert color="red" title="Không tìm thấy">{error}</Alert> : null}
      {units.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr><Table.Th>Mã</Table.Th><Table.Th>Tên</Table.Th><Table.Th>Hiệu lực</Table.Th><Table.Th>Phạm vi</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map(({ unit, coverage }) => <UnitRow key={`${unit.code}-${unit.validFrom ?? ''}`} unit={unit} {...(coverage ? { coverage } : {})} />)}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
