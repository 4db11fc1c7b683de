/**
 * What the service use cases share: the subject loaders (a unit or a jurisdiction with its path), the scope
 * condition of the lists, and the ledger entry a record leaves in a unit's ledger in the record's own transaction.
 */
import { eq, like, type SQL } from 'drizzle-orm';
import type { LedgerKind } from '../../../shared/enums';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, ledgerEntries, servicePartners } from '../../db/schema';
import { AppError } from '../../errors';
import type { UnitScope } from '../../policies';

export async function findJurisdiction(db: Executor, code: string) {
  const [row] = await db
    .select({ code: jurisdictions.code, name: jurisdictions.name, path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, code));
  return row ?? null;
}

/** A field error the use cases raise on input that parsed but names something unusable. */
export const fieldError = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

/** The scope of a list over records that belong to a unit: an officer's subtree, an applicant's unit, else none. */
export function unitScopeCondition(
  scope: UnitScope,
  columns: { unitId: Parameters<typeof eq>[0]; path: Parameters<typeof like>[0] },
): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'subtree':
      return like(columns.path, `${scope.path}%`);
    case 'unit':
      return eq(columns.unitId, scope.unitId);
    case 'none':
      return eq(columns.unitId, '00000000-0000-0000-0000-000000000000');
  }
}

export interface LedgerFeed {
  unitId: string;
  jurisdictionPath: string;
  kind: LedgerKind;
  occurredOn: string;
  title: string;
  description?: string | null;
  participants?: number | null;
  firmsCovered?: number | null;
  guideId?: string | null;
  /** Where the entry came from, e.g. { source: 'service_record', kind: 'legal_consultation' }. */
  details: Record<string, string | number | boolean>;
}

/** Writes the ledger entry a service or campaign record leaves, with its own audit entry, in the caller's transaction. */
export async function feedLedger(tx: Executor, ctx: RequestContext, feed: LedgerFeed): Promise<string> {
  const { jurisdictionPath, ...fields } = feed;
  const [row] = await tx
    .insert(ledgerEntries)
    .values({ ...fields, guideId: fields.guideId ?? null, recordedById: ctx.actor?.id ?? null })
    .returning({ id: ledgerEntries.id });
  await recordAudit(tx, ctx, {
    action: 'ledger.create',
    entityType: 'ledger_entry',
    entityId: row!.id,
    unitId: feed.unitId,
    jurisdictionPath,
    after: { kind: feed.kind, occurredOn: feed.occurredOn, title: feed.title, ...feed.details },
  });
  return row!.id;
}

/** The partner named exists, and the service did not happen after the business date. */
export async function checkServiceFacts(
  db: Executor,
  ctx: RequestContext,
  record: { partnerId?: string | null; occurredOn: string },
) {
  if (record.partnerId) {
    const [partner] = await db
      .select({ id: servicePartners.id })
      .from(servicePartners)
      .where(eq(servicePartners.id, record.partnerId));
    if (!partner) throw fieldError('partnerId', '合作机构不存在');
  }
  if (record.occurredOn > ctx.today) throw fieldError('occurredOn', '服务日期不能晚于今天');
}
