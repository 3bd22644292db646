import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { DEMO_AGENCIES } from '../../apps/server/src/modules/agencies/index.ts';
import { DEMO_FORM_SAMPLES, DEMO_SERVICES } from '../../apps/server/src/modules/dossiers/index.ts';
import { multipartBody, SMALL_PDF } from '../../apps/server/src/modules/dossiers/testing/fixtures.ts';
import { signedInActor } from '../../apps/server/src/modules/identity/testing/actors.ts';
import { syntheticResident } from '../../apps/server/src/modules/registries/index.ts';
import { assertAccessible, chromiumAvailable, launchChromium, NO_CHROMIUM, shot, startPlatform, VIEWPORTS } from './journey-kit.ts';

// The citizen's data tracker in real Chromium, at desktop width and at 360 px: a citizen files a
// birth registration, an official of the receiving agency opens it, and the citizen, signed in,
// sees that read under "Dữ liệu của tôi đã được ai khai thác": the agency, the official's capacity
// (not their name), the purpose and the dossier code. The page passes axe-core.

const BIRTH = DEMO_SERVICES.find((s) => s.procedureCode === '1.001193') ?? assert.fail('no birth-registration service');
const resident = syntheticResident(501);
const citizen = { personalId: resident.personalId, fullName: resident.fullName, birthDate: resident.birthDate, sex: resident.sex, password: 'Dt8-tracker-pass-Wq3z-Kp' };
const officer = (() => {
  const r = syntheticResident(502);
  return { personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex, password: 'Dt8-officer-pass-Wq3z-Kp' };
})();

let t: TestApp & { base: string };
let browser: Browser;
let code = '';

describe('browser journeys: who read my data', { skip: chromiumAvailable ? false : NO_CHROMIUM }, () => {
  before(async () => {
    t = await startPlatform();
    const token = (await signedInActor(t, citizen, { verify: true })).token;
    const files = BIRTH.documents.filter((d) => d.requirement === 'mandatory').map((d) => ({ field: d.code, name: `${d.code}.pdf`, bytes: SMALL_PDF }));
    const body = multipartBody({ agencyCode: BIRTH.agencyCode, procedureCode: BIRTH.procedureCode, formData: DEMO_FORM_SAMPLES[BIRTH.procedureCode] }, files);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType }, payload: body.payload });
    assert.equal(filed.statusCode, 201, filed.body);
    code = filed.json<{ code: string }>().code;
    // The receiving agency's officer opens the dossier: a read of the citizen's data.
    const official = await signedInActor(t, officer, { post: { agencyCode: BIRTH.agencyCode, unitCode: null, roles: ['receptionist'] } });
    const opened = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${code}`, headers: { authorization: `Bearer ${official.token}` } });
    assert.equal(opened.statusCode, 200, opened.body);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`shows the citizen the official's read of their dossier (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${t.base}/du-lieu-cua-toi`);
      await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/\/auth\/interaction\//);
      await page.fill('#personalId', citizen.personalId);
      await page.fill('#password', citizen.password);
      await page.click('form button[type=submit]');
      await page.getByRole('heading', { level: 1, name: 'Dữ liệu của tôi đã được ai khai thác' }).waitFor({ timeout: 15_000 });
      // Only the officials' reads: gateway reads (a prefill) may be listed too.
      const entry = page.getByRole('article').filter({ hasText: 'Cán bộ xem hồ sơ' });
      await entry.waitFor({ timeout: 10_000 });
      const text = await entry.innerText();
      const agency = DEMO_AGENCIES.find((a) => a.code === BIRTH.agencyCode)?.name ?? BIRTH.agencyCode;
      assert.ok(text.includes(agency), `the agency is named: ${text}`);
      assert.ok(text.includes('Cán bộ tiếp nhận hồ sơ'), 'the official’s capacity');
      assert.ok(text.includes(`Xử lý hồ sơ ${code}`), 'the purpose');
      assert.ok(!text.includes(officer.fullName), 'not the official’s name');
      assert.equal(await entry.count(), 1, 'exactly the one read by an official');
      await assertAccessible(page, `who read my data (${viewport.name})`);
      // The citizen narrows the list to a period: a reversed one is explained, an empty one says so.
      await page.getByLabel('Từ ngày').fill('2000-01-31');
      await page.getByLabel('Đến ngày').fill('2000-01-01');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await page.getByText('Ngày bắt đầu không được sau ngày kết thúc.').waitFor();
      await page.getByLabel('Từ ngày').fill('2000-01-01');
      await page.getByLabel('Đến ngày').fill('2000-01-31');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await page.getByText('Không có lượt khai thác nào trong khoảng thời gian này.').waitFor();
      assert.equal(await page.getByRole('article').count(), 0, 'nothing read in January 2000');
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      await entry.waitFor({ timeout: 10_000 });
      await shot(page, `data-tracker-${viewport.name}`);
      await page.close();
    });
  }
});
