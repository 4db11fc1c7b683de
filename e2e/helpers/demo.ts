/**
 * Facts about the demo data the browser tests rely on, read from the seed itself so the tests follow it.
 */
import { request } from 'playwright-core';
import { DEMO_APPLICANT_UNITS, DEMO_UNITS, type DemoUnit } from '../../src/server/demo/demo-units';
import { baseUrl, DEMO_PASSWORD } from './browser';

export function demoUnit(key: string): DemoUnit {
  const unit = DEMO_UNITS.find((u) => u.key === key);
  if (!unit) throw new Error(`No demo unit with key ${key}`);
  return unit;
}

export const applicantUnit = (username: keyof typeof DEMO_APPLICANT_UNITS) => demoUnit(DEMO_APPLICANT_UNITS[username]);

/** Demo units registered in a jurisdiction. */
export const demoUnitsIn = (jurisdictionCode: string) =>
  DEMO_UNITS.filter((u) => u.jurisdictionCode === jurisdictionCode);

/** Looks a unit's id up through the API as a demo account (for tests that open a unit by its address). */
export async function unitIdByName(name: string, asUser = 'admin'): Promise<string> {
  const api = await request.newContext({ baseURL: baseUrl() });
  try {
    const login = await api.post('/api/v1/auth/login', { data: { username: asUser, password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`login as ${asUser} failed: ${login.status()}`);
    const found = await api.get('/api/v1/units', { params: { q: name } });
    const body = (await found.json()) as { items: { id: string; name: string }[] };
    const unit = body.items.find((u) => u.name === name);
    if (!unit) throw new Error(`unit ${name} not found as ${asUser}`);
    return unit.id;
  } finally {
    await api.dispose();
  }
}
