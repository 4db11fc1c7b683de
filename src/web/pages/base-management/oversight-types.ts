/** Shapes of the ongoing-management API (src/server/routes/oversight.ts) as the pages read them. */
import type { IncentiveKind, RectificationOutcome, ReviewOutcome } from '../../../shared/enums-oversight';

export interface ReviewedCondition {
  id: string;
  text: string;
  status: 'met' | 'not_met' | 'unknown';
  computed: boolean;
  detail?: string;
}

export interface ReviewCheck {
  certificateNo: string;
  year: number;
  asOf: string;
  conditions: ReviewedCondition[];
  suggestedRectifyBy: string | null;
  revocationGrounds: string[];
}

export interface ReviewRecord {
  year: number;
  outcome: ReviewOutcome;
  outcomeLabel: string;
  findings: string;
  conditions: ReviewedCondition[];
  rectifyBy: string | null;
  daysLeft: number | null;
  rectificationOutcome: RectificationOutcome | null;
  rectificationOutcomeLabel: string | null;
  rectificationFindings: string | null;
  rectifiedOn: string | null;
  version: number;
  recordedAt: string;
}

export interface BaseReviewRow {
  certificateNo: string;
  unitName: string;
  title: string;
  jurisdictionName: string;
  decidedOn: string;
  revokedOn: string | null;
  check: { met: number; notMet: number; toJudge: number } | null;
  review: ReviewRecord | null;
}

export interface BaseReviewList {
  programme: { id: string; title: string };
  year: number;
  asOf: string;
  mayReview: boolean;
  counts: Record<'all' | 'unreviewed' | 'rectifying' | 'overdue' | 'revoked', number>;
  total: number;
  items: BaseReviewRow[];
}

export interface IncentiveRow {
  id: string;
  certificateNo: string;
  title: string;
  unitName: string;
  jurisdictionName: string;
  kind: IncentiveKind;
  kindLabel: string;
  measure: string;
  amountYuan: number | null;
  grantedOn: string;
  document: string | null;
  note: string | null;
  recordedBy: string | null;
}
