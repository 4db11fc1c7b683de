/**
 * The public registry of demonstration bases (示范基地名录, 002 art. 14 "在市局门户网站公布"): certified bases with
 * their certificate, decision and plaque, and — once revoked — the ground, date and revoking document, plus the
 * annual reviews. Public: no contact data, no people; the officer's internal revocation note only for officers of
 * the owning bureau and administrators.
 */
import { and, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias, type SubqueryWithSelection } from 'drizzle-orm/pg-core';
import { designation } from '../../../core/documents/designation';
import { BaseKind, BaseLevel } from '../../../core/programs/enums';
import { industryLabel } from '../../../shared/data/industries';
import { DecisionForm, RevocationGround } from '../../../shared/enums';
import { IncentiveKind, RectificationOutcome, ReviewOutcome } from '../../../shared/enums-oversight';
import type { RegistryQuery } from '../../../shared/schemas/publicity';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { annualReviews, baseIncentives, bases, jurisdictions, programmes } from '../../db/schema';
import { containsText } from '../../db/text-search';
import { notFound } from '../../errors';
import { inSubtree } from '../../policies';
import { findApplication } from '../applications/application-queries';
import { mayRead } from '../applications/workflow-roles';
import { programmeDefinitions } from '../programmes/programme-definitions';

const owners = alias(jurisdictions, 'registry_owners');

const registryColumns = {
  base: bases,
  // The unit's current name, copied on the base by the database (migration 0032): no join with the units.
  unitName: bases.unitName,
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
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, bases.programmeId))
    .innerJoin(owners, eq(owners.code, programmes.ownerJurisdictionCode));
}

/** A page of bases' ids, with the total when the statement that chose them counted it too. */
type RegistryPage = SubqueryWithSelection<{ id: SQL.Aliased<string>; total: SQL.Aliased<number | null> }, 'page'>;

/** The page's bases as registryQuery reads them, in the registry's order, with the page's total. */
function readPage(db: Executor, page: RegistryPage) {
  return db
    .select({ ...registryColumns, pageTotal: page.total })
    .from(page)
    .innerJoin(bases, eq(bases.id, page.id))
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, bases.programmeId))
    .innerJoin(owners, eq(owners.code, programmes.ownerJurisdictionCode))
    .orderBy(desc(bases.decidedOn), bases.certificateNo);
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

/**
 * A page of the registry, newest decision first, and its exact count, in one or two statements whose cost follows
 * the page, not the province (issue 15, bench/README.md "List and search endpoints"):
 *
 * - By unit name: the bases whose own copy of the unit's name matches (bases.unit_name, kept by triggers, migration
 *   0032) come from their bigram index, are sorted, and counted in the same statement (`count(*) over ()` over the
 *   matches the sort reads anyway). The matches sit in a subquery holding the window function, so the planner reads
 *   them all through the index instead of walking the bases in date order until it has a page — which a LIMIT above
 *   a `count(*) over ()` makes it believe is cheap, and which evaluates the bigram function on every base it passes.
 * - By jurisdiction (a bureau's registry): the newest bases of each of the subtree's jurisdictions, from the index on
 *   (jurisdiction_code, decided_on DESC, certificate_no), as many from each as the page's end, merged and cut — the
 *   same page as sorting the whole subtree; the count reads the subtree's bases from an index alone.
 * - Otherwise: the bases in date order from their index, and their count.
 *
 * Then only the page's bases are joined with their jurisdiction and programme.
 */
export async function searchRegistry(db: Executor, filter: RegistryQuery) {
  const offset = (filter.page - 1) * filter.pageSize;
  const own = and(
    filter.level ? eq(bases.level, filter.level) : undefined,
    filter.category ? eq(bases.category, filter.category) : undefined,
    filter.industryCode ? eq(bases.industryCode, filter.industryCode) : undefined,
    filter.year ? eq(bases.year, filter.year) : undefined,
    filter.status === 'active' ? isNull(bases.revokedOn) : undefined,
    filter.status === 'revoked' ? isNotNull(bases.revokedOn) : undefined,
  );
  const subtreeCodes = filter.jurisdictionCode
    ? db
        .select({ code: jurisdictions.code })
        .from(jurisdictions)
        .where(
          sql`${jurisdictions.path} LIKE (SELECT j.path FROM ${jurisdictions} j WHERE j.code = ${filter.jurisdictionCode}) || '%'`,
        )
    : undefined;
  const where = and(
    filter.q ? containsText([bases.unitName], filter.q) : undefined,
    subtreeCodes ? inArray(bases.jurisdictionCode, subtreeCodes) : undefined,
    own,
  );
  const countAll = async () => {
    const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(bases).where(where);
    return counted?.total ?? 0;
  };

  let page: RegistryPage;
  if (filter.q) {
    const matches = db
      .select({
        id: bases.id,
        decidedOn: bases.decidedOn,
        certificateNo: bases.certificateNo,
        total: sql<number | null>`count(*) over ()`.as('match_total'),
      })
      .from(bases)
      .where(where)
      .as('matches');
    page = db
      .select({
        id: sql<string>`${matches.id}`.as('page_id'),
        total: sql<number | null>`${matches.total}`.as('page_total'),
      })
      .from(matches)
      .orderBy(desc(matches.decidedOn), matches.certificateNo)
      .limit(filter.pageSize)
      .offset(offset)
      .as('page');
  } else if (subtreeCodes) {
    const subtree = subtreeCodes.as('subtree');
    const newest = db
      .select({ id: bases.id, decidedOn: bases.decidedOn, certificateNo: bases.certificateNo })
      .from(bases)
      .where(and(eq(bases.jurisdictionCode, subtree.code), own))
      .orderBy(desc(bases.decidedOn), bases.certificateNo)
      .limit(offset + filter.pageSize)
      .as('newest');
    page = db
      .select({ id: sql<string>`${newest.id}`.as('page_id'), total: sql<number | null>`null::int`.as('page_total') })
      .from(subtree)
      .crossJoinLateral(newest)
      .orderBy(desc(newest.decidedOn), newest.certificateNo)
      .limit(filter.pageSize)
      .offset(offset)
      .as('page');
  } else {
    page = db
      .select({ id: sql<string>`${bases.id}`.as('page_id'), total: sql<number | null>`null::int`.as('page_total') })
      .from(bases)
      .where(where)
      .orderBy(desc(bases.decidedOn), bases.certificateNo)
      .limit(filter.pageSize)
      .offset(offset)
      .as('page');
  }
  const found = await readPage(db, page);
  let total = found[0]?.pageTotal == null ? undefined : Number(found[0].pageTotal);
  const rows = await withIssuers(
    db,
    found.map(({ pageTotal: _, ...row }) => row),
  );
  // The name search counted with its page; a page past the end (or any other search) counts apart.
  if (total === undefined) total = filter.q && filter.page === 1 ? 0 : await countAll();
  return { items: rows.map(registrySummary), total };
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
