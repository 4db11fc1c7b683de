/**
 * The certified base of an application: its certificate and decision, a link to its public registry page, its
 * annual reviews (动态管理) with their conditions and rectification, and the incentives it received. The certifying
 * bureau reviews here too (the worklist of all its bases is 动态管理).
 */
import { Button, Card, Descriptions, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { RectificationOutcome, ReviewOutcome } from '../../../../shared/enums-oversight';
import { api, useApiErrorHandler } from '../../../app/api';
import { useBusinessDate } from '../../../app/business-date';
import { documentUrls } from '../../../app/documents';
import { PdfButton } from '../../../components/PdfButton';
import { ConditionTag } from '../../base-management/ConditionTag';
import type { ReviewedCondition } from '../../base-management/oversight-types';
import { ReviewDialog } from '../../base-management/ReviewDialog';
import type { ApplicationDetail } from '../application-types';

interface Review {
  year: number;
  outcome: ReviewOutcome;
  outcomeLabel: string;
  detail: {
    findings: string;
    conditions: ReviewedCondition[];
    rectifyBy: string | null;
    rectificationOutcome: RectificationOutcome | null;
    rectificationOutcomeLabel: string | null;
    rectifiedOn: string | null;
  } | null;
}

interface Incentive {
  kindLabel: string;
  measure: string;
  grantedOn: string;
  document: string | null;
  amountYuan: number | null;
}

interface RegistryDetail {
  reviews: Review[];
  incentives: Incentive[];
  documents: { holder: boolean; keeper: boolean };
}

const OUTCOME_COLORS = { pass: 'success', rectify: 'warning', revoke: 'error' } as const;

function Rectification({ review }: { review: Review }) {
  const d = review.detail;
  if (review.outcome !== 'rectify' || !d) return null;
  if (d.rectificationOutcome) return <Tag>{`${d.rectificationOutcomeLabel}（${d.rectifiedOn}）`}</Tag>;
  return <Tag color="warning">{d.rectifyBy ? `整改期限 ${d.rectifyBy}` : '整改中'}</Tag>;
}

export function BaseCard({ application }: { application: ApplicationDetail }) {
  const handleError = useApiErrorHandler();
  const { today } = useBusinessDate();
  const [detail, setDetail] = useState<RegistryDetail | null>(null);
  const [year, setYear] = useState(today.year());
  const [reviewing, setReviewing] = useState(false);
  const base = application.base;
  const certificateNo = base?.certificateNo;
  const load = useCallback(() => {
    if (!certificateNo) return;
    api.get<RegistryDetail>(`/registry/${encodeURIComponent(certificateNo)}`).then(setDetail, handleError);
  }, [certificateNo, handleError]);
  useEffect(load, [load]);
  if (!base) return null;
  const holder = detail?.documents.holder ?? false;

  return (
    <Card title="示范基地" extra={<Link to={`/registry/${encodeURIComponent(base.certificateNo)}`}>名录中查看</Link>}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="证书编号">{base.certificateNo}</Descriptions.Item>
        <Descriptions.Item label="认定文号">{base.decisionNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="认定日期">{base.decidedOn}</Descriptions.Item>
        <Descriptions.Item label="状态">
          {base.revokedOn ? <Tag color="error">{`已于 ${base.revokedOn} 撤销`}</Tag> : <Tag color="success">有效</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap style={{ margin: '8px 0 12px' }}>
        {holder && !base.revokedOn && (
          <>
            <PdfButton path={documentUrls.certificate(base.certificateNo)}>下载认定证书</PdfButton>
            <PdfButton path={documentUrls.plaque(base.certificateNo)}>下载牌匾</PdfButton>
          </>
        )}
        <PdfButton path={documentUrls.certificationList(base.certificateNo)}>下载认定名单</PdfButton>
      </Flex>
      <Typography.Title level={5}>年度复核</Typography.Title>
      <Table<Review>
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={detail?.reviews ?? []}
        locale={{ emptyText: '暂无年度复核记录' }}
        expandable={{
          rowExpandable: (r) => (r.detail?.conditions.length ?? 0) > 0,
          expandedRowRender: (r) => (
            <Space direction="vertical" size={4}>
              {r.detail?.conditions.map((c) => (
                <span key={c.id}>
                  <ConditionTag condition={c} /> {c.text}
                  {c.detail ? `（${c.detail}）` : ''}
                </span>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          {
            title: '结论',
            dataIndex: 'outcome',
            width: 110,
            render: (o: ReviewOutcome, r) => <Tag color={OUTCOME_COLORS[o]}>{r.outcomeLabel}</Tag>,
          },
          { title: '复核情况', key: 'findings', render: (_: unknown, r) => r.detail?.findings ?? '—' },
          { title: '整改', key: 'rectification', render: (_: unknown, r) => <Rectification review={r} /> },
        ]}
      />
      {detail?.documents.keeper && (
        <Space style={{ marginTop: 12 }} wrap>
          <InputNumber
            aria-label="复核年度"
            addonAfter="年度"
            min={Number(base.decidedOn.slice(0, 4))}
            max={today.year()}
            value={year}
            onChange={(v) => v && setYear(v)}
          />
          <Button onClick={() => setReviewing(true)}>年度复核</Button>
          <Link to="/base-management">到动态管理查看全部示范基地</Link>
        </Space>
      )}
      {(detail?.incentives.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            激励措施
          </Typography.Title>
          <Table<Incentive>
            size="small"
            rowKey={(r) => `${r.grantedOn}-${r.measure}`}
            pagination={false}
            dataSource={detail?.incentives ?? []}
            columns={[
              { title: '类型', dataIndex: 'kindLabel', width: 110 },
              { title: '激励措施', dataIndex: 'measure' },
              {
                title: '金额（元）',
                dataIndex: 'amountYuan',
                render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')),
              },
              { title: '授予日期', dataIndex: 'grantedOn', width: 110 },
            ]}
          />
        </>
      )}
      {reviewing && (
        <ReviewDialog
          open
          certificateNo={base.certificateNo}
          unitName={application.unitName}
          year={year}
          onClose={() => setReviewing(false)}
          onDone={() => {
            setReviewing(false);
            load();
          }}
        />
      )}
    </Card>
  );
}
