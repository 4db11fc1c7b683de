/** The rights demo data seeds through the module's use cases, once. */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rightsCentres, rightsClues } from '../src/server/db/schema';
import { seedRightsDemo } from '../src/server/demo/rights-demo';
import { buildTestApp } from './helpers/app';

it('seeds a few clues, a case, a typical case and a centre, and only once', { timeout: 120_000 }, async () => {
  const t = await buildTestApp({ env: { BUSINESS_DATE: '2024-09-27' } });
  try {
    expect(await seedRightsDemo(t.config, t.database)).toBe(true);
    expect(await seedRightsDemo(t.config, t.database)).toBe(false);
    const [clues] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(rightsClues);
    const [centres] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(rightsCentres);
    expect(clues!.n).toBe(4);
    expect(centres!.n).toBe(1);
    const keqiao = await t.login('keqiao');
    const list = (await keqiao.get('/api/v1/rights/clues')).json();
    expect(list.total).toBe(4);
    // One administrative case under way; one transfer closed and published as a typical case.
    const statuses = list.items.map((c: { status: string }) => c.status).sort();
    expect(statuses).toEqual(expect.arrayContaining(['accepted', 'closed']));
    const typical = (await t.anonymous.get('/api/v1/typical-cases')).json();
    expect(typical.items.map((c: { title: string }) => c.title)).toContain('离职工程师披露源代码与图纸案');
  } finally {
    await t.close();
  }
});
