import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceRecordVoid } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { ledgerAttachments, ledgerEntries, serviceRecords } from '../../db/schema';
import { loadServiceRecord } from './list-services';
import { changeableServiceRecord, staleServiceRecord } from './service-record-access';

/**
 * Voids (作废) a service record recorded in error. The record is kept, marked with who voided it and why, rather
 * than deleted: it is the bureau's evidence of what was recorded and withdrawn. The ledger entry it left is removed
 * in the same transaction so the unit's metrics stop counting a service that did not happen; the audit log keeps
 * that entry's contents and files (append-only), with the reason.
 */
export async function voidServiceRecord(db: Executor, ctx: RequestContext, id: string, input: ServiceRecordVoid) {
  const { record, unit, actor } = await changeableServiceRecord(db, ctx, id, input.version);
  return db.transaction(async (tx) => {
    const voided = await tx
      .update(serviceRecords)
      .set({
        voidedAt: new Date(),
        voidedById: actor.id,
        voidReason: input.reason,
        ledgerEntryId: null,
        version: sql`${serviceRecords.version} + 1`,
      })
      .where(and(eq(serviceRecords.id, id), eq(serviceRecords.version, input.version), isNull(serviceRecords.voidedAt)))
      .returning({ id: serviceRecords.id });
    if (voided.length === 0) throw staleServiceRecord();
    if (record.ledgerEntryId) {
      const files = await tx
        .delete(ledgerAttachments)
        .where(eq(ledgerAttachments.entryId, record.ledgerEntryId))
        .returning({ sha256: ledgerAttachments.sha256, fileName: ledgerAttachments.fileName });
      const [entry] = await tx.delete(ledgerEntries).where(eq(ledgerEntries.id, record.ledgerEntryId)).returning();
      if (entry) {
        await recordAudit(tx, ctx, {
          action: 'ledger.delete',
          entityType: 'ledger_entry',
          entityId: entry.id,
          unitId: record.unitId,
          jurisdictionPath: unit.jurisdictionPath,
          before: {
            kind: entry.kind,
            occurredOn: entry.occurredOn,
            title: entry.title,
            description: entry.description,
            guideId: entry.guideId,
            attachments: files,
          },
          after: { reason: `服务记录作废：${input.reason}`, serviceRecordId: id },
        });
      }
    }
    await recordAudit(tx, ctx, {
      action: 'service.void',
      entityType: 'service_record',
      entityId: id,
      unitId: record.unitId,
      jurisdictionPath: unit.jurisdictionPath,
      before: { title: record.title, occurredOn: record.occurredOn, ledgerEntryId: record.ledgerEntryId },
      after: { voided: true, reason: input.reason },
    });
    return (await loadServiceRecord(tx, id))!;
  });
}
