/**
 * What the current user may reach in the interface, as named flags (Ant Design Pro's access.ts). The server decides
 * every request on its own (src/server/policies); these flags only choose which menus, routes and buttons to show.
 */
import type { CurrentUser } from './types';

export interface Access {
  /** Anyone, logged in or not (login, self-registration). */
  public: boolean;
  isLoggedIn: boolean;
  /** Applicants: their own unit's profile at /my-unit. */
  canViewOwnUnit: boolean;
  /** Officers and admins: the unit list of their scope. */
  canListUnits: boolean;
  /** Unit profiles: officers (their subtree), admins, applicants (their own unit; others answer 404). */
  canReadUnits: boolean;
  /** Registering units on someone's behalf: officers (in their subtree) and admins. */
  canRegisterUnit: boolean;
  /** Editing unit records: officers and admins, applicants their own unit. */
  canEditUnits: boolean;
  canViewJurisdictions: boolean;
  canAddJurisdiction: boolean;
  canReadAudit: boolean;
  canManageUsers: boolean;
  /** Officers and admins: their account's second factor (TOTP) on the account-security page. */
  canUseSecondFactor: boolean;
  /** Experts: the applications assigned to them for scoring. */
  canReviewApplications: boolean;
  /** Applicants: trade-secret evidence preservation (only the file's digest leaves the browser). */
  canPreserveEvidence: boolean;
  /** Applicants: self-assessment against a published programme's rubric. */
  canSelfAssess: boolean;
  /** Applicants (their unit's), officers (their jurisdiction's) and admins: applications. Experts use /reviews. */
  canUseApplications: boolean;
  /** Officers and admins: publicity notices and objections of the programmes they own. */
  canManagePublicity: boolean;
  /** Officers and admins: the expert registry and conflicts of interest. */
  canUseExpertRegistry: boolean;
  /** Experts: their own registry record and declared conflicts. */
  canViewOwnExpert: boolean;
  /** Admins: corrections of the official working-day calendar. */
  canManageCalendar: boolean;
  /** Everyone logged in reads published programmes; drafts and changes are for managers. */
  canViewProgrammes: boolean;
  /** City-level (and higher) officers and admins: import, edit drafts, publish, clone, export. */
  canManageProgrammes: boolean;
  /** Applicants (their unit), officers (their subtree) and admins: the ledger of activities (台账). */
  canUseLedger: boolean;
  /** Officers and admins assign guides (指导员, officers themselves) to units. */
  canAssignGuides: boolean;
  // People and outreach (issue 13)
  /** Officers and admins: contact enterprises (联系企业) and their contact log. */
  canUseContactFirms: boolean;
  /** Applicants (their unit) declare, officers confirm the provincial standard's adoption (贯标企业). */
  canUseStandardAdoptions: boolean;
  // Services, attack service, guides (issue 13)
  /** Officers and admins: service records, campaigns, conventions, partners and their statistics. */
  canUseServices: boolean;
  /** Applicants (request, provide) and officers (schedule): the simulated attack service. */
  canUseAttackService: boolean;
  /** Trainings and the lecture series: units (to register) and officers and admins (to publish, host, check in). */
  canUseTrainings: boolean;
  /** Officers and admins: reach statistics of the trainings. */
  canViewTrainingStats: boolean;
  /** rights (issue 12): officers (their subtree's clues) and applicants (their unit's requests). */
  canUseRights: boolean;
  // rights-cases (issue 12)
  /** Officers and admins: case handling, statistics, typical cases and the case-handling guides. */
  canUseRightsCases: boolean;
}

export type AccessKey = keyof Access;

export function accessFor(user: CurrentUser | null): Access {
  const role = user?.role;
  const officerOrAdmin = role === 'officer' || role === 'admin';
  return {
    public: true,
    isLoggedIn: user !== null,
    canViewOwnUnit: role === 'applicant' && user?.unitId != null,
    canListUnits: officerOrAdmin,
    canReadUnits: officerOrAdmin || role === 'applicant',
    canRegisterUnit: officerOrAdmin,
    canEditUnits: officerOrAdmin || role === 'applicant',
    canViewJurisdictions: officerOrAdmin,
    canAddJurisdiction: role === 'admin',
    canReadAudit: officerOrAdmin,
    canManageUsers: role === 'admin',
    canUseSecondFactor: officerOrAdmin,
    canReviewApplications: role === 'expert',
    canPreserveEvidence: role === 'applicant',
    canSelfAssess: role === 'applicant' && user?.unitId != null,
    canUseApplications: officerOrAdmin || (role === 'applicant' && user?.unitId != null),
    canManagePublicity: officerOrAdmin,
    canUseExpertRegistry: officerOrAdmin,
    canViewOwnExpert: role === 'expert',
    canManageCalendar: role === 'admin',
    canViewProgrammes: user !== null,
    canManageProgrammes: officerOrAdmin,
    canUseLedger: officerOrAdmin || (role === 'applicant' && user?.unitId != null),
    canAssignGuides: officerOrAdmin,
    canUseContactFirms: officerOrAdmin,
    canUseStandardAdoptions: officerOrAdmin || (role === 'applicant' && user?.unitId != null),
    // Services, attack service, guides (issue 13)
    canUseServices: officerOrAdmin,
    canUseAttackService: role === 'officer' || (role === 'applicant' && user?.unitId != null),
    canUseTrainings: officerOrAdmin || (role === 'applicant' && user?.unitId != null),
    canViewTrainingStats: officerOrAdmin,
    canUseRights: officerOrAdmin || (role === 'applicant' && user?.unitId != null),
    // rights-cases (issue 12)
    canUseRightsCases: officerOrAdmin,
  };
}

/** Whether this user may edit this unit: applicants only their own. */
export function canEditUnit(user: CurrentUser, unitId: string): boolean {
  if (user.role === 'applicant') return user.unitId === unitId;
  return user.role === 'officer' || user.role === 'admin';
}
