/** The ledger list as an Excel workbook, with the same scope and filters as the list. */
import ExcelJS from 'exceljs';
import { LedgerKind } from '../../../shared/enums';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import type { LedgerFilter } from './ledger-queries';
import { listLedgerEntries } from './list-ledger-entries';

export async function exportLedger(db: Executor, ctx: RequestContext, filter: LedgerFilter): Promise<Buffer> {
  const { items } = await listLedgerEntries(db, ctx, filter, { all: true });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '商秘 Shangmi';
  const sheet = workbook.addWorksheet('台账');
  sheet.columns = [
    { header: '日期', key: 'occurredOn', width: 12 },
    { header: '单位', key: 'unitName', width: 32 },
    { header: '类型', key: 'kind', width: 12 },
    { header: '主题', key: 'title', width: 36 },
    { header: '内容', key: 'description', width: 48 },
    { header: '参加人数', key: 'participants', width: 10 },
    { header: '覆盖比例(%)', key: 'reachPercent', width: 12 },
    { header: '覆盖企业数', key: 'firmsCovered', width: 12 },
    { header: '指导员', key: 'guideName', width: 16 },
    { header: '附件', key: 'attachments', width: 36 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const item of items) {
    sheet.addRow({
      ...item,
      kind: LedgerKind.labels[item.kind],
      attachments: item.attachments.map((a) => a.fileName).join('；'),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
