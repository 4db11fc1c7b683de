/**
 * Command-line tasks: `npm run cli -- <command> …`. Runs against the database the environment configures, the same
 * way the server does (DATABASE_URL, or PGlite under DATA_DIR).
 */

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { desc, eq } from 'drizzle-orm';
import { parseProgrammeYaml, stringifyProgrammeYaml } from '../core/programs/load';
import type { Programme } from '../core/programs/schema';
import { recordAudit } from '../server/audit';
import { verifyAuditChain } from '../server/audit-chain';
import { hashPassword } from '../server/auth/passwords';
import { loadConfig } from '../server/config';
import { systemContext } from '../server/context';
import { openDatabase } from '../server/db/client';
import { programmes, users } from '../server/db/schema';
import { seedDemo, seedJurisdictions, seedProgrammes } from '../server/demo/seed';
import { importProgramme } from '../server/domain/programmes/import-programme';
import { publishProgramme } from '../server/domain/programmes/publish-programme';
import { PasswordSchema, UsernameSchema } from '../shared/schemas/user';

const USAGE = `用法 (usage): npm run cli -- <command>
  db migrate                                   apply migrations and seed jurisdictions
  demo seed                                    seed demo units and accounts (once)
  demo showcase                                also the lived-in demo: programmes, applications, registry,
                                               publicity, ledger, evidence (once; on the business date)
  demo generate --bases N --ledger N --evidence N [--units N --clues N --trainings N]
                                               a province of generated, valid data for benchmarks (idempotent;
                                               defaults: units 2×bases, clues bases/10, trainings bases/20)
  user create-admin --username U --password P  create an administrator account
  program validate <file.yaml>                 check a programme file; lists every problem (no database)
  program import <file.yaml> [--publish]       import as a new draft version (and publish it)
  program export <code> [--version N]          print a stored programme as YAML
  backup <file>                                the whole database into one file (pg_dump, or PGlite's data
                                               folder); the evidence key folder is not included
  restore <file>                               into an empty database / DATA_DIR, then verify the audit chain
  audit verify                                 walk the audit trail's hash chain; exit 1 at the first gap or edit
  evidence verify <bundle.tlog-proof> --key VKEY [--file F] [--tsa-cert tsa.pem]
                                               verify an evidence bundle offline (no server needed);
                                               VKEY is the log key from GET /api/v1/evidence/keys`;

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    migrationUrl: config.MIGRATION_DATABASE_URL,
    dataDir: config.dataDir,
  });
  try {
    await seedJurisdictions(database.db);
    return await work(database.db);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'backup' || group === 'restore') {
    if (!command) return usage();
    const config = loadConfig();
    const target = { databaseUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL, dataDir: config.dataDir };
    const { backupDatabase, restoreDatabase } = await import('./backup');
    if (group === 'backup') {
      await backupDatabase(target, command);
      console.log(`已备份到 ${command}（不含证据签名密钥目录，请另行备份 ${config.evidenceKeyDir}）`);
      return 0;
    }
    await restoreDatabase(target, command);
    const report = await withDatabase((db) =>
      db.transaction((tx) => verifyAuditChain(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
    );
    console.log(
      `已从 ${command} 恢复；操作日志哈希链${report.ok ? `完整（${report.verified} 条）` : `有误：${report.problem?.message}`}`,
    );
    return report.ok ? 0 : 1;
  }
  switch (`${group} ${command}`) {
    case 'db migrate':
      await withDatabase(async () => undefined);
      console.log('迁移已完成');
      return 0;
    case 'demo seed': {
      const seeded = await withDatabase(seedDemo);
      console.log(seeded ? '演示数据已初始化' : '已有管理员账号，未重复初始化');
      return 0;
    }
    case 'demo showcase': {
      // What demo mode does at start (npm start), for a deployment that runs with SEED_DEMO=0, e.g. on PostgreSQL.
      // Imported here: it loads the whole HTTP app, which the other commands must not wait for.
      const { seedShowcase } = await import('../server/demo/showcase');
      const config = loadConfig();
      const database = await openDatabase({
        databaseUrl: config.DATABASE_URL,
        migrationUrl: config.MIGRATION_DATABASE_URL,
        dataDir: config.dataDir,
      });
      try {
        await seedJurisdictions(database.db);
        await seedDemo(database.db);
        await seedProgrammes(database.db);
        const { seedCaseGuides } = await import('../server/demo/rights-cases');
        await seedCaseGuides(database.db);
        const seeded = await seedShowcase(config, database);
        const { seedRightsDemo } = await import('../server/demo/rights-demo');
        await seedRightsDemo(config, database);
        const { seedAssessmentDemo } = await import('../server/demo/assessment-demo');
        await seedAssessmentDemo(config, database);
        console.log(seeded ? '示范数据已生成' : '示范数据已存在，未重复生成');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'demo generate': {
      const { values } = parseArgs({
        args: rest,
        options: Object.fromEntries(
          ['bases', 'units', 'ledger', 'evidence', 'clues', 'trainings'].map((k) => [k, { type: 'string' }]),
        ) as Record<string, { type: 'string' }>,
      });
      const number = (key: string, fallback: number) => {
        const n = values[key] === undefined ? fallback : Number(values[key]);
        if (!Number.isInteger(n) || n < 0) throw new Error(`--${key} 应为非负整数`);
        return n;
      };
      const baseCount = number('bases', 1000);
      const sizes = {
        bases: baseCount,
        units: number('units', baseCount * 2),
        ledger: number('ledger', baseCount * 10),
        evidence: number('evidence', baseCount * 100),
        clues: number('clues', Math.ceil(baseCount / 10)),
        trainings: number('trainings', Math.ceil(baseCount / 20)),
      };
      const { generateProvince, countRows } = await import('../server/demo/generate/generate-province');
      const { openEvidenceLog } = await import('../server/evidence/evidence-log');
      const config = loadConfig();
      const started = performance.now();
      await withDatabase(async (db) => {
        await seedDemo(db);
        await seedProgrammes(db);
        const log = await openEvidenceLog(db, config);
        await generateProvince(db, log.identity, sizes, (r) =>
          console.log(`${r.stage}: 新增 ${r.inserted} 条，用时 ${(r.ms / 1000).toFixed(1)} 秒`),
        );
        console.log(`共用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒；库中现有：`, await countRows(db));
      });
      return 0;
    }
    case 'user create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, password: { type: 'string' } },
      });
      const username = UsernameSchema.safeParse(values.username);
      const password = PasswordSchema.safeParse(values.password);
      if (!username.success || !password.success) {
        console.error(username.error?.issues[0]?.message ?? password.error?.issues[0]?.message);
        return 2;
      }
      const passwordHash = await hashPassword(password.data);
      await withDatabase(async (db) => {
        const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, username.data));
        if (existing) throw new Error(`用户名 ${username.data} 已存在`);
        await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(users)
            .values({ username: username.data, displayName: '系统管理员', role: 'admin', passwordHash })
            .returning({ id: users.id });
          await recordAudit(tx, systemContext(), {
            action: 'user.create',
            entityType: 'user',
            entityId: row!.id,
            after: { username: username.data, role: 'admin', source: '命令行' },
          });
        });
      });
      console.log(`管理员账号 ${username.data} 已创建`);
      return 0;
    }
    case 'program validate': {
      const file = rest[0];
      if (!file) return usage();
      const result = parseProgrammeYaml(await readFile(file, 'utf8'));
      if (result.ok) {
        console.log(`有效：${result.programme.title}（${result.programme.code}）`);
        return 0;
      }
      console.error(`无效：共 ${result.problems.length} 处问题`);
      for (const p of result.problems) console.error(`  ${p.path || '(根)'}: ${p.message}`);
      return 1;
    }
    case 'program import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { publish: { type: 'boolean' } },
      });
      if (!positionals[0]) return usage();
      const parsed = parseProgrammeYaml(await readFile(positionals[0], 'utf8'));
      if (!parsed.ok) {
        for (const p of parsed.problems) console.error(`  ${p.path || '(根)'}: ${p.message}`);
        return 1;
      }
      // One transaction: a failed publish leaves no draft behind.
      const imported = await withDatabase((db) =>
        db.transaction(async (tx) => {
          const row = await importProgramme(tx, systemContext(), parsed.programme, { authorised: true });
          return values.publish ? publishProgramme(tx, systemContext(), row.id, { authorised: true }) : row;
        }),
      );
      console.log(`已导入 ${imported.code} 第 ${imported.version} 版${values.publish ? '并发布' : '（草稿）'}`);
      return 0;
    }
    case 'program export': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { version: { type: 'string' } },
      });
      if (!positionals[0]) return usage();
      const text = await withDatabase(async (db) => {
        const rows = await db
          .select({ version: programmes.version, definition: programmes.definition })
          .from(programmes)
          .where(eq(programmes.code, positionals[0]!))
          .orderBy(desc(programmes.version));
        const row = values.version ? rows.find((r) => r.version === Number(values.version)) : rows[0];
        return row ? stringifyProgrammeYaml(row.definition as Programme) : null;
      });
      if (!text) {
        console.error('未找到该工作方案');
        return 1;
      }
      process.stdout.write(text);
      return 0;
    }
    case 'audit verify': {
      // One snapshot (repeatable read): entries committed during the walk neither break nor extend it.
      const report = await withDatabase((db) =>
        db.transaction((tx) => verifyAuditChain(tx), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
      );
      if (report.ok) {
        console.log(`操作日志哈希链完整：共 ${report.verified} 条记录`);
        return 0;
      }
      console.error(`操作日志哈希链校验失败（此前 ${report.verified} 条记录无误）：${report.problem?.message}`);
      return 1;
    }
    case 'evidence verify': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { key: { type: 'string' }, file: { type: 'string' }, 'tsa-cert': { type: 'string' } },
      });
      const bundlePath = positionals[0];
      if (!bundlePath || !values.key) {
        console.error(USAGE);
        return 2;
      }
      const { verifyEvidenceFile } = await import('./evidence-verify');
      const result = await verifyEvidenceFile({
        bundlePath,
        verifierKey: values.key,
        filePath: values.file,
        tsaCertificatePath: values['tsa-cert'],
      });
      for (const line of result.lines) console.log(line);
      return result.ok ? 0 : 1;
    }
    default:
      console.error(USAGE);
      return group ? 2 : 0;
  }

  function usage(): number {
    console.error(USAGE);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
