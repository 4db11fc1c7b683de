import { and, eq } from 'drizzle-orm';
import type { Programme } from '../../../core/programs/schema';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { programmes } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { authoriseProgrammeOwner } from './programme-guards';
import { findProgramme, programmeDetail } from './programme-queries';

/**
 * Publishes a draft. From then on the version is immutable (a database trigger enforces it). `authorised`: the
 * system itself publishes (demo seeding, the CLI run by an operator); the audit entry then names no user.
 */
export async function publishProgramme(
  db: Executor,
  ctx: RequestContext,
  id: string,
  options: { authorised?: boolean } = {},
) {
  const found = await findProgramme(db, id);
  if (!found) throw notFound('工作方案');
  if (!options.authorised) {
    await authoriseProgrammeOwner(
      db,
      ctx,
      found.programme.ownerJurisdictionCode,
      found.programme.definition as Programme,
    );
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(programmes)
      .set({
        status: 'published',
        publishedAt: new Date(),
        publishedById: ctx.actor?.id ?? null,
        updatedAt: new Date(),
      })
      .where(and(eq(programmes.id, id), eq(programmes.status, 'draft')))
      .returning({ id: programmes.id });
    if (updated.length === 0)
      throw new AppError('invalid_transition', '该版本已发布，不能再次发布', { details: { allowed: ['clone'] } });
    await recordAudit(tx, ctx, {
      action: 'programme.publish',
      entityType: 'programme',
      entityId: id,
      jurisdictionPath: found.ownerPath,
      after: { code: found.programme.code, version: found.programme.version },
    });
  });
  return programmeDetail((await findProgramme(db, id))!);
}
