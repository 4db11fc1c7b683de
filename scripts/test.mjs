#!/usr/bin/env node
// `npm test`: make sure the machine has what the suite needs (scripts/ensure-system.mjs: Debian's Chromium for the
// browser tests, the PostgreSQL binaries for the real-database tests; installed with apt-get when we can), then run all
// four Vitest projects (unit, api-pglite, api-postgres, e2e) in one run so the summary counts everything.
// Extra arguments go to Vitest: `npm test -- --project unit`, `npm test -- test/units.test.ts`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureSystem } from './ensure-system.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const globToRegExp = (glob) =>
  new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/** Which projects this run selects, from `--project X` / `--project=X` (globs and `!negations` as Vitest takes them). */
function selects(project) {
  const patterns = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--project' && args[i + 1] !== undefined) patterns.push(args[++i]);
    else if (args[i].startsWith('--project=')) patterns.push(args[i].slice('--project='.length));
  }
  const matches = (pattern) => globToRegExp(pattern).test(project);
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  return (include.length === 0 || include.some(matches)) && !exclude.some(matches);
}

try {
  ensureSystem({ chromium: selects('e2e'), postgres: selects('api-postgres') });
} catch (error) {
  console.error(`\n[test] FAILED before running any test: ${error.message}`);
  process.exit(1);
}

const vitest = `${root}node_modules/vitest/vitest.mjs`;
if (!existsSync(vitest)) {
  console.error('[test] FAILED: Vitest is not installed; run `npm ci` first.');
  process.exit(1);
}

// Equivalent to `npx vitest run …`, without npx's start-up cost and its chance of downloading another Vitest.
const child = spawn(process.execPath, [vitest, 'run', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'Asia/Shanghai' },
});
// Let Vitest run its teardowns (throwaway cluster, e2e server): pass termination on to it. Ctrl-C reaches it from
// the terminal directly, so SIGINT is only kept from killing this process first.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (code === 0) console.log(`\n[test] PASSED: all selected tests passed in ${elapsed()}.`);
  else if (signal) console.error(`\n[test] FAILED: Vitest was stopped by ${signal} after ${elapsed()}.`);
  else console.error(`\n[test] FAILED: Vitest exited with code ${code} after ${elapsed()}; see the summary above.`);
  process.exit(code ?? 1);
});
