import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { jurisdictions, units, users } from '../../db/schema';

/** Public columns of a user: never the password hash. */
export const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitName: units.name,
  jurisdictionCode: users.jurisdictionCode,
  jurisdictionName: jurisdictions.name,
  phone: users.phone,
  email: users.email,
  disabled: users.disabled,
  version: users.version,
  createdAt: users.createdAt,
};

const baseSelect = (db: Executor) =>
  db
    .select(userColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode));

export async function findUserView(db: Executor, id: string) {
  const rows = await baseSelect(db).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function queryUsers(
  db: Executor,
  filter: { q?: string; role?: (typeof users.$inferSelect)['role']; page: number; pageSize: number },
) {
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    pattern ? or(ilike(users.username, pattern), ilike(users.displayName, pattern)) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
  );
  const [items, totals] = await Promise.all([
    baseSelect(db)
      .where(where)
      .orderBy(asc(users.role), asc(users.username))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}
