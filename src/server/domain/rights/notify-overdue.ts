/**
 * Overdue clocks are notified once per clue, clock and deadline to the handlers (or, unassigned, the competent
 * bureau's officers) and the supervising bureaus above — run by the app's periodic job (app.ts) and on demand.
 */
import { inArray } from 'drizzle-orm';
import { RIGHTS_OPEN_STATUSES } from '../../../shared/enums-rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsClues, rightsOverdueNotices } from '../../db/schema';
import { notifyUsers } from '../notifications/notify';
import { clockContext, clocksOf } from './clue-view';
import { handlerIdsOf } from './rights-access';
import { ancestorCodes, appendEvent, officersOf } from './rights-events';

export async function notifyOverdueClues(db: Db, ctx: RequestContext): Promise<number> {
  const cc = await clockContext(db);
  const open = await db
    .select()
    .from(rightsClues)
    .where(inArray(rightsClues.status, [...RIGHTS_OPEN_STATUSES, 'transferred_bureau']));
  let sent = 0;
  for (const clue of open) {
    for (const clock of clocksOf(clue, cc, ctx.today)) {
      if (!clock.overdue || clock.metOn !== null) continue;
      const done = await db.transaction(async (tx) => {
        const [claimed] = await tx
          .insert(rightsOverdueNotices)
          .values({ clueId: clue.id, clock: clock.code, deadline: clock.deadline })
          .onConflictDoNothing()
          .returning();
        if (!claimed) return false;
        const handlers = await handlerIdsOf(tx, clue.id);
        const bureau = handlers.length > 0 ? handlers : await officersOf(tx, [clue.jurisdictionCode]);
        const above = await officersOf(tx, ancestorCodes(clue.jurisdictionPath));
        await notifyUsers(tx, [...bureau, ...above], {
          title: `维权线索 ${clue.clueNo} ${clock.name}已超期`,
          body: `${clock.name}（${clock.source.split('：')[0]}）已于 ${clock.deadline.slice(0, 10)} 届满，${clock.label}。`,
          link: `/rights/clues/${clue.id}`,
        });
        await appendEvent(tx, ctx, clue.id, { kind: 'overdue_notified', comment: `${clock.name}已超期` });
        await recordAudit(tx, ctx, {
          action: 'rights.overdue_notify',
          entityType: 'rights_clue',
          entityId: clue.id,
          jurisdictionPath: clue.jurisdictionPath,
          after: { clock: clock.code, deadline: clock.deadline },
        });
        return true;
      });
      if (done) sent++;
    }
  }
  return sent;
}
