// @postgresql-only: the calendar data and date arithmetic, not the database.
/**
 * The calendar knows which years it covers (the holiday data ends with 2026); a publicity period reaching 2027 is
 * published with a warning, recorded; an administrator enters 2027's arrangement in one form, after which periods
 * count it — and a notice already published keeps its dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { publish, setBusinessDate, shaoxingPassed } from './helpers/bases';

let t: TestApp;
let admin: Client;

const ARRANGEMENT_2027 = {
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
  ],
  workdays: ['2027-02-20'],
};

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2026-12-20' } });
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

describe('calendar years', () => {
  it('shows which years the holiday data covers', async () => {
    const res = await admin.get('/api/v1/calendar/years');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.official).toEqual({ from: 2004, to: 2026 });
    const coverage = Object.fromEntries(
      body.years.map((y: { year: number; coverage: string }) => [y.year, y.coverage]),
    );
    expect(coverage).toMatchObject({ 2025: 'official', 2026: 'official', 2027: 'missing', 2028: 'missing' });
    expect((await t.anonymous.get('/api/v1/calendar/years')).statusCode).toBe(401);
  });

  it('warns the officer when a publicity period reaches an uncovered year, records it, and keeps its dates', async () => {
    const applicant = await t.login('applicant2');
    const passed = await shaoxingPassed(t, applicant);
    setBusinessDate(t, '2026-12-20');
    const shaoxing = await t.login('shaoxing');

    const preview = (await t.anonymous.get('/api/v1/calendar/working-days?start=2026-12-28&days=5')).json();
    expect(preview).toMatchObject({ end: '2027-01-01', uncoveredYears: [2027] });
    expect(preview.warning).toMatch(/^该期间涉及2027年，工作日历尚无2027年的法定节假日安排/);

    const notice = await publish(shaoxing, 'shaoxing-2021', [passed.id], '2026-12-28');
    expect(notice.endsOn).toBe('2027-01-01');
    expect(notice.warnings).toEqual([expect.stringMatching(/^公示期涉及2027年，工作日历尚无2027年的法定节假日安排/)]);
    const audit = (await shaoxing.get(`/api/v1/audit?entityId=${notice.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'publicity.create', after: { warnings: notice.warnings } });

    // The administrator enters 2027 in one form.
    const officer = await shaoxing.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      payload: ARRANGEMENT_2027,
    });
    expect(officer.statusCode).toBe(403);
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      payload: { holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-13' }], workdays: ['2027-02-22'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      { path: 'holidays', message: '元旦（2027年1月1日）应为假日：每年的放假安排都含元旦' },
      { path: 'workdays.0', message: '2027-02-22 不是周末，调休上班日应为周六或周日' },
    ]);
    const official = await admin.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2026',
      payload: ARRANGEMENT_2027,
    });
    expect(official.statusCode).toBe(409);
    const entered = await admin.request({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      payload: ARRANGEMENT_2027,
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json().days).toHaveLength(12);

    const years = (await admin.get('/api/v1/calendar/years')).json().years;
    expect(years.find((y: { year: number }) => y.year === 2027).coverage).toBe('entered');
    const after = (await t.anonymous.get('/api/v1/calendar/working-days?start=2026-12-28&days=5')).json();
    expect(after).toMatchObject({ end: '2027-01-04', uncoveredYears: [], warning: null });
    const overrides = (await admin.get('/api/v1/calendar/overrides?from=2027-01-01&to=2027-01-03')).json().items;
    expect(overrides.map((o: { note: string }) => o.note)).toEqual(['元旦', '元旦', '元旦']);
    const yearAudit = (await admin.get('/api/v1/audit?entityId=2027')).json();
    expect(yearAudit.items[0]).toMatchObject({ action: 'calendar.year', after: { year: 2027, days: 12 } });

    // The notice published before keeps the end date it was published with.
    expect((await shaoxing.get(`/api/v1/publicity/${notice.id}`)).json().endsOn).toBe('2027-01-01');
  });
});
