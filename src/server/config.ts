/**
 * The one place the process reads its environment. Every variable is validated here; a bad value stops the process
 * at start with a message naming the variable, instead of failing later in a request.
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

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
  /** Mark cookies Secure (serve over HTTPS behind a proxy). */
  COOKIE_SECURE: booleanFlag,
  /** Failed-or-not login attempts allowed per IP per minute. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
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
