/**
 * Who may do what with services, campaigns, the simulated attack service and the guides library: small named rules,
 * pure, asked by the use cases in domain/services and domain/guides after they load the subject with its path.
 */
import type { GuideVisibility } from '../../shared/enums-services';
import type { Actor } from '../context';
import { inSubtree } from './index';

/** Bureaus over the unit (or the place) record services, campaign visits and partners there. */
export function canRecordServiceAt(actor: Actor, jurisdictionPath: string): boolean {
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, jurisdictionPath));
}

/** An association's own account records its convention too. */
export function canRecordConvention(actor: Actor, association: { id: string; jurisdictionPath: string }): boolean {
  return canRecordServiceAt(actor, association.jurisdictionPath) || actor.unitId === association.id;
}

export interface AttackParties {
  unitId: string;
  unitPath: string;
  /** The provider's own registered unit, whose accounts act for it. */
  providerUnitId: string | null;
  responsibleOfficerId: string | null;
}

/** The three parties of an assessment: the firm, the provider's accounts and the responsible officer. */
export function isAttackParty(actor: Actor, a: AttackParties): boolean {
  if (actor.role === 'applicant')
    return actor.unitId === a.unitId || (!!a.providerUnitId && actor.unitId === a.providerUnitId);
  return actor.role === 'officer' && actor.id === a.responsibleOfficerId;
}

/** The assessment's record (not its report): the parties and the bureaus over the firm, which assign the officer. */
export function canSeeAttack(actor: Actor, a: AttackParties): boolean {
  return isAttackParty(actor, a) || (actor.role === 'officer' && inSubtree(actor, a.unitPath));
}

/** Scheduling takes responsibility: a bureau over the firm, and once assigned only the responsible officer. */
export function canScheduleAttack(actor: Actor, a: AttackParties): boolean {
  if (actor.role !== 'officer' || !inSubtree(actor, a.unitPath)) return false;
  return a.responsibleOfficerId === null || a.responsibleOfficerId === actor.id;
}

/** The report comes from the provider's accounts or, for a provider without one, the responsible officer. */
export function canReportAttack(actor: Actor, a: AttackParties): boolean {
  if (actor.role === 'applicant') return !!a.providerUnitId && actor.unitId === a.providerUnitId;
  return actor.role === 'officer' && actor.id === a.responsibleOfficerId;
}

/** Public guides are for everybody; registered-only ones for every logged-in account. */
export function canSeeGuide(actor: Actor | null, visibility: GuideVisibility): boolean {
  return visibility === 'public' || actor !== null;
}

/** Bureaus publish guides under their own jurisdiction; they and the bureaus above revise them. */
export function canReviseGuide(actor: Actor, guidePath: string): boolean {
  return actor.role === 'officer' && inSubtree(actor, guidePath);
}
