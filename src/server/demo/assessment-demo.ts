/**
 * The demo's bureau assessment (评估考核): Shaoxing's example scheme for 2021 (assessments/shaoxing-2021.yaml),
 * imported, published, the hand-scored indicator scored for its counties and the results published — through the
 * module's use cases, once.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { RequestContext } from '../context';
import type { Database } from '../db/client';
import { assessmentSchemes } from '../db/schema';
import { recordScore } from '../domain/assessment/record-score';
import { advanceScheme, importScheme } from '../domain/assessment/scheme-commands';
import { projectPath } from '../paths';
import { demoActor } from './demo-actor';

const CODE = 'shaoxing-assessment-2021';
const SCORES: [string, number, string][] = [
  ['330602', 28, '制定了年度工作方案，组织实施到位。'],
  ['330603', 26, '制定了年度工作方案，个别任务滞后。'],
  ['330681', 24, '制定了年度工作方案，落实情况一般。'],
];

export async function seedAssessmentDemo(config: Config, database: Database): Promise<boolean> {
  const { db } = database;
  return database.exclusive('shangmi:seed-assessment', async () => {
    const [exists] = await db
      .select({ id: assessmentSchemes.id })
      .from(assessmentSchemes)
      .where(eq(assessmentSchemes.code, CODE));
    if (exists) return false;
    const actor = await demoActor(database, 'shaoxing');
    if (!actor) return false;
    const ctx: RequestContext = { actor, ip: '127.0.0.1', userAgent: 'demo', today: businessDate(config) };
    const yaml = readFileSync(projectPath('assessments', 'shaoxing-2021.yaml'), 'utf8');
    const { id } = await importScheme(db, ctx, yaml);
    await advanceScheme(db, ctx, id, 'publish', 1);
    for (const [jurisdictionCode, points, note] of SCORES) {
      await recordScore(db, ctx, id, { jurisdictionCode, indicatorId: 'i4', points, note, attachments: [] });
    }
    // The demo scores three counties only; the others keep 0 points for the hand-scored indicator.
    await advanceScheme(db, ctx, id, 'publish_results', 2, true);
    return true;
  });
}
