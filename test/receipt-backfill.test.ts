/**
 * The migration that gives objections filed before receipt codes existed a code of their own
 * (drizzle/0010_objection_receipt_backfill.sql): run on a scratch copy of the column, every row gets a distinct
 * code of the receipt alphabet.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { normalizeReceiptCode } from '../src/core/applications/receipt-code';
import { buildTestApp, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seed: false });
});
afterAll(async () => {
  await t.close();
});

it('backfills a distinct receipt code on every existing objection', async () => {
  const db = t.database.db;
  await db.execute(sql`create temporary table "old_objections" (id uuid primary key, receipt_code text)`);
  await db.execute(sql`insert into "old_objections" (id) select gen_random_uuid() from generate_series(1, 200)`);
  const backfill = readFileSync(
    new URL('../drizzle/0010_objection_receipt_backfill.sql', import.meta.url),
    'utf8',
  ).replaceAll('"objections"', '"old_objections"');
  await db.execute(sql.raw(backfill));
  const result = (await db.execute(sql`select receipt_code from "old_objections"`)) as unknown as {
    rows: { receipt_code: string | null }[];
  };
  const codes = result.rows.map((r) => r.receipt_code);
  expect(codes).toHaveLength(200);
  for (const code of codes) expect(code && normalizeReceiptCode(code)).toBe(code);
  expect(new Set(codes).size).toBe(200);
});
