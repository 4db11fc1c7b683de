/** Guarded updates of a clue: `WHERE id AND version`, zero rows is a 409 (a concurrent change won). */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rightsClues, users } from '../../db/schema';
import { AppError } from '../../errors';
import type { ClueRow } from './rights-access';

export const STALE = '该线索已被他人处理或修改，请刷新后重试';

export async function updateClue(
  tx: Executor,
  id: string,
  version: number,
  set: Partial<typeof rightsClues.$inferInsert>,
): Promise<ClueRow> {
  const [row] = await tx
    .update(rightsClues)
    .set({ ...set, version: sql`${rightsClues.version} + 1`, updatedAt: new Date() })
    .where(and(eq(rightsClues.id, id), eq(rightsClues.version, version)))
    .returning();
  if (!row) throw new AppError('conflict', STALE);
  return row;
}

export const bumpVersion = (tx: Executor, id: string, version: number) => updateClue(tx, id, version, {});

/** The reporting unit's applicant accounts (told of decisions and handler messages). */
export async function reporterAccounts(tx: Executor, clue: ClueRow): Promise<string[]> {
  if (!clue.reporterUnitId) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, clue.reporterUnitId), eq(users.disabled, false)));
  return rows.map((r) => r.id);
}
