/**
 * The one place the process reads its environment. Every variable is validated here; a bad value stops the process
 * at start with a message naming the variable, instead of failing later in a request.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** Fastify's `trustProxy`: trust nobody, these addresses/CIDRs, or the first n hops. */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/** Fastify's `trustProxy` forms we accept: a hop count, or addresses/CIDRs. `true` (trust anyone) is refused: it
 * lets every client choose its IP. */
const trustProxy = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): TrustProxy => {
    if (v === undefined || v === '' || v === '0' || v === 'false') return false;
    if (/^\d+$/.test(v)) {
      // A hop count: believe that many proxies in front of us (Fastify's numeric form, as a function for its types).
      const hops = Number(v);
      return (_address: string, hop: number) => hop < hops;
    }
    const entries = v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    for (const entry of entries) {
      const [address, prefix, ...rest] = entry.split('/');
      const family = isIP(address ?? '');
      const maxPrefix = family === 6 ? 128 : 32;
      const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix);
      if (!family || !prefixOk || rest.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `"${entry}" is not an IP address or CIDR; use proxy addresses/CIDRs separated by commas, or a hop count`,
        });
        return z.NEVER;
      }
    }
    return entries;
  });

/** PostgreSQL connections per instance unless DATABASE_POOL_SIZE says otherwise (see docs/ARCHITECTURE.md). */
export const DEFAULT_POOL_SIZE = 20;

const ConfigSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to serve other machines. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** postgres://… to use a PostgreSQL server; unset to use the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** postgres://… of the schema's owner: migrations and grants run as it at start, and DATABASE_URL's role (the app's,
   * owning nothing) gets only the privileges it needs. Unset: DATABASE_URL's role migrates and owns the tables. */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Connections each instance keeps to PostgreSQL at most. Every instance holds its own pool: keep instances ×
   * DATABASE_POOL_SIZE (+ 2 for start-up migrations) under the server's max_connections (100 by default). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(DEFAULT_POOL_SIZE),
  /** Folder for the embedded database and uploaded files. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Seed demo data (jurisdictions are always seeded). Defaults to on for PGlite, off for DATABASE_URL. */
  SEED_DEMO: booleanFlag,
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Always mark the session cookie Secure. Unset: Secure when the request came over HTTPS (directly or, with
   * TRUST_PROXY, as the trusted proxy's X-Forwarded-Proto says). */
  COOKIE_SECURE: booleanFlag,
  /** Minutes without a request after which a session is refused (idle timeout). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60 * 30)
    .default(30),
  /** Seconds an instance reuses a session it resolved before reading it again (0: every request reads it). Also the
   * longest time another instance still honours a session after a logout, a disabled account or a role change;
   * the instance that made the change refuses it at once (auth/session-cache.ts). */
  SESSION_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(2),
  /** How often each instance deletes expired and idle sessions, stale login counters and login challenges. */
  SESSION_PURGE_INTERVAL_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  /** Which proxies' X-Forwarded-For / X-Forwarded-Proto to believe: unset trusts none (the client's socket address is
   * its IP); a comma list of proxy addresses or CIDRs (`10.0.0.1,192.168.0.0/16`), or a hop count (`1`). */
  TRUST_PROXY: trustProxy,
  /** Login attempts (failed or not) allowed per client IP per minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** Failed logins allowed per account per LOGIN_THROTTLE_WINDOW_MINUTES, from any number of IPs. */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  /** Failed logins allowed across all accounts per LOGIN_THROTTLE_WINDOW_MINUTES (a brake on distributed spraying). */
  LOGIN_FAILURES_GLOBAL: z.coerce.number().int().positive().default(1000),
  /** The window of the per-account and global failure counts. */
  LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .default(15),
  /** Where the evidence log's signing key and the TSA key/certificate are kept (outside the database). Every app
   * instance of one deployment must see the same files. Default: DATA_DIR/keys. */
  EVIDENCE_KEY_DIR: z.string().min(1).optional(),
  /** The evidence log's origin line (C2SP checkpoint), also the name of its signing key. */
  EVIDENCE_ORIGIN: z
    .string()
    .regex(/^[a-z0-9.-]+(\/[a-z0-9._-]+)*$/, 'must look like host/path, e.g. shangmi.example/evidence')
    .default('shangmi.local/evidence'),
  /** The sequencer seals a batch when it has this many submissions … */
  EVIDENCE_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** … or when the oldest has waited this long, whichever comes first. */
  EVIDENCE_BATCH_INTERVAL_MS: z.coerce.number().int().min(5).max(60_000).default(100),
  /** An external RFC 3161 time-stamping authority; unset: the platform's own TSA key signs the tokens. */
  TSA_URL: z.url().optional(),
  /** Public address of the platform, printed as a QR code on evidence certificates and base certificates/plaques. */
  PUBLIC_BASE_URL: z.url().optional(),
  /** The date the programmes' rules are applied on (deadlines, publicity periods, the 2-year ban), YYYY-MM-DD.
   * Unset: today in China. Set it for demonstrations and training on past programmes. */
  BUSINESS_DATE: z.iso.date('must be YYYY-MM-DD').optional(),
  /** Demonstration and training only (one instance): administrators may move the business date through the API
   * (PUT /api/v1/system/business-date) to walk a programme through its deadlines and publicity periods. */
  BUSINESS_DATE_ADJUSTABLE: booleanFlag,
  /** smtp://user:pass@host:587 or smtps://…: notifications are also e-mailed to users with an address. Unset: in-app only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of notification e-mails. */
  SMTP_FROM: z.string().min(3).default('商秘平台 <noreply@shangmi.local>'),
  /** How often the mailer looks for notifications to send. */
  MAIL_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(5000),
  /** Log level of the server (fatal, error, warn, info, debug, trace, silent). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema> & { seedDemo: boolean; dataDir: string; evidenceKeyDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const seedDemo = env.SEED_DEMO === undefined ? !c.DATABASE_URL : c.SEED_DEMO;
  const dataDir = path.resolve(c.DATA_DIR);
  return { ...c, seedDemo, dataDir, evidenceKeyDir: path.resolve(c.EVIDENCE_KEY_DIR ?? path.join(dataDir, 'keys')) };
}
