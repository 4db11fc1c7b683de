/** The public registry as an Excel sheet (public, like the registry): the search's filters, read page by page. */
import type { RegistryQuery } from '../../../shared/schemas/publicity';
import type { Executor } from '../../db/client';
import { pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import { type registrySummary, searchRegistry } from './registry-queries';

export function exportRegistry(
  db: Executor,
  filter: Omit<RegistryQuery, 'page' | 'pageSize'>,
): XlsxSheet<ReturnType<typeof registrySummary>> {
  return {
    name: '示范基地名录',
    columns: [
      { header: '证书编号', width: 24, value: (r) => r.certificateNo },
      { header: '单位名称', width: 32, value: (r) => r.unitName },
      { header: '称号', width: 28, value: (r) => r.title },
      { header: '类型', width: 12, value: (r) => r.categoryLabel },
      { header: '级别', width: 10, value: (r) => r.levelLabel },
      { header: '所在辖区', width: 18, value: (r) => r.jurisdictionName },
      { header: '所属行业', width: 28, value: (r) => r.industryName ?? r.industryCode },
      { header: '年度', width: 8, value: (r) => r.year },
      { header: '认定机关', width: 26, value: (r) => r.issuer },
      { header: '认定日期', width: 12, value: (r) => r.decidedOn },
      { header: '状态', width: 12, value: (r) => r.statusLabel },
      { header: '撤销日期', width: 12, value: (r) => r.revokedOn },
    ],
    pages: pagesOf((page, pageSize) => searchRegistry(db, { ...filter, page, pageSize })),
  };
}
