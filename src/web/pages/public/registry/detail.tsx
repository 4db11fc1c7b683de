/**
 * /registry/:certificateNo — one demonstration base as the public sees it: the unit, the base's title, level,
 * jurisdiction and industry, the certification decision, the plaque, the annual reviews and, once revoked, the
 * ground (verbatim 002 art. 15), date and revoking document. No login needed.
 */
import { ArrowLeftOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Result, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../app/api';
import { documentUrls } from '../../../app/documents';
import { PageLoading } from '../../../components/PageLoading';
import { PdfButton } from '../../../components/PdfButton';
import { PublicLayout } from '../PublicLayout';
import { PublicNotFound } from '../PublicNotFound';
import { type AnnualReview, type BaseDetail, type BaseIncentive, chineseDay } from '../public-types';
import { BaseStatusTag } from './BaseStatusTag';

type Loaded =
  | { state: 'loading' }
  | { state: 'found'; base: BaseDetail }
  | { state: 'not_found' }
  | { state: 'failed'; message: string };

function RevocationBlock({ revocation }: { revocation: NonNullable<BaseDetail['revocation']> }) {
  return (
    <Alert
      type="error"
      showIcon
      icon={<StopOutlined />}
      role="alert"
      title={
        <Typography.Text strong style={{ fontSize: 16 }}>
          该示范基地已于{chineseDay(revocation.revokedOn)}被撤销认定
        </Typography.Text>
      }
      description={
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 8 }}
          items={[
            { key: 'revokedOn', label: '撤销日期', children: chineseDay(revocation.revokedOn) },
            {
              key: 'ground',
              label: '撤销事由',
              children: revocation.groundLabel ?? '—',
            },
            { key: 'document', label: '撤销文件', children: revocation.document ?? '—' },
            ...(revocation.note
              ? [{ key: 'note', label: '内部备注（仅认定机关可见）', children: revocation.note }]
              : []),
          ]}
        />
      }
    />
  );
}

function ReviewsCard({ reviews }: { reviews: AnnualReview[] }) {
  return (
    <Card title="年度复核" size="small">
      {reviews.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无年度复核记录" />
      ) : (
        <Table<AnnualReview>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={reviews}
          columns={[
            { title: '年度', dataIndex: 'year', width: 100, render: (year: number) => `${year}年` },
            {
              title: '复核结论',
              dataIndex: 'outcomeLabel',
              width: 120,
              render: (label: string, r) => (
                <Tag color={r.outcome === 'pass' ? 'success' : r.outcome === 'rectify' ? 'warning' : 'error'}>
                  {label}
                </Tag>
              ),
            },
            {
              title: '复核情况',
              key: 'findings',
              render: (_: unknown, r) =>
                r.detail ? <span style={{ whiteSpace: 'pre-line' }}>{r.detail.findings}</span> : '—',
            },
            {
              title: '记录时间',
              dataIndex: 'recordedAt',
              width: 140,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD'),
            },
          ]}
        />
      )}
    </Card>
  );
}

function BaseView({ base }: { base: BaseDetail }) {
  const navigate = useNavigate();
  const location = useLocation();
  const revoked = base.status === 'revoked';
  // Back to the list as it was filtered when the visitor came from it; otherwise to the whole registry.
  const from = (location.state as { registrySearch?: unknown } | null)?.registrySearch;
  const back = () => navigate(`/registry${typeof from === 'string' && from ? `?${from}` : ''}`);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {base.unitName}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{base.title}</Typography.Text>
            <BaseStatusTag base={base} />
          </Flex>
        </div>
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          返回名录
        </Button>
      </Flex>
      {base.revocation && <RevocationBlock revocation={base.revocation} />}
      <Card title="基本信息" size="small">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'certificateNo',
              label: '证书编号',
              children: (
                <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                  {base.certificateNo}
                </Typography.Text>
              ),
            },
            { key: 'status', label: '状态', children: <BaseStatusTag base={base} /> },
            { key: 'unitName', label: '单位名称', children: base.unitName },
            { key: 'title', label: '基地名称', children: base.title },
            { key: 'category', label: '类别', children: base.categoryLabel },
            { key: 'level', label: '级别', children: base.levelLabel },
            { key: 'jurisdiction', label: '所在辖区', children: base.jurisdictionName },
            {
              key: 'industry',
              label: '所属行业',
              children: base.industryName ?? (base.industryCode || '—'),
            },
            { key: 'year', label: '认定年度', children: `${base.year}年` },
            { key: 'programme', label: '工作方案', children: base.programmeTitle },
          ]}
        />
      </Card>
      <Card title="认定决定" size="small">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'issuer', label: '认定机关', children: base.issuer },
            { key: 'form', label: '认定方式', children: base.decision.formLabel },
            { key: 'number', label: '文号', children: base.decision.number ?? '—' },
            { key: 'decidedOn', label: '认定日期', children: chineseDay(base.decision.decidedOn) },
            { key: 'designation', label: '认定称号', children: base.designation },
          ]}
        />
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <PdfButton path={documentUrls.certificationList(base.certificateNo)}>下载认定名单</PdfButton>
          {base.documents.holder && !revoked && (
            <>
              <PdfButton path={documentUrls.certificate(base.certificateNo)}>下载认定证书</PdfButton>
              <PdfButton path={documentUrls.plaque(base.certificateNo)}>下载牌匾</PdfButton>
            </>
          )}
        </Flex>
      </Card>
      <Card title="牌匾" size="small">
        <div
          className={revoked ? 'sm-plaque sm-plaque-revoked' : 'sm-plaque'}
          role="img"
          aria-label={`牌匾：${base.plaqueText}${revoked ? '（已撤销）' : ''}`}
        >
          {base.plaqueText}
        </div>
        {revoked && (
          <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
            认定已撤销，该牌匾不再有效。
          </Typography.Paragraph>
        )}
      </Card>
      <ReviewsCard reviews={base.reviews} />
      {base.incentives.length > 0 && (
        <Card title="激励措施" size="small">
          <Table<BaseIncentive>
            rowKey={(r) => `${r.grantedOn}-${r.measure}`}
            size="small"
            pagination={false}
            dataSource={base.incentives}
            columns={[
              { title: '类型', dataIndex: 'kindLabel', width: 120 },
              { title: '激励措施', dataIndex: 'measure' },
              { title: '授予日期', dataIndex: 'grantedOn', width: 120 },
              { title: '文号', dataIndex: 'document', render: (v: string | null) => v ?? '—' },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}

export default function RegistryDetailPage() {
  const { certificateNo = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = useCallback(() => {
    let cancelled = false;
    setLoaded({ state: 'loading' });
    api
      .get<BaseDetail>(`/registry/${encodeURIComponent(certificateNo)}`)
      .then((base) => {
        if (!cancelled) setLoaded({ state: 'found', base });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        // 400: not even the shape of a certificate number; 404: no such base.
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
          setLoaded({ state: 'not_found' });
        } else {
          setLoaded({
            state: 'failed',
            message: error instanceof ApiError ? error.message : '加载失败，请稍后重试',
          });
        }
      });
    return () => {
      cancelled = true;
    };
  }, [certificateNo]);
  useEffect(load, [load]);

  const title = loaded.state === 'found' ? loaded.base.unitName : '示范基地详情';
  return (
    <PublicLayout title={title}>
      {loaded.state === 'loading' && <PageLoading />}
      {loaded.state === 'found' && <BaseView base={loaded.base} />}
      {loaded.state === 'not_found' && (
        <PublicNotFound
          title="未找到该证书编号"
          subTitle={`名录中没有证书编号为“${certificateNo}”的示范基地，请核对证书上的编号后重新查询。`}
          backTo="/registry"
          backLabel="返回示范基地名录"
        />
      )}
      {loaded.state === 'failed' && (
        <Card>
          <Result
            status="error"
            title="加载失败"
            subTitle={loaded.message}
            extra={
              <Button type="primary" onClick={load}>
                重试
              </Button>
            }
          />
        </Card>
      )}
    </PublicLayout>
  );
}
