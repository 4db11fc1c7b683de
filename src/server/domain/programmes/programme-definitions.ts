/**
 * Programme definitions read once per instance instead of with every row. A definition is the whole programme
 * document (20–30 KB of JSON: kinds, rubrics, stages); lists joined it to each row, so a page of 20 applications
 * carried 20 copies of it from PostgreSQL and parsed them, and the to-do count up to 2,000 (bench/README.md, load).
 * Copies are keyed by id and `updated_at`: a published definition never changes (a trigger refuses it) and editing a
 * draft moves `updated_at`, so a copy is never stale, on any instance, and needs no invalidation.
 */
import { inArray } from 'drizzle-orm';
import type { Programme } from '../../../core/programs/schema';
import type { Executor } from '../../db/client';
import { programmes } from '../../db/schema';

/** A province runs a few hundred programme versions; the copies are a few MB at most. */
const MAX_COPIES = 500;
const copies = new Map<string, Programme>();
const keyOf = (id: string, updatedAt: Date) => `${id}@${updatedAt.getTime()}`;

/** Copies are shared by every request: frozen, so a use case that would change one fails at once instead. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface ProgrammeRef {
  id: string;
  updatedAt: Date;
}

/** The definitions of the referenced programme versions, by id (read from the database only when not held yet). */
export async function programmeDefinitions(
  db: Executor,
  refs: readonly ProgrammeRef[],
): Promise<Map<string, Programme>> {
  const found = new Map<string, Programme>();
  const missing = new Set<string>();
  for (const ref of refs) {
    const copy = copies.get(keyOf(ref.id, ref.updatedAt));
    if (copy) found.set(ref.id, copy);
    else missing.add(ref.id);
  }
  if (missing.size === 0) return found;
  const rows = await db
    .select({ id: programmes.id, updatedAt: programmes.updatedAt, definition: programmes.definition })
    .from(programmes)
    .where(inArray(programmes.id, [...missing]));
  for (const row of rows) {
    const definition = deepFreeze(row.definition as Programme);
    found.set(row.id, definition);
    if (copies.size >= MAX_COPIES) copies.delete(copies.keys().next().value!);
    copies.set(keyOf(row.id, row.updatedAt), definition);
  }
  return found;
}

/** Rows that name a programme version, each with its definition added as `programme`. */
export async function withProgrammeDefinitions<R>(
  db: Executor,
  rows: readonly R[],
  refOf: (row: R) => ProgrammeRef,
): Promise<(R & { programme: Programme })[]> {
  const definitions = await programmeDefinitions(db, rows.map(refOf));
  return rows.map((row) => ({ ...row, programme: definitions.get(refOf(row).id)! }));
}
