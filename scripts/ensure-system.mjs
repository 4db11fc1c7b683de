// Makes sure the machine has the system software the test suite needs: Debian's Chromium (browser tests) and the
// PostgreSQL server binaries (API tests on a real server; the suite starts a throwaway cluster from them when no server
// answers), plus CJK fonts for readable screenshots. Missing pieces are installed with apt-get when we are root;
// otherwise it fails saying exactly what to install. Used by scripts/test.mjs; runnable alone: `node scripts/ensure-system.mjs`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const say = (message) => console.log(`[test] ${message}`);

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The bin directory of an installed PostgreSQL server with pg_ctl and initdb, or null. */
export function postgresBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const version of readdirSync(root).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))) {
    const bin = `${root}/${version}/bin`;
    if (existsSync(`${bin}/pg_ctl`) && existsSync(`${bin}/initdb`)) return bin;
  }
  return null;
}

function hasCjkFonts() {
  const fcList = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fcList.status === 0) return fcList.stdout.trim() !== '';
  return existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
}

const canUseApt = () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

function aptInstall(packages) {
  say(`installing ${packages.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  } catch (error) {
    throw new Error(`apt-get install ${packages.join(' ')} failed (${error.message}); install them by hand.`);
  }
}

/**
 * @param {{ chromium?: boolean, postgres?: boolean }} needs which parts of the suite will run
 * @throws Error naming what to install when something is missing and cannot be installed here
 */
export function ensureSystem({ chromium = true, postgres = true } = {}) {
  const missing = [];
  const problems = [];
  if (chromium && !existsSync(chromiumPath())) {
    if (process.env.CHROMIUM_PATH) problems.push(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
    else missing.push('chromium');
  }
  // With an explicit TEST_DATABASE_URL (and no fallback allowed) the suite uses that server only, so the binaries are
  // not needed; test/setup/postgres-global.ts then checks the server and fails clearly if it does not work.
  const explicitServer = Boolean(process.env.TEST_DATABASE_URL) && process.env.TEST_DATABASE_FALLBACK !== '1';
  if (postgres && !explicitServer && !postgresBinDir()) missing.push('postgresql');
  if (problems.length > 0) throw new Error(problems.join('; '));

  const fontsMissing = chromium && !hasCjkFonts();
  if (missing.length > 0) {
    if (!canUseApt()) {
      const packages = [...missing, ...(fontsMissing ? ['fonts-noto-cjk'] : [])].join(' ');
      throw new Error(
        `Missing system software for the test suite: ${missing.join(', ')}. This process cannot install it ` +
          `(that needs root and apt-get). Install with: sudo apt-get install -y ${packages}` +
          (missing.includes('postgresql') ? ' (or set TEST_DATABASE_URL to a PostgreSQL server you can use)' : '') +
          '.',
      );
    }
    aptInstall([...missing, 'fonts-noto-cjk']);
    if (missing.includes('chromium') && !existsSync(chromiumPath()))
      throw new Error(`no ${chromiumPath()} after install`);
    if (missing.includes('postgresql') && !postgresBinDir()) throw new Error('no PostgreSQL binaries after install');
  } else if (fontsMissing) {
    // Only the screenshots suffer without CJK fonts, so this is worth installing but not worth failing for.
    if (canUseApt()) aptInstall(['fonts-noto-cjk']);
    else say('warning: no CJK fonts, screenshots will show boxes for Chinese text (apt-get install fonts-noto-cjk)');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureSystem();
    say(`ok: ${chromiumPath()}, PostgreSQL binaries in ${postgresBinDir() ?? '(not needed)'}`);
  } catch (error) {
    console.error(`[test] ${error.message}`);
    process.exit(1);
  }
}
