/** The home summaries of GET /guidance/applicant and /guidance/officer (src/server/routes/guidance.ts). */
import type { StageTiming } from '../../../../core/applications/guidance';
import type { ApplicationAction, WorkflowRole } from '../../../../core/applications/workflow';
import type { Page } from '../../../app/types';
import type { ProgrammeWindowValue } from '../../../components/ProgrammeWindowTag';
import type { ApplicationSummary } from '../../applications/application-types';

interface ProgrammeHead {
  id: string;
  code: string;
  title: string;
  year: number;
  ownerJurisdictionName: string;
}

export interface ApplicantGuidance {
  today: string;
  programmes: (ProgrammeHead & { window: ProgrammeWindowValue; kinds: { id: string; name: string }[] })[];
  selfAssessments: {
    id: string;
    programmeId: string;
    programmeTitle: string;
    kindName: string;
    practice: boolean;
    updatedAt: string;
  }[];
  applications: (ApplicationSummary & {
    waitingOn: WorkflowRole | null;
    nextStep: string;
    myActions: { action: ApplicationAction; label: string }[];
    window: ProgrammeWindowValue;
  })[];
}

export interface OfficerGuidance {
  today: string;
  programmes: (ProgrammeHead & {
    stages: {
      id: string;
      name: string;
      label: string | null;
      opens: string | null;
      closes: string | null;
      timing: StageTiming;
    }[];
  })[];
  todo: Page<ApplicationSummary>;
  late: (ApplicationSummary & {
    onMe: boolean;
    waitingOn: WorkflowRole | null;
    reasons: { reason: string; due: string; daysLate: number }[];
    daysLate: number;
  })[];
}
