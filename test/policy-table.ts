/**
 * Who may call each API operation: one line per operation of the OpenAPI document, `METHOD /path` → the scopes that
 * are granted. `test/authorization-matrix.test.ts` calls every operation as every role and compares with this table;
 * an operation missing here fails that suite, so a new endpoint cannot land without saying who may use it.
 *
 * Adding an endpoint: add its line (keep the groups by area), with the narrowest scopes that describe it. The
 * subject of an operation is the record its path names (or its body creates); the matrix builds one of each for a
 * unit in Keqiao (330603, under Shaoxing 330600) whose application went through acceptance and publicity.
 *
 * Scopes (space-separated; a caller is granted if any scope covers it):
 *   public              everybody, also without a session
 *   user                every logged-in account (lists are then scoped to what the caller may see)
 *   admin               system administrators
 *   officer:any         every bureau, whatever its jurisdiction
 *   officer:subtree     bureaus whose jurisdiction is the subject's or above it (Keqiao, Shaoxing)
 *   officer:district    the bureau of the subject unit's own district only (Keqiao)
 *   officer:owner       the bureau owning the subject's programme, and those above it (Shaoxing)
 *   applicant:own-unit  the applicant account of the subject's unit
 *   applicant:any       every applicant account
 *   expert:assigned     the expert seated on the subject application's panel
 *   expert:any          every expert account
 *
 * Everybody else is denied: 401 without a session, 403 or 404 (out-of-scope records are 404, see ARCHITECTURE.md).
 */
import { ROLES, type Role } from './helpers/subjects';

export type Scope =
  | 'public'
  | 'user'
  | 'admin'
  | 'officer:any'
  | 'officer:subtree'
  | 'officer:district'
  | 'officer:owner'
  | 'applicant:own-unit'
  | 'applicant:any'
  | 'expert:assigned'
  | 'expert:any';

export const POLICIES: Record<string, string> = {
  // Session, health, reference data
  'GET /api/v1/health': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/login/second-factor': 'public',
  'GET /api/v1/auth/second-factor': 'user',
  'POST /api/v1/auth/second-factor/enrolment': 'admin officer:any',
  'POST /api/v1/auth/second-factor/confirmation': 'admin officer:any',
  'POST /api/v1/auth/second-factor/disable': 'admin officer:any',
  'DELETE /api/v1/users/{id}/second-factor': 'admin',
  'POST /api/v1/auth/logout': 'user',
  'GET /api/v1/auth/me': 'public',
  'POST /api/v1/auth/register': 'public',
  'GET /api/v1/jurisdictions': 'public',
  'POST /api/v1/jurisdictions': 'admin',
  'GET /api/v1/system/business-date': 'user',
  'PUT /api/v1/system/business-date': 'admin',

  // Units, users, guides
  'GET /api/v1/units': 'user',
  'POST /api/v1/units': 'admin officer:subtree',
  'GET /api/v1/units/export.xlsx': 'user',
  'GET /api/v1/units/{id}': 'admin officer:subtree applicant:own-unit',
  'PATCH /api/v1/units/{id}': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/units/{id}/guides': 'admin officer:subtree applicant:own-unit',
  'POST /api/v1/units/{id}/guides': 'admin officer:subtree',
  'GET /api/v1/units/{id}/guide-candidates': 'admin officer:subtree',
  'DELETE /api/v1/units/{id}/guides/{guideId}': 'admin officer:subtree',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'PATCH /api/v1/users/{id}': 'admin',

  // Programmes
  'GET /api/v1/programs': 'user',
  'POST /api/v1/programs': 'admin officer:any',
  'GET /api/v1/programs/{id}': 'user',
  'PATCH /api/v1/programs/{id}': 'admin officer:owner',
  'GET /api/v1/programs/{id}/export': 'user',
  'POST /api/v1/programs/{id}/publish': 'admin officer:owner',
  'POST /api/v1/programs/{id}/clone': 'admin officer:owner',

  // Self-assessments, attachments, ledger
  'GET /api/v1/self-assessments': 'user',
  'POST /api/v1/self-assessments': 'applicant:any',
  'GET /api/v1/self-assessments/{id}': 'admin officer:subtree applicant:own-unit',
  'PATCH /api/v1/self-assessments/{id}': 'admin applicant:own-unit',
  'GET /api/v1/self-assessments/{id}/attachments/{sha256}': 'admin officer:subtree applicant:own-unit',
  'POST /api/v1/attachments': 'user',
  'GET /api/v1/ledger': 'user',
  'POST /api/v1/ledger': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/ledger/export.xlsx': 'user',
  'PATCH /api/v1/ledger/{id}': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/ledger/{id}/attachments/{attachmentId}': 'admin officer:subtree applicant:own-unit',

  // Evidence log
  'POST /api/v1/evidence/entries': 'applicant:any',
  'GET /api/v1/evidence/entries': 'applicant:any',
  'POST /api/v1/evidence/verify': 'public',
  'GET /api/v1/evidence/checkpoint': 'public',
  'GET /api/v1/evidence/proofs/inclusion': 'public',
  'GET /api/v1/evidence/proofs/consistency': 'public',
  'GET /api/v1/evidence/keys': 'public',
  'GET /api/v1/evidence/entries/{id}/bundle': 'public',
  'GET /api/v1/evidence/entries/{id}/certificate': 'public',
  'GET /api/v1/evidence/certificates/{certificateNo}': 'public',

  // Audit trail
  'GET /api/v1/audit': 'admin officer:any',
  'GET /api/v1/audit/export.xlsx': 'admin officer:any',

  // Applications and their documents
  'GET /api/v1/applications': 'user',
  'GET /api/v1/panel-results': 'user',
  'GET /api/v1/panel-results/export.xlsx': 'user',
  'POST /api/v1/applications': 'applicant:any',
  'GET /api/v1/applications/export.xlsx': 'user',
  'GET /api/v1/applications/{id}': 'admin officer:subtree applicant:own-unit expert:assigned',
  'PATCH /api/v1/applications/{id}': 'applicant:own-unit',
  'GET /api/v1/applications/{id}/attachments/{sha256}': 'admin officer:subtree applicant:own-unit expert:assigned',
  // Authorised per action (the programme's stages name the role): the matrix asks to revoke the certified base.
  'POST /api/v1/applications/{id}/transitions': 'admin officer:owner',
  'PUT /api/v1/applications/{id}/district-review': 'admin officer:district',
  'GET /api/v1/applications/{id}/documents/form': 'admin officer:subtree applicant:own-unit expert:assigned',
  'GET /api/v1/applications/{id}/documents/score-sheets/{expertId}': 'admin officer:owner expert:assigned',
  'GET /api/v1/applications/{id}/documents/score-summary': 'admin officer:owner expert:assigned',

  // Acceptance: panel, activities, opinion
  'GET /api/v1/applications/{id}/panel': 'admin officer:subtree applicant:own-unit expert:assigned',
  'POST /api/v1/applications/{id}/panel': 'admin officer:owner',
  'POST /api/v1/applications/{id}/panel/{expertId}/recusal': 'admin officer:owner expert:assigned',
  'PUT /api/v1/applications/{id}/panel/me': 'expert:assigned',
  'GET /api/v1/applications/{id}/panel/export.xlsx': 'admin officer:owner expert:assigned',
  'GET /api/v1/applications/{id}/acceptance-activities': 'admin officer:subtree expert:assigned',
  'POST /api/v1/applications/{id}/acceptance-activities': 'admin officer:owner',
  'PUT /api/v1/applications/{id}/acceptance-opinion': 'admin officer:owner',

  // Experts and conflicts of interest
  'GET /api/v1/experts': 'admin officer:any',
  'POST /api/v1/experts': 'admin officer:subtree',
  'GET /api/v1/experts/export.xlsx': 'admin officer:any',
  'GET /api/v1/experts/me': 'expert:any',
  'GET /api/v1/experts/{id}': 'admin officer:any expert:assigned',
  'PATCH /api/v1/experts/{id}': 'admin',
  'GET /api/v1/experts/{id}/conflicts': 'admin officer:any expert:assigned applicant:own-unit',
  'POST /api/v1/experts/{id}/conflicts': 'admin officer:any expert:assigned',
  'GET /api/v1/conflicts': 'admin officer:any',
  'POST /api/v1/conflicts/{id}/decision': 'admin officer:subtree',

  // Publicity, objections, registry
  'GET /api/v1/publicity': 'public',
  'POST /api/v1/publicity': 'admin officer:owner',
  'GET /api/v1/publicity/{id}': 'public',
  'GET /api/v1/publicity/{id}/document': 'public',
  'POST /api/v1/publicity/{id}/objections': 'public',
  'POST /api/v1/publicity/{id}/attachments': 'public',
  'GET /api/v1/objection-receipts/{code}': 'public',
  'GET /api/v1/objections': 'admin officer:any',
  'GET /api/v1/objections/{id}/attachments/{sha256}': 'admin officer:owner',
  'POST /api/v1/objections/{id}/resolution': 'admin officer:owner',
  'GET /api/v1/registry': 'public',
  'GET /api/v1/registry/export.xlsx': 'public',
  'GET /api/v1/registry/{certificateNo}': 'public',
  // Ongoing management of bases (动态管理): reviews, rectification, incentives
  'GET /api/v1/base-reviews': 'admin officer:subtree',
  'GET /api/v1/base-reviews/export.xlsx': 'admin officer:subtree',
  'GET /api/v1/registry/{certificateNo}/review-check': 'admin officer:owner',
  'POST /api/v1/registry/{certificateNo}/reviews': 'admin officer:owner',
  'POST /api/v1/registry/{certificateNo}/reviews/{year}/rectification': 'admin officer:owner',
  'POST /api/v1/registry/{certificateNo}/incentives': 'admin officer:owner',
  'GET /api/v1/base-incentives': 'admin officer:any applicant:any',
  'GET /api/v1/base-incentives/export.xlsx': 'admin officer:any applicant:any',
  // Bureau assessment (评估考核): the owner manages; the assessed district reads its own scorecard
  'GET /api/v1/assessments': 'admin officer:any',
  'POST /api/v1/assessments': 'admin officer:owner',
  'GET /api/v1/assessments/{id}': 'admin officer:subtree',
  'POST /api/v1/assessments/{id}/publish': 'admin officer:owner',
  'POST /api/v1/assessments/{id}/publish-results': 'admin officer:owner',
  'PUT /api/v1/assessments/{id}/scores': 'admin officer:owner',
  'GET /api/v1/assessments/{id}/scorecards': 'admin officer:subtree',
  'GET /api/v1/assessments/{id}/scorecards/{jurisdictionCode}': 'admin officer:subtree',
  'GET /api/v1/assessments/{id}/scorecards/{jurisdictionCode}/attachments/{sha256}': 'admin officer:subtree',
  // The "五个一" picture and the reports upward: a bureau its subtree; each bureau submits its own report
  'GET /api/v1/picture': 'admin officer:subtree',
  'GET /api/v1/reports/status': 'admin officer:subtree',
  'POST /api/v1/reports': 'officer:any',
  'GET /api/v1/reports/{id}': 'admin officer:subtree',
  'GET /api/v1/reports/{id}/report.xlsx': 'admin officer:subtree',
  'GET /api/v1/reports/{id}/report.pdf': 'admin officer:subtree',
  'GET /api/v1/registry/{certificateNo}/certificate': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/registry/{certificateNo}/plaque': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/registry/{certificateNo}/certification-list': 'public',

  // Targets, calendar, guidance, notifications
  'GET /api/v1/targets': 'user',
  'GET /api/v1/targets/export.xlsx': 'user',
  'GET /api/v1/calendar/overrides': 'user',
  'PUT /api/v1/calendar/overrides/{date}': 'admin',
  'DELETE /api/v1/calendar/overrides/{date}': 'admin',
  'GET /api/v1/calendar/years': 'user',
  'PUT /api/v1/calendar/years/{year}': 'admin',
  'GET /api/v1/calendar/working-days': 'public',
  'GET /api/v1/guidance/applicant': 'applicant:any',
  'GET /api/v1/guidance/officer': 'admin officer:any',
  'GET /api/v1/notifications': 'user',
  'POST /api/v1/notifications/{id}/read': 'applicant:own-unit',
  'POST /api/v1/notifications/read-all': 'user',

  // People and outreach (issue 13): the register's records of use, panel suggestions, contact firms, standard adopters
  'GET /api/v1/experts/{id}/records': 'admin officer:any expert:assigned',
  'POST /api/v1/experts/{id}/records': 'admin officer:any',
  'GET /api/v1/applications/{id}/panel/suggestions': 'admin officer:owner',
  'GET /api/v1/contact-firms': 'admin officer:any',
  'POST /api/v1/contact-firms': 'admin officer:subtree',
  'GET /api/v1/contact-firms/{id}': 'admin officer:subtree',
  'PATCH /api/v1/contact-firms/{id}': 'admin officer:subtree',
  'POST /api/v1/contact-firms/{id}/contacts': 'admin officer:subtree',
  'GET /api/v1/units/{id}/contact-firm': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/units/{id}/liaison-candidates': 'admin officer:subtree',
  'GET /api/v1/standard-adoptions': 'admin officer:any applicant:any',
  'POST /api/v1/standard-adoptions': 'applicant:any',
  'POST /api/v1/standard-adoptions/{id}/decision': 'admin officer:district',
  'GET /api/v1/standard-adoptions/{id}/attachments/{sha256}': 'admin officer:subtree applicant:own-unit',
  // Services and campaigns, simulated attack service, guides library (issue 13). The attack assessment's
  // responsible officer is Keqiao (it scheduled it); its report is for the firm, the provider and that officer only.
  'GET /api/v1/service-partners': 'user',
  'POST /api/v1/service-partners': 'admin officer:subtree',
  'GET /api/v1/service-records': 'user',
  'POST /api/v1/service-records': 'admin officer:subtree',
  'GET /api/v1/service-records/export.xlsx': 'user',
  'PATCH /api/v1/service-records/{id}': 'admin officer:subtree',
  'POST /api/v1/service-records/{id}/void': 'admin officer:subtree',
  'GET /api/v1/campaign-visits': 'user',
  'POST /api/v1/campaign-visits': 'admin officer:subtree',
  'GET /api/v1/conventions': 'user',
  'POST /api/v1/conventions': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/service-statistics': 'admin officer:any',
  'GET /api/v1/service-statistics/export.xlsx': 'admin officer:any',
  'GET /api/v1/attack-assessments': 'user',
  'POST /api/v1/attack-assessments': 'applicant:own-unit',
  'GET /api/v1/attack-assessments/{id}': 'officer:subtree applicant:own-unit',
  'POST /api/v1/attack-assessments/{id}/schedule': 'officer:district',
  'POST /api/v1/attack-assessments/{id}/report': 'officer:district',
  'GET /api/v1/attack-assessments/{id}/report': 'officer:district applicant:own-unit',
  'PATCH /api/v1/attack-findings/{id}': 'officer:district applicant:own-unit',
  'GET /api/v1/guides': 'user',
  'POST /api/v1/guides': 'officer:any',
  'GET /api/v1/guides/{id}': 'user',
  'POST /api/v1/guides/{id}/versions': 'officer:subtree',
  'GET /api/v1/guides/{id}/versions/{version}/file': 'user',
  'GET /api/v1/public-guides': 'public',
  'GET /api/v1/public-guides/{id}': 'public',
  'GET /api/v1/public-guides/{id}/file': 'public',
  // Trainings, the lecture series, forums (the subject: a Shaoxing lecture with a Keqiao sub-venue, the firm registered)
  'GET /api/v1/trainings': 'user',
  'POST /api/v1/trainings': 'admin officer:subtree',
  'GET /api/v1/trainings/{id}': 'admin officer:subtree applicant:own-unit',
  'PATCH /api/v1/trainings/{id}': 'admin officer:owner',
  'GET /api/v1/trainings/{id}/materials/{sha256}': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/trainings/{id}/registrations': 'admin officer:subtree applicant:own-unit',
  'POST /api/v1/trainings/{id}/registrations': 'admin officer:subtree applicant:own-unit',
  'POST /api/v1/trainings/{id}/walk-ins': 'admin officer:subtree',
  'GET /api/v1/trainings/{id}/feedback': 'admin officer:subtree',
  'GET /api/v1/training-registrations/{id}': 'admin officer:subtree applicant:own-unit',
  'POST /api/v1/training-registrations/{id}/check-in': 'admin officer:subtree',
  'POST /api/v1/training-registrations/{id}/cancellation': 'admin officer:subtree applicant:own-unit',
  'POST /api/v1/training-registrations/{id}/feedback': 'admin applicant:own-unit',
  'GET /api/v1/training-registrations/{id}/certificate': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/training-stats': 'admin officer:any',
  'GET /api/v1/training-stats/export.xlsx': 'admin officer:any',
  // rights (issue 12, rights-core): content for handlers (Keqiao), the city above and the reporting unit
  'GET /api/v1/rights/clues': 'user',
  'POST /api/v1/rights/clues': 'officer:any applicant:any',
  'GET /api/v1/rights/clues/{id}': 'admin officer:subtree applicant:own-unit',
  'GET /api/v1/rights/clues/{id}/attachments/{sha256}': 'officer:subtree applicant:own-unit',
  'GET /api/v1/rights/clues/{id}/handler-candidates': 'officer:subtree',
  'POST /api/v1/rights/clues/{id}/handlers': 'officer:subtree',
  'POST /api/v1/rights/clues/{id}/evidence': 'officer:district applicant:own-unit',
  'POST /api/v1/rights/clues/{id}/triage': 'officer:district',
  'POST /api/v1/rights/clues/{id}/extension': 'officer:district',
  'POST /api/v1/rights/clues/{id}/extension/approval': 'officer:subtree',
  'POST /api/v1/rights/clues/{id}/transfer-steps': 'officer:district',
  'POST /api/v1/rights/clues/{id}/messages': 'officer:district applicant:own-unit',
  'POST /api/v1/rights/clues/{id}/notes': 'officer:subtree',
  'POST /api/v1/rights/duplicates/{id}/decision': 'officer:subtree',
  'POST /api/v1/rights/overdue-notices': 'officer:owner',
  'GET /api/v1/rights/rules': 'public',
  'PUT /api/v1/rights/rules/{code}': 'officer:owner',
  'GET /api/v1/rights/centres': 'public',
  'POST /api/v1/rights/centres': 'officer:owner',
  'POST /api/v1/rights/public/reports': 'public',
  'POST /api/v1/rights/public/attachments': 'public',
  'POST /api/v1/rights/public/follow': 'public',
  'POST /api/v1/rights/public/messages': 'public',
  // rights-cases (issue 12): the Keqiao case's handler is Keqiao; Shaoxing supervises it (city above)
  'GET /api/v1/rights/guides': 'admin officer:any',
  'POST /api/v1/rights/guides': 'admin officer:owner',
  'GET /api/v1/rights/guides/{id}': 'admin officer:any',
  'GET /api/v1/rights/guides/{id}/templates/{documentKey}': 'admin officer:any',
  'GET /api/v1/rights/cases/{id}': 'officer:subtree',
  'POST /api/v1/rights/cases/{id}/steps': 'officer:district',
  'POST /api/v1/rights/cases/{id}/documents': 'officer:district',
  'GET /api/v1/rights/cases/{id}/documents/{documentId}': 'officer:subtree',
  'POST /api/v1/rights/cases/{id}/extension': 'officer:district',
  'POST /api/v1/rights/cases/{id}/extension/approve': 'officer:subtree',
  'POST /api/v1/rights/cases/{id}/close': 'officer:district',
  'POST /api/v1/rights/cases/{id}/appraisals': 'officer:district',
  'PATCH /api/v1/rights/cases/{id}/appraisals/{appraisalId}': 'officer:district',
  'POST /api/v1/rights/cases/{id}/supervisions': 'officer:owner',
  'PATCH /api/v1/rights/cases/{id}/supervisions/{supervisionId}': 'officer:district',
  'POST /api/v1/rights/cases/{id}/joint-bureaus': 'officer:owner',
  'POST /api/v1/rights/cases/{id}/consultations': 'officer:subtree',
  'POST /api/v1/rights/transfers/{id}/close': 'officer:district',
  'GET /api/v1/rights/typical-cases': 'user',
  'POST /api/v1/rights/typical-cases': 'officer:subtree',
  'GET /api/v1/rights/typical-cases/{id}': 'admin officer:subtree',
  'PATCH /api/v1/rights/typical-cases/{id}': 'officer:district',
  'POST /api/v1/rights/typical-cases/{id}/submit': 'officer:district',
  'POST /api/v1/rights/typical-cases/{id}/approve': 'officer:owner',
  'POST /api/v1/rights/typical-cases/{id}/return': 'officer:owner',
  'GET /api/v1/typical-cases': 'public',
  'GET /api/v1/typical-cases/{id}': 'public',
  'GET /api/v1/rights/statistics': 'admin officer:any',
  'GET /api/v1/rights/statistics/export.xlsx': 'admin officer:any',
};

/** The roles each scope grants, on the matrix's subjects. */
const GRANTS: Record<Scope, readonly Role[]> = {
  public: ROLES,
  user: ROLES.filter((r) => r !== 'anonymous'),
  admin: ['admin'],
  'officer:any': ['officer', 'officerAbove', 'officerForeign'],
  'officer:subtree': ['officer', 'officerAbove'],
  'officer:district': ['officer'],
  'officer:owner': ['officerAbove'],
  'applicant:own-unit': ['applicant'],
  'applicant:any': ['applicant', 'applicantOther'],
  'expert:assigned': ['expertAssigned'],
  'expert:any': ['expertAssigned', 'expertOther'],
};

/** The roles a policy line grants on the matrix's subjects. */
export function grantedRoles(policy: string): Set<Role> {
  const roles = new Set<Role>();
  for (const scope of policy.split(/\s+/).filter(Boolean)) {
    const granted = GRANTS[scope as Scope];
    if (!granted) throw new Error(`unknown scope ${scope}`);
    for (const role of granted) roles.add(role);
  }
  return roles;
}
