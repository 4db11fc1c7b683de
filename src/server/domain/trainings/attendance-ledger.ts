/**
 * Attendance becomes ledger evidence: the first checked-in attendee of a unit at an event gives the unit one ledger
 * entry of kind training (dated on the event's first day), later attendees raise its head count. The rubric metrics
 * ("trainings in the last 12 months", a park's share of trained tenants) then count real attendance, not figures
 * typed in. Runs inside the check-in's transaction; the (event, unit) primary key makes concurrent check-ins of one
 * unit create one entry.
 */
import { eq, sql } from 'drizzle-orm';
import { TrainingKind } from '../../../shared/enums-trainings';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, ledgerEntries, trainingAttendance, units } from '../../db/schema';
import type { TrainingEventRow } from './training-queries';
import { attendeesOfUnit } from './training-queries';

export async function recordAttendance(
  tx: Executor,
  ctx: RequestContext,
  event: TrainingEventRow,
  ownerName: string,
  unitId: string | null,
): Promise<void> {
  if (!unitId) return;
  const participants = await attendeesOfUnit(tx, event.id, unitId);
  const claimed = await tx
    .insert(trainingAttendance)
    .values({ eventId: event.id, unitId })
    .onConflictDoNothing()
    .returning({ unitId: trainingAttendance.unitId });
  if (claimed.length === 0) {
    const [link] = await tx
      .select({ ledgerEntryId: trainingAttendance.ledgerEntryId })
      .from(trainingAttendance)
      .where(sql`${trainingAttendance.eventId} = ${event.id} AND ${trainingAttendance.unitId} = ${unitId}`);
    if (link?.ledgerEntryId) {
      await tx
        .update(ledgerEntries)
        .set({ participants, version: sql`${ledgerEntries.version} + 1`, updatedAt: new Date() })
        .where(eq(ledgerEntries.id, link.ledgerEntryId));
    }
    return;
  }
  const [unit] = await tx
    .select({ path: jurisdictions.path })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(units.id, unitId));
  const fields = {
    unitId,
    kind: 'training' as const,
    occurredOn: event.startsOn,
    title: `参加${TrainingKind.labels[event.kind]}：${event.title}`,
    description: `${ownerName}市场监督管理局主办的${TrainingKind.labels[event.kind]}，由平台根据现场签到自动记入台账。`,
    participants,
    details: { source: 'training', trainingEventId: event.id },
  };
  const [entry] = await tx
    .insert(ledgerEntries)
    .values({ ...fields, recordedById: ctx.actor?.id ?? null })
    .returning({ id: ledgerEntries.id });
  await tx
    .update(trainingAttendance)
    .set({ ledgerEntryId: entry!.id })
    .where(sql`${trainingAttendance.eventId} = ${event.id} AND ${trainingAttendance.unitId} = ${unitId}`);
  await recordAudit(tx, ctx, {
    action: 'ledger.create',
    entityType: 'ledger_entry',
    entityId: entry!.id,
    unitId,
    jurisdictionPath: unit?.path ?? null,
    after: fields,
  });
}
