/** Shapes of the assessment API (src/server/routes/assessments.ts) as the pages read them. */
import type { AssessmentStatus } from '../../../shared/enums-assessment';

export interface SchemeSummary {
  id: string;
  code: string;
  year: number;
  title: string;
  issuer: string;
  ownerJurisdictionCode: string;
  ownerName: string;
  status: AssessmentStatus;
  statusLabel: string;
  totalPoints: number;
  indicatorCount: number;
  version: number;
  publishedAt: string | null;
  resultsPublishedAt: string | null;
  mayManage: boolean;
}

export interface IndicatorScore {
  id: string;
  text: string;
  maxPoints: number;
  kind: 'computed' | 'scored';
  metricLabel: string | null;
  unit: string | null;
  full: number | null;
  value: number | null;
  points: number | null;
  note: string | null;
  scoreVersion: number | null;
  records?: { label: string; detail: string; link?: string }[];
}

export interface ScoreRow {
  jurisdictionCode: string;
  jurisdictionName: string;
  total: number;
  pending: number;
  rank: number | null;
  praised: boolean;
  indicators: IndicatorScore[];
}

export interface Scorecards {
  scheme: SchemeSummary;
  rows: ScoreRow[];
}

export const STATUS_COLORS = { draft: 'default', published: 'processing', results_published: 'success' } as const;
