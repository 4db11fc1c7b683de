/**
 * A report upward as documents: its lines — every figure per jurisdiction against the same period a year earlier,
 * the bases by kind and level, the targets against plan — as one Excel sheet (the export mechanism) and a PDF (the
 * shared layout). Both are made from the figures frozen in the submission, so they never change after submitting.
 */
import { ReportKind } from '../../../shared/enums-oversight';
import { onePage, type XlsxSheet } from '../../export/xlsx-stream';
import { type ReportLine, renderReportUpward } from '../../pdf/report-upward';
import type { JurisdictionPicture } from './jurisdiction-picture';
import type { readSubmission } from './report-submissions';

function change(current: number | null, previous: number | null) {
  if (current === null || previous === null) return '';
  if (current === previous) return '与上年同期持平';
  return `较上年同期${current > previous ? '增加' : '减少'} ${Math.abs(current - previous)}`;
}

export function reportLines(picture: JurisdictionPicture): ReportLine[] {
  const names = new Map(picture.rows.map((r) => [r.jurisdictionCode, r.jurisdictionName]));
  const figures = picture.rows.flatMap((row) =>
    picture.figures.map((f) => ({
      section: `“五个一”统计：${f.group}`,
      jurisdiction: row.isTotal ? `${row.jurisdictionName}（合计）` : row.jurisdictionName,
      item: `${f.label}（${f.unit}）`,
      current: row.values[f.metric] ?? null,
      previous: row.previous[f.metric] ?? null,
      note: change(row.values[f.metric] ?? null, row.previous[f.metric] ?? null),
    })),
  );
  const bases = picture.bases.map((b) => ({
    section: '示范基地（按类型、级别）',
    jurisdiction: names.get(b.jurisdictionCode) ?? b.jurisdictionCode,
    item: `${b.levelLabel}${b.kindLabel}：本期认定`,
    current: b.certified,
    previous: b.previousCertified,
    note: `期末有效 ${b.active} 家`,
  }));
  const targets = picture.targets.map((t) => ({
    section: `目标任务：${picture.programme?.title ?? ''}`,
    jurisdiction: t.jurisdictionName,
    item: `${t.levelLabel}${t.kindLabel}${t.subject === 'base' ? '' : t.subjectLabel}（${t.due} 前 ${t.atLeast} 家）`,
    current: t.certified,
    previous: null,
    note: `目标 ${t.atLeast}，${t.stateLabel}`,
  }));
  return [...figures, ...bases, ...targets];
}

type Submission = Awaited<ReturnType<typeof readSubmission>>;

const titleOf = (s: Submission) =>
  `${s.figures.jurisdiction.name}商业秘密保护工作${ReportKind.labels[s.kind]}（${s.periodLabel}）`;

export function reportFileName(s: Submission, extension: 'xlsx' | 'pdf') {
  return `${titleOf(s)}.${extension}`;
}

export function reportSheet(submission: Submission): XlsxSheet<ReportLine> {
  const { period, previousPeriod } = submission.figures;
  return {
    name: `${submission.periodLabel}报表`,
    columns: [
      { header: '项目类别', width: 24, value: (l) => l.section },
      { header: '辖区', width: 18, value: (l) => l.jurisdiction },
      { header: '指标', width: 36, value: (l) => l.item },
      { header: `本期（${period.from}至${period.to}）`, width: 14, value: (l) => l.current ?? '不适用' },
      { header: `上年同期（${previousPeriod.from}至${previousPeriod.to}）`, width: 14, value: (l) => l.previous },
      { header: '说明', width: 28, value: (l) => l.note },
    ],
    pages: onePage(async () => reportLines(submission.figures)),
  };
}

export function reportPdf(submission: Submission) {
  return renderReportUpward({
    title: titleOf(submission),
    bureau: submission.figures.jurisdiction.name,
    parent: submission.figures.parent?.name ?? null,
    periodLabel: submission.periodLabel,
    previousLabel: submission.figures.previousPeriod.label,
    submittedByName: submission.submittedByName,
    submittedAt: submission.submittedAt,
    reason: submission.reason,
    lines: reportLines(submission.figures),
  });
}
