/** Shapes of the rights-cases API answers the pages read (routes/rights-cases.ts, routes/rights-typical-cases.ts). */
import type {
  AppraisalStatus,
  AppraisalSubject,
  CaseOutcome,
  CaseStepKind,
  PartnerDepartment,
  SupervisionStatus,
  TypicalCaseStatus,
} from '../../../shared/enums-rights-cases';

export interface Bucket {
  key: string;
  label: string;
  count: number;
}

export interface RightsStatistics {
  totals: {
    clues: number;
    decided: number;
    avgDecisionDays: number | null;
    maxDecisionDays: number | null;
    cases: number;
    closedCases: number;
    overdueDecisions: number;
    overdueCases: number;
    transfers: number;
    appraisals: number;
    appraisalCost: number;
  };
  bySource: Bucket[];
  byStatus: Bucket[];
  byRoute: Bucket[];
  bySecretKind: Bucket[];
  byIndustry: Bucket[];
  byDistrict: Bucket[];
  byMonth: Bucket[];
  transfersByOutcome: Bucket[];
}

export interface CaseDocumentRecord {
  id: string;
  fileName: string;
  recordedBy: string;
  createdAt: string;
}

export interface CaseStep {
  kind: CaseStepKind;
  name: string;
  description: string;
  optional: boolean;
  done: boolean;
  completedOn: string | null;
  completedBy: string | null;
  note: string | null;
  documents: { key: string; title: string; required: boolean; records: CaseDocumentRecord[] }[];
}

export interface CaseView {
  clueId: string;
  clueNo: string;
  status: string;
  version: number;
  caseVersion: number;
  jurisdictionName: string;
  holderName: string;
  openedOn: string;
  closedOn: string | null;
  outcome: CaseOutcome | null;
  closingSummary: string | null;
  guide: { id: string; title: string; version: number };
  steps: CaseStep[];
  clock: {
    name: string;
    source: string;
    deadline: string;
    overdue: boolean;
    label: string;
    extensions: number;
    maxExtensions: number;
    extensionPeriod: number;
  };
  extensionRequest: { reason: string; requestedAt: string; requestedBy: string } | null;
  appraisals: {
    id: string;
    institution: string;
    subject: AppraisalSubject;
    matters: string;
    requestedOn: string;
    cost: number;
    status: AppraisalStatus;
    result: string | null;
    completedOn: string | null;
    version: number;
  }[];
  supervisions: {
    id: string;
    supervisorName: string;
    instructions: string;
    dueOn: string;
    status: SupervisionStatus;
    report: string | null;
    version: number;
  }[];
  jointBureaus: { jurisdictionCode: string; name: string; task: string }[];
  consultations: {
    id: string;
    heldOn: string;
    departments: PartnerDepartment[];
    participants: string;
    topic: string;
    conclusions: string;
  }[];
  typicalCases: { id: string; title: string; status: TypicalCaseStatus }[];
  mayHandle: boolean;
  mayApproveExtension: boolean;
  maySupervise: boolean;
}

export interface TypicalCase {
  id: string;
  clueId: string;
  clueNo: string;
  jurisdictionName: string;
  title: string;
  summary: string;
  body: string;
  significance: string | null;
  secretCategory: string | null;
  industry: string | null;
  status: TypicalCaseStatus;
  authorId: string;
  authorName: string;
  approverName: string | null;
  returnReason: string | null;
  publishedOn: string | null;
  version: number;
}
