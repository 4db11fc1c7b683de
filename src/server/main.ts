/**
 * Starts the platform: config → database (migrations) → reference/demo data → HTTP server.
 */
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { seedAssessmentDemo } from './demo/assessment-demo';
import { seedCaseGuides } from './demo/rights-cases';
import { seedRightsDemo } from './demo/rights-demo';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedJurisdictions, seedProgrammes } from './demo/seed';
import { SHOWCASE_ACCOUNTS, seedShowcase } from './demo/showcase';
import { installGracefulShutdown } from './shutdown';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationUrl: config.MIGRATION_DATABASE_URL,
    dataDir: config.dataDir,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  await seedJurisdictions(database.db);
  const seeded = config.seedDemo ? await seedDemo(database.db) : false;
  if (config.seedDemo) await seedProgrammes(database.db);
  if (config.seedDemo) await seedCaseGuides(database.db);
  // The lived-in demo (applications, registry, publicity, ledger, evidence) on its own units and accounts.
  const showcased = config.seedDemo ? await seedShowcase(config, database) : false;
  // rights (issue 12): a few clues and a centre, through the module's use cases.
  if (config.seedDemo) await seedRightsDemo(config, database);
  // Bureau assessment (评估考核): Shaoxing's example scheme, scored and published.
  if (config.seedDemo) await seedAssessmentDemo(config, database);
  const app = await buildApp({ config, database });
  // SIGTERM/SIGINT: drain requests, seal pending evidence, stop the mailer, close the database, exit 0.
  installGracefulShutdown(app, database);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  const lines = [
    '',
    `商秘 Shangmi 已启动: http://${host}:${port}/`,
    `数据库: ${database.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}，迁移 ${database.migration}`,
    `接口文档: http://${host}:${port}/api/docs`,
  ];
  if (config.seedDemo) {
    lines.push(`演示账号（密码均为 ${DEMO_PASSWORD}）${seeded ? '，已初始化演示数据' : ''}:`);
    for (const a of [...DEMO_ACCOUNTS, ...SHOWCASE_ACCOUNTS]) lines.push(`  ${a.username.padEnd(12)} ${a.displayName}`);
    if (showcased) lines.push('已生成示范数据：武汉、绍兴的申报、认定基地、公示与异议、工作台账、存证记录');
  }
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
