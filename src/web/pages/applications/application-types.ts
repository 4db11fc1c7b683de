/** Shapes of the application API's answers (src/server/routes/applications.ts) as the browser receives them. */
import type { ApplicationAction, ApplicationStatus } from '../../../core/applications/workflow';
import type { ApplicationForm, BaseKindOffer } from '../../../core/programs/schema';
import type { AnswerSet } from '../../../core/rubric/answers';
import type { Evaluation } from '../../../core/rubric/evaluate';
import type { MetricValues } from '../../../core/rubric/metrics';
import type { Rubric } from '../../../core/rubric/schema';

export interface ApplicationSummary {
  id: string;
  status: ApplicationStatus;
  unitId: string;
  unitName: string;
  jurisdictionCode: string;
  jurisdictionName: string;
  programmeId: string;
  programmeTitle: string;
  programmeYear: number;
  kindId: string;
  kindName: string;
  districtScore: number | null;
  submittedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface RankedCandidate {
  id: string;
  unitName: string;
  score: number;
  status: ApplicationStatus;
  rank: number;
  withinQuota: boolean;
}

export interface ApplicationDetail extends ApplicationSummary {
  formData: Record<string, string | number | null>;
  narrative: string;
  applicantOpinion: string;
  attachments: { sha256: string; fileName: string }[];
  answers: AnswerSet;
  districtAnswers: AnswerSet | null;
  districtOpinion: string | null;
  returnReason: string | null;
  acceptanceOpinion: string | null;
  kind: BaseKindOffer | undefined;
  form: ApplicationForm | null;
  rubric: Rubric;
  metrics: MetricValues;
  evaluation: Evaluation;
  districtEvaluation: Evaluation | null;
  ranking: { quota: number | null; recommended: number; candidates: RankedCandidate[] } | null;
  base: { certificateNo: string; decisionNumber: string | null; decidedOn: string; revokedOn: string | null } | null;
  stages: { id: string; kind: string; name: string; opinion: string | null }[];
  history: {
    action: string;
    fromStatus: ApplicationStatus | null;
    toStatus: ApplicationStatus;
    actorName: string | null;
    comment: string | null;
    at: string;
    businessDate: string | null;
  }[];
  roles: string[];
  allowedActions: ApplicationAction[];
  /** Offered actions outside their stage's published dates today (the dialog warns before confirming). */
  scheduleNotices: { action: ApplicationAction; code: string; enforced: boolean; message: string }[];
}
