import { Anchor, AppShell, Container, Group, Stack, Text, Title } from '@mantine/core';
import { ProcedureSearch } from '../features/catalog/ProcedureSearch.tsx';
import { UnitLookup } from '../features/geo/UnitLookup.tsx';

export function App() {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between">
            <Title order={1} size="h3">Congso — Cổng dịch vụ công</Title>
            <Anchor href="/docs">API</Anchor>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" component="main">
          <Stack gap="xl">
            <Text>Nền tảng chính quyền số mã nguồn mở: thủ tục hành chính, đơn vị hành chính sau sắp xếp 2025 và lịch làm việc.</Text>
            <ProcedureSearch />
            <UnitLookup />
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
