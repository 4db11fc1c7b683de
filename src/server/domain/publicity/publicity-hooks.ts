/**
 * Hooks of the publicity stage (see ../applications/action-hooks.ts):
 * - start_publicity happens only through a notice (create-publicity.ts inserts the entry first, in the same
 *   transaction); the bare action is refused, so no application is "in publicity" without a published notice;
 * - approve, in a programme with a publicity stage, waits until the period is over (the business date after the
 *   notice's last day) and is refused while an objection is upheld. Unresolved objections are already refused by
 *   the transition itself. An upheld objection leaves the application in publicity: the workflow has no
 *   "failed publicity" action, so the bureau records the result in the objection and does not approve.
 */
import { and, eq, sql } from 'drizzle-orm';
import { chineseDate } from '../../../core/applications/guards';
import { isPublicityOver } from '../../../core/applications/publicity';
import { stagesOf } from '../../../core/applications/workflow';
import { objections } from '../../db/schema';
import { AppError } from '../../errors';
import type { ActionHook } from '../applications/action-hooks';
import { noticeOfApplication } from './publicity-queries';

export const startPublicityHook: ActionHook = {
  async check({ tx, found }) {
    const notice = await noticeOfApplication(tx, found.application.id);
    if (!notice) {
      throw new AppError('invalid_transition', '请通过“发布公示”将验收通过的申报列入公示名单，公示随之开始', {
        details: { reason: 'publicity_notice_required' },
      });
    }
  },
};

export const approveAfterPublicityHook: ActionHook = {
  async check({ tx, found, today }) {
    if (!stagesOf(found.programme).has('publicity')) return;
    const notice = await noticeOfApplication(tx, found.application.id);
    if (!notice) {
      throw new AppError('invalid_transition', '未找到该申报的公示，不能批准', {
        details: { reason: 'publicity_notice_required' },
      });
    }
    if (!isPublicityOver({ end: notice.endsOn }, today)) {
      throw new AppError('invalid_transition', `公示期至${chineseDate(notice.endsOn)}止，公示期满后方可批准`, {
        details: { reason: 'publicity_not_over', endsOn: notice.endsOn },
      });
    }
    const [upheld] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(objections)
      .where(and(eq(objections.applicationId, found.application.id), eq(objections.upheld, true)));
    if ((upheld?.n ?? 0) > 0) {
      throw new AppError('invalid_transition', '公示期间收到的异议经核查成立，不予批准', {
        details: { reason: 'objection_upheld' },
      });
    }
  },
};
