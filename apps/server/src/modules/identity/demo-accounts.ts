import type { Db } from '../../kernel/db/database.ts';
import { checksumOf, runSeedOnce } from '../../kernel/db/seed-run.ts';
import { createAccounts, type NewCitizen } from './accounts.ts';
import { createCommonPasswordList } from './breached-passwords.ts';

/**
 * Demo citizens for a demo or training installation: synthetic people (never real ones) with valid
 * personal-ID structure. They are level 1 (self-registered) until registry verification exists.
 */
export const DEMO_CITIZENS: readonly NewCitizen[] = [
  { personalId: '079203001234', fullName: 'Nguyễn Văn An', birthDate: '2003-05-14', sex: 'male', password: 'demo công dân số một 2026', email: 'an.nguyen@demo.congso.vn' },
  { personalId: '079190005678', fullName: 'Trần Thị Bình', birthDate: '1990-09-02', sex: 'female', password: 'demo công dân số hai 2026', email: 'binh.tran@demo.congso.vn' },
];

export async function seedDemoCitizens(db: Db) {
  return runSeedOnce(db, 'demo.citizens', checksumOf(JSON.stringify(DEMO_CITIZENS)), async (tx) => {
    const accounts = createAccounts({ db: tx, breached: createCommonPasswordList(), now: () => new Date() });
    let created = 0;
    for (const citizen of DEMO_CITIZENS) {
      if (!(await accounts.findByPersonalId(citizen.personalId))) {
        await accounts.registerCitizen(citizen);
        created++;
      }
    }
    return `${created} demo citizens`;
  });
}
