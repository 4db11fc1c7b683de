/**
 * Substring search on an indexed name column (migrations 0030, 0034): `column ILIKE '%q%'`, narrowed first through
 * the GIN indexes of the columns' stored character bigrams (`shangmi_bigrams`) when the search has two characters or
 * more. The bigrams select every row that holds all of the search's bigrams — every match and perhaps a few more —
 * and the ILIKE, unchanged, keeps exactly the matches (below: when it is needed at all).
 */
import { and, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { bases, units } from './schema';

/**
 * The stored bigrams of each searchable column (generated columns, migration 0034, outside the Drizzle schema):
 * reading them costs no call of shangmi_bigrams per row, whichever plan the planner picks.
 */
const STORED_BIGRAMS = new Map<AnyPgColumn, SQL>([
  [units.name, sql`${units}."name_bigrams"`],
  [units.creditCode, sql`${units}."credit_code_bigrams"`],
  [bases.unitName, sql`${bases}."unit_name_bigrams"`],
]);

function bigramsOf(column: AnyPgColumn): SQL {
  const stored = STORED_BIGRAMS.get(column);
  if (!stored) throw new Error(`containsText: ${column.name} has no stored bigrams (see migration 0034)`);
  return stored;
}

/** Escapes LIKE's wildcards and its escape character, so the text matches literally. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Rows where one of `columns` contains `q`, case-insensitively (as ILIKE), through the columns' bigram indexes.
 *
 * - One character: no bigram; the plain ILIKE.
 * - Two characters (the common Chinese search: 科技, 精密): q's one bigram is in a name's bigrams exactly when the
 *   name contains q (ILIKE compares the lower-cased text, and so do the bigrams), so the index answers alone and no
 *   row is lower-cased and matched again.
 * - More: (bigrams of one column or another hold all of q's) AND (one column or another ILIKE q) — the same rows,
 *   since a column containing q holds its bigrams; the indexes select the candidates and only the ILIKE runs on them.
 */
export function containsText(columns: AnyPgColumn[], q: string): SQL {
  // Characters, not UTF-16 units: shangmi_bigrams counts characters as PostgreSQL does.
  const length = [...q].length;
  const pattern = `%${escapeLike(q)}%`;
  const match = or(...columns.map((column) => ilike(column, pattern)))!;
  if (length < 2) return match;
  const bigrams = sql`shangmi_bigrams(${q}::text)`;
  const indexed = or(...columns.map((column) => sql`${bigramsOf(column)} @> ${bigrams}`))!;
  return length === 2 ? indexed : and(indexed, match)!;
}
