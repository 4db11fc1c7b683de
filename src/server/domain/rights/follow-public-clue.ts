/**
 * The public follows an anonymous report with its receipt code and secret: status, deadlines, the reason of the
 * decision, the visible history and messages — and may write to the handler. A wrong code or secret answers the
 * same 404 (nothing tells which was wrong); the route limits attempts per address. Each read is audited.
 */
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { normalizeReceiptCode } from '../../../core/applications/receipt-code';
import type { RightsFollowInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { rightsClueMessages, rightsClues } from '../../db/schema';
import { AppError } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { clueView } from './clue-view';
import { secretHashOf } from './report-clue';
import { handlerIdsOf } from './rights-access';

const WRONG = '查询码或查询密码不正确';

async function findByCodeAndSecret(db: Executor, input: RightsFollowInput) {
  const code = normalizeReceiptCode(input.code);
  const [clue] = code ? await db.select().from(rightsClues).where(eq(rightsClues.receiptCode, code)) : [];
  const expected = Buffer.from(clue?.secretHash ?? '0'.repeat(64), 'hex');
  const given = Buffer.from(secretHashOf(code ?? '', input.secret), 'hex');
  if (!clue || !timingSafeEqual(expected, given)) throw new AppError('not_found', WRONG);
  return clue;
}

export async function followPublicClue(db: Db, ctx: RequestContext, input: RightsFollowInput) {
  const clue = await findByCodeAndSecret(db, input);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'rights.public_follow',
      entityType: 'rights_clue',
      entityId: clue.id,
      jurisdictionPath: clue.jurisdictionPath,
      after: { clueNo: clue.clueNo },
    }),
  );
  return { ...(await clueView(db, clue, 'public', ctx.today)), receiptCode: clue.receiptCode };
}

export async function postPublicMessage(db: Db, ctx: RequestContext, input: RightsFollowInput & { body: string }) {
  const clue = await findByCodeAndSecret(db, input);
  await db.transaction(async (tx) => {
    await tx
      .insert(rightsClueMessages)
      .values({ clueId: clue.id, author: 'reporter', authorId: null, authorName: '匿名举报人', body: input.body });
    await recordAudit(tx, ctx, {
      action: 'rights.message',
      entityType: 'rights_clue',
      entityId: clue.id,
      jurisdictionPath: clue.jurisdictionPath,
      after: { clueNo: clue.clueNo, author: 'reporter' },
    });
    await notifyUsers(tx, await handlerIdsOf(tx, clue.id), {
      title: `维权线索 ${clue.clueNo} 有新留言`,
      body: '举报人发来留言，请查看。',
      link: `/rights/clues/${clue.id}`,
    });
  });
  return { ok: true };
}
