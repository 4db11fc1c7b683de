/**
 * Reference and demo data of administrative case handling (rights-cases): the case-handling guides under
 * case-guides/ (imported once per code, like the seed programmes).
 */
import { readdir, readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { systemContext } from '../context';
import type { Db } from '../db/client';
import { rightsCaseGuides } from '../db/schema-rights-cases';
import { importCaseGuide } from '../domain/rights-cases/import-case-guide';
import { projectPath } from '../paths';

export const CASE_GUIDES_DIR = projectPath('case-guides');

/** Imports the guides under case-guides/ whose code is not in the database yet. Returns the codes imported. */
export async function seedCaseGuides(db: Db): Promise<string[]> {
  const files = (await readdir(CASE_GUIDES_DIR)).filter((f) => f.endsWith('.yaml')).sort();
  const sources = await Promise.all(files.map(async (f) => readFile(`${CASE_GUIDES_DIR}/${f}`, 'utf8')));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shangmi:seed-case-guides'))`);
    const seeded: string[] = [];
    for (const yaml of sources) {
      const code = /^code:\s*(\S+)/m.exec(yaml)?.[1] ?? '';
      const [existing] = await tx
        .select({ id: rightsCaseGuides.id })
        .from(rightsCaseGuides)
        .where(eq(rightsCaseGuides.code, code))
        .limit(1);
      if (existing) continue;
      await importCaseGuide(tx, systemContext(), { yaml }, { authorised: true });
      seeded.push(code);
    }
    return seeded;
  });
}
