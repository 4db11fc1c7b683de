/** Excel exports of the annual review worklist and of the incentives, through the one export mechanism. */
import type { BaseReviewsQuery, IncentivesQuery } from '../../../shared/schemas/oversight';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { pagesOf, type XlsxSheet } from '../../export/xlsx-stream';
import { type IncentiveRow, listIncentives } from './incentives';
import { listBaseReviews } from './list-base-reviews';

type ReviewRow = Awaited<ReturnType<typeof listBaseReviews>>['items'][number];

export function exportBaseReviews(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<BaseReviewsQuery, 'page' | 'pageSize'>,
  today: string,
): XlsxSheet<ReviewRow> {
  return {
    name: `${filter.year}年度复核`,
    columns: [
      { header: '证书编号', width: 24, value: (r) => r.certificateNo },
      { header: '单位名称', width: 32, value: (r) => r.unitName },
      { header: '称号', width: 28, value: (r) => r.title },
      { header: '所在辖区', width: 16, value: (r) => r.jurisdictionName },
      { header: '认定日期', width: 12, value: (r) => r.decidedOn },
      { header: '复核结论', width: 12, value: (r) => r.review?.outcomeLabel ?? (r.revokedOn ? '已撤销' : '未复核') },
      { header: '复核情况', width: 40, value: (r) => r.review?.findings ?? null },
      {
        header: '不符合的条件',
        width: 40,
        value: (r) =>
          r.review?.conditions
            .filter((c) => c.status === 'not_met')
            .map((c) => c.text)
            .join('；') ?? null,
      },
      { header: '整改期限', width: 12, value: (r) => r.review?.rectifyBy ?? null },
      { header: '整改验收', width: 16, value: (r) => r.review?.rectificationOutcomeLabel ?? null },
      { header: '撤销日期', width: 12, value: (r) => r.revokedOn },
    ],
    pages: pagesOf((page, pageSize) =>
      listBaseReviews(db, ctx, { ...filter, page, pageSize }, today, { checks: false }),
    ),
  };
}

export function exportIncentives(
  db: Executor,
  ctx: RequestContext,
  filter: Omit<IncentivesQuery, 'page' | 'pageSize'>,
): XlsxSheet<IncentiveRow> {
  return {
    name: '激励措施',
    columns: [
      { header: '证书编号', width: 24, value: (r) => r.certificateNo },
      { header: '单位名称', width: 32, value: (r) => r.unitName },
      { header: '称号', width: 28, value: (r) => r.title },
      { header: '所在辖区', width: 16, value: (r) => r.jurisdictionName },
      { header: '类型', width: 14, value: (r) => r.kindLabel },
      { header: '激励措施', width: 40, value: (r) => r.measure },
      { header: '金额（元）', width: 14, value: (r) => r.amountYuan },
      { header: '授予日期', width: 12, value: (r) => r.grantedOn },
      { header: '文号', width: 22, value: (r) => r.document },
      { header: '备注', width: 30, value: (r) => r.note },
    ],
    pages: pagesOf((page, pageSize) => listIncentives(db, ctx, { ...filter, page, pageSize })),
  };
}
