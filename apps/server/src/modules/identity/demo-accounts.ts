import { eq } from 'drizzle-orm';
import type { NewCitizen } from './accounts.ts';
import { account, business } from './identity.schema.ts';
import type { Accounts } from './accounts.ts';
import type { Businesses } from './businesses.ts';
import type { Executor } from '../../kernel/db/database.ts';
import type { OfficialPost, Officials } from './officials.ts';
import { PLATFORM } from './platform-actor.ts';
import type { SecondFactor } from './second-factor.ts';
import type { Verification } from './verification.ts';

type IdentityServices = { db: Executor; accounts: Accounts; verification: Verification; officials: Officials; secondFactor: SecondFactor; businesses: Businesses };

/** A demo person: who they are (synthetic, never real), what they stand for, and how they log in. */
export type DemoPerson = {
  label: string;
  person: NewCitizen;
  /** Verify against the (synthetic) population registry, giving assurance level 2. */
  verify: boolean;
  /** Officials: their post; they get an authenticator-app secret, printed for the demo. */
  post?: OfficialPost;
  /** Open this business account as its legal representative. */
  enterpriseCode?: string;
};

/**
 * Seeds the demo accounts through the same services a real registration uses (password rules,
 * registry verification, appointment, business registration). Idempotent: existing people are kept.
 * Returns one printable line per person (login, password, assurance, post, TOTP secret).
 */
export async function seedDemoAccounts(services: IdentityServices, people: readonly DemoPerson[]): Promise<string[]> {
  const lines: string[] = [];
  for (const demo of people) {
    let found = await services.accounts.findByPersonalId(demo.person.personalId);
    if (!found) {
      found = await services.accounts.registerCitizen(demo.person);
      if (demo.verify) await services.verification.verifyIdentity(found.id, null);
      if (demo.post) {
        await services.officials.appoint(PLATFORM, demo.person, demo.post);
        await services.secondFactor.startTotp(found.id);
        // A demo official's authenticator is enrolled at once; in real use the official confirms a code.
        await services.db.update(account).set({ totpEnabledAt: new Date() }).where(eq(account.id, found.id));
      }
      if (demo.enterpriseCode) {
        await services.businesses.register({ accountId: found.id, personalId: found.personalId, assuranceLevel: 2 }, demo.enterpriseCode);
      }
      found = await services.accounts.findById(found.id);
    }
    if (!found) continue;
    const represented = demo.enterpriseCode ? await services.db.select().from(business).where(eq(business.enterpriseCode, demo.enterpriseCode)) : [];
    const parts = [
      `${demo.label.padEnd(24)} ${found.personalId}  password "${demo.person.password}"  ${found.fullName} (level ${found.assuranceLevel})`,
      ...(found.agencyCode ? [`  post ${found.agencyCode}${found.unitCode ? ` / ${found.unitCode}` : ''}: ${found.roles.join(', ')}; TOTP secret ${found.totpSecret ?? '-'}`] : []),
      ...represented.map((row) => `  legal representative of ${row.enterpriseCode} ${row.name}`),
    ];
    lines.push(...parts);
  }
  return lines;
}
