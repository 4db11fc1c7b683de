/**
 * A file of an application, for whoever may read the application (its unit, the officers whose jurisdiction covers
 * it once submitted, the experts on its panel, administrators): the attachments of the form and the files cited as
 * evidence in the applicant's answers (copied from the self-assessment) and in the district's scoring.
 */
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound, unauthenticated } from '../../errors';
import { referencedAttachment } from '../attachments/referenced-attachment';
import { applicationFiles } from './application-answers';
import { findApplication } from './application-queries';
import { isOnPanel } from './panel-membership';
import { mayRead } from './workflow-roles';

export async function getApplicationAttachment(db: Executor, ctx: RequestContext, id: string, sha256: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await findApplication(db, id);
  if (!found || !mayRead(actor, found, await isOnPanel(db, actor, id))) throw notFound('申报');
  const { application } = found;
  return referencedAttachment(db, applicationFiles(application), sha256);
}
