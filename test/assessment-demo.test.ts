/** The demo's bureau assessment seeds through the module's use cases, once, and ends with published results. */
import { expect, it } from 'vitest';
import { seedAssessmentDemo } from '../src/server/demo/assessment-demo';
import { buildTestApp } from './helpers/app';

it('imports, publishes, scores and publishes the results of the Shaoxing example scheme, once', {
  timeout: 120_000,
}, async () => {
  const t = await buildTestApp({ env: { BUSINESS_DATE: '2022-01-20' } });
  try {
    expect(await seedAssessmentDemo(t.config, t.database)).toBe(true);
    expect(await seedAssessmentDemo(t.config, t.database)).toBe(false);
    const shaoxing = await t.login('shaoxing');
    const [scheme] = (await shaoxing.get('/api/v1/assessments')).json().items;
    expect(scheme).toMatchObject({ code: 'shaoxing-assessment-2021', status: 'results_published' });
    const cards = (await (await t.login('keqiao')).get(`/api/v1/assessments/${scheme.id}/scorecards`)).json();
    expect(cards.rows.length).toBeGreaterThan(3);
    const yuecheng = cards.rows.find((r: { jurisdictionCode: string }) => r.jurisdictionCode === '330602');
    expect(yuecheng.indicators.find((i: { id: string }) => i.id === 'i4').points).toBe(28);
  } finally {
    await t.close();
  }
});
