import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { SignedIn } from '../../lib/oidc-session.ts';
import { authErrorMessage, platformSession } from './platform-session.ts';

// A callback URL is handled once (its code and state are single use), even when React runs the
// effect twice (StrictMode) or re-mounts the component.
const completions = new Map<string, Promise<SignedIn & { returnTo: string }>>();

function complete(href: string) {
  let completion = completions.get(href);
  if (!completion) {
    completion = platformSession().completeLogin(href);
    completions.set(href, completion);
  }
  return completion;
}

/** /login/callback: finishes the login the provider sent back, then goes where the person was. */
export function LoginCallback({ onDone }: { onDone: (path: string) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    complete(window.location.href)
      .then(({ returnTo }) => {
        // Replace the callback (code, state) in the history: back and reload must not replay it.
        window.history.replaceState(null, '', returnTo);
        if (active) onDone(returnTo);
      })
      .catch((caught: unknown) => {
        window.history.replaceState(null, '', '/');
        if (active) setError(authErrorMessage(caught));
      });
    return () => {
      active = false;
    };
  }, [onDone]);

  async function retry() {
    window.location.assign(await platformSession().startLogin());
  }

  if (!error) {
    return (
      <Group>
        <Loader size="sm" />
        <Text>{t('auth.completing')}</Text>
      </Group>
    );
  }
  return (
    <Alert color="red" title={t('auth.failed')}>
      <Stack gap="sm">
        <Text size="sm">{error}</Text>
        <Group>
          <Button size="xs" onClick={() => void retry().catch((caught: unknown) => setError(authErrorMessage(caught)))}>{t('auth.retry')}</Button>
          <Anchor size="sm" href="/" onClick={(event) => { event.preventDefault(); onDone('/'); }}>{t('auth.home')}</Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}
