/** The service records as an Excel sheet, with the list's scope and filters, read page by page. */
import { ServiceKind, ServiceProvider } from '../../../shared/enums-services';
import type { ServiceRecordQuery } from '../../../shared/schemas/services';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import { listServiceRecords } from './list-services';

type Row = Awaited<ReturnType<typeof listServiceRecords>>['items'][number];

export function exportServiceRecords(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<ServiceRecordQuery, 'page' | 'pageSize'>,
): XlsxSheet<Row> {
  return {
    name: '服务记录',
    columns: [
      { header: '日期', width: 12, value: (r) => r.occurredOn },
      { header: '服务类型', width: 12, value: (r) => ServiceKind.labels[r.kind] },
      { header: '服务对象', width: 32, value: (r) => r.unitName },
      { header: '所在辖区', width: 16, value: (r) => r.jurisdictionName },
      { header: '提供方', width: 24, value: (r) => r.partnerName ?? ServiceProvider.labels[r.provider] },
      { header: '主题', width: 36, value: (r) => r.title },
      { header: '内容', width: 48, value: (r) => r.description },
      { header: '计入台账', width: 10, value: (r) => (r.ledgerEntryId ? '是' : '否') },
    ],
    pages: pagesOf((page, pageSize) => listServiceRecords(db, ctx, { ...filter, page, pageSize })),
  };
}
