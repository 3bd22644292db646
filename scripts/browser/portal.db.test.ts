import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { DEMO_FORM_SAMPLES, DEMO_SERVICES } from '../../apps/server/src/modules/dossiers/index.ts';
import { multipartBody, SMALL_PDF } from '../../apps/server/src/modules/dossiers/testing/fixtures.ts';
import type { NewCitizen } from '../../apps/server/src/modules/identity/accounts.ts';
import { appointedOfficial, signedInActor } from '../../apps/server/src/modules/identity/testing/actors.ts';
import { syntheticResident } from '../../apps/server/src/modules/registries/index.ts';
import { assertAccessible, chromiumAvailable, startPlatform, launchChromium, NO_CHROMIUM, shot, signInOfficial, VIEWPORTS, type Official, type PageGlobals, type Viewport } from './journey-kit.ts';

// The portal and the officials' workspace in real Chromium, at desktop width and at 360 px: a visitor
// finds "Đăng ký khai sinh" by typing it without diacritics and reads the procedure; a citizen applies
// and the dossier goes through the workspace (reception asks for a supplement, the citizen supplements,
// reception receives, the handler attaches the result, the leader approves, reception returns it), each
// official signed in with password and authenticator code in their own browser; the citizen downloads
// the result; an anonymous visitor tracks it by its code; the language switches to English and stays;
// a keyboard alone (skip link, search, a result, the menu, the tracking form) does it all, with a
// visible focus ring on every link and button it passes.
// axe-core reports no WCAG 2.1 A/AA violation on any page visited, and no page scrolls sideways.
// Screenshots go to var/e2e/.

const BIRTH = DEMO_SERVICES.find((s) => s.procedureCode === '1.001193') ?? assert.fail('no birth registration service');

let t: TestApp & { base: string };
let browser: Browser;
const applicant = syntheticResident(23);
const APPLICANT_PASSWORD = 'Pt9-portal-pass-Hq2w-Lm';
let dossierCode = '';

/**
 * Fills the service's generated form from a sample, field by field as a person would: text and dates
 * typed, options picked from their list or radio group, boxes ticked.
 */
async function fillForm(page: Page, data: Record<string, unknown>, path: string[] = []): Promise<void> {
  for (const [key, value] of Object.entries(data)) {
    const at = [...path, key];
    const id = `#root_${at.join('_')}`;
    const schema = schemaAt(at);
    const ui = uiAt(at);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      await fillForm(page, value as Record<string, unknown>, at);
    } else if (Array.isArray(schema.enum) && ui['ui:widget'] === 'radio') {
      await page.locator(`${id}-${schema.enum.indexOf(value)}`).check();
    } else if (Array.isArray(schema.enum)) {
      const label = (ui['ui:enumLabels'] as Record<string, string> | undefined)?.[String(value)] ?? String(value);
      await page.locator(id).click();
      await page.getByRole('option', { name: label, exact: true }).click();
    } else if (typeof value === 'boolean') {
      await page.locator(id).setChecked(value);
    } else {
      await page.locator(id).fill(String(value));
    }
  }
}
const schemaAt = (path: readonly string[]) => path.reduce<Record<string, unknown>>((node, key) => ((node.properties as Record<string, Record<string, unknown>> | undefined)?.[key] ?? {}), BIRTH.form.schema as Record<string, unknown>);
const uiAt = (path: readonly string[]) => path.reduce<Record<string, unknown>>((node, key) => (node[key] as Record<string, unknown> | undefined) ?? {}, BIRTH.form.uiSchema);

const dossiersOf = async (ownerId: string) => (await t.db.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers.dossier where owner_id = ${ownerId}`))[0]?.n ?? 0;

/** The ward's officials for one journey: appointed, each with an authenticator. */
async function officialsFor(label: string): Promise<Record<'receptionist' | 'handler' | 'leader', Official>> {
  const n = label === 'desktop' ? 40 : 50;
  const person = (i: number, role: string): NewCitizen => ({ ...((r) => ({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex }))(syntheticResident(n + i)), password: `Pt9-${role}-pass-Hq2w-Lm` });
  const appoint = async (i: number, agencyCode: string, role: 'receptionist' | 'handler' | 'leader'): Promise<Official> => {
    const who = person(i, role);
    return { person: who, secret: (await appointedOfficial(t, who, { agencyCode, unitCode: null, roles: [role] })).totpSecret };
  };
  return {
    receptionist: await appoint(0, BIRTH.agencyCode, 'receptionist'),
    handler: await appoint(1, BIRTH.competentAgencyCode, 'handler'),
    leader: await appoint(2, BIRTH.competentAgencyCode, 'leader'),
  };
}

/** An official opens the workspace in their own browser and signs in: password, then authenticator code. */
const openWorkspace = (viewport: Viewport, official: Official) => signInOfficial(browser, viewport, `${t.base}/can-bo`, official, 'Bàn làm việc cán bộ');

/** From the workspace, the dossier in the given queue tab, opened. */
async function openFromQueue(page: Page, tab: RegExp, code: string): Promise<void> {
  await page.goto(`${page.url().replace(/\/can-bo.*$/, '')}/can-bo`);
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1, name: /đăng ký khai sinh/i }).waitFor();
  await page.getByText(code, { exact: true }).first().waitFor();
}

/** Takes an action on the open dossier and waits for its confirmation. */
async function takeAction(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByText(`Đã thực hiện: ${label}`).waitFor({ timeout: 10_000 });
}

/** The element that has the keyboard focus, as a keyboard user meets it. */
type Focused = { tag: string; name: string; href: string; ring: boolean };
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    type El = { tagName: string; textContent: string | null; getAttribute(name: string): string | null; labels?: { textContent: string | null }[] | null };
    const w = globalThis as unknown as { document: { activeElement: El | null }; getComputedStyle(el: El): { outlineStyle: string; outlineWidth: string } };
    const el = w.document.activeElement;
    if (!el) return { tag: '', name: '', href: '', ring: false };
    const style = w.getComputedStyle(el);
    const name = el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '';
    return { tag: el.tagName.toLowerCase(), name: name.trim(), href: el.getAttribute('href') ?? '', ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
  });
}

/** Presses Tab until the focus is on what `wanted` recognises (at most 80 times); links and buttons show a focus ring. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) {
      if (now.tag === 'a' || now.tag === 'button') assert.ok(now.ring, `${what}: no visible focus ring`);
      return;
    }
  }
  assert.fail(`${what}: not reached with the Tab key`);
}

describe('browser journeys: the public portal', { skip: chromiumAvailable ? false : NO_CHROMIUM }, () => {
  before(async () => {
    t = await startPlatform();
    // A dossier filed and received, for the visitor to track.
    const citizen = await signedInActor(t, { personalId: applicant.personalId, fullName: applicant.fullName, birthDate: applicant.birthDate, sex: applicant.sex, password: APPLICANT_PASSWORD }, { verify: true });
    const receptionist = await signedInActor(t, { ...((r) => ({ personalId: r.personalId, fullName: r.fullName, birthDate: r.birthDate, sex: r.sex }))(syntheticResident(24)), password: 'Pt9-reception-pass-Hq2w-Lm' }, { post: { agencyCode: BIRTH.agencyCode, unitCode: null, roles: ['receptionist'] } });
    const files = BIRTH.documents.filter((d) => d.requirement === 'mandatory').map((d) => ({ field: d.code, name: `${d.code}.pdf`, bytes: SMALL_PDF }));
    const body = multipartBody({ agencyCode: BIRTH.agencyCode, procedureCode: BIRTH.procedureCode, formData: DEMO_FORM_SAMPLES[BIRTH.procedureCode] }, files);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { authorization: `Bearer ${citizen.token}`, 'content-type': body.contentType }, payload: body.payload });
    assert.equal(filed.statusCode, 201, filed.body);
    dossierCode = filed.json<{ code: string }>().code;
    const received = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierCode}/actions/receive`, headers: { authorization: `Bearer ${receptionist.token}` }, payload: {} });
    assert.equal(received.statusCode, 200, received.body);
    browser = await launchChromium();
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
      if (viewport.width < 992) await page.getByRole('button', { name: 'Trình đơn' }).click();
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

  for (const viewport of VIEWPORTS) {
    it(`a citizen applies (sign-in, form, attachment, review, one filing for a double click, receipt); reception asks for a supplement in the workspace; the citizen supplements; reception receives, the handler attaches the result, the leader approves, reception returns it; the citizen downloads it; a visitor tracks it (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(`${t.base}/thu-tuc/1.001193`);
      await page.getByRole('link', { name: /^Nộp hồ sơ trực tuyến/ }).click();
      await page.getByText('Để nộp hồ sơ trực tuyến, vui lòng đăng nhập').waitFor();
      await assertAccessible(page, `apply, signed out (${viewport.name})`);
      await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL(/\/auth\/interaction\//);
      await page.fill('#personalId', applicant.personalId);
      await page.fill('#password', APPLICANT_PASSWORD);
      await page.click('form button[type=submit]');
      await page.waitForURL(/\/nop-ho-so\//);
      await page.locator('#root_declarant_fullName').waitFor({ timeout: 15_000 });
      // Once-only: the declarant's name and personal ID come from the population registry through
      // the exchange gateway, marked as such; the person is not asked for them again.
      await page.getByText('Thông tin đã được điền sẵn').waitFor({ timeout: 10_000 });
      await page.locator('#root_declarant_personalId').and(page.locator(`[value="${applicant.personalId}"]`)).waitFor({ timeout: 5_000 });
      assert.equal(await page.locator('#root_declarant_fullName').inputValue(), applicant.fullName);
      assert.equal(await page.locator('#root_declarant_personalId').inputValue(), applicant.personalId);
      assert.ok((await page.getByText(/^Lấy từ Cơ sở dữ liệu quốc gia về dân cư/).count()) >= 2, 'each filled field says where it came from');
      await assertAccessible(page, `apply form, pre-filled (${viewport.name})`);
      await shot(page, `apply-${viewport.name}-0-prefilled`);
      await fillForm(page, DEMO_FORM_SAMPLES[BIRTH.procedureCode] ?? {});
      await page.getByText(/Đã lưu nháp lúc/).waitFor({ timeout: 10_000 });
      assert.match(page.url(), /[?&]draft=[0-9a-f-]{36}/, 'the draft is in the address: a reload resumes it');
      // A file too large is refused before it is sent; the real one goes up with its progress.
      const mandatory = BIRTH.documents.filter((d) => d.requirement === 'mandatory');
      for (const document of mandatory) {
        await page.locator(`#file-${document.code}`).setInputFiles({ name: `${document.code}.pdf`, mimeType: 'application/pdf', buffer: Buffer.alloc(document.maxBytes + 1) });
        await page.getByText(/lớn hơn/).first().waitFor();
        await page.locator(`#file-${document.code}`).setInputFiles({ name: `${document.code}.pdf`, mimeType: 'application/pdf', buffer: SMALL_PDF });
        await page.getByText(`Đã tải lên: ${document.code}.pdf`).waitFor();
      }
      await assertAccessible(page, `apply form, filled (${viewport.name})`);
      await shot(page, `apply-${viewport.name}-1-form`);
      await page.getByRole('button', { name: 'Xem lại trước khi nộp' }).click();
      await page.getByRole('heading', { name: 'Xem lại hồ sơ' }).waitFor({ timeout: 5_000 }).catch(async (error: unknown) => {
        // Say what the form refused, rather than only that the review did not come.
        await shot(page, `apply-${viewport.name}-refused`);
        const text = await page.evaluate(() => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText);
        const refused = [...text.split('\n').filter((line) => /Vui lòng|Chưa đúng|Cần ít nhất|Không quá|không hợp lệ|Còn thiếu|lỗi/i.test(line)), ...consoleErrors];
        throw new Error(`no review: ${refused.join(' | ')}`, { cause: error });
      });
      await assertAccessible(page, `review (${viewport.name})`);
      await shot(page, `apply-${viewport.name}-2-review`);
      // A double click files one dossier: the second request carries the same Idempotency-Key.
      const filedBefore = await dossiersOf(applicant.personalId);
      await page.getByRole('button', { name: 'Nộp hồ sơ' }).dblclick();
      const receipt = page.getByText(/^Mã số hồ sơ: /);
      await receipt.waitFor({ timeout: 15_000 });
      const code = (await receipt.innerText()).replace('Mã số hồ sơ: ', '').trim();
      assert.match(code, /^H29\.25747\.01-\d{6}-\d{4}$/);
      await page.getByText(/Ngày hẹn trả kết quả dự kiến: \d{2}\/\d{2}\/\d{4}/).waitFor();
      assert.equal(await dossiersOf(applicant.personalId), filedBefore + 1, 'one dossier for the double click');
      await assertAccessible(page, `receipt (${viewport.name})`);
      await shot(page, `apply-${viewport.name}-3-receipt`);

      // Reception checks the dossier in the workspace and asks, with reasons, for what is missing.
      const officials = await officialsFor(viewport.name);
      const reception = await openWorkspace(viewport, officials.receptionist);
      await reception.getByRole('tab', { name: /^Chờ tiếp nhận \(\d+\)$/ }).waitFor();
      await assertAccessible(reception, `workspace queues (${viewport.name})`);
      await shot(reception, `workspace-${viewport.name}-1-queue`);
      await openFromQueue(reception, /^Chờ tiếp nhận/, code);
      // A refusal without its reasons is not sent: the field says what it needs.
      await reception.getByRole('button', { name: 'Từ chối tiếp nhận', exact: true }).click();
      await reception.getByText('Vui lòng nêu lý do, nội dung', { exact: false }).waitFor();
      await assertAccessible(reception, `workspace dossier, reason missing (${viewport.name})`);
      await reception.getByLabel('Lý do, nội dung (bắt buộc)').fill('Bản chụp Giấy chứng sinh bị mờ, đề nghị nộp lại bản rõ nét');
      await shot(reception, `workspace-${viewport.name}-2-dossier`);
      await takeAction(reception, 'Yêu cầu bổ sung');
      // The citizen sees what is asked, with the reasons, and sends the document.
      if (viewport.width < 992) await page.getByRole('button', { name: 'Trình đơn' }).click();
      await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
      const card = page.getByRole('article').filter({ hasText: code });
      await card.getByText('Bản chụp Giấy chứng sinh bị mờ', { exact: false }).waitFor({ timeout: 15_000 });
      await assertAccessible(page, `my dossiers, supplement asked (${viewport.name})`);
      await shot(page, `apply-${viewport.name}-4-supplement-asked`);
      await card.locator('input[type=file]').first().setInputFiles({ name: 'giay-chung-sinh-ro.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF });
      await card.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
      await page.getByText('Đã gửi hồ sơ bổ sung.').waitFor();
      // Reception receives the completed dossier and passes it to the competent unit.
      await openFromQueue(reception, /^Chờ tiếp nhận/, code);
      await takeAction(reception, 'Tiếp nhận');
      await takeAction(reception, 'Chuyển xử lý');
      // The handler appraises it, proposes the decision and attaches the result.
      const handling = await openWorkspace(viewport, officials.handler);
      await openFromQueue(handling, /^Đang giải quyết/, code);
      await takeAction(handling, 'Trình phê duyệt');
      await handling.locator('#result-file').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF });
      await handling.getByRole('button', { name: 'Đính kèm kết quả' }).click();
      await handling.getByText('Đã đính kèm kết quả: ket-qua.pdf').waitFor();
      await assertAccessible(handling, `workspace, result attached (${viewport.name})`);
      await shot(handling, `workspace-${viewport.name}-3-handler`);
      await handling.close();
      // The leader approves.
      const leading = await openWorkspace(viewport, officials.leader);
      await openFromQueue(leading, /^Chờ phê duyệt/, code);
      await assertAccessible(leading, `workspace, to approve (${viewport.name})`);
      await takeAction(leading, 'Phê duyệt');
      await shot(leading, `workspace-${viewport.name}-4-approved`);
      await leading.close();
      // Reception returns the result, electronically.
      await openFromQueue(reception, /^Chờ trả kết quả/, code);
      assert.ok(await reception.getByRole('checkbox', { name: 'Bản điện tử, trực tuyến' }).isChecked(), 'an online dossier is returned electronically');
      await takeAction(reception, 'Trả kết quả');
      await reception.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();
      await assertAccessible(reception, `workspace, result returned (${viewport.name})`);
      await shot(reception, `workspace-${viewport.name}-5-returned`);
      await reception.close();
      // The citizen downloads the result.
      await page.reload();
      const download = page.waitForEvent('download');
      await page.getByRole('article').filter({ hasText: code }).getByRole('button', { name: /^Tải về / }).click();
      assert.equal((await download).suggestedFilename(), 'ket-qua.pdf');
      await assertAccessible(page, `my dossiers, result (${viewport.name})`);
      await shot(page, `apply-${viewport.name}-5-result`);
      await page.close();

      // An anonymous visitor tracks it by code: result returned.
      const visitor = await browser.newPage({ viewport });
      await visitor.goto(`${t.base}/tra-cuu-ho-so`);
      await visitor.getByLabel('Mã số hồ sơ').fill(code);
      await visitor.getByLabel('4 số cuối số định danh cá nhân hoặc mã số doanh nghiệp').fill(applicant.personalId.slice(-4));
      await visitor.getByRole('button', { name: 'Tra cứu' }).click();
      await visitor.getByText('Tình trạng: Đã trả kết quả').waitFor();
      await assertAccessible(visitor, `tracking, result returned (${viewport.name})`);
      await shot(visitor, `apply-${viewport.name}-6-tracked`);
      await visitor.close();
    });
  }

  for (const viewport of VIEWPORTS) {
    it(`works with the keyboard alone: skip link, search, procedure, tracking (${viewport.name})`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${t.base}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).name, 'Bỏ qua, đến nội dung chính', 'the first Tab reaches the skip link');
      await page.keyboard.press('Enter');
      await tabTo(page, (f) => f.name.startsWith('Tên thủ tục hoặc từ khóa'), 'the search box');
      await page.keyboard.type('dang ky khai sinh');
      await page.keyboard.press('Enter');
      await page.locator('a[href="/thu-tuc/1.001193"]').first().waitFor();
      await tabTo(page, (f) => f.href === '/thu-tuc/1.001193', 'the birth registration result');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: /đăng ký khai sinh/i }).waitFor();
      // To tracking: through the header on a desktop, through the menu button on a phone.
      if (viewport.width < 992) {
        await tabTo(page, (f) => f.name === 'Trình đơn', 'the menu button');
        await page.keyboard.press('Enter');
      }
      await tabTo(page, (f) => f.href === '/tra-cuu-ho-so', 'the tracking link');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
      await tabTo(page, (f) => f.name.startsWith('Mã số hồ sơ'), 'the dossier code field');
      await page.keyboard.type(dossierCode);
      await tabTo(page, (f) => f.name.startsWith('4 số cuối số định danh cá nhân hoặc'), 'the second factor field');
      await page.keyboard.type(applicant.personalId.slice(-4));
      await page.keyboard.press('Enter');
      await page.getByText(/^Tình trạng: /).waitFor();
      await shot(page, `portal-${viewport.name}-6-keyboard`);
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
