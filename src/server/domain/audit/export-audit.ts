/** The audit trail as an Excel sheet: the list's filters and the officer's subtree, subjects by name. */
import { AuditAction, AuditEntityType } from '../../../shared/enums';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { chinaTime, pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import { type AuditFilter, listAudit } from './list-audit';

type Row = Awaited<ReturnType<typeof listAudit>>['items'][number];

const labelOf = (labels: Record<string, string>, value: string) => labels[value] ?? value;
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export function exportAudit(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<AuditFilter, 'page' | 'pageSize'>,
): XlsxSheet<Row> {
  return {
    name: '操作日志',
    columns: [
      { header: '时间', width: 20, value: (r) => chinaTime(r.at) },
      { header: '操作人', width: 24, value: (r) => r.actorName ?? '匿名' },
      { header: 'IP 地址', width: 16, value: (r) => r.ip },
      { header: '操作', width: 18, value: (r) => labelOf(AuditAction.labels, r.action) },
      { header: '对象类型', width: 10, value: (r) => labelOf(AuditEntityType.labels, r.entityType) },
      { header: '对象', width: 36, value: (r) => r.entityName },
      { header: '修改前', width: 40, value: (r) => json(r.before) },
      { header: '修改后', width: 40, value: (r) => json(r.after) },
    ],
    pages: pagesOf((page, pageSize) => listAudit(db, ctx, { ...filter, page, pageSize })),
  };
}
