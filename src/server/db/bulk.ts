/**
 * Bulk inserts of many rows in one go, without building a multi-row VALUES list (which for tens of thousands of rows
 * costs far more time in Drizzle's query builder than the database takes to store them):
 * - PostgreSQL: `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)`, one array parameter per column, so a
 *   handful of parameters however many rows there are (no 65,535-parameter limit, no chunking);
 * - PGlite: `COPY … FROM '/dev/blob'` of the rows as COPY text (several times faster there than array parameters,
 *   which PGlite serialises in JavaScript), through a temporary table when conflicts are skipped or ids returned.
 * Rows and results are the same either way.
 */
import { is, type SQL, sql } from 'drizzle-orm';
import { PgliteSession } from 'drizzle-orm/pglite';
import type { Executor } from './client';

/** One column: its name, its PostgreSQL type (the element type of the array parameter) and one value per row. */
export interface BulkColumn {
  name: string;
  /** e.g. `uuid`, `text`, `bytea` (Buffer or Uint8Array values), `jsonb` (JSON text values), `bigint`, an enum. */
  type: string;
  values: readonly unknown[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

interface BlobClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<{ rows: unknown[] }>;
}

/** The PGlite client (or open PGlite transaction) behind a Drizzle handle, or null on PostgreSQL. */
function pgliteClient(db: Executor): BlobClient | null {
  const session = db._.session;
  return is(session, PgliteSession) ? (session as unknown as { client: BlobClient }).client : null;
}

/**
 * Inserts `columns` (all of the same length) into `table`; with `onConflictDoNothing`, rows that would violate a
 * unique constraint are skipped. Returns the `returning` column of the rows inserted (empty without `returning`).
 */
export async function insertRows(
  db: Executor,
  table: string,
  columns: readonly BulkColumn[],
  options: { onConflictDoNothing?: boolean; returning?: string } = {},
): Promise<unknown[]> {
  const rows = columns[0]?.values.length ?? 0;
  if (rows === 0) return [];
  if (columns.some((c) => c.values.length !== rows)) throw new Error('insertRows: columns of different lengths');
  if (columns.some((c) => !IDENTIFIER.test(c.type))) throw new Error('insertRows: not a plain type name');
  const names = columns.map((c) => identifier(c.name)).join(', ');
  const tail = `${options.onConflictDoNothing ? ' on conflict do nothing' : ''}${options.returning ? ` returning ${identifier(options.returning)} as "value"` : ''}`;
  const pglite = pgliteClient(db);
  if (pglite) {
    const blob = new Blob([copyText(columns, rows)]);
    if (!tail) {
      await pglite.query(`copy ${identifier(table)} (${names}) from '/dev/blob'`, [], { blob });
      return [];
    }
    const staging = identifier(`shangmi_bulk_${table}`);
    await pglite.query(`create temp table ${staging} as select ${names} from ${identifier(table)} with no data`);
    try {
      await pglite.query(`copy ${staging} (${names}) from '/dev/blob'`, [], { blob });
      const result = await pglite.query(
        `insert into ${identifier(table)} (${names}) select ${names} from ${staging}${tail}`,
      );
      return options.returning ? (result.rows as { value: unknown }[]).map((r) => r.value) : [];
    } finally {
      await pglite.query(`drop table ${staging}`);
    }
  }
  const arrays = sql.join(
    columns.map((c) => sql`${sql.param(c.values)}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
  const query: SQL = sql`insert into ${sql.raw(identifier(table))} (${sql.raw(names)}) select * from unnest(${arrays})${sql.raw(tail)}`;
  const result = (await db.execute(query)) as unknown as { rows: { value: unknown }[] };
  return options.returning ? result.rows.map((r) => r.value) : [];
}

/** The rows in COPY's text format: tab-separated, one line per row, `\N` for null, bytea as `\x` hex. */
function copyText(columns: readonly BulkColumn[], rows: number): string {
  const lines: string[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += '\t';
      line += copyValue(columns[c]!.values[r]);
    }
    lines[r] = line;
  }
  return `${lines.join('\n')}\n`;
}

const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Uint8Array)
    return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.length).toString('hex')}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') throw new Error('insertRows: pass JSON values as text');
  return String(value).replace(COPY_SPECIAL, (ch) => COPY_ESCAPES[ch]!);
}
