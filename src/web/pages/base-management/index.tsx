/**
 * 动态管理: the ongoing management of the bases a programme certified. The annual review worklist of a year — what the
 * platform's data says of each unreviewed base, the reviews, rectifications with their deadlines (overdue ones in
 * red) and revocations — with the review, rectification and incentive dialogs for the certifying bureau; and the
 * incentives granted, with their total. Programme, year and filter live in the address bar; exports hold the rows.
 */
import { Button, Card, InputNumber, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, useApiErrorHandler } from '../../app/api';
import { useBusinessDate } from '../../app/business-date';
import type { Page } from '../../app/types';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { useProgrammeChoice } from '../../hooks/useProgrammeChoice';
import { IncentiveDialog } from './IncentiveDialog';
import type { BaseReviewList, BaseReviewRow, IncentiveRow } from './oversight-types';
import { RectificationDialog } from './RectificationDialog';
import { ReviewDialog } from './ReviewDialog';

const STATUSES = [
  { value: 'all', label: '全部' },
  { value: 'unreviewed', label: '未复核' },
  { value: 'rectifying', label: '整改中' },
  { value: 'overdue', label: '整改逾期' },
  { value: 'revoked', label: '已撤销' },
] as const;
type Status = (typeof STATUSES)[number]['value'];

const OUTCOME_COLORS = { pass: 'success', rectify: 'warning', revoke: 'error' } as const;

function CheckSummary({ row }: { row: BaseReviewRow }) {
  if (!row.check) return <Typography.Text type="secondary">—</Typography.Text>;
  const { met, notMet, toJudge } = row.check;
  return (
    <Space size={4} wrap>
      {notMet > 0 && <Tag color="error">{`不符合 ${notMet} 项`}</Tag>}
      {met > 0 && <Tag color="success">{`符合 ${met} 项`}</Tag>}
      {toJudge > 0 && <Tag>{`待判断 ${toJudge} 项`}</Tag>}
    </Space>
  );
}

function Rectification({ row }: { row: BaseReviewRow }) {
  const r = row.review;
  if (r?.outcome !== 'rectify') return <Typography.Text type="secondary">—</Typography.Text>;
  if (r.rectificationOutcome) {
    return <Tag color={r.rectificationOutcome === 'accepted' ? 'success' : 'error'}>{r.rectificationOutcomeLabel}</Tag>;
  }
  if (!r.rectifyBy) return <Tag color="warning">整改中</Tag>;
  return r.daysLeft !== null && r.daysLeft < 0 ? (
    <Tag color="error">{`${r.rectifyBy} 到期，已逾期 ${-r.daysLeft} 天`}</Tag>
  ) : (
    <Tag color="warning">{`${r.rectifyBy} 到期，剩余 ${r.daysLeft} 天`}</Tag>
  );
}

type Dialog =
  | { kind: 'review'; row: BaseReviewRow }
  | { kind: 'rectification'; row: BaseReviewRow }
  | { kind: 'incentive'; row: BaseReviewRow }
  | null;

function ReviewsTab({ programmeId, year }: { programmeId: string; year: number }) {
  const handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES.find((s) => s.value === params.get('status'))?.value ?? 'all') as Status;
  const page = Number(params.get('page')) || 1;
  const [data, setData] = useState<BaseReviewList | null>(null);
  const [loading, setLoading] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = { programmeId, year, status };

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<BaseReviewList>('/base-reviews', { programmeId, year, status, page, pageSize: 20 })
      .then(setData, handleError)
      .finally(() => setLoading(false));
  }, [programmeId, year, status, page, handleError]);
  useEffect(load, [load]);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    value === null ? next.delete(key) : next.set(key, value);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const done = () => {
    setDialog(null);
    load();
  };

  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented
          aria-label="复核状态"
          value={status}
          onChange={(v) => setParam('status', v === 'all' ? null : String(v))}
          options={STATUSES.map((s) => ({
            value: s.value,
            label: `${s.label}${data ? ` ${data.counts[s.value]}` : ''}`,
          }))}
        />
        <ExportButton path="/base-reviews" query={query} />
      </Space>
      {data && !data.mayReview && (
        <Typography.Paragraph type="secondary">
          年度复核由认定该示范基地的监管部门进行，本页仅供查看本辖区示范基地的复核情况。
        </Typography.Paragraph>
      )}
      <Table<BaseReviewRow>
        rowKey="certificateNo"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有符合条件的示范基地' }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          showTotal: (n) => `共 ${n} 个示范基地`,
          onChange: (p) => setParam('page', p === 1 ? null : String(p)),
        }}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'unitName',
            render: (name: string, r) => <Link to={`/registry/${encodeURIComponent(r.certificateNo)}`}>{name}</Link>,
          },
          { title: '称号', dataIndex: 'title' },
          { title: '辖区', dataIndex: 'jurisdictionName' },
          { title: '认定日期', dataIndex: 'decidedOn' },
          { title: '平台核验', key: 'check', render: (_: unknown, r) => <CheckSummary row={r} /> },
          {
            title: '复核结论',
            key: 'outcome',
            render: (_: unknown, r) =>
              r.review ? (
                <Tag color={OUTCOME_COLORS[r.review.outcome]}>{r.review.outcomeLabel}</Tag>
              ) : r.revokedOn ? (
                <Tag color="error">{`已于 ${r.revokedOn} 撤销`}</Tag>
              ) : (
                <Tag>未复核</Tag>
              ),
          },
          { title: '整改', key: 'rectification', render: (_: unknown, r) => <Rectification row={r} /> },
          ...(data?.mayReview
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, r: BaseReviewRow) =>
                    r.revokedOn ? null : (
                      <Space size={0} wrap>
                        {!r.review && (
                          <Button type="link" onClick={() => setDialog({ kind: 'review', row: r })}>
                            年度复核
                          </Button>
                        )}
                        {r.review?.outcome === 'rectify' && !r.review.rectificationOutcome && (
                          <Button type="link" onClick={() => setDialog({ kind: 'rectification', row: r })}>
                            整改验收
                          </Button>
                        )}
                        <Button type="link" onClick={() => setDialog({ kind: 'incentive', row: r })}>
                          记录激励
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {dialog?.kind === 'review' && (
        <ReviewDialog
          open
          certificateNo={dialog.row.certificateNo}
          unitName={dialog.row.unitName}
          year={year}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'rectification' && dialog.row.review && (
        <RectificationDialog
          open
          certificateNo={dialog.row.certificateNo}
          unitName={dialog.row.unitName}
          year={year}
          version={dialog.row.review.version}
          rectifyBy={dialog.row.review.rectifyBy}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.kind === 'incentive' && (
        <IncentiveDialog
          open
          certificateNo={dialog.row.certificateNo}
          unitName={dialog.row.unitName}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
    </>
  );
}

function IncentivesTab({ programmeId, year }: { programmeId: string; year: number }) {
  const handleError = useApiErrorHandler();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<IncentiveRow> & { totalAmountYuan: number }>();
  const query = { programmeId, year };
  useEffect(() => {
    api
      .get<Page<IncentiveRow> & { totalAmountYuan: number }>('/base-incentives', { programmeId, year, page })
      .then(setData, handleError);
  }, [programmeId, year, page, handleError]);
  return (
    <>
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text>
          {`${year}年共记录激励措施 ${data?.total ?? 0} 项，经费合计 ${(data?.totalAmountYuan ?? 0).toLocaleString('zh-CN')} 元`}
        </Typography.Text>
        <ExportButton path="/base-incentives" query={query} />
      </Space>
      <Table<IncentiveRow>
        rowKey="id"
        loading={!data}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '本年度尚未记录激励措施' }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'unitName',
            render: (name: string, r) => <Link to={`/registry/${encodeURIComponent(r.certificateNo)}`}>{name}</Link>,
          },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '激励措施', dataIndex: 'measure' },
          {
            title: '金额（元）',
            dataIndex: 'amountYuan',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')),
          },
          { title: '授予日期', dataIndex: 'grantedOn' },
          { title: '文号', dataIndex: 'document', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}

export default function BaseManagementPage() {
  const { today } = useBusinessDate();
  const { programmes, programmeId, options, params, setParams } = useProgrammeChoice();
  const year = Number(params.get('year')) || today.year();
  const tab = params.get('tab') === 'incentives' ? 'incentives' : 'reviews';
  const set = (changes: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...changes });

  return (
    <PageContainer title="动态管理" subTitle="示范基地的年度复核、限期整改、撤销认定与激励措施">
      <Card>
        <Space style={{ marginBottom: 16, width: '100%' }} wrap>
          <Select
            aria-label="选择工作方案"
            showSearch
            optionFilterProp="label"
            style={{ width: 'min(560px, 80vw)' }}
            loading={programmes === null}
            value={programmeId ?? undefined}
            placeholder="选择工作方案"
            onChange={(v: string) => setParams({ programmeId: v, year: String(year) })}
            options={options}
          />
          <InputNumber
            aria-label="复核年度"
            addonAfter="年度"
            min={2000}
            max={today.year()}
            value={year}
            onChange={(v) => v && set({ year: String(v) })}
          />
        </Space>
        {programmeId && (
          <Tabs
            activeKey={tab}
            onChange={(key) => set({ tab: key })}
            items={[
              { key: 'reviews', label: '年度复核', children: <ReviewsTab programmeId={programmeId} year={year} /> },
              {
                key: 'incentives',
                label: '激励措施',
                children: <IncentivesTab programmeId={programmeId} year={year} />,
              },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
