import { Alert, Anchor, AppShell, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { AccountMenu } from '../features/auth/AccountMenu.tsx';
import { LoginCallback } from '../features/auth/LoginCallback.tsx';
import { ProcedureSearch } from '../features/catalog/ProcedureSearch.tsx';
import { UnitLookup } from '../features/geo/UnitLookup.tsx';
import { CALLBACK_PATH } from '../lib/oidc-session.ts';

export function App() {
  // No router: the only client-side route is the login callback (the server sends index.html there).
  const [path, setPath] = useState(() => window.location.pathname);
  const [authError, setAuthError] = useState<string | null>(null);
  const onCallback = path === CALLBACK_PATH;
  const leaveCallback = useCallback((to: string) => setPath(new URL(to, window.location.origin).pathname), []);

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Title order={1} size="h3">
              Congso
              <Text span inherit visibleFrom="sm"> — Cổng dịch vụ công</Text>
            </Title>
            <Group gap="md" wrap="nowrap">
              <Anchor href="/docs">API</Anchor>
              <AccountMenu onCallback={onCallback} onError={setAuthError} />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" component="main">
          <Stack gap="xl">
            {authError ? (
              <Alert color="red" title="Lỗi đăng nhập" withCloseButton closeButtonLabel="Đóng" onClose={() => setAuthError(null)}>
                {authError}
              </Alert>
            ) : null}
            {onCallback ? (
              <LoginCallback onDone={leaveCallback} />
            ) : (
              <>
                <Text>Nền tảng chính quyền số mã nguồn mở: thủ tục hành chính, đơn vị hành chính sau sắp xếp 2025 và lịch làm việc.</Text>
                <ProcedureSearch />
                <UnitLookup />
              </>
            )}
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
