/**
 * Programme definitions read once per instance instead of with every row. A definition is the whole programme
 * document (20–30 KB of JSON: kinds, rubrics, stages); lists joined it to each row, so a page of 20 applications
 * carried 20 copies of it from PostgreSQL and parsed them, and the to-do count up to 2,000 (bench/README.md, load).
 * A copy is used when its `updated_at` matches the row the caller read, or, given only an id, when the version is
 * published: a published definition never changes (a trigger refuses it) and editing a draft moves `updated_at`, so
 * a copy is never stale, on any instance, and needs no invalidation.
 */
import { inArray } from 'drizzle-orm';
import type { Programme } from '../../../core/programs/schema';
import type { Executor } from '../../db/client';
import { programmes } from '../../db/schema';

/** A province runs a few hundred programme versions; the copies are a few MB at most. */
const MAX_COPIES = 500;
interface Copy {
  updatedAt: number;
  published: boolean;
  definition: Programme;
}
const copies = new Map<string, Copy>();

/** Copies are shared by every request: frozen, so a use case that would change one fails at once instead. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A programme version with the `updated_at` its row was read with; or only its id. */
export interface ProgrammeRef {
  id: string;
  updatedAt: Date;
}

/**
 * Whether the held copy is the version the caller means: the same `updated_at`, or — given only an id — a published
 * version (which never changes, so any copy of it is current).
 */
const current = (copy: Copy | undefined, ref: ProgrammeRef | string): copy is Copy =>
  copy !== undefined && (typeof ref === 'string' ? copy.published : copy.updatedAt === ref.updatedAt.getTime());

/** The definitions of the referenced programme versions, by id (read from the database only when not held yet). */
export async function programmeDefinitions(
  db: Executor,
  refs: readonly (ProgrammeRef | string)[],
): Promise<Map<string, Programme>> {
  const found = new Map<string, Programme>();
  const missing = new Set<string>();
  for (const ref of refs) {
    const id = typeof ref === 'string' ? ref : ref.id;
    const copy = copies.get(id);
    if (current(copy, ref)) found.set(id, copy.definition);
    else missing.add(id);
  }
  if (missing.size === 0) return found;
  const rows = await db
    .select({
      id: programmes.id,
      status: programmes.status,
      updatedAt: programmes.updatedAt,
      definition: programmes.definition,
    })
    .from(programmes)
    .where(inArray(programmes.id, [...missing]));
  for (const row of rows) {
    const definition = deepFreeze(row.definition as Programme);
    found.set(row.id, definition);
    if (!copies.has(row.id) && copies.size >= MAX_COPIES) copies.delete(copies.keys().next().value!);
    copies.set(row.id, { updatedAt: row.updatedAt.getTime(), published: row.status === 'published', definition });
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
