/**
 * Builds the HTTP application: plugins, session resolution, error handling, the /api/v1 routes, OpenAPI and the
 * web app. `buildApp` is what main.ts serves and what API tests inject requests into.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../shared/attachments';
import type { Config } from './config';
import type { Database } from './db/client';
import { AppError, UNAVAILABLE_RETRY_AFTER_SECONDS } from './errors';
import { type EvidenceLog, openEvidenceLog } from './evidence/evidence-log';
import { requireAuthenticationFirst } from './http/authenticate';
import { installErrorHandler, rateLimited } from './http/error-handler';
import { documentIdempotencyKey, installIdempotency, scheduleIdempotencyPurge } from './http/idempotency';
import { OneLinePerRequest } from './http/request-log';
import { installSecurityHeaders } from './http/security-headers';
import { installSessions, startSessionPurge } from './http/session';
import { installWebApp } from './http/web-assets';
import { type Mailer, startMailer } from './notifications/mailer';
import { acceptanceRoutes } from './routes/acceptance';
import { applicationRoutes } from './routes/applications';
import { assessmentRoutes } from './routes/assessments';
// Services, campaigns, simulated attack service, guides library (issue 13)
import { attackRoutes } from './routes/attack-assessments';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { calendarRoutes } from './routes/calendar';
import { documentRoutes } from './routes/documents';
import { evidenceRoutes } from './routes/evidence';
import { expertRoutes } from './routes/experts';
import { exportRoutes } from './routes/exports';
import { guidanceRoutes } from './routes/guidance';
import { guideRoutes } from './routes/guides';
import { healthRoutes } from './routes/health';
import { jurisdictionRoutes } from './routes/jurisdictions';
import { ledgerRoutes } from './routes/ledger';
import { notificationRoutes } from './routes/notifications';
import { outreachRoutes } from './routes/outreach';
import { oversightRoutes } from './routes/oversight';
import { peopleRoutes } from './routes/people';
import { programmeRoutes } from './routes/programmes';
import { publicityRoutes } from './routes/publicity';
import { registryRoutes } from './routes/registry';
import { reportRoutes } from './routes/reports';
import { rightsRoutes, scheduleRightsOverdue } from './routes/rights';
import { rightsCaseRoutes } from './routes/rights-cases';
import { rightsTypicalCaseRoutes } from './routes/rights-typical-cases';
import { selfAssessmentRoutes } from './routes/self-assessments';
import { serviceRoutes } from './routes/services';
import { systemRoutes } from './routes/system';
import { targetRoutes } from './routes/targets';
import { trainingRoutes } from './routes/trainings';
import { unitRoutes } from './routes/units';
import { userRoutes } from './routes/users';

// Validation messages in Chinese for every zod schema on the server.
z.config(z.locales.zhCN());

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends the notification e-mails due now; 0 without SMTP. */
    flushMail(): Promise<number>;
  }
}

export interface AppOptions {
  config: Config;
  database: Database;
  /** Serve the built web app (dist/web/<build-id>, see http/web-assets.ts) when it exists (default true). */
  serveWeb?: boolean;
  /** The folder of web builds (default dist/web); tests serve their own. */
  webDist?: string;
  /** The evidence log service; opened from the config's key files when not given. */
  evidence?: EvidenceLog;
}

export async function buildApp({
  config,
  database,
  serveWeb = true,
  webDist,
  evidence,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    // One line per request at `info`, not two (http/request-log.ts).
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    // Forwarded headers only from the proxies TRUST_PROXY names: otherwise any client picks its own request.ip (login
    // throttles, audit trail, per-IP limits) and claims HTTPS.
    trustProxy: config.TRUST_PROXY,
    // Requests arriving while the server closes are answered by the hook below.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // First, so every response carries them, whatever answers it (see http/security-headers.ts).
  installSecurityHeaders(app, { https: config.COOKIE_SECURE });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    // The plugin sends Retry-After; the message says the same in words, so a person knows when to try again.
    errorResponseBuilder: (_request, context) => rateLimited(context.ttl),
  });
  installErrorHandler(app);
  // During a graceful shutdown (shutdown.ts) the server accepts no new connections; a request that still arrives on a
  // kept-alive one is told in Chinese to come back (another instance, or this one restarted), and the connection ends.
  // Fastify's own answer to it would be an English body in another shape.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('connection', 'close').header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    throw new AppError('unavailable', '服务正在停止，请稍后重试');
  });
  const evidenceLog =
    evidence ??
    (await openEvidenceLog(database.db, config, (error) => app.log.error({ err: error }, 'evidence sequencer failed')));
  // The sequencer runs while the app does: it seals queued evidence into signed checkpoints.
  app.addHook('onReady', async () => evidenceLog.sequencer.start());
  // Closing: Fastify first stops accepting and drains the running requests (its own close hook runs before ours);
  // evidence submissions among them wait for their checkpoint, so sealing speeds up meanwhile. Then the sequencer
  // stops with a last seal of whatever is still queued, while the database is still open.
  app.addHook('preClose', async () => evidenceLog.sequencer.hurry());
  app.addHook('onClose', async () => evidenceLog.sequencer.stop());
  // Notification e-mails, when SMTP is configured (an outbox loop; see notifications/mailer.ts).
  let mailer: Mailer | null = null;
  app.decorate('flushMail', async () => (mailer ? mailer.flush() : 0));
  app.addHook('onReady', async () => {
    mailer = startMailer(database.db, config, app.log);
  });
  app.addHook('onClose', async () => mailer?.stop());
  installSessions(app, database.db, config);
  scheduleIdempotencyPurge(app, database.db);
  scheduleRightsOverdue(app, database.db, config);
  // Expired and idle sessions, login challenges and old login counters are deleted at start and periodically.
  startSessionPurge(app, database.db, config);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '商秘 Shangmi API', description: '商业秘密保护示范基地管理平台接口', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sm_session' } } },
      security: [{ session: [] }],
    },
    transform: documentIdempotencyKey(jsonSchemaTransform),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      requireAuthenticationFirst(api);
      installIdempotency(api, database.db);
      api.get('/openapi.json', { schema: { hide: true, security: [] } }, async () => app.swagger());
      await api.register(healthRoutes(database));
      await api.register(authRoutes(database.db, config));
      await api.register(jurisdictionRoutes(database.db));
      await api.register(unitRoutes(database.db));
      await api.register(userRoutes(database.db));
      await api.register(programmeRoutes(database.db));
      await api.register(selfAssessmentRoutes(database.db));
      await api.register(ledgerRoutes(database.db));
      await api.register(evidenceRoutes(database.db, evidenceLog, config));
      await api.register(auditRoutes(database.db));
      await api.register(applicationRoutes(database.db, config));
      await api.register(publicityRoutes(database.db, config));
      await api.register(registryRoutes(database.db));
      await api.register(oversightRoutes(database.db));
      await api.register(assessmentRoutes(database.db));
      await api.register(targetRoutes(database.db, config));
      await api.register(reportRoutes(database.db));
      await api.register(calendarRoutes(database.db));
      await api.register(guidanceRoutes(database.db));
      await api.register(documentRoutes(database.db, config));
      await api.register(expertRoutes(database.db));
      await api.register(acceptanceRoutes(database.db, config));
      await api.register(notificationRoutes(database.db));
      await api.register(systemRoutes(database.db, config));
      await api.register(exportRoutes(database.db));
      // People and outreach (issue 13)
      await api.register(peopleRoutes(database.db));
      await api.register(outreachRoutes(database.db));
      // Services, campaigns, simulated attack service, guides library (issue 13)
      await api.register(serviceRoutes(database.db));
      await api.register(attackRoutes(database.db));
      await api.register(guideRoutes(database.db));
      await api.register(trainingRoutes(database.db));
      // rights (issue 12)
      await api.register(rightsRoutes(database.db, config));
      await api.register(rightsCaseRoutes(database.db));
      await api.register(rightsTypicalCaseRoutes(database.db));
    },
    { prefix: '/api/v1' },
  );

  await installWebApp(app, { enabled: serveWeb, ...(webDist ? { dist: webDist } : {}) });
  return app;
}
