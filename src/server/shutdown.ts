/**
 * Graceful shutdown on SIGTERM/SIGINT, in an order that loses nothing acknowledged:
 * 1. stop accepting connections and let the requests already running finish (bounded by `drainMs`; after that the
 *    remaining connections are cut) — Fastify's own close, which runs first among the close hooks;
 * 2. the app's close hooks: the evidence sequencer seals what is still queued (stop → final seal) and the mailer
 *    finishes its pass and stops — the database is still open for both;
 * 3. the database pool (or PGlite, which writes its data folder out) is closed;
 * 4. the process exits 0 (1 if a step failed or the whole shutdown overran `drainMs + closeMs`).
 * Requests arriving on kept-alive connections during the drain are answered 503 in Chinese (see app.ts). A second
 * signal during shutdown is ignored: the bounded waits already guarantee the process ends.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from './db/client';

export interface ShutdownOptions {
  /** How long running requests may take to finish before their connections are cut. */
  drainMs?: number;
  /** How long the steps after the drain (final seal, mailer, database) may take before the process exits anyway. */
  closeMs?: number;
  /** Where to say what happens (stderr by default). */
  log?: (message: string) => void;
  exit?: (code: number) => void;
}

export function installGracefulShutdown(app: FastifyInstance, database: Database, options: ShutdownOptions = {}): void {
  const drainMs = options.drainMs ?? 10_000;
  const closeMs = options.closeMs ?? 10_000;
  const log = options.log ?? ((message: string) => console.error(message));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;

  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`收到 ${signal}，正在停止：不再接受新请求，等待进行中的请求完成`);
    // Whatever happens below, the process ends.
    const deadline = setTimeout(() => {
      log('停止超时，强制退出');
      exit(1);
    }, drainMs + closeMs);
    deadline.unref();
    // Requests still running when the drain time is up lose their connection; their writes roll back unless they
    // already committed (a client without an answer retries, as after any network failure).
    const cut = setTimeout(() => app.server.closeAllConnections(), drainMs);
    cut.unref();
    try {
      await app.close();
      clearTimeout(cut);
      await database.close();
      log('已停止');
      exit(0);
    } catch (error) {
      log(`停止时出错：${error instanceof Error ? error.message : String(error)}`);
      exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
