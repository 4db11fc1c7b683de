#!/usr/bin/env node
// `npm test`: make sure the machine has what the whole suite needs (Debian's Chromium for the browser tests, the
// PostgreSQL binaries for the real-database tests), installing them with apt-get when we can, then run every Vitest
// project in one run so the summary counts everything. Extra arguments go to Vitest (`npm test -- --project unit`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPostgresBinaries = () =>
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!hasPostgresBinaries()) missing.push('postgresql');

if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`缺少测试所需的系统软件 / missing system packages: ${missing.join(', ')}`);
    console.error(`Install them, e.g.: sudo apt-get install -y ${missing.join(' ')} fonts-noto-cjk`);
    process.exit(1);
  }
  console.log(`[test] installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing, 'fonts-noto-cjk'], { stdio: 'inherit', env });
}

const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TZ: 'Asia/Shanghai' },
});
process.exit(result.status ?? 1);
