/**
 * Accessibility (GB/T 37668-2019, WCAG 2.1 AA) of every page: axe-core's WCAG 2.1 A/AA rules in Chromium on each
 * route of src/web/app/routes.tsx, as a role that can see it — public pages on a 390 px phone, the logged-in pages
 * at 1440 px. Any serious or critical violation fails the route's test, listed with the elements it names. The
 * routes come from routes.tsx itself, so a new page is checked without touching this file; a route with a
 * parameter gets a real record from the demo data through the API (a new kind of parameter fails until it has one).
 */
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { accessFor } from '../src/web/app/access';
import { appRoutes } from '../src/web/app/routes';
import type { CurrentUser } from '../src/web/app/types';
import { baseUrl, DEMO_PASSWORD, launchBrowser, screenshot, waitForQuietNetwork } from './helpers/browser';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/**
 * Who visits a logged-in route: the first of these that may see it. Shaoxing's city bureau sees most of the demo
 * (its programme's publicity and objections), the admin what only admins see, then an applicant and an expert.
 */
const VISITORS = ['shaoxing', 'admin', 'applicant9', 'expert1'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let browser: Browser;
const users = new Map<string, CurrentUser>();
/** Each visitor logs in once (the login rate limit counts per account); its pages reuse the session cookie. */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

beforeAll(async () => {
  browser = await launchBrowser();
  for (const username of VISITORS) {
    const context = await browser.newContext({ baseURL: baseUrl() });
    try {
      const res = await context.request.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
      expect(res.status(), await res.text()).toBe(200);
      users.set(username, ((await res.json()) as { user: CurrentUser }).user);
      sessions.set(username, await context.storageState());
    } finally {
      await context.close();
    }
  }
});
afterAll(async () => {
  await browser?.close();
});

/** A real value for each parameter of a route, from what the visitor can list through the API. */
async function concretePath(page: Page, path: string): Promise<string> {
  if (!path.includes(':')) return path;
  const first = async <T>(list: string, pick: (item: T) => string) => {
    const res = await page.request.get(`/api/v1${list}`);
    expect(res.status(), await res.text()).toBe(200);
    const found = ((await res.json()) as { items: T[] }).items;
    if (found.length === 0) throw new Error(`no record in ${list} for ${path}`);
    return pick(found[0]!);
  };
  {
    const sources: Record<string, () => Promise<string>> = {
      '/registry/:certificateNo': () => first<{ certificateNo: string }>('/registry', (b) => b.certificateNo),
      '/publicity/:id': () => first<{ id: string }>('/publicity', (n) => n.id),
      '/applications/:id': () => first<{ id: string }>('/applications', (a) => a.id),
      '/programs/:id': () => first<{ id: string }>('/programs', (p) => p.id),
      '/units/:id': () => first<{ id: string }>('/units', (u) => u.id),
      // Trainings: an event, and a registration of the first event that has one (the showcase's lecture).
      '/trainings/:id': () => first<{ id: string }>('/trainings', (e) => e.id),
      '/trainings/check-in/:id': async () => {
        const events = ((await (await page.request.get('/api/v1/trainings')).json()) as { items: { id: string }[] })
          .items;
        for (const event of events) {
          const res = await page.request.get(`/api/v1/trainings/${event.id}/registrations`);
          const found = ((await res.json()) as { items: { id: string }[] }).items;
          if (found.length > 0) return found[0]!.id;
        }
        throw new Error('no training registration in the demo data');
      },
      // rights (issue 12): the demo's clues (src/server/demo/rights-demo.ts)
      '/rights/clues/:id': () => first<{ id: string }>('/rights/clues', (c) => c.id),
      '/rights/mine/:id': () => first<{ id: string }>('/rights/clues', (c) => c.id),
      // rights-cases: the demo's administrative case and its typical case (rights-demo.ts)
      '/rights-cases/typical/:id': () => first<{ id: string }>('/rights/typical-cases', (c) => c.id),
      '/rights-cases/:id': async () => {
        const res = await page.request.get('/api/v1/rights/clues');
        const clues = ((await res.json()) as { items: { id: string; status: string }[] }).items;
        const open = clues.find((c) => c.status === 'accepted');
        if (!open) throw new Error('no administrative case in the demo data');
        return open.id;
      },
      '/typical-cases/:id': () => first<{ id: string }>('/typical-cases', (c) => c.id),
      // Bureau assessment: the demo's Shaoxing scheme (assessment-demo.ts)
      '/assessments/:id': () => first<{ id: string }>('/assessments', (a) => a.id),
    };
    const prefix = Object.keys(sources).find((p) => path === p || path.startsWith(`${p}/`));
    if (!prefix) throw new Error(`no demo record for the parameters of ${path}: add a source in accessibility.test.ts`);
    const value = await sources[prefix]!();
    return path.replace(/:[A-Za-z]+/, encodeURIComponent(value));
  }
}

async function loggedInPage(username: string | null, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
    reducedMotion: 'reduce',
    ...(username ? { storageState: sessions.get(username) } : {}),
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Runs axe on the page once it has settled, returning the serious and critical violations. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await waitForQuietNetwork(page);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern (an injected
  // inline <script> would be refused, as it should be).
  await page.evaluate(axe.source);
  const result = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_21_AA,
  );
  return (result.violations as Violation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} elements)\n${nodes}${more}`;
    })
    .join('\n');
}

const cases = appRoutes.map((route) => ({ path: route.path, access: route.access, public: route.access === 'public' }));

test.each(cases.map((c) => [c.path, c] as const))('%s has no serious or critical axe violation', async (_path, c) => {
  // The visitor is chosen once the accounts are known (beforeAll ran): the first that may see the route.
  const visitor = c.public ? null : VISITORS.find((u) => accessFor(users.get(u)!)[c.access]);
  if (!c.public && !visitor) throw new Error(`no demo account may see ${c.path} (access ${c.access})`);
  const page = await loggedInPage(visitor ?? null, c.public ? PHONE : DESKTOP);
  try {
    const path = await concretePath(page, c.path);
    await page.goto(path);
    const violations = await seriousViolations(page);
    const count = violations.reduce((n, v) => n + v.nodes.length, 0);
    console.log(`axe ${path} (${visitor ?? '公众'}): ${violations.length} rules, ${count} elements`);
    if (violations.length > 0) {
      await screenshot(page, `a11y-FAILED-${c.path.replace(/[^a-z0-9]+/gi, '-')}`);
    }
    // Only the readable list in the failure, not axe's whole result object.
    expect(violations.length, `${path} as ${visitor ?? 'a visitor'}:\n${describeViolations(violations)}`).toBe(0);
  } finally {
    await page.context().close();
  }
});
