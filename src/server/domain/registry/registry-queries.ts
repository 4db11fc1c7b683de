/**
 * The public registry of demonstration bases (示范基地名录, 002 art. 14 "在市局门户网站公布"): certified bases with
 * their certificate, decision and plaque, and — once revoked — the ground, date and revoking document, plus the
 * annual reviews. Public: no contact data, no people; the officer's internal revocation note only for officers of
 * the owning bureau and administrators.
 */
import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { designation } from '../../../core/documents/designation';
import { BaseKind, BaseLevel } from '../../../core/programs/enums';
import { industryLabel } from '../../../shared/data/industries';
import { DecisionForm, RevocationGround } from '../../../shared/enums';
import { IncentiveKind, RectificationOutcome, ReviewOutcome } from '../../../shared/enums-oversight';
import type { RegistryQuery } from '../../../shared/schemas/publicity';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { annualReviews, baseIncentives, bases, jurisdictions, programmes, units } from '../../db/schema';
import { containsText } from '../../db/text-search';
import { notFound } from '../../errors';
import { inSubtree } from '../../policies';
import { findApplication } from '../applications/application-queries';
import { mayRead } from '../applications/workflow-roles';
import { programmeDefinitions } from '../programmes/programme-definitions';

const owners = alias(jurisdictions, 'registry_owners');

const registryColumns = {
  base: bases,
  unitName: units.name,
  jurisdictionName: jurisdictions.name,
  jurisdictionPath: jurisdictions.path,
  programmeTitle: programmes.title,
  programmeCode: programmes.code,
  ownerCode: programmes.ownerJurisdictionCode,
  ownerName: owners.name,
  ownerPath: owners.path,
};

function registryQuery(db: Executor) {
  return db
    .select(registryColumns)
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, bases.programmeId))
    .innerJoin(owners, eq(owners.code, programmes.ownerJurisdictionCode));
}

type RegistryQueryRow = Awaited<ReturnType<typeof registryQuery>>[number];
export type RegistryRow = RegistryQueryRow & {
  /** The bureau as the programme names it, e.g. "绍兴市市场监督管理局". */
  issuer: string | null;
};

/**
 * The rows with their issuer, from the programme definitions in memory: read in the query, the large definition was
 * fetched and decompressed once per matching row before the page was cut (most of a registry search's time).
 */
async function withIssuers(db: Executor, rows: RegistryQueryRow[]): Promise<RegistryRow[]> {
  const definitions = await programmeDefinitions(db, [...new Set(rows.map((r) => r.base.programmeId))]);
  return rows.map((r) => ({ ...r, issuer: definitions.get(r.base.programmeId)?.issuer ?? null }));
}

export async function findBase(db: Executor, certificateNo: string): Promise<RegistryRow | null> {
  const [row] = await registryQuery(db).where(eq(bases.certificateNo, certificateNo));
  return row ? (await withIssuers(db, [row]))[0]! : null;
}

export function registrySummary(row: RegistryRow) {
  const b = row.base;
  return {
    certificateNo: b.certificateNo,
    unitName: row.unitName,
    title: b.title,
    category: b.category,
    categoryLabel: BaseKind.labels[b.category],
    level: b.level,
    levelLabel: BaseLevel.labels[b.level],
    jurisdictionCode: b.jurisdictionCode,
    jurisdictionName: row.jurisdictionName,
    industryCode: b.industryCode,
    industryName: industryLabel(b.industryCode),
    year: b.year,
    issuer: row.issuer ?? row.ownerName,
    decidedOn: b.decidedOn,
    status: b.revokedOn ? ('revoked' as const) : ('active' as const),
    statusLabel: b.revokedOn ? '已撤销认定' : '有效',
    revokedOn: b.revokedOn,
  };
}

export async function searchRegistry(db: Executor, filter: RegistryQuery) {
  // The subtree as its jurisdictions' codes (a province has a few hundred): bases are filtered on their own column,
  // and the count needs no join with the jurisdictions.
  let subtree: SQL | undefined;
  if (filter.jurisdictionCode) {
    const codes = await db
      .select({ code: jurisdictions.code })
      .from(jurisdictions)
      .where(
        sql`${jurisdictions.path} LIKE (SELECT j.path FROM ${jurisdictions} j WHERE j.code = ${filter.jurisdictionCode}) || '%'`,
      );
    if (codes.length === 0) return { items: [], total: 0 };
    subtree = inArray(
      bases.jurisdictionCode,
      codes.map((c) => c.code),
    );
  }
  const where = and(
    filter.q ? containsText([units.name], filter.q) : undefined,
    filter.level ? eq(bases.level, filter.level) : undefined,
    filter.category ? eq(bases.category, filter.category) : undefined,
    subtree,
    filter.industryCode ? eq(bases.industryCode, filter.industryCode) : undefined,
    filter.year ? eq(bases.year, filter.year) : undefined,
    filter.status === 'active' ? isNull(bases.revokedOn) : undefined,
    filter.status === 'revoked' ? isNotNull(bases.revokedOn) : undefined,
  );
  const rows = await withIssuers(
    db,
    await registryQuery(db)
      .where(where)
      .orderBy(desc(bases.decidedOn), bases.certificateNo)
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
  );
  // Every base has its unit (a foreign key): the count joins the units only to match their names.
  const counting = db.select({ total: sql<number>`count(*)::int` }).from(bases).$dynamic();
  const [counted] = await (filter.q ? counting.innerJoin(units, eq(units.id, bases.unitId)) : counting).where(where);
  return { items: rows.map(registrySummary), total: counted?.total ?? 0 };
}

/** Officers of the owning bureau or above, and administrators, keep the base (reviews, revocation note). */
export function keepsBase(actor: Actor | null, row: Pick<RegistryRow, 'ownerPath'>): boolean {
  if (!actor) return false;
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, row.ownerPath));
}

/**
 * The bases one certification decision certified — the decision's annex (认定名单): same programme, same document
 * number (or, for a decision by meeting, the same date), with their registry entries as the registry lists them,
 * revoked ones included (the decision stands as taken; the list notes the revocation). Public like the registry.
 */
export async function certificationList(db: Executor, certificateNo: string) {
  const row = await findBase(db, certificateNo);
  if (!row) throw notFound('示范基地');
  const b = row.base;
  const sameDecision = b.decisionNumber
    ? eq(bases.decisionNumber, b.decisionNumber)
    : and(isNull(bases.decisionNumber), eq(bases.decidedOn, b.decidedOn));
  const rows = await withIssuers(
    db,
    await registryQuery(db)
      .where(and(eq(bases.programmeId, b.programmeId), sameDecision))
      .orderBy(bases.certificateNo),
  );
  return {
    issuer: row.issuer ?? row.ownerName,
    programmeTitle: row.programmeTitle,
    year: b.year,
    decisionNumber: b.decisionNumber,
    decidedOn: b.decidedOn,
    bases: rows.map((r) => ({
      ...registrySummary(r),
      designation: designation(r.base.title, r.ownerName),
    })),
  };
}

/**
 * Whether the actor holds the base's papers (certificate, plaque): it may read the base's application — the unit,
 * its bureaus, the certifying bureau, administrators (applications/workflow-roles.ts).
 */
export async function holdsBaseDocuments(db: Executor, actor: Actor | null, applicationId: string) {
  if (!actor) return false;
  const found = await findApplication(db, applicationId);
  return found !== null && mayRead(actor, found, false);
}

export async function registryDetail(db: Executor, actor: Actor | null, certificateNo: string) {
  const row = await findBase(db, certificateNo);
  if (!row) throw notFound('示范基地');
  const b = row.base;
  const keeper = keepsBase(actor, row);
  const holder = await holdsBaseDocuments(db, actor, b.applicationId);
  const reviewRows = await db
    .select()
    .from(annualReviews)
    .where(eq(annualReviews.baseId, b.id))
    .orderBy(desc(annualReviews.year));
  // The public sees each year's conclusion; the findings, conditions and rectification are the bureau's and the
  // unit's (a rectification is not published while it runs).
  const reviews = reviewRows.map((r) => ({
    year: r.year,
    outcome: r.outcome,
    outcomeLabel: ReviewOutcome.labels[r.outcome],
    recordedAt: r.createdAt,
    detail:
      keeper || holder
        ? {
            findings: r.findings,
            conditions: r.conditions,
            rectifyBy: r.rectifyBy,
            rectificationOutcome: r.rectificationOutcome,
            rectificationOutcomeLabel: r.rectificationOutcome
              ? RectificationOutcome.labels[r.rectificationOutcome]
              : null,
            rectificationFindings: r.rectificationFindings,
            rectifiedOn: r.rectifiedOn,
            version: r.version,
          }
        : null,
  }));
  const incentiveRows = await db
    .select()
    .from(baseIncentives)
    .where(eq(baseIncentives.baseId, b.id))
    .orderBy(desc(baseIncentives.grantedOn));
  const incentives = incentiveRows.map((i) => ({
    kind: i.kind,
    kindLabel: IncentiveKind.labels[i.kind],
    measure: i.measure,
    grantedOn: i.grantedOn,
    document: i.document,
    /** Money granted: for the bureau and the unit. */
    amountYuan: keeper || holder ? i.amountYuan : null,
  }));
  return {
    ...registrySummary(row),
    programmeTitle: row.programmeTitle,
    ownerJurisdictionCode: row.ownerCode,
    /** The programme title of the kind as certificate and plaque print it: 普陀区商业秘密保护示范点. */
    designation: designation(b.title, row.ownerName),
    decision: {
      form: b.decisionForm,
      formLabel: DecisionForm.labels[b.decisionForm],
      number: b.decisionNumber,
      decidedOn: b.decidedOn,
    },
    plaqueText: b.plaqueText,
    revocation: b.revokedOn
      ? {
          revokedOn: b.revokedOn,
          ground: b.revocationGround,
          groundLabel: b.revocationGround ? RevocationGround.labels[b.revocationGround] : null,
          document: b.revocationDocument,
          note: keeper ? b.revocationNote : null,
        }
      : null,
    reviews,
    incentives,
    /** holder: the reader may download the certificate and plaque (holdsBaseDocuments); keeper: may review. */
    documents: { holder, keeper: keeper && !b.revokedOn },
  };
}
