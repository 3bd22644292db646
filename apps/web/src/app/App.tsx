import { Alert, Anchor, AppShell, Burger, Button, Container, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { AccountMenu } from '../features/auth/AccountMenu.tsx';
import { LoginCallback } from '../features/auth/LoginCallback.tsx';
import { HomePage } from '../features/portal/HomePage.tsx';
import { ProcedurePage } from '../features/portal/ProcedurePage.tsx';
import { TrackingPage } from '../features/portal/TrackingPage.tsx';
import { MyDossiersPage } from '../features/mine/MyDossiersPage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { CALLBACK_PATH } from '../lib/oidc-session.ts';

// The application form (react-jsonschema-form, Ajv) is loaded only by those who apply: the portal's
// first page stays light.
const ApplyPage = lazy(() => import('../features/apply/ApplyPage.tsx'));
// So are the officials' pages (workspace, administration): citizens never load them.
const WorkspacePage = lazy(() => import('../features/workspace/WorkspacePage.tsx').then((m) => ({ default: m.WorkspacePage })));
const OfficialDossierPage = lazy(() => import('../features/workspace/OfficialDossierPage.tsx').then((m) => ({ default: m.OfficialDossierPage })));
const ServicesAdminPage = lazy(() => import('../features/admin/ServicesAdminPage.tsx').then((m) => ({ default: m.ServicesAdminPage })));
const ServiceEditorPage = lazy(() => import('../features/admin/ServiceEditorPage.tsx'));
// Who read my data: an account page like the others, loaded when opened.
const DataAccessPage = lazy(() => import('../features/tracker/DataAccessPage.tsx').then((m) => ({ default: m.DataAccessPage })));
const DataStorePage = lazy(() => import('../features/mine/DataStorePage.tsx').then((m) => ({ default: m.DataStorePage })));

/** The portal's frame: header (brand, navigation, language, account), the page, the footer. */
export function App() {
  const { t, locale, setLocale } = useI18n();
  const [location, navigate] = useLocation();
  const [authError, setAuthError] = useState<string | null>(null);
  const onCallback = location === CALLBACK_PATH;
  const [menuOpen, { toggle: toggleMenu, close: closeMenu }] = useDisclosure(false);
  const languageButton = (
    <Button size="compact-sm" variant="subtle" color="dark" lang={locale === 'vi' ? 'en' : 'vi'} aria-label={t('lang.switchLabel')} onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
      {t('lang.switch')}
    </Button>
  );
  const loading = <Loader aria-label={t('common.loading')} />;
  const leaveCallback = useCallback((to: string) => navigate(new URL(to, window.location.origin).pathname, { replace: true }), [navigate]);

  return (
    <>
      <a href="#main" className="skip-link">{t('app.skipToContent')}</a>
      <AppShell header={{ height: 60 }} padding="md">
        <AppShell.Header>
          <Container size="lg" h="100%">
            <Group h="100%" justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} href="/" underline="never" c="inherit">
                <Title order={2} size="h3" component="p" style={{ whiteSpace: 'nowrap' }}>
                  {t('app.name')}
                  <Text span inherit visibleFrom="xl"> — {t('app.tagline')}</Text>
                </Title>
              </Anchor>
              <Group gap="sm" wrap="nowrap" component="nav" aria-label={t('nav.main')} visibleFrom="md">
                <Anchor component={Link} href="/tra-cuu-ho-so" size="sm" style={{ whiteSpace: 'nowrap' }}>{t('nav.track')}</Anchor>
                <Anchor component={Link} href="/ho-so-cua-toi" size="sm" style={{ whiteSpace: 'nowrap' }}>{t('nav.mine')}</Anchor>
                {languageButton}
                <AccountMenu onCallback={onCallback} onError={setAuthError} />
              </Group>
              <Burger opened={menuOpen} onClick={toggleMenu} hiddenFrom="md" aria-label={t('nav.menu')} aria-expanded={menuOpen} />
            </Group>
          </Container>
        </AppShell.Header>
        {/* On a phone the navigation lives in a drawer: the header keeps the brand and the menu button. */}
        <Drawer opened={menuOpen} onClose={closeMenu} title={t('nav.menu')} position="right" size="xs" hiddenFrom="md" closeButtonProps={{ 'aria-label': t('auth.close') }}>
          <Stack component="nav" aria-label={t('nav.main')} gap="md">
            <Anchor component={Link} href="/" onClick={closeMenu}>{t('nav.home')}</Anchor>
            <Anchor component={Link} href="/tra-cuu-ho-so" onClick={closeMenu}>{t('nav.track')}</Anchor>
            <Anchor component={Link} href="/ho-so-cua-toi" onClick={closeMenu}>{t('nav.mine')}</Anchor>
            <Anchor component={Link} href="/du-lieu-cua-toi" onClick={closeMenu}>{t('nav.dataAccesses')}</Anchor>
            <Anchor component={Link} href="/kho-du-lieu" onClick={closeMenu}>{t('nav.store')}</Anchor>
            {languageButton}
            <AccountMenu onCallback={onCallback} onError={setAuthError} restore={false} />
          </Stack>
        </Drawer>
        <AppShell.Main>
          <Container size="lg" component="main" id="main" tabIndex={-1} pb="xl">
            {authError ? (
              <Alert color="red" title={t('auth.error')} withCloseButton closeButtonLabel={t('auth.close')} onClose={() => setAuthError(null)} mb="md">
                {authError}
              </Alert>
            ) : null}
            {onCallback ? (
              <LoginCallback onDone={leaveCallback} />
            ) : (
              <Switch>
                <Route path="/thu-tuc/:code">{(params) => <ProcedurePage code={params.code} />}</Route>
                <Route path="/tra-cuu-ho-so"><TrackingPage /></Route>
                <Route path="/ho-so-cua-toi"><MyDossiersPage /></Route>
                <Route path="/du-lieu-cua-toi"><Suspense fallback={loading}><DataAccessPage /></Suspense></Route>
                <Route path="/kho-du-lieu"><Suspense fallback={loading}><DataStorePage /></Suspense></Route>
                <Route path="/can-bo"><Suspense fallback={loading}><WorkspacePage /></Suspense></Route>
                <Route path="/can-bo/ho-so/:code">{(params) => <Suspense fallback={loading}><OfficialDossierPage code={params.code} /></Suspense>}</Route>
                <Route path="/quan-tri/dich-vu"><Suspense fallback={loading}><ServicesAdminPage /></Suspense></Route>
                <Route path="/quan-tri/dich-vu/:procedureCode">
                  {(params) => (
                    <Suspense fallback={loading}>
                      <ServiceEditorPage procedureCode={params.procedureCode} />
                    </Suspense>
                  )}
                </Route>
                <Route path="/nop-ho-so/:agencyCode/:procedureCode">
                  {(params) => (
                    <Suspense fallback={loading}>
                      <ApplyPage agencyCode={params.agencyCode} procedureCode={params.procedureCode} />
                    </Suspense>
                  )}
                </Route>
                <Route><HomePage /></Route>
              </Switch>
            )}
          </Container>
          <Container size="lg" component="footer" py="md">
            <Text size="sm">{t('app.footer')} <Anchor href="/docs" size="sm">{t('nav.api')}</Anchor></Text>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
