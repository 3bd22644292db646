import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformSession } from './platform-session.ts';

/**
 * What a page that needs a signed-in person shows to a visitor: why, and the way in. After the login
 * the platform brings them back to this very page (with its query).
 */
export function SignInFirst({ title, reason }: { title: string; reason: string }) {
  const { t } = useI18n();
  const signIn = () => void platformSession().startLogin({ returnTo: `${window.location.pathname}${window.location.search}` }).then((url) => window.location.assign(url));
  return (
    <Stack>
      <Title order={1}>{title}</Title>
      <Text>{reason}</Text>
      <Group>
        <Button onClick={signIn}>{t('auth.signIn')}</Button>
      </Group>
    </Stack>
  );
}
