/**
 * Bulk inserts of many rows in one statement: `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`, one array
 * parameter per column. Works the same through node-postgres and PGlite, costs a handful of parameters however many
 * rows there are (so no 65,535-parameter limit and no chunking), and skips building a multi-row VALUES list, which
 * for tens of thousands of rows costs far more time than the database takes to store them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from './client';

/** One column: its name, its PostgreSQL type (the element type of the array parameter) and one value per row. */
export interface BulkColumn {
  name: string;
  /** e.g. `uuid`, `text`, `bytea` (Buffer or Uint8Array values), `jsonb` (JSON text values), `bigint`, an enum. */
  type: string;
  values: readonly unknown[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): SQL {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return sql.raw(`"${name}"`);
}

/**
 * Inserts `columns` (all of the same length) into `table`; with `onConflictDoNothing`, rows that would violate a
 * unique constraint are skipped. Returns the `returning` column of the rows inserted (empty without `returning`).
 */
export async function insertUnnest(
  db: Executor,
  table: string,
  columns: readonly BulkColumn[],
  options: { onConflictDoNothing?: boolean; returning?: string } = {},
): Promise<unknown[]> {
  const rows = columns[0]?.values.length ?? 0;
  if (rows === 0) return [];
  if (columns.some((c) => c.values.length !== rows)) throw new Error('insertUnnest: columns of different lengths');
  if (columns.some((c) => !IDENTIFIER.test(c.type))) throw new Error('insertUnnest: not a plain type name');
  const names = sql.join(
    columns.map((c) => identifier(c.name)),
    sql`, `,
  );
  const arrays = sql.join(
    columns.map((c) => sql`${sql.param(c.values)}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
  const query = sql`insert into ${identifier(table)} (${names}) select * from unnest(${arrays})`;
  if (options.onConflictDoNothing) query.append(sql` on conflict do nothing`);
  if (options.returning) query.append(sql` returning ${identifier(options.returning)} as "value"`);
  const result = (await db.execute(query)) as unknown as { rows: { value: unknown }[] };
  return options.returning ? result.rows.map((r) => r.value) : [];
}
