/** The units list as an Excel sheet: the list's filters and the reader's scope, read page by page. */
import { industryLabel } from '../../../shared/data/industries';
import { UnitKind } from '../../../shared/enums';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { chinaTime, pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import { listUnits } from './list-units';
import type { UnitListFilter } from './unit-queries';

type Row = Awaited<ReturnType<typeof listUnits>>['items'][number];

export function exportUnits(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<UnitListFilter, 'page' | 'pageSize'>,
): XlsxSheet<Row> {
  return {
    name: '单位',
    columns: [
      { header: '单位名称', width: 32, value: (r) => r.name },
      { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode },
      { header: '单位类型', width: 14, value: (r) => UnitKind.labels[r.kind] },
      { header: '法定代表人', width: 12, value: (r) => r.legalRepresentative },
      { header: '所属行业', width: 28, value: (r) => industryLabel(r.industryCode) ?? r.industryCode },
      { header: '从业人数', width: 10, value: (r) => r.staffCount },
      { header: '所在辖区', width: 18, value: (r) => r.jurisdictionName },
      { header: '登记时间', width: 20, value: (r) => chinaTime(r.createdAt) },
    ],
    pages: pagesOf((page, pageSize) => listUnits(db, ctx, { ...filter, page, pageSize })),
  };
}
