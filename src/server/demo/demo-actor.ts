/** A demo account as the actor of a use case (the demo seeds some modules through their use cases directly). */
import { eq } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Database } from '../db/client';
import { jurisdictions, users } from '../db/schema';

export async function demoActor(database: Database, username: string): Promise<Actor | null> {
  const [row] = await database.db
    .select({ user: users, path: jurisdictions.path, level: jurisdictions.level })
    .from(users)
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(eq(users.username, username));
  if (!row) return null;
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    role: row.user.role,
    unitId: row.user.unitId,
    jurisdictionCode: row.user.jurisdictionCode,
    jurisdictionPath: row.path,
    jurisdictionLevel: row.level,
  };
}
