import { recordAudit } from '../../audit';
import { deleteSession } from '../../auth/sessions';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';

export async function logout(db: Executor, ctx: RequestContext, sessionId: string) {
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor?.id });
  });
}
