import { and, eq } from 'drizzle-orm';
import { parseProgramme } from '../../../core/programs/schema';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { programmes } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { authoriseProgrammeOwner, requireValidProgramme } from './programme-guards';
import { findProgramme, programmeDetail } from './programme-queries';

/**
 * Replaces a draft's document. Published versions are refused (409): clone them instead. The document is read
 * (`readDocument`, which may parse YAML and throw its problems) only once the caller is authorised, so a refused
 * caller is told so, not what the document lacks.
 */
export async function updateProgramme(db: Executor, ctx: RequestContext, id: string, readDocument: () => unknown) {
  const found = await findProgramme(db, id);
  if (!found) throw notFound('工作方案');
  await authoriseProgrammeOwner(db, ctx, found.programme.ownerJurisdictionCode);
  const programme = requireValidProgramme(parseProgramme(readDocument()));
  if (programme.code !== found.programme.code) {
    throw new AppError('validation_failed', '不能修改工作方案编号', {
      fields: [{ path: 'code', message: '不能修改工作方案编号' }],
    });
  }
  await authoriseProgrammeOwner(db, ctx, programme.ownerJurisdiction, programme);
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(programmes)
      .set({
        definition: programme,
        title: programme.title,
        year: programme.year,
        ownerJurisdictionCode: programme.ownerJurisdiction,
        updatedAt: new Date(),
      })
      .where(and(eq(programmes.id, id), eq(programmes.status, 'draft')))
      .returning({ id: programmes.id });
    if (updated.length === 0) {
      throw new AppError('invalid_transition', '已发布的版本不可修改，请复制为新版本后编辑', {
        details: { allowed: ['clone'] },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'programme.update',
      entityType: 'programme',
      entityId: id,
      jurisdictionPath: found.ownerPath,
      after: { title: programme.title },
    });
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return programmeDetail((await findProgramme(tx, id))!);
  });
}
