/**
 * Who may do what with trainings, lectures and forums: pure rules over the event's owner jurisdiction, its venues'
 * host bureaus and the unit concerned (paths from the jurisdiction tree). The use cases load the paths first.
 */
import type { TrainingAudience } from '../../shared/enums-trainings';
import type { Actor } from '../context';
import { inSubtree } from './index';

export interface TrainingSubject {
  ownerPath: string;
  audience: TrainingAudience;
}

/**
 * Reading an event: its owner bureau and those above it; bureaus below the owner (the county bureaus that host the
 * city's sub-venues); units the audience admits (open: any; registered units: those in the owner's jurisdiction).
 */
export function canReadTraining(actor: Actor, event: TrainingSubject, actorUnitPath: string | null): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'officer':
      return inSubtree(actor, event.ownerPath) || actor.jurisdictionPath?.startsWith(event.ownerPath) === true;
    case 'applicant':
      return actorUnitPath !== null && audienceAdmits(event, actorUnitPath);
    case 'expert':
      return false;
  }
}

/** Whether a unit (by its jurisdiction path) belongs to the event's audience. */
export function audienceAdmits(event: TrainingSubject, unitPath: string): boolean {
  if (event.audience === 'open') return true;
  if (event.audience === 'registered_units') return unitPath.startsWith(event.ownerPath);
  return false;
}

/** Editing an event, and its feedback and full attendance: the owner bureau and those above it. */
export function canManageTraining(actor: Actor, event: TrainingSubject): boolean {
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, event.ownerPath));
}

/** Running a venue (check-in, walk-ins, its attendance list): its host bureau, or the event's managers. */
export function canHostVenue(actor: Actor, event: TrainingSubject, hostPath: string): boolean {
  return canManageTraining(actor, event) || (actor.role === 'officer' && inSubtree(actor, hostPath));
}

/** Acting for a unit (registering or cancelling its attendees, its feedback, its certificates). */
export function canActForUnit(actor: Actor, unit: { id: string; path: string }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'applicant') return actor.unitId === unit.id;
  return actor.role === 'officer' && inSubtree(actor, unit.path);
}

/** Creating an event owned by a jurisdiction: bureaus of that jurisdiction or above it. */
export function canCreateTraining(actor: Actor, ownerPath: string): boolean {
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, ownerPath));
}
