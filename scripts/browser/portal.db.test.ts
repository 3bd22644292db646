import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../apps/server/src/kernel/paths.ts';
import { createListeningTestApp, moduleService, type TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../../apps/server/src/modules/agencies/index.ts';
import { DEMO_FORM_SAMPLES, DEMO_SERVICES, type createDossiersModule } from '../../apps/server/src/modules/dossiers/index.ts';
import { multipartBody, SMALL_PDF } from '../../apps/server/src/modules/dossiers/testing/fixtures.ts';
import { ensureTestClient, signedInActor } from '../../apps/server/src/modules/identity/testing/actors.ts';
import { syntheticResident } from '../../apps/server/src/modules/registries/index.ts';
import { buildWebIfStale } from '../web-build.ts';

// The public portal in real Chromium, at desktop width and at 360 px: a visitor finds "Đăng ký khai
// sinh" by typing it without diacritics and reads the procedure; an anonymous visitor tracks a
// dossier by its code; the language switches to English and stays. axe-core reports no WCAG 2.1 A/AA
// violation on any page visited, and no page scrolls sideways. Screenshots go to var/e2e/.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// Evaluated through the DevTools protocol, which the page's strict CSP (no inline scripts) leaves alone.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = join(REPO_ROOT, 'var/e2e');
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
] as const;
type DossiersService = ReturnType<typeof createDossiersModule>['service'];
const BIRTH = DEMO_SERVICES.find((s) => s.procedureCode === '1.001193') ?? assert.fail('no birth registration service');

let t: TestApp & { base: string };
let browser: Browser;
const applicant = syntheticResident(23);
let dossierCode = '';

/** What the checks below read in the page (the scripts' TypeScript has no DOM library). */
type PageGlobals = {
  innerWidth: number;
  axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
  document: {
    documentElement: { scrollWidth: number; lang: string };
    querySelectorAll(selector: string): Iterable<{ checkVisibility(): boolean; getBoundingClientRect(): { right: number }; textContent: string | null }>;
  };
};

/** No WCAG 2.1 A/AA violation on the page as it is now. */
async function assertAccessible(page: Page, where: string): Promise<void> {
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

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

describe('browser journeys: the public portal', { skip: available ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium)` }, () => {
  before(async () => {
    const dist = join(REPO_ROOT, 'apps/web/dist');
    await buildWebIfStale(dist);
    await mkdir(SHOTS, { recursive: true });
    t = await createListeningTestApp({ webDistDir: dist });
    await seedDemoAgencies(t.db.database.db);
    await ensureTestClient(t);
    const dossiers = moduleService<DossiersService>(t, 'dossiers');
    for (const definition of DEMO_SERVICES) await dossiers.enableService('platform', definition);
    // A dossier filed and received, for the visitor to track.
    const citizen = await signedInActor(t, { personalId: applicant.personalId, fullName: applicant.fullName, birthDate: applicant.birthDate, sex: applicant.sex, password: 'Pt9-portal-pass-Hq2w-Lm' }, { verify: true });
    const receptionist = await signedInActor(t, { ...((r) => ({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex }))(syntheticResident(24)), password: 'Pt9-reception-pass-Hq2w-Lm' }, { post: { agencyCode: BIRTH.agencyCode, unitCode: null, roles: ['receptionist'] } });
    const files = BIRTH.documents.filter((d) => d.requirement === 'mandatory').map((d) => ({ field: d.code, name: `${d.code}.pdf`, bytes: SMALL_PDF }));
    const body = multipartBody({ agencyCode: BIRTH.agencyCode, procedureCode: BIRTH.procedureCode, formData: DEMO_FORM_SAMPLES[BIRTH.procedureCode] }, files);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${citizen.token}`, 'content-type': body.contentType }, payload: body.payload });
    assert.equal(filed.statusCode, 201, filed.body);
    dossierCode = filed.json<{ code: string }>().code;
    const received = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierCode}/actions/receive`, headers: { authorization: `Bearer ${receptionist.token}` }, payload: {} });
    assert.equal(received.statusCode, 200, received.body);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`finds "Đăng ký khai sinh" typed without diacritics and reads the procedure (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${t.base}/`);
      await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính, dịch vụ công trực tuyến' }).waitFor();
      await assertAccessible(page, `home (${viewport.name})`);
      await shot(page, `portal-${viewport.name}-1-home`);
      await page.getByLabel('Tên thủ tục hoặc từ khóa').fill('dang ky khai sinh');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const result = page.locator('a[href="/thu-tuc/1.001193"]').first();
      await result.waitFor();
      assert.match((await result.innerText()).trim(), /^(Thủ tục )?đăng ký khai sinh$/i);
      assert.match(page.url(), /\?q=dang(\+|%20)ky(\+|%20)khai(\+|%20)sinh/, 'the search is in the address');
      await assertAccessible(page, `search results (${viewport.name})`);
      await shot(page, `portal-${viewport.name}-2-results`);
      await result.click();
      await page.getByRole('heading', { level: 1, name: /đăng ký khai sinh/i }).waitFor();
      await page.getByText('Cung cấp trực tuyến tại Trung tâm Phục vụ hành chính công phường Thủ Dầu Một').waitFor();
      await page.getByText(/kể từ khi hồ sơ được tiếp nhận đầy đủ/).waitFor();
      await assertAccessible(page, `procedure page (${viewport.name})`);
      await shot(page, `portal-${viewport.name}-3-procedure`);
      await page.close();
    });

    it(`lets an anonymous visitor track a dossier by its code and the last 4 ID digits (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${t.base}/`);
      // On a phone the navigation is behind the menu button.
      if (viewport.width < 768) await page.getByRole('button', { name: 'Trình đơn' }).click();
      await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
      await assertAccessible(page, `tracking form (${viewport.name})`);
      await page.getByLabel('Mã số hồ sơ').fill(dossierCode);
      await page.getByLabel('4 số cuối số định danh cá nhân hoặc mã số doanh nghiệp').fill(applicant.personalId.slice(-4) === '0000' ? '1111' : '0000');
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('Không tìm thấy hồ sơ với thông tin đã nhập', { exact: false }).waitFor();
      await page.getByLabel('4 số cuối số định danh cá nhân hoặc mã số doanh nghiệp').fill(applicant.personalId.slice(-4));
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByText('Tình trạng: Đã tiếp nhận').waitFor();
      await page.getByText('Bộ phận một cửa tiếp nhận hồ sơ').waitFor();
      assert.ok(!(await page.content()).includes(applicant.personalId), 'no personal data on the public page');
      await assertAccessible(page, `tracking result (${viewport.name})`);
      await shot(page, `portal-${viewport.name}-4-tracking`);
      await page.close();
    });
  }

  it('switches to English and keeps it across a reload', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS[0] });
    await page.goto(`${t.base}/`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administrative procedures and online public services' }).waitFor();
    assert.equal(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.lang), 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Administrative procedures and online public services' }).waitFor();
    await assertAccessible(page, 'home in English');
    await shot(page, 'portal-desktop-5-english');
    await page.close();
  });
});
