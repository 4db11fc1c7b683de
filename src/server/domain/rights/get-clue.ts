/**
 * One clue as the caller may see it. A content read (handler, supervisor, recorder, reporter) is audited
 * (`rights.read_content`); an officer or administrator in scope without content access gets the metadata and the
 * attempt is audited (`rights.read_denied`); out of scope is 404.
 */
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { clueView } from './clue-view';
import { auditDenied, loadClue } from './rights-access';

export async function getClue(db: Db, ctx: RequestContext, id: string) {
  const loaded = await loadClue(db, ctx, id);
  const { clue, access, handlerIds } = loaded;
  if (access === 'metadata') {
    await auditDenied(db, ctx, clue, 'detail');
    return clueView(db, clue, access, ctx.today, handlerIds);
  }
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'rights.read_content',
      entityType: 'rights_clue',
      entityId: clue.id,
      jurisdictionPath: clue.jurisdictionPath,
      unitId: clue.reporterUnitId,
      after: { clueNo: clue.clueNo, as: access },
    }),
  );
  return clueView(db, clue, access, ctx.today, handlerIds);
}
