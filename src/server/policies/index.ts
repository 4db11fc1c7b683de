/**
 * Who may do what: small named rules, one function `can` that every route and use case asks. Pure: the caller
 * loads the subject (with its jurisdiction path) first.
 */
import type { Actor } from '../context';

export type Subject =
  | { type: 'unit'; id: string; jurisdictionPath: string }
  /** Creating something inside a jurisdiction. */
  | { type: 'jurisdiction'; path: string }
  | { type: 'system' };

export type Action =
  | 'unit.list'
  | 'unit.read'
  | 'unit.create'
  | 'unit.update'
  | 'ledger.read'
  | 'ledger.write'
  /** Guidance visits (业务指导): the bureau's own record of its guides' work. */
  | 'ledger.record_guidance'
  | 'guide.assign'
  | 'programme.manage'
  | 'self_assessment.write'
  | 'audit.read'
  | 'user.manage'
  | 'jurisdiction.create';

/** True if `path` is the officer's own jurisdiction or below it. */
export function inSubtree(actor: Actor, path: string): boolean {
  return actor.jurisdictionPath !== null && path.startsWith(actor.jurisdictionPath);
}

export function can(actor: Actor | null, action: Action, subject: Subject = { type: 'system' }): boolean {
  if (!actor) return false;
  if (actor.role === 'admin') return true;
  switch (action) {
    case 'unit.list':
      // Every role may ask; unitScope() decides what comes back (experts: nothing until they have assignments).
      return true;
    case 'unit.read':
    case 'unit.update':
    case 'ledger.read':
    case 'ledger.write':
      if (subject.type !== 'unit') return false;
      if (actor.role === 'officer') return inSubtree(actor, subject.jurisdictionPath);
      if (actor.role === 'applicant') return actor.unitId === subject.id;
      return false;
    case 'unit.create':
      return actor.role === 'officer' && subject.type === 'jurisdiction' && inSubtree(actor, subject.path);
    case 'guide.assign':
    case 'ledger.record_guidance':
      return actor.role === 'officer' && subject.type === 'unit' && inSubtree(actor, subject.jurisdictionPath);
    case 'self_assessment.write':
      return actor.role === 'applicant' && subject.type === 'unit' && actor.unitId === subject.id;
    case 'programme.manage':
      // Any bureau, for programmes owned by its own jurisdiction or below: a city publishes the city's, a district
      // its own district-level programme (000 Putuo). Without a subject: whether the actor manages any at all.
      if (actor.role !== 'officer') return false;
      return subject.type === 'jurisdiction' ? inSubtree(actor, subject.path) : subject.type === 'system';
    case 'audit.read':
      return actor.role === 'officer';
    case 'user.manage':
    case 'jurisdiction.create':
      return false;
  }
}

/** Which units a list may return for this actor. */
export type UnitScope =
  | { kind: 'all' }
  | { kind: 'subtree'; path: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'none' };

export function unitScope(actor: Actor): UnitScope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'officer':
      return actor.jurisdictionPath ? { kind: 'subtree', path: actor.jurisdictionPath } : { kind: 'none' };
    case 'applicant':
      return actor.unitId ? { kind: 'unit', unitId: actor.unitId } : { kind: 'none' };
    case 'expert':
      return { kind: 'none' };
  }
}
