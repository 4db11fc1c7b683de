import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { jurisdictions } from '../../db/schema';

export async function listAllJurisdictions(db: Executor) {
  return db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      level: jurisdictions.level,
      parentCode: jurisdictions.parentCode,
      path: jurisdictions.path,
    })
    .from(jurisdictions)
    .orderBy(asc(jurisdictions.path));
}
