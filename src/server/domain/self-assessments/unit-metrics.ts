/** Loads what the metric catalogue needs for one unit and computes the values (src/core/rubric/compute-metrics.ts). */
import dayjs from 'dayjs';
import { and, count, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { rubricForKind } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import { computeMetrics } from '../../../core/rubric/compute-metrics';
import type { MetricValues } from '../../../core/rubric/metrics';
import type { Executor } from '../../db/client';
import {
  applications,
  bases,
  ledgerAttachments,
  ledgerEntries,
  unitContacts,
  unitMembers,
  units,
} from '../../db/schema';

export interface MetricOptions {
  /** The day the last 12 months count back from: the business date (RequestContext.today). */
  asOf: string;
  /** The programme evaluated against: "firms meeting the point standard" are scored against its point rubric. */
  programme?: { id: string; definition: Programme };
}

export async function unitMetrics(db: Executor, unitId: string, options: MetricOptions): Promise<MetricValues> {
  const { asOf } = options;
  const [unit] = await db.select({ kind: units.kind }).from(units).where(eq(units.id, unitId));
  const since = dayjs(asOf).subtract(12, 'month').format('YYYY-MM-DD');
  const entries = await db
    .select({
      kind: ledgerEntries.kind,
      occurredOn: ledgerEntries.occurredOn,
      reachPercent: ledgerEntries.reachPercent,
      firmsCovered: ledgerEntries.firmsCovered,
      guideId: ledgerEntries.guideId,
      attachmentCount: count(ledgerAttachments.id),
    })
    .from(ledgerEntries)
    .leftJoin(ledgerAttachments, eq(ledgerAttachments.entryId, ledgerEntries.id))
    .where(and(eq(ledgerEntries.unitId, unitId), gte(ledgerEntries.occurredOn, since)))
    .groupBy(ledgerEntries.id);
  const contacts = await db
    .select({ role: unitContacts.role })
    .from(unitContacts)
    .where(eq(unitContacts.unitId, unitId));
  let affiliatedFirms: number | undefined;
  let affiliatedFirmsWithLedger: string[] | undefined;
  let affiliatedFirmsTrained: string[] | undefined;
  let affiliatedBases: { unitId: string; category: 'point' | 'station' | 'zone'; level: string }[] | undefined;
  let affiliatedFirmsMeetingPointStandard: number | undefined;
  if (unit && unit.kind !== 'enterprise' && unit.kind !== 'institution') {
    const tenants = await db.select({ id: units.id }).from(units).where(eq(units.parkId, unitId));
    const members = await db
      .select({ id: unitMembers.memberId })
      .from(unitMembers)
      .where(eq(unitMembers.associationId, unitId));
    const ids = [...new Set([...tenants, ...members].map((r) => r.id))];
    affiliatedFirms = ids.length;
    affiliatedFirmsWithLedger = [];
    affiliatedFirmsTrained = [];
    affiliatedBases = [];
    if (ids.length > 0) {
      const keeping = await db
        .selectDistinct({ unitId: ledgerEntries.unitId })
        .from(ledgerEntries)
        .where(and(inArray(ledgerEntries.unitId, ids), gte(ledgerEntries.occurredOn, since)));
      affiliatedFirmsWithLedger = keeping.map((r) => r.unitId);
      const trained = await db
        .selectDistinct({ unitId: ledgerEntries.unitId })
        .from(ledgerEntries)
        .where(
          and(
            inArray(ledgerEntries.unitId, ids),
            eq(ledgerEntries.kind, 'training'),
            gte(ledgerEntries.occurredOn, since),
            lte(ledgerEntries.occurredOn, asOf),
          ),
        );
      affiliatedFirmsTrained = trained.map((r) => r.unitId);
      affiliatedBases = await db
        .select({ unitId: bases.unitId, category: bases.category, level: bases.level })
        .from(bases)
        .where(and(inArray(bases.unitId, ids), isNull(bases.revokedOn)));
    }
    if (options.programme) {
      affiliatedFirmsMeetingPointStandard = await firmsMeetingPointStandard(db, ids, options.programme);
    }
  }
  return computeMetrics({
    asOf,
    entries: entries.map((e) => ({ ...e, attachmentCount: Number(e.attachmentCount) })),
    affiliatedFirms,
    affiliatedFirmsWithLedger,
    affiliatedFirmsTrained,
    affiliatedBases,
    affiliatedFirmsMeetingPointStandard,
    contactRoles: contacts.map((c) => c.role),
  });
}

/**
 * Affiliated firms whose district score against the programme's point rubric reaches its pass mark (004: "园区内
 * 有 2 家以上企业达到示范点建设标准（评分 80 分以上）"). Undefined when the programme has no scored point rubric.
 */
async function firmsMeetingPointStandard(
  db: Executor,
  firmIds: readonly string[],
  programme: { id: string; definition: Programme },
): Promise<number | undefined> {
  const pointKinds = programme.definition.kinds.filter((k) => k.category === 'point');
  const rubric = pointKinds.map((k) => rubricForKind(programme.definition, k.id)).find((r) => r?.form === 'scored');
  if (rubric?.form !== 'scored' || rubric.passMark === undefined) return undefined;
  if (firmIds.length === 0) return 0;
  const rows = await db
    .selectDistinct({ unitId: applications.unitId })
    .from(applications)
    .where(
      and(
        eq(applications.programmeId, programme.id),
        inArray(
          applications.kindId,
          pointKinds.map((k) => k.id),
        ),
        inArray(applications.unitId, [...firmIds]),
        gte(applications.districtScore, rubric.passMark),
      ),
    );
  return rows.length;
}
