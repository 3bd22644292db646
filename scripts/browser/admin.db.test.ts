import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../apps/server/src/kernel/testing/test-app.ts';
import { DEMO_SERVICES } from '../../apps/server/src/modules/dossiers/index.ts';
import { appointedOfficial } from '../../apps/server/src/modules/identity/testing/actors.ts';
import { syntheticResident } from '../../apps/server/src/modules/registries/index.ts';
import { assertAccessible, chromiumAvailable, startPlatform, launchChromium, NO_CHROMIUM, shot, signInOfficial, VIEWPORTS, type Official } from './journey-kit.ts';

// The agency administrator in real Chromium, at desktop width and at 360 px: sees the ward's online
// services, finds "đăng ký kết hôn" in the national catalogue typed without diacritics, opens the
// service drafted from its record, retitles a form field and watches the preview follow, plans more
// hours than the time limit and mistypes a unit code — the server's refusal shows in the steps
// section and next to the field — corrects both, saves, and finds the service in the list and on the
// public services API. axe-core finds no violation on any page visited.

const BIRTH = DEMO_SERVICES.find((s) => s.procedureCode === '1.001193') ?? assert.fail('no birth registration service');
let t: TestApp & { base: string };
let browser: Browser;

describe('browser journeys: the agency administrator', { skip: chromiumAvailable ? false : NO_CHROMIUM }, () => {
  before(async () => {
    t = await startPlatform();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const [i, viewport] of VIEWPORTS.entries()) {
    it(`enables a catalogue procedure, edits its form with a live preview, sets its steps and saves (${viewport.name})`, async () => {
      // Each viewport's administrator runs a different agency (the ward's, then the one it sits under).
      const agencyCode = i === 0 ? BIRTH.agencyCode : BIRTH.competentAgencyCode;
      const resident = syntheticResident(70 + i);
      const person = { personalId: resident.personalId, fullName: resident.fullName, birthDate: resident.birthDate, sex: resident.sex, password: 'Pt9-admin-pass-Hq2w-Lm' };
      const admin: Official = { person, secret: (await appointedOfficial(t, person, { agencyCode, unitCode: null, roles: ['agency_admin'] })).totpSecret };
      const page = await signInOfficial(browser, viewport, `${t.base}/quan-tri/dich-vu`, admin, 'Dịch vụ công trực tuyến của cơ quan');
      if (i === 0) await page.getByRole('link', { name: `Sửa dịch vụ ${BIRTH.name}` }).waitFor();
      else await page.getByText('Cơ quan chưa cung cấp dịch vụ trực tuyến nào.').waitFor();
      await assertAccessible(page, `service list (${viewport.name})`);
      await shot(page, `admin-${viewport.name}-1-services`);

      await page.getByLabel('Tên thủ tục hoặc từ khóa').fill('dang ky ket hon');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const enable = page.getByRole('link', { name: /^Thiết lập dịch vụ .*đăng ký kết hôn/i }).first();
      await enable.waitFor();
      const procedureCode = (await enable.getAttribute('href'))?.split('/').pop() ?? assert.fail('no procedure link');
      await assertAccessible(page, `procedure search (${viewport.name})`);
      await enable.click();
      await page.getByRole('heading', { level: 1, name: /^Thiết lập dịch vụ: .*kết hôn/i }).waitFor();
      await page.getByText('Bản soạn sẵn từ Cơ sở dữ liệu quốc gia').waitFor();
      await assertAccessible(page, `service editor, drafted (${viewport.name})`);
      await shot(page, `admin-${viewport.name}-2-drafted`);

      // The preview follows the display JSON as it is typed.
      await page.getByRole('region', { name: 'Xem trước biểu mẫu' }).getByText('Nội dung yêu cầu').waitFor();
      const ui = page.getByLabel('Cách hiển thị (UI schema)');
      await ui.fill('{ "requestContent": { "ui:title": "Nội dung đề nghị đăng ký kết hôn", "ui:widget": "textarea" ');
      await page.getByText('Chưa phải JSON hợp lệ', { exact: false }).waitFor();
      await ui.fill('{ "requestContent": { "ui:title": "Nội dung đề nghị đăng ký kết hôn", "ui:widget": "textarea" } }');
      await page.getByRole('region', { name: 'Xem trước biểu mẫu' }).getByText('Nội dung đề nghị đăng ký kết hôn').waitFor();

      // More hours than the limit, and a unit code that is no code: the server says where.
      const hours = page.getByLabel('Số giờ làm việc của bước 2');
      const planned = Number(await hours.inputValue());
      await hours.fill('9999');
      await page.getByText(/Các bước vượt thời hạn giải quyết/).waitFor();
      await page.getByLabel('Mã đơn vị thực hiện bước 2').fill('khong-phai-ma');
      await page.getByRole('button', { name: 'Lưu và áp dụng' }).click();
      await page.getByText('Cấu hình dịch vụ công chưa hợp lệ.').waitFor();
      const steps = page.getByRole('region', { name: 'Quy trình và thời gian từng bước' });
      await steps.getByText(/^Bước 2: /).first().waitFor();
      assert.equal(await page.getByLabel('Mã đơn vị thực hiện bước 2').getAttribute('aria-invalid'), 'true', 'the unit code field says it is wrong');
      await assertAccessible(page, `service editor, refused (${viewport.name})`);
      await shot(page, `admin-${viewport.name}-3-refused`);

      // The code corrected, the plan is still too long: said of the steps as a whole.
      await page.getByLabel('Mã đơn vị thực hiện bước 2').fill(agencyCode);
      await page.getByRole('button', { name: 'Lưu và áp dụng' }).click();
      await steps.getByText(/^Quy trình và thời gian từng bước: steps plan \d+ working hours, more than/).waitFor();
      await hours.fill(String(planned));
      await page.getByRole('button', { name: 'Lưu và áp dụng' }).click();
      await page.getByText('Đã lưu: dịch vụ áp dụng phiên bản 1.').waitFor();
      await assertAccessible(page, `service editor, saved (${viewport.name})`);
      await shot(page, `admin-${viewport.name}-4-saved`);

      await page.getByRole('link', { name: /Danh sách dịch vụ/ }).click();
      await page.getByRole('link', { name: /^Sửa dịch vụ .*kết hôn/i }).waitFor();
      const offered = (await t.app.inject({ method: 'GET', url: `/api/v1/agencies/${agencyCode}/services` })).json<{ definition: { procedureCode: string; form: { uiSchema: Record<string, Record<string, string>> } } }[]>();
      const saved = offered.find((s) => s.definition.procedureCode === procedureCode) ?? assert.fail('the service is not offered');
      assert.equal(saved.definition.form.uiSchema.requestContent?.['ui:title'], 'Nội dung đề nghị đăng ký kết hôn');
      await page.close();
    });
  }

  it('tells an official who is not the agency’s administrator that the pages are not theirs', async () => {
    const resident = syntheticResident(75);
    const person = { personalId: resident.personalId, fullName: resident.fullName, birthDate: resident.birthDate, sex: resident.sex, password: 'Pt9-handler-pass-Hq2w-Lm' };
    const handler: Official = { person, secret: (await appointedOfficial(t, person, { agencyCode: BIRTH.agencyCode, unitCode: null, roles: ['handler'] })).totpSecret };
    const page = await signInOfficial(browser, VIEWPORTS[0], `${t.base}/quan-tri/dich-vu`, handler, 'Dịch vụ công trực tuyến của cơ quan');
    await page.getByText('Trang này dành cho quản trị viên của cơ quan.').waitFor();
    await assertAccessible(page, 'service list, not an administrator');
    await page.close();
  });
});
