import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { REPO_ROOT } from '../../apps/server/src/kernel/paths.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { grantDemoRegistryAccess } from '../../apps/server/src/main/one-stop-exchange.ts';
import { DEMO_AGENCIES, seedDemoAgencies } from '../../apps/server/src/modules/agencies/index.ts';
import { DEMO_SERVICES, type createDossiersModule } from '../../apps/server/src/modules/dossiers/index.ts';
import type { createExchangeModule } from '../../apps/server/src/modules/exchange/index.ts';
import { ensureTestClient } from '../../apps/server/src/modules/identity/testing/actors.ts';
import { buildWebIfStale } from '../web-build.ts';
import { totpCode } from '../../apps/server/src/modules/identity/index.ts';
import type { NewCitizen } from '../../apps/server/src/modules/identity/accounts.ts';

// What the browser journeys share: Debian's Chromium launched as CI runs it, the two viewports, the
// accessibility and layout check every visited page passes, screenshots under var/e2e/, and an
// official's sign-in (password, then authenticator code).

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
export const NO_CHROMIUM = `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
// Evaluated through the DevTools protocol, which the page's strict CSP (no inline scripts) leaves alone.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SHOTS = join(REPO_ROOT, 'var/e2e');
export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];

/**
 * The platform as a journey meets it: the web app built (when stale) and served, the demo agencies,
 * the test OIDC client and the five demo services enabled.
 */
export async function startPlatform(): Promise<TestApp & { base: string }> {
  const dist = join(REPO_ROOT, 'apps/web/dist');
  await buildWebIfStale(dist);
  await mkdir(SHOTS, { recursive: true });
  const t = await createListeningTestApp({ webDistDir: dist });
  await seedDemoAgencies(t.db.database.db);
  await ensureTestClient(t);
  const dossiers = moduleService<ReturnType<typeof createDossiersModule>['service']>(t, 'dossiers');
  for (const definition of DEMO_SERVICES) await dossiers.enableService('platform', definition);
  // The demo one-stop shops may read the population registry for once-only prefill.
  await grantDemoRegistryAccess(moduleService<ReturnType<typeof createExchangeModule>['service']>(t, 'exchange'), async (code) => DEMO_AGENCIES.find((agency) => agency.code === code)?.name, DEMO_SERVICES);
  return t;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What the checks below read in the page (the scripts' TypeScript has no DOM library). */
export type PageGlobals = {
  innerWidth: number;
  axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
  document: {
    getAnimations(): { finished: Promise<unknown> }[];
    documentElement: { scrollWidth: number; lang: string };
    querySelectorAll(selector: string): Iterable<{ checkVisibility(): boolean; getBoundingClientRect(): { right: number }; textContent: string | null }>;
  };
};

/** No WCAG 2.1 A/AA violation on the page as it is now, nothing scrolling sideways, no header cut off. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  // A drawer or menu still fading out (the phone menu after a link in it was followed) would be
  // measured half-transparent: let running transitions end first, as a reader's eye would.
  await page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals;
    await Promise.all(w.document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
  });
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = (globalThis as unknown as PageGlobals);
    const result = await w.axe.run(w.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(violations, [], `${where}: accessibility violations`);
  const sideways = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return w.document.documentElement.scrollWidth - w.innerWidth;
  });
  assert.ok(sideways <= 0, `${where}: the page scrolls sideways by ${sideways}px`);
  // The fixed header hides what overflows it instead of scrolling: check that nothing does.
  const clipped = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return [...w.document.querySelectorAll('header *')].filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > w.innerWidth + 0.5).map((el) => el.textContent?.slice(0, 30));
  });
  assert.deepEqual(clipped, [], `${where}: header content cut off`);
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

export type Official = { person: NewCitizen; secret: string };

/** An official opens `url` in a browser page of their own and signs in there: password, then authenticator code. */
export async function signInOfficial(browser: Browser, viewport: Viewport, url: string, official: Official, heading: string): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/auth\/interaction\//);
  await page.fill('#personalId', official.person.personalId);
  await page.fill('#password', official.person.password);
  await page.click('form button[type=submit]');
  await page.waitForSelector('#code');
  await page.fill('#code', totpCode(official.secret, new Date()));
  await page.click('form button[type=submit]');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 15_000 });
  return page;
}
