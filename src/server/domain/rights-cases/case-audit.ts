/** The audit entry of a change to a case, in the change's transaction. */
import type { AuditAction } from '../../../shared/enums';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import type { LoadedClue } from '../rights/rights-access';

export function auditCase(
  tx: Executor,
  ctx: RequestContext,
  clue: LoadedClue['clue'],
  action: AuditAction,
  after: Record<string, unknown>,
  before?: Record<string, unknown>,
) {
  return recordAudit(tx, ctx, {
    action,
    entityType: 'rights_case',
    entityId: clue.id,
    jurisdictionPath: clue.jurisdictionPath,
    ...(before ? { before } : {}),
    after: { clueNo: clue.clueNo, ...after },
  });
}
