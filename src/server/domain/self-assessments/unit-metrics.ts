/** Loads what the metric catalogue needs for one unit and computes the values (src/core/rubric/compute-metrics.ts). */
import dayjs from 'dayjs';
import { and, count, countDistinct, eq, gte, inArray } from 'drizzle-orm';
import { computeMetrics } from '../../../core/rubric/compute-metrics';
import type { MetricValues } from '../../../core/rubric/metrics';
import type { Executor } from '../../db/client';
import { ledgerAttachments, ledgerEntries, unitContacts, unitMembers, units } from '../../db/schema';

export async function unitMetrics(
  db: Executor,
  unitId: string,
  asOf = dayjs().format('YYYY-MM-DD'),
): Promise<MetricValues> {
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
  let affiliatedFirmsWithLedger: number | undefined;
  if (unit && unit.kind !== 'enterprise' && unit.kind !== 'institution') {
    const tenants = await db.select({ id: units.id }).from(units).where(eq(units.parkId, unitId));
    const members = await db
      .select({ id: unitMembers.memberId })
      .from(unitMembers)
      .where(eq(unitMembers.associationId, unitId));
    const ids = [...new Set([...tenants, ...members].map((r) => r.id))];
    affiliatedFirms = ids.length;
    if (ids.length > 0) {
      const [row] = await db
        .select({ n: countDistinct(ledgerEntries.unitId) })
        .from(ledgerEntries)
        .where(and(inArray(ledgerEntries.unitId, ids), gte(ledgerEntries.occurredOn, since)));
      affiliatedFirmsWithLedger = row?.n ?? 0;
    } else affiliatedFirmsWithLedger = 0;
  }
  return computeMetrics({
    asOf,
    entries: entries.map((e) => ({ ...e, attachmentCount: Number(e.attachmentCount) })),
    affiliatedFirms,
    affiliatedFirmsWithLedger,
    contactRoles: contacts.map((c) => c.role),
  });
}
