import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { DEMO_FORM_SAMPLES, DEMO_SERVICES } from '../../apps/server/src/modules/dossiers/index.ts';
import { multipartBody, SMALL_PDF } from '../../apps/server/src/modules/dossiers/testing/fixtures.ts';
import { signedInActor } from '../../apps/server/src/modules/identity/testing/actors.ts';
import { SYNTHETIC_ENTERPRISES, syntheticEnterprise, syntheticResidentById } from '../../apps/server/src/modules/registries/index.ts';
import { assertAccessible, chromiumAvailable, startPlatform, launchChromium, NO_CHROMIUM, shot, VIEWPORTS } from './journey-kit.ts';

// A business's legal representative in real Chromium, at desktop width and at 360 px: "My dossiers"
// lists their own dossiers until they choose to act for their business, then the business's; the
// application they start then is filed in the business's name. Both pages pass axe-core.

const service = (code: string) => DEMO_SERVICES.find((s) => s.procedureCode === code) ?? assert.fail(`no service ${code}`);
const BIRTH = service('1.001193');
const PERMIT = service('1.013225');
const PASSWORD = 'Pt9-business-pass-Hq2w-Lm';

let t: TestApp & { base: string };
let browser: Browser;
let token = '';
const codes: Record<'own' | 'business', string> = { own: '', business: '' };
const enterprise = (() => {
  for (let n = 1; n <= SYNTHETIC_ENTERPRISES; n++) if (syntheticEnterprise(n).status === 'active') return syntheticEnterprise(n);
  return assert.fail('no active synthetic enterprise');
})();
const representative = syntheticResidentById(enterprise.legalRepresentativeId) ?? assert.fail('no representative');

async function file(definition: typeof BIRTH, onBehalfOf?: string): Promise<string> {
  const files = definition.documents.filter((d) => d.requirement === 'mandatory').map((d) => ({ field: d.code, name: `${d.code}.pdf`, bytes: SMALL_PDF }));
  const body = multipartBody({ agencyCode: definition.agencyCode, procedureCode: definition.procedureCode, formData: DEMO_FORM_SAMPLES[definition.procedureCode], ...(onBehalfOf ? { onBehalfOf } : {}) }, files);
  const filed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType }, payload: body.payload });
  assert.equal(filed.statusCode, 201, filed.body);
  return filed.json<{ code: string }>().code;
}

/** The dossier cards "My dossiers" shows now, by code. */
async function listed(page: Page): Promise<string[]> {
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
  const texts = await page.getByRole('article').allInnerTexts();
  return [codes.own, codes.business].filter((code) => texts.some((text) => text.includes(code)));
}

describe('browser journeys: acting for a business', { skip: chromiumAvailable ? false : NO_CHROMIUM }, () => {
  before(async () => {
    t = await startPlatform();
    token = (await signedInActor(t, { personalId: representative.personalId, fullName: representative.fullName, birthDate: representative.birthDate, sex: representative.sex, password: PASSWORD }, { verify: true })).token;
    const opened = await t.app.inject({ method: 'POST', url: '/api/v1/businesses', headers: { authorization: `Bearer ${token}` }, payload: { enterpriseCode: enterprise.enterpriseCode } });
    assert.equal(opened.statusCode, 201, opened.body);
    codes.own = await file(BIRTH);
    codes.business = await file(PERMIT, enterprise.enterpriseCode);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const viewport of VIEWPORTS) {
    it(`switches between self and the business, and files in the business's name (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${t.base}/ho-so-cua-toi`);
      await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/\/auth\/interaction\//);
      await page.fill('#personalId', representative.personalId);
      await page.fill('#password', PASSWORD);
      await page.click('form button[type=submit]');
      const actingFor = page.getByLabel('Đứng tên');
      await actingFor.waitFor({ timeout: 15_000 });
      await page.getByText(codes.own).waitFor();
      assert.deepEqual(await listed(page), [codes.own], 'acting for oneself: one’s own dossiers');
      await assertAccessible(page, `my dossiers, acting for oneself (${viewport.name})`);

      await actingFor.selectOption({ label: `Doanh nghiệp — ${enterprise.name} (${enterprise.enterpriseCode})` });
      await page.getByText(codes.business).waitFor();
      assert.deepEqual(await listed(page), [codes.business], 'acting for the business: its dossiers');
      await assertAccessible(page, `my dossiers, acting for the business (${viewport.name})`);
      await shot(page, `acting-${viewport.name}-1-business`);

      // The choice holds on the application, and the draft it starts belongs to the business.
      await page.goto(`${t.base}/nop-ho-so/${PERMIT.agencyCode}/${PERMIT.procedureCode}`);
      await page.locator('#root_investor_fullName').waitFor({ timeout: 15_000 });
      assert.equal(await page.getByLabel('Đứng tên').inputValue(), enterprise.enterpriseCode);
      await page.locator('#root_investor_fullName').fill(representative.fullName);
      await page.getByText(`Hồ sơ đứng tên: Doanh nghiệp — ${enterprise.name} (${enterprise.enterpriseCode})`).waitFor({ timeout: 10_000 });
      const draftId = new URL(page.url()).searchParams.get('draft') ?? assert.fail('no draft in the address');
      const draft = await t.app.inject({ method: 'GET', url: `/api/v1/drafts/${draftId}`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(draft.json<{ ownerId: string }>().ownerId, enterprise.enterpriseCode);
      await assertAccessible(page, `application for the business (${viewport.name})`);
      await shot(page, `acting-${viewport.name}-2-apply`);

      // Back to oneself.
      await page.goto(`${t.base}/ho-so-cua-toi`);
      await page.getByLabel('Đứng tên').selectOption({ label: `Tôi — ${representative.fullName}` });
      await page.getByText(codes.own).waitFor();
      assert.deepEqual(await listed(page), [codes.own]);
      await page.close();
    });
  }
});
