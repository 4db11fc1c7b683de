/** A programme's acceptance results as an Excel sheet: the results list's rows, scope and order, page by page. */
import { ApplicationStatus } from '../../../core/applications/workflow';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import { listPanelResults, type PanelResultsFilter } from './list-panel-results';

type Row = Awaited<ReturnType<typeof listPanelResults>>['items'][number];

/** The panel's verdict in words, as the results page shows it. */
export function panelVerdict(row: Row): string {
  if (!row.scoresVisible) return '';
  if (row.passed === null) return row.form === 'scored' && row.passMark === null ? '方案未设合格分' : '尚无评分';
  return row.passed ? '达到通过要求' : '未达到通过要求';
}

export function exportPanelResults(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<PanelResultsFilter, 'page' | 'pageSize'>,
): XlsxSheet<Row> {
  return {
    name: '验收结果',
    columns: [
      { header: '申报单位', width: 32, value: (r) => r.unitName },
      { header: '所在辖区', width: 18, value: (r) => r.jurisdictionName },
      { header: '申报类型', width: 28, value: (r) => r.kindName },
      { header: '状态', width: 14, value: (r) => ApplicationStatus.labels[r.status] },
      { header: '验收组人数', width: 10, value: (r) => r.panelSize },
      { header: '已完成评分', width: 10, value: (r) => r.sheetsComplete },
      { header: '平均总分', width: 10, value: (r) => r.meanTotal },
      { header: '满分', width: 8, value: (r) => r.maxTotal },
      { header: '合格分', width: 8, value: (r) => r.passMark },
      {
        header: '多数意见符合项',
        width: 14,
        value: (r) => (r.metByMajority === null ? null : `${r.metByMajority}/${r.requirementCount}`),
      },
      { header: '评分结论', width: 14, value: panelVerdict },
    ],
    pages: pagesOf((page, pageSize) => listPanelResults(db, ctx, { ...filter, page, pageSize })),
  };
}
