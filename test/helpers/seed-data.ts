/** What a test database starts with: the jurisdictions always, and unless `bare` the demo accounts, programmes and case-handling guides. */
import type { Db } from '../../src/server/db/client';
import { seedCaseGuides } from '../../src/server/demo/rights-cases';
import { seedDemo, seedJurisdictions, seedProgrammes } from '../../src/server/demo/seed';

export type TestDataKind = 'seeded' | 'bare';

export async function seedTestData(db: Db, kind: TestDataKind): Promise<void> {
  await seedJurisdictions(db);
  if (kind === 'seeded') {
    await seedDemo(db);
    await seedProgrammes(db);
    await seedCaseGuides(db);
  }
}
