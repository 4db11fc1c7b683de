/**
 * Opt-in measurement (setupFiles of every project): with TEST_CPU_REPORT=/path/file.jsonl, each test file appends one
 * line with the CPU time its worker spent on it (import and tests; not the PostgreSQL server, a browser or a server
 * process it started) and its wall time. CPU time is what to compare on a shared machine, where wall time depends on
 * what else runs. Without the variable it does nothing.
 */
import { appendFileSync } from 'node:fs';
import { afterAll, expect } from 'vitest';

const report = process.env.TEST_CPU_REPORT;
if (report) {
  const cpuAtStart = process.cpuUsage();
  const wallAtStart = performance.now();
  const file = expect.getState().testPath ?? '';
  afterAll(() => {
    const cpu = process.cpuUsage(cpuAtStart);
    const line = {
      db: process.env.TEST_DB ?? '',
      file: file.slice(file.lastIndexOf('/', file.lastIndexOf('/') - 1) + 1),
      cpuS: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      wallS: Math.round(performance.now() - wallAtStart) / 1000,
    };
    appendFileSync(report, `${JSON.stringify(line)}\n`);
  });
}
