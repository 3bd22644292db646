import { Anchor, Badge, Button, Group, Loader, Text } from '@mantine/core';
import { Link } from 'wouter';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAccount } from './use-account.ts';
import { authErrorMessage, platformSession, useSignedIn } from './platform-session.ts';

/** Signed out in memory but holding a refresh token: a reload, or back from a failed callback. */
function shouldRestore(onCallback: boolean): boolean {
  const session = platformSession();
  return !onCallback && session.current() === null && session.hasRefreshToken();
}

/**
 * The header's sign-in corner: "Đăng nhập" when signed out; the person's name, assurance level and
 * "Đăng xuất" when signed in. After a reload it signs back in with the tab's refresh token, unless the
 * page is the login callback (which completes a login of its own).
 */
export function AccountMenu({ onCallback, onError, restore = true }: { onCallback: boolean; onError: (message: string | null) => void; restore?: boolean }) {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  // Only one menu restores the session (a refresh token is single use); a second copy just shows it.
  const [restoring, setRestoring] = useState(() => restore && shouldRestore(onCallback));
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!restore || !shouldRestore(onCallback)) return;
    let active = true;
    setRestoring(true);
    platformSession()
      .restore()
      .catch((error: unknown) => onError(authErrorMessage(error)))
      .finally(() => {
        if (active) setRestoring(false);
      });
    return () => {
      active = false;
    };
  }, [onCallback, onError, restore]);

  const { account, failed } = useAccount();
  useEffect(() => {
    if (failed) onError(authErrorMessage(failed));
  }, [failed, onError]);

  async function signIn() {
    setBusy(true);
    onError(null);
    try {
      const returnTo = onCallback ? '/' : `${window.location.pathname}${window.location.search}`;
      window.location.assign(await platformSession().startLogin({ returnTo }));
    } catch (error) {
      onError(authErrorMessage(error));
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    onError(null);
    try {
      window.location.assign(await platformSession().logout());
    } catch (error) {
      onError(authErrorMessage(error));
      setBusy(false);
    }
  }

  if (restoring) return <Loader size="sm" aria-label={t('auth.restoring')} />;
  if (!signedIn) {
    return (
      <Button size="sm" onClick={() => void signIn()} loading={busy}>
        {t('auth.signIn')}
      </Button>
    );
  }
  // An agency administrator configures services; every other post works dossiers in the workspace.
  return (
    <Group gap="sm" wrap="nowrap">
      {account ? (
        <>
          <Text fw={500} truncate maw={180} title={account.fullName} visibleFrom="sm">{account.fullName}</Text>
          {account.post?.roles.some((role) => role !== 'agency_admin') ? <Anchor component={Link} href="/can-bo" size="sm" style={{ whiteSpace: 'nowrap' }}>{t('nav.workspace')}</Anchor> : null}
          {account.post?.roles.includes('agency_admin') ? <Anchor component={Link} href="/quan-tri/dich-vu" size="sm" style={{ whiteSpace: 'nowrap' }}>{t('nav.admin')}</Anchor> : null}
          <Badge variant="light" style={{ flexShrink: 0 }} title={t('auth.levelTitle', { name: account.fullName, level: account.assuranceLevel })}>{t('auth.level', { level: account.assuranceLevel })}</Badge>
        </>
      ) : (
        <Loader size="xs" aria-label={t('auth.loadingAccount')} />
      )}
      <Button size="sm" variant="default" onClick={() => void signOut()} loading={busy}>
        {t('auth.signOut')}
      </Button>
    </Group>
  );
}
