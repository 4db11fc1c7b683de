/**
 * Shapes of the API's responses as the browser receives them (dates are ISO strings). They mirror the response
 * schemas in src/server/routes/*.ts, which are not importable from the browser bundle.
 */
import type { ContactRole, JurisdictionLevel, Role, UnitKind } from '../../shared/enums';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  jurisdictionCode: string | null;
  jurisdictionLevel: JurisdictionLevel | null;
}

export interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
}

/** The password step of an account with a second factor: send the authenticator's code with this challenge. */
export interface SecondFactorChallenge {
  secondFactorRequired: true;
  challenge: string;
  expiresAt: string;
}

/** `/auth/me`: the session, or no user for an anonymous visitor. */
export type SessionProbe = SessionInfo | { user: null; csrfToken: null };

export interface Page<T> {
  items: T[];
  total: number;
}

export interface FieldMessage {
  path: string;
  message: string;
}

export interface Jurisdiction {
  code: string;
  name: string;
  level: JurisdictionLevel;
  parentCode: string | null;
  path: string;
}

export interface UnitSummary {
  id: string;
  kind: UnitKind;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  industryCode: string;
  staffCount: number | null;
  jurisdictionCode: string;
  jurisdictionName: string;
  createdAt: string;
}

export interface UnitRef {
  id: string;
  name: string;
}

export interface UnitContact {
  id: string;
  role: ContactRole;
  name: string;
  department: string | null;
  position: string | null;
  officePhone: string | null;
  mobile: string | null;
  email: string | null;
  remark: string | null;
}

export interface UnitDetail {
  id: string;
  kind: UnitKind;
  name: string;
  creditCode: string;
  legalRepresentative: string;
  address: string;
  postcode: string;
  industryCode: string;
  staffCount: number | null;
  annualOutput: number | null;
  jurisdictionCode: string;
  jurisdictionName: string;
  parkId: string | null;
  park: UnitRef | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  contacts: UnitContact[];
  members: (UnitRef & { kind: UnitKind; creditCode: string })[];
  memberOf: UnitRef[];
  parkTenants: (UnitRef & { kind: UnitKind })[];
}

export interface UnitSaved {
  unit: UnitDetail;
  warnings: FieldMessage[];
}

export interface RegistrationResult {
  userId: string;
  unitId: string;
  /** The login name the platform assigned (the chosen name and a random suffix). */
  username: string;
  warnings: FieldMessage[];
}

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  jurisdictionCode: string | null;
  jurisdictionName: string | null;
  phone: string | null;
  email: string | null;
  disabled: boolean;
  version: number;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The subject's name (unit, account, programme …); null when it has none. */
  entityName: string | null;
  before: unknown;
  after: unknown;
}
