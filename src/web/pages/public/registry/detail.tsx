/**
 * /registry/:certificateNo — one demonstration base as the public sees it: the unit, the base's title, level,
 * jurisdiction and industry, the certification decision, the plaque, the annual reviews and, once revoked, the
 * ground (verbatim 002 art. 15), date and revoking document. No login needed. Built on ../ui, not antd (issue 15).
 */
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../../app/api';
import { documentUrls } from '../../../app/documents';
import { PublicLayout } from '../PublicLayout';
import { PublicNotFound } from '../PublicNotFound';
import { type AnnualReview, type BaseDetail, type BaseIncentive, chineseDay, isoDay } from '../public-types';
import {
  Alert,
  Button,
  Card,
  CopyButton,
  Descriptions,
  DownloadButton,
  Empty,
  Loading,
  Result,
  Table,
  Tag,
} from '../ui';
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
      role="alert"
      title={<span style={{ fontSize: 16 }}>该示范基地已于{chineseDay(revocation.revokedOn)}被撤销认定</span>}
      description={
        <div style={{ marginTop: 8 }}>
          <Descriptions
            items={[
              { key: 'revokedOn', label: '撤销日期', children: chineseDay(revocation.revokedOn) },
              { key: 'ground', label: '撤销事由', children: revocation.groundLabel ?? '—' },
              { key: 'document', label: '撤销文件', children: revocation.document ?? '—' },
              ...(revocation.note
                ? [{ key: 'note', label: '内部备注（仅认定机关可见）', children: revocation.note }]
                : []),
            ]}
          />
        </div>
      }
    />
  );
}

const OUTCOME_COLORS = { pass: 'success', rectify: 'warning', revoke: 'error' } as const;

function ReviewsCard({ reviews }: { reviews: AnnualReview[] }) {
  return (
    <Card title="年度复核">
      {reviews.length === 0 ? (
        <Empty>暂无年度复核记录</Empty>
      ) : (
        <Table<AnnualReview>
          label="年度复核"
          rowKey={(r) => String(r.year)}
          rows={reviews}
          empty="暂无年度复核记录"
          columns={[
            { key: 'year', title: '年度', width: 100, render: (r) => `${r.year}年` },
            {
              key: 'outcome',
              title: '复核结论',
              width: 120,
              render: (r) => <Tag color={OUTCOME_COLORS[r.outcome]}>{r.outcomeLabel}</Tag>,
            },
            {
              key: 'findings',
              title: '复核情况',
              render: (r) => (r.detail ? <div className="pub-wrap">{r.detail.findings}</div> : '—'),
            },
            { key: 'recordedAt', title: '记录时间', width: 140, render: (r) => isoDay(r.recordedAt) },
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
    <div className="pub-stack">
      <div className="pub-row" style={{ justifyContent: 'space-between', gap: 12 }}>
        <div>
          <h1 className="pub-title">{base.unitName}</h1>
          <div className="pub-row">
            <span className="pub-secondary">{base.title}</span>
            <BaseStatusTag base={base} />
          </div>
        </div>
        <Button onClick={back}>
          <span aria-hidden="true">←</span>返回名录
        </Button>
      </div>
      {base.revocation && <RevocationBlock revocation={base.revocation} />}
      <Card title="基本信息">
        <Descriptions
          columns={2}
          items={[
            {
              key: 'certificateNo',
              label: '证书编号',
              children: (
                <>
                  <span style={{ fontFamily: 'monospace' }}>{base.certificateNo}</span>
                  <CopyButton text={base.certificateNo} label="复制证书编号" />
                </>
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
      <Card title="认定决定">
        <Descriptions
          columns={2}
          items={[
            { key: 'issuer', label: '认定机关', children: base.issuer },
            { key: 'form', label: '认定方式', children: base.decision.formLabel },
            { key: 'number', label: '文号', children: base.decision.number ?? '—' },
            { key: 'decidedOn', label: '认定日期', children: chineseDay(base.decision.decidedOn) },
            { key: 'designation', label: '认定称号', children: base.designation },
          ]}
        />
        <div className="pub-row" style={{ marginTop: 12 }}>
          <DownloadButton path={documentUrls.certificationList(base.certificateNo)}>下载认定名单</DownloadButton>
          {base.documents.holder && !revoked && (
            <>
              <DownloadButton path={documentUrls.certificate(base.certificateNo)}>下载认定证书</DownloadButton>
              <DownloadButton path={documentUrls.plaque(base.certificateNo)}>下载牌匾</DownloadButton>
            </>
          )}
        </div>
      </Card>
      <Card title="牌匾">
        <div
          className={revoked ? 'sm-plaque sm-plaque-revoked' : 'sm-plaque'}
          role="img"
          aria-label={`牌匾：${base.plaqueText}${revoked ? '（已撤销）' : ''}`}
        >
          {base.plaqueText}
        </div>
        {revoked && (
          <p className="pub-danger" style={{ marginTop: 8, marginBottom: 0 }}>
            认定已撤销，该牌匾不再有效。
          </p>
        )}
      </Card>
      <ReviewsCard reviews={base.reviews} />
      {base.incentives.length > 0 && (
        <Card title="激励措施">
          <Table<BaseIncentive>
            label="激励措施"
            rowKey={(r) => `${r.grantedOn}-${r.measure}`}
            rows={base.incentives}
            empty="—"
            columns={[
              { key: 'kind', title: '类型', width: 120, render: (r) => r.kindLabel },
              { key: 'measure', title: '激励措施', render: (r) => r.measure },
              { key: 'grantedOn', title: '授予日期', width: 120, render: (r) => r.grantedOn },
              { key: 'document', title: '文号', render: (r) => r.document ?? '—' },
            ]}
          />
        </Card>
      )}
    </div>
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
      {loaded.state === 'loading' && <Loading />}
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
              <Button primary onClick={load}>
                重试
              </Button>
            }
          />
        </Card>
      )}
    </PublicLayout>
  );
}
