/**
 * Measures restart time: from spawning a server command to its first healthy /api/v1/health, several runs each, on
 * one already-migrated PGlite data folder. `node scripts/measure-start.mjs [runs]` after `npm run build`.
 * Compares starting the TypeScript source through tsx with starting the compiled dist/server/main.js.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 5);
const commands = {
  'tsx src/server/main.ts': ['node_modules/.bin/tsx', ['src/server/main.ts']],
  'node dist/server/main.js': [process.execPath, ['dist/server/main.js']],
  'node --enable-source-maps dist/server/main.js': [process.execPath, ['--enable-source-maps', 'dist/server/main.js']],
};

async function startOnce(dataDir, [command, args], port) {
  const started = performance.now();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${stderr}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'shangmi-start-'));
try {
  // The first start migrates and seeds; restarts are what is measured.
  await startOnce(dataDir, commands['node dist/server/main.js'], 39170);
  for (const [name, command] of Object.entries(commands)) {
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await startOnce(dataDir, command, 39170));
    const s = times.map((t) => (t / 1000).toFixed(2));
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] / 1000;
    console.log(`${name.padEnd(48)} median ${median.toFixed(2)} s  runs ${s.join(' ')}`);
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
