/**
 * Measures restart time: from spawning a server command to its first healthy /api/v1/health, several runs each, on
 * one already-migrated PGlite data folder. `node scripts/measure-start.mjs [runs]` after `npm run build`.
 * Compares starting the TypeScript source through tsx with starting the compiled dist/server/main.js.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 5);
const commands = {
  // What `tsx src/server/main.ts` runs after its launcher, in one process, so its CPU time can be read.
  'node --import tsx src/server/main.ts': [process.execPath, ['--import', 'tsx', 'src/server/main.ts']],
  'node dist/server/main.js': [process.execPath, ['dist/server/main.js']],
  'node --enable-source-maps dist/server/main.js': [process.execPath, ['--enable-source-maps', 'dist/server/main.js']],
};

/** User + system CPU seconds a process has used so far (Linux): unlike wall time, not inflated by a busy machine. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

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
        if (response.ok) return { wall: performance.now() - started, cpu: cpuSeconds(child.pid) };
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
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await startOnce(dataDir, command, 39170));
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const wall = results.map((r) => r.wall / 1000);
    const cpu = results.map((r) => r.cpu);
    console.log(
      `${name.padEnd(48)} wall median ${median(wall).toFixed(2)} s (${wall.map((t) => t.toFixed(2)).join(' ')})` +
        `  CPU median ${median(cpu).toFixed(2)} s (${cpu.map((t) => t.toFixed(2)).join(' ')})`,
    );
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
