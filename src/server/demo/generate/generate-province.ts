/**
 * A province's worth of realistic, valid data for benchmarks (`npm run cli -- demo generate …`, issue 15): units
 * with GB 32100 credit codes in the GB/T 2260 jurisdictions the platform knows, applications in every status each
 * seeded programme can reach, certified (and some revoked) bases in the registry, ledger entries, evidence sealed
 * into the Merkle log by the real sequencer, rights clues, trainings and the audit entries of what it created.
 *
 * Rows are written in bulk (multi-row INSERTs), not through the use cases: a use case per row would take hours at
 * this size. Every row has an id derived from what it is (rows.ts), inserted with ON CONFLICT DO NOTHING, and an
 * audit entry is written only for a row that was new — so running it again, or with larger sizes, adds only what is
 * missing. Generated units are the first N of one sequence: `--bases 100` after `--bases 10000` adds nothing.
 */
import { count, eq, sql } from 'drizzle-orm';
import { ApplicationStatus, reachableStatuses, stagesOf } from '../../../core/applications/workflow';
import { endOfWorkingDayPeriod, workdayCalendar } from '../../../core/calendar/working-days';
import { certificateNumbering, kindCertificateCode } from '../../../core/programs/certificate-number';
import type { BaseKindOffer, Programme } from '../../../core/programs/schema';
import { normaliseName } from '../../../core/rights/names';
import { INDUSTRY_DIVISIONS } from '../../../shared/data/industries';
import { STANDARD_SURVEY } from '../../../shared/data/training-survey';
import { type AuditAction, type AuditEntityType, LedgerKind, RevocationGround } from '../../../shared/enums';
import { RightsLeakChannel, RightsProtectionMeasure, RightsSecretKind } from '../../../shared/enums-rights';
import { TrainingAudience, TrainingKind } from '../../../shared/enums-trainings';
import { insertRows } from '../../db/bulk';
import type { Db } from '../../db/client';
import {
  applications,
  auditLog,
  bases,
  evidenceLeaves,
  jurisdictions,
  ledgerEntries,
  programmes,
  rightsClues,
  trainingEvents,
  units,
} from '../../db/schema';
import type { LogIdentity } from '../../evidence/sequencer';
import { generateEvidence } from './evidence';
import {
  daysAfter,
  generatedCreditCode,
  generatedId,
  generatedPersonName,
  generatedUnitName,
  insertInChunks,
} from './rows';

export interface ProvinceSizes {
  /** Certified bases in the registry (a twentieth of them revoked). */
  bases: number;
  /** Units; each has one application. At least `bases`; by default twice as many. */
  units?: number;
  ledger: number;
  evidence: number;
  clues: number;
  trainings: number;
  /** Evidence leaves per signed checkpoint (default GENERATED_SEAL_BATCH). */
  evidenceBatch?: number;
}

export interface StageReport {
  stage: string;
  /** Rows this run inserted (0 on a second run). */
  inserted: number;
  ms: number;
}

/** Rows per INSERT: PostgreSQL takes 65,535 parameters per statement; our widest rows have about 25 columns. */
const CHUNK = 1000;
/** Where generated activity starts: the seeded programmes are of 2021–2023. */
const FIRST_DAY = '2022-01-04';
/** Generated certificate numbers start above any a bureau issues by hand in the demo. */
const CERTIFICATE_SEQUENCE_OFFSET = 1000;
/** Statuses that need a registry entry; the first `bases` applications take them, the rest any other status. */
const WITH_BASE: readonly ApplicationStatus[] = ['certified', 'revoked'];

interface Area {
  code: string;
  name: string;
  path: string;
}

interface ProgrammeRow {
  id: string;
  code: string;
  ownerCode: string;
  ownerPath: string;
  year: number;
  definition: Programme;
  statuses: ApplicationStatus[];
}

interface PlannedUnit {
  n: number;
  id: string;
  area: Area;
  programme: ProgrammeRow;
  kind: BaseKindOffer;
  industryCode: string;
  name: string;
  creditCode: string;
}

export async function generateProvince(
  db: Db,
  log: LogIdentity,
  sizes: ProvinceSizes,
  progress: (report: StageReport) => void = () => {},
): Promise<StageReport[]> {
  const reports: StageReport[] = [];
  const stage = async (name: string, work: () => Promise<number>) => {
    const started = performance.now();
    const inserted = await work();
    const report = { stage: name, inserted, ms: Math.round(performance.now() - started) };
    reports.push(report);
    progress(report);
  };
  const plan = await planUnits(db, sizes);
  await stage('units', () => insertUnits(db, plan));
  await stage('applications and bases', () => insertApplications(db, plan, sizes.bases));
  await stage('ledger', () => insertLedger(db, plan, sizes.ledger));
  await stage('clues', () => insertClues(db, plan, sizes.clues));
  await stage('trainings', () => insertTrainings(db, plan, sizes.trainings));
  await stage('evidence', () => generateEvidence(db, log, plan, sizes.evidence, sizes.evidenceBatch));
  // Fresh planner statistics and visibility map: after a bulk load the planner still believes the tables are empty,
  // and picks nested loops and sequential scans that take seconds where an index takes milliseconds; and until a
  // VACUUM marks the new pages all-visible, an index-only scan (the audit trail's and the lists' counts) must visit
  // every row anyway, so the planner scans the table instead (the audit count 47 ms → 5 ms). Autovacuum would do
  // both, later. VACUUM runs outside a transaction, as this statement does.
  await stage('vacuum analyze', async () => {
    await db.execute(sql`VACUUM ANALYZE`);
    return 0;
  });
  return reports;
}

/** Which area, programme and kind each unit belongs to: the first `bases` in programmes that certify. */
async function planUnits(db: Db, sizes: ProvinceSizes): Promise<PlannedUnit[]> {
  const all = await db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
      level: jurisdictions.level,
    })
    .from(jurisdictions);
  const leaves = all.filter(
    (j) =>
      (j.level === 'district' || j.level === 'functional_zone') &&
      !all.some((c) => c.path.startsWith(j.path) && c !== j),
  );
  const published = await db
    .select({
      id: programmes.id,
      code: programmes.code,
      version: programmes.version,
      ownerCode: programmes.ownerJurisdictionCode,
      ownerPath: jurisdictions.path,
      year: programmes.year,
      definition: programmes.definition,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .where(eq(programmes.status, 'published'));
  const latest = new Map<string, (typeof published)[number]>();
  for (const p of published) if ((latest.get(p.code)?.version ?? 0) < p.version) latest.set(p.code, p);
  const rows: ProgrammeRow[] = [...latest.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((p) => {
      const definition = p.definition as Programme;
      const reachable = reachableStatuses(stagesOf(definition));
      return { ...p, definition, statuses: ApplicationStatus.values.filter((s) => reachable.has(s)) };
    })
    .filter((p) => p.definition.kinds.length > 0);
  const covering = (area: Area, certifying: boolean) =>
    rows.filter((p) => area.path.startsWith(p.ownerPath) && (!certifying || p.statuses.includes('certified')));
  const areas = leaves.filter((a) => covering(a, false).length > 0);
  const certifyingAreas = leaves.filter((a) => covering(a, true).length > 0);
  if (certifyingAreas.length === 0)
    throw new Error('no published programme certifies bases: seed the programmes first');

  const unitCount = Math.max(sizes.units ?? sizes.bases * 2, sizes.bases);
  return Array.from({ length: unitCount }, (_, n) => {
    const withBase = n < sizes.bases;
    const list = withBase ? certifyingAreas : areas;
    const area = list[n % list.length]!;
    const candidates = covering(area, withBase);
    const programme = candidates[Math.floor(n / list.length) % candidates.length]!;
    const kinds = programme.definition.kinds;
    const kind = kinds[Math.floor(n / 7) % kinds.length]!;
    return {
      n,
      id: generatedId('unit', n),
      area,
      programme,
      kind,
      industryCode: INDUSTRY_DIVISIONS[n % INDUSTRY_DIVISIONS.length]!.code,
      name: generatedUnitName(area.name, n),
      creditCode: generatedCreditCode(area.code, n),
    };
  });
}

async function insertUnits(db: Db, plan: PlannedUnit[]): Promise<number> {
  let inserted = 0;
  await insertInChunks(plan, CHUNK, async (chunk) => {
    const rows = await db
      .insert(units)
      .values(
        chunk.map((u) => ({
          id: u.id,
          kind: u.kind.applicantUnitKinds[0]!,
          name: u.name,
          creditCode: u.creditCode,
          legalRepresentative: generatedPersonName(u.n),
          address: `${u.area.name}创新大道 ${(u.n % 900) + 1} 号`,
          postcode: `${u.area.code.slice(0, 4)}00`,
          industryCode: u.industryCode,
          staffCount: 20 + ((u.n * 37) % 2000),
          annualOutput: 500 + ((u.n * 7919) % 500_000),
          jurisdictionCode: u.area.code,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: units.id });
    const created = new Set(rows.map((r) => r.id));
    inserted += created.size;
    await writeAudit(
      db,
      chunk
        .filter((u) => created.has(u.id))
        .map((u) => ({
          action: 'unit.create',
          entityType: 'unit',
          entityId: u.id,
          unitId: u.id,
          jurisdictionPath: u.area.path,
          after: { name: u.name, source: '规模测试数据' },
        })),
    );
  });
  return inserted;
}

/** One application per unit; the first `baseCount` certified (every twentieth revoked) with their registry entry. */
async function insertApplications(db: Db, plan: PlannedUnit[], baseCount: number): Promise<number> {
  const sequences = new Map<string, number>();
  const turns = new Map<string, number>();
  let inserted = 0;
  await insertInChunks(plan, CHUNK, async (chunk) => {
    const planned = chunk.map((u) => {
      const others = u.programme.statuses.filter((s) => !WITH_BASE.includes(s));
      // Each programme's own turn through its statuses, so every one it can reach appears even at small sizes.
      const turn = turns.get(u.programme.id) ?? 0;
      if (u.n >= baseCount) turns.set(u.programme.id, turn + 1);
      const status: ApplicationStatus =
        u.n < baseCount ? (u.n % 20 === 19 ? 'revoked' : 'certified') : others[turn % others.length]!;
      const created = daysAfter(`${u.programme.definition.year}-03-01`, u.n % 60);
      return { unit: u, id: generatedId('application', u.n), status, created };
    });
    const rows = await db
      .insert(applications)
      .values(
        planned.map((a) => ({
          id: a.id,
          unitId: a.unit.id,
          programmeId: a.unit.programme.id,
          kindId: a.unit.kind.id,
          status: a.status,
          narrative: `${a.unit.name}建立商业秘密保护制度，设立保密办公室，开展员工保密培训。`,
          applicantOpinion: '情况属实，同意申报。',
          submittedAt: a.status === 'draft' ? null : new Date(`${a.created}T09:30:00+08:00`),
          districtScore: a.status === 'draft' || a.status === 'submitted' ? null : 70 + (a.unit.n % 30),
          createdAt: new Date(`${a.created}T09:00:00+08:00`),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: applications.id });
    const created = new Set(rows.map((r) => r.id));
    inserted += created.size;
    const certified = planned.filter((a) => WITH_BASE.includes(a.status));
    const baseRows = certified.map((a) => {
      const { programme, kind } = a.unit;
      const numbering = certificateNumbering(programme.definition.certificateNumberPattern, {
        owner: programme.ownerCode,
        year: programme.year,
        kind: kindCertificateCode(kind),
      });
      const sequence = (sequences.get(numbering.prefix) ?? CERTIFICATE_SEQUENCE_OFFSET) + 1;
      sequences.set(numbering.prefix, sequence);
      const title = kind.fullName ?? kind.name;
      const decidedOn = `${programme.year}-12-${String(10 + (a.unit.n % 18)).padStart(2, '0')}`;
      const revoked = a.status === 'revoked';
      return {
        id: generatedId('base', a.unit.n),
        applicationId: a.id,
        unitId: a.unit.id,
        programmeId: programme.id,
        kindId: kind.id,
        title,
        category: kind.category,
        level: kind.level,
        jurisdictionCode: a.unit.area.code,
        industryCode: a.unit.industryCode,
        year: programme.year,
        certificateNo: numbering.format(sequence),
        decisionForm: 'meeting' as const,
        decidedOn,
        plaqueText: `${a.unit.name} ${title}`,
        revokedOn: revoked ? daysAfter(decidedOn, 400) : null,
        revocationGround: revoked ? RevocationGround.values[a.unit.n % RevocationGround.values.length]! : null,
        revocationDocument: revoked ? `撤销认定决定（${programme.year + 1}）${a.unit.n}号` : null,
      };
    });
    const newBases = new Set(
      baseRows.length === 0
        ? []
        : (await db.insert(bases).values(baseRows).onConflictDoNothing().returning({ id: bases.id })).map((r) => r.id),
    );
    await writeAudit(db, [
      ...planned
        .filter((a) => created.has(a.id))
        .map((a) => ({
          action: 'application.create' as const,
          entityType: 'application' as const,
          entityId: a.id,
          unitId: a.unit.id,
          jurisdictionPath: a.unit.area.path,
          after: { programme: a.unit.programme.code, kind: a.unit.kind.id, status: a.status },
        })),
      ...baseRows
        .filter((b) => newBases.has(b.id))
        .map((b) => ({
          action: 'base.certify' as const,
          entityType: 'base' as const,
          entityId: b.id,
          unitId: b.unitId,
          jurisdictionPath: chunk.find((u) => u.id === b.unitId)!.area.path,
          after: { certificateNo: b.certificateNo, title: b.title, decidedOn: b.decidedOn },
        })),
    ]);
  });
  return inserted;
}

async function insertLedger(db: Db, plan: PlannedUnit[], count: number): Promise<number> {
  let inserted = 0;
  const indexes = Array.from({ length: count }, (_, n) => n);
  // Ledger entries have no audit entries of their own: inserted in large slices through the bulk path (db/bulk.ts).
  await insertInChunks(indexes, CHUNK * 20, async (chunk) => {
    const unit = (n: number) => plan[n % plan.length]!;
    const kind = (n: number) => LedgerKind.values[n % LedgerKind.values.length]!;
    const created = await insertRows(
      db,
      'ledger_entries',
      [
        { name: 'id', type: 'uuid', values: chunk.map((n) => generatedId('ledger', n)) },
        { name: 'unit_id', type: 'uuid', values: chunk.map((n) => unit(n).id) },
        { name: 'kind', type: 'ledger_kind', values: chunk.map(kind) },
        { name: 'occurred_on', type: 'date', values: chunk.map((n) => daysAfter(FIRST_DAY, (n * 13) % 1400)) },
        {
          name: 'title',
          type: 'text',
          values: chunk.map(
            (n) => `${LedgerKind.labels[kind(n)]}：商业秘密保护第 ${Math.floor(n / plan.length) + 1} 次`,
          ),
        },
        { name: 'description', type: 'text', values: chunk.map(() => '按照示范建设要求开展，材料已归档。') },
        { name: 'participants', type: 'integer', values: chunk.map((n) => 5 + (n % 120)) },
        { name: 'reach_percent', type: 'numeric', values: chunk.map((n) => 40 + (n % 60)) },
      ],
      { onConflictDoNothing: true, returning: 'id' },
    );
    inserted += created.length;
  });
  return inserted;
}

async function insertClues(db: Db, plan: PlannedUnit[], count: number): Promise<number> {
  const isWorkday = workdayCalendar();
  let inserted = 0;
  const indexes = Array.from({ length: count }, (_, n) => n);
  await insertInChunks(indexes, CHUNK, async (chunk) => {
    const planned = chunk.map((n) => {
      const holder = plan[(n * 11) % plan.length]!;
      const receivedOn = daysAfter('2025-01-06', n % 300);
      return {
        holder,
        row: {
          id: generatedId('clue', n),
          clueNo: `WQ${receivedOn.slice(0, 4)}-G${String(n + 1).padStart(6, '0')}`,
          jurisdictionCode: holder.area.code,
          jurisdictionPath: holder.area.path,
          source: n % 3 === 0 ? ('inspection' as const) : ('unit' as const),
          reporterUnitId: n % 3 === 0 ? null : holder.id,
          holderUnitId: holder.id,
          holderName: holder.name,
          holderCreditCode: holder.creditCode,
          holderNameKey: normaliseName(holder.name),
          industryCode: holder.industryCode,
          secretKinds: [RightsSecretKind.values[n % RightsSecretKind.values.length]!],
          secretDescription: '核心产品的工艺参数与客户名单',
          leakChannels: [RightsLeakChannel.values[n % RightsLeakChannel.values.length]!],
          protectionMeasures: [RightsProtectionMeasure.values[n % RightsProtectionMeasure.values.length]!],
          facts: `原技术骨干${generatedPersonName(n)}离职后，新任职单位推出高度相似的产品。`,
          estimatedLossYuan: 100_000 + (n % 50) * 20_000,
          receivedOn,
          decisionDeadline: endOfWorkingDayPeriod(receivedOn, 15, isWorkday),
        },
      };
    });
    const rows = await db
      .insert(rightsClues)
      .values(planned.map((p) => p.row))
      .onConflictDoNothing()
      .returning({ id: rightsClues.id });
    const created = new Set(rows.map((r) => r.id));
    inserted += created.size;
    await writeAudit(
      db,
      planned
        .filter((p) => created.has(p.row.id))
        .map((p) => ({
          action: 'rights.report',
          entityType: 'rights_clue',
          entityId: p.row.id,
          unitId: p.holder.id,
          jurisdictionPath: p.row.jurisdictionPath,
          after: { clueNo: p.row.clueNo, source: p.row.source },
        })),
    );
  });
  return inserted;
}

async function insertTrainings(db: Db, plan: PlannedUnit[], count: number): Promise<number> {
  let inserted = 0;
  const indexes = Array.from({ length: count }, (_, n) => n);
  await insertInChunks(indexes, CHUNK, async (chunk) => {
    const planned = chunk.map((n) => {
      const owner = plan[(n * 17) % plan.length]!.area;
      const kind = TrainingKind.values[n % TrainingKind.values.length]!;
      const startsOn = daysAfter(FIRST_DAY, (n * 5) % 1400);
      return {
        owner,
        row: {
          id: generatedId('training', n),
          kind,
          title: `${owner.name}${TrainingKind.labels[kind]}（第 ${n + 1} 期）`,
          description: '商业秘密保护法律法规、企业保密管理实务与典型案例解读。',
          ownerJurisdictionCode: owner.code,
          audience: TrainingAudience.values[n % TrainingAudience.values.length]!,
          startsOn,
          endsOn: startsOn,
          survey: [...STANDARD_SURVEY],
        },
      };
    });
    const rows = await db
      .insert(trainingEvents)
      .values(planned.map((p) => p.row))
      .onConflictDoNothing()
      .returning({ id: trainingEvents.id });
    const created = new Set(rows.map((r) => r.id));
    inserted += created.size;
    await writeAudit(
      db,
      planned
        .filter((p) => created.has(p.row.id))
        .map((p) => ({
          action: 'training.create',
          entityType: 'training',
          entityId: p.row.id,
          jurisdictionPath: p.owner.path,
          after: { title: p.row.title, startsOn: p.row.startsOn },
        })),
    );
  });
  return inserted;
}

interface GeneratedAudit {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  unitId?: string;
  jurisdictionPath: string;
  after: Record<string, unknown>;
}

/** Audit entries of what this run created, as the system (the chain trigger links them at commit). */
async function writeAudit(db: Db, entries: GeneratedAudit[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(
    entries.map((e) => ({
      actorName: '系统',
      userAgent: 'system',
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      unitId: e.unitId ?? null,
      jurisdictionPath: e.jurisdictionPath,
      after: e.after,
    })),
  );
}

/** How many rows of each kind the database holds (the CLI's summary). */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = { units, applications, bases, ledgerEntries, evidenceLeaves, rightsClues, trainingEvents, auditLog };
  const result: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    result[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  }
  return result;
}
