/** A programme's targets (建设任务) against what was certified, as an Excel sheet: the report the page shows. */
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { onePage, type XlsxSheet } from '../../export/xlsx-stream';
import { targetReport } from './target-report';

type Row = Awaited<ReturnType<typeof targetReport>>['rows'][number];

const count = (n: number | null) => n ?? '不统计';

/** The report is read first (it authorises), so a refusal answers before the download starts. */
export async function exportTargets(db: Executor, ctx: RequestContext, programmeId: string, today: string) {
  const report = await targetReport(db, ctx, programmeId, today);
  const sheet: XlsxSheet<Row> = {
    name: '建设任务',
    columns: [
      { header: '辖区', width: 16, value: (r) => r.jurisdictionName },
      { header: '分组', width: 24, value: (r) => r.label },
      { header: '对象', width: 14, value: (r) => r.subjectLabel },
      { header: '类型', width: 12, value: (r) => r.kindLabel },
      { header: '级别', width: 10, value: (r) => r.levelLabel },
      { header: '起始日期', width: 12, value: (r) => r.from },
      { header: '完成期限', width: 12, value: (r) => r.due },
      { header: '目标数', width: 8, value: (r) => r.atLeast },
      { header: '已认定', width: 8, value: (r) => count(r.certified) },
      { header: '在办', width: 8, value: (r) => count(r.inProgress) },
      { header: '尚差', width: 8, value: (r) => count(r.remaining) },
      { header: '完成情况', width: 10, value: (r) => r.stateLabel },
      { header: '说明', width: 36, value: (r) => r.note ?? (r.rolledUp ? '由下级辖区目标汇总' : null) },
    ],
    pages: onePage(async () => report.rows),
  };
  return { report, sheet };
}
