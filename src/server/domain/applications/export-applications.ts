/** The applications list as an Excel sheet: the list's filters and scope, read page by page. */
import { ApplicationStatus } from '../../../core/applications/workflow';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { chinaTime, pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import type { ApplicationFilter } from './application-queries';
import { listApplications } from './list-applications';

type Row = Awaited<ReturnType<typeof listApplications>>['items'][number];

export function exportApplications(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<ApplicationFilter, 'page' | 'pageSize'> & { todo?: boolean },
): XlsxSheet<Row> {
  return {
    name: '申报',
    columns: [
      { header: '申报单位', width: 32, value: (r) => r.unitName },
      { header: '所在辖区', width: 18, value: (r) => r.jurisdictionName },
      { header: '工作方案', width: 36, value: (r) => r.programmeTitle },
      { header: '年度', width: 8, value: (r) => r.programmeYear },
      { header: '申报类型', width: 28, value: (r) => r.kindName },
      { header: '状态', width: 14, value: (r) => ApplicationStatus.labels[r.status] },
      { header: '区县评分', width: 10, value: (r) => r.districtScore },
      { header: '提交时间', width: 20, value: (r) => chinaTime(r.submittedAt) },
      { header: '最近更新', width: 20, value: (r) => chinaTime(r.updatedAt) },
    ],
    pages: pagesOf((page, pageSize) => listApplications(db, ctx, { ...filter, page, pageSize })),
  };
}
