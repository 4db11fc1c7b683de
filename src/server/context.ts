/**
 * Who is acting and from where. Every use case takes a RequestContext so that it can authorise and audit without
 * knowing about HTTP.
 */
import type { JurisdictionLevel, Role } from '../shared/enums';
import { chinaToday } from './clock';
import type { IdempotencyClaim } from './idempotency';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Applicants: the unit they act for. */
  unitId: string | null;
  /** Officers: the jurisdiction they act for. */
  jurisdictionCode: string | null;
  /** Officers: the dotted path of that jurisdiction, for subtree checks. */
  jurisdictionPath: string | null;
  /** Officers: the level of that jurisdiction (programme management is for city level and above). */
  jurisdictionLevel: JurisdictionLevel | null;
}

export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  /**
   * The business date the request is judged on (src/server/clock.ts): "the last 12 months" of the ledger metrics,
   * windows and bans count back from it, so a demonstration run on a past programme sees its own year.
   */
  today: string;
  /**
   * The Idempotency-Key of a create request, carried into the create's transaction: the audit write records it there
   * (src/server/idempotency.ts), so the key commits with the record it created.
   */
  idempotency?: IdempotencyClaim;
}

/** A context for work the system does by itself (seeding, migrations, scheduled jobs). */
export function systemContext(today = chinaToday()): RequestContext {
  return { actor: null, ip: null, userAgent: 'system', today };
}
