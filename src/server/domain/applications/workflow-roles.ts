/**
 * The parts an actor plays in one application (src/core/applications/workflow.ts WorkflowRole): the applicant unit,
 * an officer of the body that reviews for the applicant's district (the programme's district_review stage names its
 * level), an officer of the programme's owning bureau or above, an administrator. In a district programme such as
 * Putuo's, the district bureau is both reviewer and owner.
 */
import type { WorkflowRole } from '../../../core/applications/workflow';
import type { Programme } from '../../../core/programs/schema';
import type { Actor } from '../../context';
import { inSubtree } from '../../policies';
import type { LoadedApplication } from './application-queries';

/** What the parts depend on: the unit, the unit's and the owner's jurisdiction paths, the programme. */
export type RolesSource = Pick<LoadedApplication, 'unitPath' | 'ownerPath' | 'programme'> & {
  application: Pick<LoadedApplication['application'], 'unitId'>;
};

export function workflowRoles(actor: Actor, found: RolesSource): WorkflowRole[] {
  const roles: WorkflowRole[] = [];
  if (actor.role === 'admin') roles.push('admin');
  if (actor.role === 'applicant' && actor.unitId === found.application.unitId) roles.push('applicant');
  if (actor.role === 'officer' && inSubtree(actor, found.unitPath) && reviewsAtLevel(actor, found.programme)) {
    roles.push('district_officer');
  }
  if (actor.role === 'officer' && inSubtree(actor, found.ownerPath)) roles.push('owner_officer');
  return roles;
}

/**
 * Whether an officer's bureau is at the level that reviews for the applicant's district in this programme: the
 * reviewing body is the applicant's district or county bureau (or a body under the owner at the level the programme
 * names); a city officer above the district is not the district reviewer unless it owns.
 */
export function reviewsAtLevel(actor: Actor, programme: Pick<Programme, 'stages'>): boolean {
  const review = programme.stages.find((s) => s.kind === 'district_review');
  const reviewLevel = review?.kind === 'district_review' ? review.by.level : 'district';
  return actor.jurisdictionLevel === reviewLevel || actor.jurisdictionLevel === 'functional_zone';
}

/** Whether the actor may read the application at all. */
export function mayRead(actor: Actor, found: LoadedApplication, onPanel: boolean): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'applicant':
      return actor.unitId === found.application.unitId;
    case 'officer':
      return (
        found.application.status !== 'draft' && (inSubtree(actor, found.unitPath) || inSubtree(actor, found.ownerPath))
      );
    case 'expert':
      return onPanel;
  }
}
