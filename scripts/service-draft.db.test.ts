import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AgencyView, ProcedureDetailView, ProcedurePage } from '@congso/contracts';
import { draftFromCatalogue } from '../apps/web/src/features/admin/service-draft.ts';
import { createTestApp, moduleService, type TestApp } from '../apps/server/src/kernel/testing/test-app.ts';
import { seedDemoAgencies } from '../apps/server/src/modules/agencies/index.ts';
import type { createDossiersModule } from '../apps/server/src/modules/dossiers/index.ts';

// The web's first draft of a service, built from real catalogue records, is a definition the server
// accepts as it is: the administrator corrects its content, not its shape. Across the commune- and
// province-level procedures of the national catalogue (the levels a reception centre serves).

type DossiersService = ReturnType<typeof createDossiersModule>['service'];
let t: TestApp;

before(async () => {
  t = await createTestApp();
  await seedDemoAgencies(t.db.database.db);
});
after(async () => t.close());

describe('a service drafted from the national catalogue', () => {
  for (const level of ['commune', 'province'] as const) {
    it(`is accepted by the server's check for 100 ${level}-level procedures`, async () => {
      const agency = AgencyView.parse((await t.app.inject('/api/v1/agencies/H29.25747.01')).json());
      const page = ProcedurePage.parse((await t.app.inject(`/api/v1/procedures?level=${level}&pageSize=100`)).json());
      assert.ok(page.items.length >= 50, `catalogue procedures at ${level} level: ${page.items.length}`);
      const dossiers = moduleService<DossiersService>(t, 'dossiers');
      const refused: string[] = [];
      for (const item of page.items) {
        const detail = ProcedureDetailView.parse((await t.app.inject(`/api/v1/procedures/${item.code}`)).json());
        const draft = draftFromCatalogue(detail, agency);
        await dossiers.enableService('platform', draft).catch((error: unknown) => {
          refused.push(`${item.code}: ${JSON.stringify((error as { details?: unknown }).details ?? String(error)).slice(0, 300)}`);
        });
      }
      assert.deepEqual(refused, []);
    });
  }
});
