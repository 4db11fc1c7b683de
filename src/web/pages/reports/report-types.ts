/** The picture and report answers of routes/reports.ts, as the page reads them. */
import type { TargetRow } from '../targets/target-types';

export interface ReportPeriod {
  year: number;
  quarter: number | null;
  from: string;
  to: string;
  label: string;
}

export interface PictureFigure {
  metric: string;
  group: string;
  label: string;
  unit: string;
  description: string;
}

export interface PictureRow {
  jurisdictionCode: string;
  jurisdictionName: string;
  isTotal: boolean;
  hasChildren: boolean;
  values: Record<string, number | null>;
  previous: Record<string, number | null>;
}

export interface Picture {
  jurisdiction: { code: string; name: string };
  parent: { code: string; name: string; readable: boolean } | null;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  figures: PictureFigure[];
  rows: PictureRow[];
  bases: {
    jurisdictionCode: string;
    kindLabel: string;
    levelLabel: string;
    certified: number;
    active: number;
    previousCertified: number;
  }[];
  programme: { id: string; code: string; title: string; asOf: string } | null;
  targets: TargetRow[];
}

export interface Submission {
  id: string;
  periodLabel: string;
  reason: string | null;
  submittedByName: string;
  submittedAt: string;
  superseded: boolean;
}

export interface BureauStatus {
  jurisdictionCode: string;
  jurisdictionName: string;
  submitted: boolean;
  current: Submission | null;
  history: Submission[];
}

export interface ReportStatus {
  period: ReportPeriod;
  own: BureauStatus;
  subordinates: BureauStatus[];
  missing: string[];
}
