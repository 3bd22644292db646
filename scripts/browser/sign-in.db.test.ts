import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../apps/server/src/kernel/paths.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../../apps/server/src/modules/agencies/index.ts';
import { totpCode, type createIdentityModule } from '../../apps/server/src/modules/identity/index.ts';
import { syntheticResident } from '../../apps/server/src/modules/registries/index.ts';
import { buildWebIfStale } from '../web-build.ts';

// Browser journeys in real Chromium (Debian's /usr/bin/chromium, installed by .ci/run): a citizen
// and an official sign in to the portal through the platform's own OpenID Provider, and sign out.
// Without a Chromium on the machine the suite is skipped, visibly.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
type IdentityService = ReturnType<typeof createIdentityModule>['service'];

let t: TestApp & { base: string };
let browser: Browser;
const resident = syntheticResident(17);
const citizen = { personalId: resident.personalId, fullName: resident.fullName, birthDate: resident.birthDate, sex: resident.sex, password: 'Br7-citizen-pass-Kw4q-Zx' };
const official = { personalId: '001085012345', fullName: 'Phạm Quốc Bảo', birthDate: '1985-03-03', sex: 'male' as const, password: 'Br7-official-pass-Mt2v-Hy' };
let officialSecret = '';

describe('browser journeys: signing in to the portal', { skip: available ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)` }, () => {
  before(async () => {
    const dist = join(REPO_ROOT, 'apps/web/dist');
    await buildWebIfStale(dist);
    t = await createListeningTestApp({ webDistDir: dist });
    const identity = moduleService<IdentityService>(t, 'identity');
    await seedDemoAgencies(t.db.database.db);
    const row = await identity.registerCitizen(citizen);
    await identity.services.verification.verifyIdentity(row.id, null);
    const appointed = await identity.appointOfficial(official, { agencyCode: 'H29.15', unitCode: null, roles: ['leader'] });
    officialSecret = (await identity.services.secondFactor.startTotp(appointed.id)).secret;
    await identity.services.secondFactor.confirmTotp(appointed.id, totpCode(officialSecret, new Date(Date.now() - 30_000)), null);
    // Flags from the machine notes: no background networking on a closed network. Playwright gives
    // the browser a fresh temporary profile of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function openLogin(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${t.base}/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).first().click();
    await page.waitForURL(/\/auth\/interaction\//);
    return page;
  }

  it('a citizen signs in with the personal ID and password, sees the assurance level, and signs out', async () => {
    const page = await openLogin();
    await page.fill('#personalId', citizen.personalId);
    await page.fill('#password', citizen.password);
    await page.click('form button[type=submit]');
    await page.getByText('Mức 2').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('header').innerText(), new RegExp(citizen.fullName));
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    // The provider asks for confirmation (its own page), then returns to the portal.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${t.base}/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).first().waitFor();
    await page.close();
  });

  it('an official signs in with password and authenticator code', async () => {
    const page = await openLogin();
    await page.fill('#personalId', official.personalId);
    await page.fill('#password', official.password);
    await page.click('form button[type=submit]');
    await page.waitForSelector('#code');
    await page.fill('#code', totpCode(officialSecret, new Date()));
    await page.click('form button[type=submit]');
    await page.getByText(official.fullName).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('a wrong password is answered on the login page, in Vietnamese', async () => {
    const page = await openLogin();
    await page.fill('#personalId', citizen.personalId);
    await page.fill('#password', 'not the password at all');
    await page.click('form button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'mật khẩu không đúng' }).waitFor();
    assert.match(page.url(), /\/auth\/interaction\//);
    await page.close();
  });
});
