import { and, eq, isNull, sql } from 'drizzle-orm';
import { SERVICE_LEDGER_KIND, ServiceKind } from '../../../shared/enums-services';
import { type ServiceRecordPatch, serviceProviderProblems } from '../../../shared/schemas/services';
import { diffSummary, recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { ledgerEntries, serviceRecords } from '../../db/schema';
import { AppError } from '../../errors';
import { resolveGuide } from '../ledger/ledger-guards';
import { loadServiceRecord } from './list-services';
import { changeableServiceRecord, staleServiceRecord } from './service-record-access';
import { checkServiceFacts, fieldError } from './service-support';

/**
 * Corrects a service record (provider, date, subject, content, guide) with the version it was read at; the ledger
 * entry it left is corrected in the same transaction, so the unit's ledger and metrics say what the record says.
 */
export async function updateServiceRecord(db: Executor, ctx: RequestContext, id: string, patch: ServiceRecordPatch) {
  const { record: before, unit, actor } = await changeableServiceRecord(db, ctx, id, patch.version);
  const { version, guideId: guideInput, ...fields } = patch;
  const after = { ...before, ...fields };
  const problem = serviceProviderProblems(after)[0];
  if (problem) throw fieldError(problem.path, problem.message);
  await checkServiceFacts(db, ctx, after);
  const ledgerKind = SERVICE_LEDGER_KIND[before.kind];
  const [entry] = before.ledgerEntryId
    ? await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, before.ledgerEntryId))
    : [];
  const guideId =
    ledgerKind === 'guidance_visit'
      ? await resolveGuide(
          db,
          actor,
          { id: unit.unit.id, jurisdictionPath: unit.jurisdictionPath },
          'guidance_visit',
          guideInput,
          entry,
        )
      : null;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(serviceRecords)
      .set({ ...fields, version: sql`${serviceRecords.version} + 1` })
      .where(and(eq(serviceRecords.id, id), eq(serviceRecords.version, version), isNull(serviceRecords.voidedAt)))
      .returning();
    if (updated.length === 0) throw staleServiceRecord();
    const row = updated[0]!;
    if (entry) {
      const moved = await tx
        .update(ledgerEntries)
        .set({
          occurredOn: row.occurredOn,
          title: `${ServiceKind.labels[row.kind]}：${row.title}`,
          description: row.description,
          guideId,
          version: sql`${ledgerEntries.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(ledgerEntries.id, entry.id), eq(ledgerEntries.version, entry.version)))
        .returning({ id: ledgerEntries.id });
      if (moved.length === 0) throw new AppError('conflict', '对应的台账记录已被他人修改，请刷新后重试');
      await recordAudit(tx, ctx, {
        action: 'ledger.update',
        entityType: 'ledger_entry',
        entityId: entry.id,
        unitId: before.unitId,
        jurisdictionPath: unit.jurisdictionPath,
        before: { occurredOn: entry.occurredOn, title: entry.title, guideId: entry.guideId },
        after: { occurredOn: row.occurredOn, title: `${ServiceKind.labels[row.kind]}：${row.title}`, guideId },
      });
    }
    const pick = (r: typeof before) => ({
      provider: r.provider,
      partnerId: r.partnerId,
      occurredOn: r.occurredOn,
      title: r.title,
      description: r.description,
    });
    const summary = diffSummary(pick(before), pick(row));
    await recordAudit(tx, ctx, {
      action: 'service.update',
      entityType: 'service_record',
      entityId: id,
      unitId: before.unitId,
      jurisdictionPath: unit.jurisdictionPath,
      before: summary.before,
      after: summary.after,
    });
    return (await loadServiceRecord(tx, id))!;
  });
}
