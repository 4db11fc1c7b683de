/** Shapes of the programme API's answers (src/server/routes/programmes.ts) as the browser receives them. */
import type { Programme } from '../../../core/programs/schema';
import type { RubricSummary } from '../../../core/rubric/summary';
import type { ProgrammeStatus } from '../../../shared/enums';

export interface ProgrammeSummary {
  id: string;
  code: string;
  version: number;
  status: ProgrammeStatus;
  ownerJurisdictionCode: string;
  ownerJurisdictionName: string;
  year: number;
  title: string;
  publishedAt: string | null;
  createdAt: string;
}

export interface KindSummary {
  id: string;
  name: string;
  category: string;
  level: string;
  rubric: RubricSummary;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  definition: Programme;
  kinds: KindSummary[];
  /** Whether the caller may edit, publish and clone it (its own jurisdiction's programme). */
  mayManage?: boolean;
}
