/** A file cited as evidence in a self-assessment, for whoever may read the self-assessment (its unit, its officers). */
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound } from '../../errors';
import { can } from '../../policies';
import { evidenceRefs, referencedAttachment } from '../attachments/referenced-attachment';
import { findSelfAssessment } from './self-assessment-queries';

export async function getSelfAssessmentAttachment(db: Executor, ctx: RequestContext, id: string, sha256: string) {
  const found = await findSelfAssessment(db, id);
  if (
    !found ||
    !can(ctx.actor, 'unit.read', { type: 'unit', id: found.assessment.unitId, jurisdictionPath: found.unitPath })
  ) {
    throw notFound('自评');
  }
  return referencedAttachment(db, evidenceRefs(found.assessment.answers), sha256);
}
