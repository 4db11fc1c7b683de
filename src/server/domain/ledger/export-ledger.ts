/** The ledger list as an Excel sheet, with the same scope and filters as the list, read page by page. */
import { LedgerKind } from '../../../shared/enums';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import type { LedgerFilter } from './ledger-queries';
import { listLedgerEntries } from './list-ledger-entries';

type Row = Awaited<ReturnType<typeof listLedgerEntries>>['items'][number];

export function exportLedger(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<LedgerFilter, 'page' | 'pageSize'>,
): XlsxSheet<Row> {
  return {
    name: '台账',
    columns: [
      { header: '日期', width: 12, value: (r) => r.occurredOn },
      { header: '单位', width: 32, value: (r) => r.unitName },
      { header: '类型', width: 12, value: (r) => LedgerKind.labels[r.kind] },
      { header: '主题', width: 36, value: (r) => r.title },
      { header: '内容', width: 48, value: (r) => r.description },
      { header: '参加人数', width: 10, value: (r) => r.participants },
      { header: '覆盖比例(%)', width: 12, value: (r) => r.reachPercent },
      { header: '覆盖企业数', width: 12, value: (r) => r.firmsCovered },
      { header: '指导员', width: 16, value: (r) => r.guideName },
      { header: '附件', width: 36, value: (r) => r.attachments.map((a) => a.fileName).join('；') },
    ],
    pages: pagesOf((page, pageSize) => listLedgerEntries(db, ctx, { ...filter, page, pageSize })),
  };
}
