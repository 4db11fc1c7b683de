/**
 * A small closed-loop load driver: `connections` clients each send the next request when the previous answer has
 * been read, for `seconds`. Reports throughput and latency percentiles (exact, from every request's time). `load`
 * drives an HTTP URL (node:http with kept-alive sockets, like autocannon's) and counts answers other than 200 as
 * errors; `closedLoop` drives any asynchronous operation (the province benchmark replays SQL statements with it).
 */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Bytes of the last answer (what was measured). */
  bytes: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

/** The p-th percentile of latencies sorted ascending (nearest rank; NaN when there are none). */
export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

function once(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * Runs `operation` from `connections` concurrent clients for `seconds`, each starting its next call when the previous
 * one settled; an operation that throws or resolves `false` counts as an error. One call per client first as warm-up
 * (connections opened, code paths and query plans compiled), not measured. `bytes` is what the last call returned.
 */
export async function closedLoop(
  options: { connections: number; seconds: number },
  operation: () => Promise<{ ok: boolean; bytes?: number }>,
): Promise<LoadResult> {
  await Promise.all(Array.from({ length: options.connections }, () => operation()));
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const answer = await operation();
          if (!answer.ok) errors++;
          bytes = answer.bytes ?? 0;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    bytes,
  };
}

export async function load(target: string, options: LoadOptions): Promise<LoadResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const headers = options.headers ?? {};
  try {
    return await closedLoop(options, async () => {
      const answer = await once(agent, url, headers);
      return { ok: answer.status === 200, bytes: answer.bytes };
    });
  } finally {
    agent.destroy();
  }
}
