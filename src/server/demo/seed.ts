/**
 * Reference and demo data. Jurisdictions are seeded on every start (idempotent, new ones added); demo units and
 * accounts once, when no admin account exists yet.
 */
import { readdir, readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { parseProgrammeYaml } from '../../core/programs/load';
import { JURISDICTIONS } from '../../shared/data/jurisdictions';
import { recordAudit } from '../audit';
import { hashPassword } from '../auth/passwords';
import { systemContext } from '../context';
import type { Db } from '../db/client';
import { experts, jurisdictions, programmes, unitContacts, unitMembers, units, users } from '../db/schema';
import { importProgramme } from '../domain/programmes/import-programme';
import { requireValidProgramme } from '../domain/programmes/programme-guards';
import { publishProgramme } from '../domain/programmes/publish-programme';
import { projectPath } from '../paths';
import { DEMO_APPLICANT_UNITS, DEMO_UNITS } from './demo-units';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: 'admin' | 'officer' | 'expert' | 'applicant';
  jurisdictionCode?: string;
  unitKey?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'putuo', displayName: '普陀区市场监督管理局', role: 'officer', jurisdictionCode: '310107' },
  { username: 'shanghai', displayName: '上海市市场监督管理局', role: 'officer', jurisdictionCode: '310000' },
  { username: 'shaoxing', displayName: '绍兴市市场监督管理局', role: 'officer', jurisdictionCode: '330600' },
  { username: 'keqiao', displayName: '绍兴市柯桥区市场监督管理局', role: 'officer', jurisdictionCode: '330603' },
  { username: 'wuhan', displayName: '武汉市市场监督管理局', role: 'officer', jurisdictionCode: '420100' },
  { username: 'hongshan', displayName: '武汉市洪山区市场监督管理局', role: 'officer', jurisdictionCode: '420111' },
  { username: 'shijingshan', displayName: '北京市石景山区市场监督管理局', role: 'officer', jurisdictionCode: '110107' },
  { username: 'expert1', displayName: '王立法（华东政法大学）', role: 'expert' },
  { username: 'expert2', displayName: '陈信安（信息安全专家）', role: 'expert' },
  { username: 'expert3', displayName: '刘鉴真（司法鉴定专家）', role: 'expert' },
  {
    username: 'applicant1',
    displayName: '申报联系人（普陀企业）',
    role: 'applicant',
    unitKey: DEMO_APPLICANT_UNITS.applicant1,
  },
  {
    username: 'applicant2',
    displayName: '申报联系人（柯桥企业）',
    role: 'applicant',
    unitKey: DEMO_APPLICANT_UNITS.applicant2,
  },
  {
    username: 'applicant3',
    displayName: '申报联系人（石景山园区）',
    role: 'applicant',
    unitKey: DEMO_APPLICANT_UNITS.applicant3,
  },
];

/**
 * The demo experts' registry entries, linked to the expert accounts above. They sit in the national registry so that
 * every demo bureau (Putuo, Shaoxing, Wuhan, Shijingshan) can draw on them.
 */
export const DEMO_EXPERTS = [
  {
    username: 'expert1',
    name: '王立法',
    affiliation: '华东政法大学',
    field: 'law',
    industries: ['72'],
    profession: 'scholar',
  },
  {
    username: 'expert2',
    name: '陈信安',
    affiliation: '上海信息安全测评认证中心',
    field: 'it',
    industries: ['64', '65'],
    profession: 'industry_expert',
  },
  {
    username: 'expert3',
    name: '刘鉴真',
    affiliation: '上海市知识产权司法鉴定所',
    field: 'forensics',
    industries: ['74'],
    profession: 'forensic_examiner',
  },
] as const;
const DEMO_EXPERT_REGISTRY = '000000';

/** Inserts missing jurisdictions (parents first), computing each one's path. */
export async function seedJurisdictions(db: Db): Promise<void> {
  const paths = new Map<string, string>();
  const rows = JURISDICTIONS.map((j) => {
    const path = `${j.parentCode ? paths.get(j.parentCode) : ''}${j.code}.`;
    paths.set(j.code, path);
    return { ...j, path };
  });
  await db.insert(jurisdictions).values(rows).onConflictDoNothing();
}

/** Seeds demo units and accounts unless an admin account exists. Returns true if it seeded. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).limit(1);
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    // Serialise concurrent first starts on one PostgreSQL: only one seeds.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shangmi:seed-demo'))`);
    const [again] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).limit(1);
    if (again) return;
    const ids = new Map<string, string>();
    // Parks first, so tenants can point at them.
    const ordered = [...DEMO_UNITS].sort((a, b) => Number(b.kind === 'park') - Number(a.kind === 'park'));
    for (const demo of ordered) {
      const { key, parkKey, memberKeys: _m, contacts, ...fields } = demo;
      const [row] = await tx
        .insert(units)
        .values({ ...fields, parkId: parkKey ? ids.get(parkKey) : null })
        .returning({ id: units.id });
      ids.set(key, row!.id);
      if (contacts.length > 0) await tx.insert(unitContacts).values(contacts.map((c) => ({ ...c, unitId: row!.id })));
      const [j] = await tx
        .select({ path: jurisdictions.path })
        .from(jurisdictions)
        .where(eq(jurisdictions.code, demo.jurisdictionCode));
      await recordAudit(tx, systemContext(), {
        action: 'unit.create',
        entityType: 'unit',
        entityId: row!.id,
        unitId: row!.id,
        jurisdictionPath: j?.path ?? null,
        after: { name: demo.name, creditCode: demo.creditCode, source: '演示数据' },
      });
    }
    const memberships = DEMO_UNITS.flatMap((u) =>
      (u.memberKeys ?? []).map((m) => ({ associationId: ids.get(u.key)!, memberId: ids.get(m)! })),
    );
    if (memberships.length > 0) await tx.insert(unitMembers).values(memberships);
    const userIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const [row] = await tx
        .insert(users)
        .values({
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          passwordHash,
          jurisdictionCode: account.jurisdictionCode ?? null,
          unitId: account.unitKey ? ids.get(account.unitKey)! : null,
        })
        .returning({ id: users.id });
      await recordAudit(tx, systemContext(), {
        action: 'user.create',
        entityType: 'user',
        entityId: row!.id,
        after: { username: account.username, role: account.role, source: '演示数据' },
      });
      userIds.set(account.username, row!.id);
    }
    const [registry] = await tx
      .select({ path: jurisdictions.path })
      .from(jurisdictions)
      .where(eq(jurisdictions.code, DEMO_EXPERT_REGISTRY));
    for (const { username, industries, ...fields } of DEMO_EXPERTS) {
      const [row] = await tx
        .insert(experts)
        .values({
          ...fields,
          industries: [...industries],
          fields: [fields.field],
          level: 'city',
          jurisdictionCode: DEMO_EXPERT_REGISTRY,
          userId: userIds.get(username)!,
        })
        .returning({ id: experts.id });
      await recordAudit(tx, systemContext(), {
        action: 'expert.create',
        entityType: 'expert',
        entityId: row!.id,
        jurisdictionPath: registry?.path ?? null,
        after: { name: fields.name, username, source: '演示数据' },
      });
    }
  });
  return true;
}

export const PROGRAMS_DIR = projectPath('programs');

/** Imports and publishes the seed programmes under programs/ whose code is not in the database yet. */
export async function seedProgrammes(db: Db): Promise<string[]> {
  const files = (await readdir(PROGRAMS_DIR)).filter((f) => f.endsWith('.yaml')).sort();
  const documents = await Promise.all(
    files.map(async (f) => requireValidProgramme(parseProgrammeYaml(await readFile(`${PROGRAMS_DIR}/${f}`, 'utf8')))),
  );
  return db.transaction(async (tx) => {
    // Instances starting together on one PostgreSQL: one seeds, the others then find the codes present.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shangmi:seed-programmes'))`);
    const seeded: string[] = [];
    for (const programme of documents) {
      const [existing] = await tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(eq(programmes.code, programme.code))
        .limit(1);
      if (existing) continue;
      const imported = await importProgramme(tx, systemContext(), programme, { authorised: true });
      await publishProgramme(tx, systemContext(), imported.id, { authorised: true });
      seeded.push(programme.code);
    }
    return seeded;
  });
}
