/**
 * 统计与报送: the "五个一" picture of a jurisdiction — bases by kind and level, standard adopters, trainings,
 * service projects, cases, talents — for a year or quarter, rolled up from the jurisdictions below, against the
 * programme's targets and last year (charts and tables); and the reports upward: submitting this bureau's report,
 * downloading it, and which bureaus below have and have not reported. Choices live in the address bar.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { useBusinessDate } from '../../app/business-date';
import { DownloadButton } from '../../components/DownloadButton';
import { LoadError } from '../../components/LoadError';
import { PageContainer } from '../../components/PageContainer';
import { PdfButton } from '../../components/PdfButton';
import type { ProgrammeSummary } from '../programmes/programme-types';
import { FigureChart } from './FigureChart';
import type { BureauStatus, Picture, PictureRow, ReportStatus, Submission } from './report-types';

const QUARTERS = [
  { value: '', label: '全年' },
  { value: '1', label: '第一季度' },
  { value: '2', label: '第二季度' },
  { value: '3', label: '第三季度' },
  { value: '4', label: '第四季度' },
];

const shown = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n);

function ReportLinks({ submission }: { submission: Submission }) {
  return (
    <Space size={4} wrap>
      <DownloadButton path={`/reports/${submission.id}/report.xlsx`} icon={<FileExcelOutlined />} compact>
        Excel
      </DownloadButton>
      <PdfButton path={`/reports/${submission.id}/report.pdf`} compact>
        PDF
      </PdfButton>
    </Space>
  );
}

function submittedText(s: Submission) {
  return `${s.submittedByName} 于 ${new Date(s.submittedAt).toLocaleString('zh-CN', { hour12: false })} 报送`;
}

function Reports({
  picture,
  query,
  canSubmit,
}: {
  picture: Picture;
  query: Record<string, string | undefined>;
  canSubmit: boolean;
}) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [status, setStatus] = useState<ReportStatus | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const load = useCallback(() => {
    api
      .get<ReportStatus>('/reports/status', {
        jurisdictionCode: query.jurisdictionCode,
        year: query.year,
        quarter: query.quarter,
      })
      .then(setStatus, handleError);
  }, [query.jurisdictionCode, query.year, query.quarter, handleError]);
  useEffect(load, [load]);
  if (!status) return <Skeleton active />;
  const own: BureauStatus = status.own;
  const submit = async (values: { reason?: string }) => {
    setBusy(true);
    try {
      await api.post('/reports', {
        year: Number(query.year),
        quarter: query.quarter ? Number(query.quarter) : undefined,
        programmeId: query.programmeId,
        reason: values.reason || undefined,
      });
      message.success('报表已报送');
      setOpen(false);
      form.resetFields();
      load();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`报送情况：${status.period.label}`} data-testid="report-status">
      <Flex vertical gap={12}>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{own.jurisdictionName}</Typography.Text>
          {own.current ? (
            <>
              <Tag color="success">已报送</Tag>
              <Typography.Text type="secondary">{submittedText(own.current)}</Typography.Text>
              <ReportLinks submission={own.current} />
            </>
          ) : (
            <Tag>未报送</Tag>
          )}
          {canSubmit && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {own.current ? '重新报送' : `向${picture.parent?.name ?? '上级'}报送本期报表`}
            </Button>
          )}
        </Flex>
        {status.subordinates.length > 0 && (
          <>
            {status.missing.length > 0 ? (
              <Alert type="warning" showIcon title={`尚未报送：${status.missing.join('、')}`} />
            ) : (
              <Alert type="success" showIcon title="下级监管部门均已报送" />
            )}
            <Table<BureauStatus>
              rowKey="jurisdictionCode"
              size="small"
              pagination={false}
              dataSource={status.subordinates}
              aria-label="下级报送情况"
              columns={[
                { title: '监管部门', dataIndex: 'jurisdictionName' },
                {
                  title: '状态',
                  dataIndex: 'submitted',
                  render: (v: boolean) => (v ? <Tag color="success">已报送</Tag> : <Tag color="warning">未报送</Tag>),
                },
                {
                  title: '报送',
                  key: 'when',
                  render: (_: unknown, b) =>
                    b.current
                      ? `${submittedText(b.current)}${b.history.length ? `（重新报送 ${b.history.length} 次）` : ''}`
                      : '',
                },
                {
                  title: '报表',
                  key: 'files',
                  render: (_: unknown, b) => (b.current ? <ReportLinks submission={b.current} /> : null),
                },
              ]}
            />
          </>
        )}
      </Flex>
      <Modal
        title="报送统计报表"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="报送"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {`将按当前数据生成${picture.jurisdiction.name}${status.period.label}报表并报送${picture.parent?.name ?? '上级'}。报送后数据固定，不随之后的数据变化。`}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} name="submit-report">
          {own.current && (
            <Form.Item
              name="reason"
              label="重新报送原因"
              rules={[{ required: true, whitespace: true, message: '请填写重新报送的原因' }]}
            >
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

export default function ReportsPage() {
  const user = useCurrentUser();
  const { today } = useBusinessDate();
  const handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const query = {
    jurisdictionCode: params.get('jurisdictionCode') ?? undefined,
    year: params.get('year') ?? String(today.year()),
    quarter: params.get('quarter') ?? undefined,
    programmeId: params.get('programmeId') ?? undefined,
  };
  const [picture, setPicture] = useState<Picture | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [programmes, setProgrammes] = useState<ProgrammeSummary[]>([]);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    next.set('year', query.year);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const key = JSON.stringify(query);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is read through its serialised key
  useEffect(() => {
    setPicture(null);
    setFailed(null);
    api
      .get<Picture>('/picture', query)
      .then(setPicture, (error: unknown) =>
        setFailed(error instanceof ApiError ? error : new ApiError(0, 'network', '加载失败，请重试')),
      );
  }, [key]);
  useEffect(() => {
    api
      .get<{ items: ProgrammeSummary[] }>('/programs', { status: 'published' })
      .then((r) => setProgrammes(r.items), handleError);
  }, [handleError]);
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => String(today.year() - i)), [today]);

  const filters = (
    <Flex gap={12} wrap align="center">
      <Select
        aria-label="年度"
        value={query.year}
        style={{ width: 110 }}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
        onChange={(year) => set({ year })}
      />
      <Select
        aria-label="报告期"
        value={query.quarter ?? ''}
        style={{ width: 120 }}
        options={QUARTERS}
        onChange={(quarter) => set({ quarter })}
      />
      <Select
        aria-label="对照工作方案"
        value={query.programmeId ?? ''}
        style={{ minWidth: 280 }}
        options={[
          { value: '', label: '不对照工作方案目标' },
          ...programmes
            .filter((p) => String(p.year) <= query.year)
            .map((p) => ({ value: p.id, label: `${p.year}年 ${p.title}` })),
        ]}
        onChange={(programmeId) => set({ programmeId })}
      />
      {picture?.parent?.readable && (
        <Button onClick={() => set({ jurisdictionCode: picture.parent!.code })}>{`返回${picture.parent.name}`}</Button>
      )}
    </Flex>
  );

  if (failed) return <LoadError error={failed} what="工作统计" onRetry={() => set({})} />;
  return (
    <PageContainer title={picture ? `${picture.jurisdiction.name}商业秘密保护工作统计` : '工作统计'} extra={filters}>
      {!picture ? (
        <Skeleton active />
      ) : (
        <PictureView picture={picture} onOpen={(code) => set({ jurisdictionCode: code })} />
      )}
      {picture && (
        <div style={{ marginTop: 16 }}>
          <Reports
            picture={picture}
            query={query}
            canSubmit={user.role === 'officer' && picture.jurisdiction.code === user.jurisdictionCode}
          />
        </div>
      )}
    </PageContainer>
  );
}

function PictureView({ picture, onOpen }: { picture: Picture; onOpen: (code: string) => void }) {
  const total = picture.rows.find((r) => r.isTotal)!;
  const children = picture.rows.filter((r) => !r.isTotal);
  const names = new Map(picture.rows.map((r) => [r.jurisdictionCode, r.jurisdictionName]));
  const [focus, setFocus] = useState(picture.figures[0]?.metric ?? '');
  const focused = picture.figures.find((f) => f.metric === focus);
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={children.length ? 12 : 24}>
          <Card size="small" title={`${picture.period.label}与上年同期`}>
            <FigureChart
              label="本期与上年同期对比图"
              categories={picture.figures.map((f) => f.label)}
              series={[
                {
                  name: picture.period.label,
                  color: '#2563eb',
                  values: picture.figures.map((f) => total.values[f.metric] ?? null),
                },
                {
                  name: picture.previousPeriod.label,
                  color: '#94a3b8',
                  values: picture.figures.map((f) => total.previous[f.metric] ?? null),
                },
              ]}
            />
          </Card>
        </Col>
        {children.length > 0 && (
          <Col xs={24} lg={12}>
            <Card
              size="small"
              title="下级辖区"
              extra={
                <Select
                  aria-label="下级辖区对比指标"
                  size="small"
                  value={focus}
                  style={{ width: 200 }}
                  options={picture.figures.map((f) => ({ value: f.metric, label: f.label }))}
                  onChange={setFocus}
                />
              }
            >
              <FigureChart
                label="下级辖区对比图"
                categories={children.map((r) => r.jurisdictionName)}
                series={[
                  {
                    name: focused?.label ?? '',
                    color: '#16a34a',
                    values: children.map((r) => r.values[focus] ?? null),
                  },
                  { name: '上年同期', color: '#94a3b8', values: children.map((r) => r.previous[focus] ?? null) },
                ]}
              />
            </Card>
          </Col>
        )}
      </Row>
      <Card size="small" title="“五个一”统计（本期 / 上年同期）">
        <Table<PictureRow>
          rowKey="jurisdictionCode"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={picture.rows}
          aria-label="五个一统计表"
          columns={[
            {
              title: '辖区',
              key: 'name',
              fixed: 'left',
              render: (_: unknown, r) =>
                r.isTotal ? (
                  <Typography.Text strong>{`${r.jurisdictionName}（合计）`}</Typography.Text>
                ) : (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.jurisdictionCode)}>
                    {r.jurisdictionName}
                  </Button>
                ),
            },
            ...picture.figures.map((f) => ({
              title: <span title={f.description}>{`${f.label}（${f.unit}）`}</span>,
              key: f.metric,
              align: 'right' as const,
              render: (_: unknown, r: PictureRow) => `${shown(r.values[f.metric])} / ${shown(r.previous[f.metric])}`,
            })),
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title="示范基地（按类型、级别）">
            {picture.bases.length === 0 ? (
              <Empty description="暂无示范基地" />
            ) : (
              <Table
                rowKey={(b) => `${b.jurisdictionCode}-${b.kindLabel}-${b.levelLabel}`}
                size="small"
                pagination={false}
                dataSource={picture.bases}
                columns={[
                  { title: '辖区', dataIndex: 'jurisdictionCode', render: (c: string) => names.get(c) ?? c },
                  { title: '级别', dataIndex: 'levelLabel' },
                  { title: '类型', dataIndex: 'kindLabel' },
                  { title: '本期认定', dataIndex: 'certified', align: 'right' },
                  { title: '上年同期认定', dataIndex: 'previousCertified', align: 'right' },
                  { title: '期末有效', dataIndex: 'active', align: 'right' },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={picture.programme ? `目标任务：${picture.programme.title}` : '目标任务'}>
            {!picture.programme ? (
              <Empty description="选择工作方案以对照其目标任务" />
            ) : (
              <Table
                rowKey={(r) => `${r.jurisdictionCode}-${r.subject}-${r.kind}-${r.level}-${r.due}`}
                size="small"
                pagination={false}
                dataSource={picture.targets}
                columns={[
                  { title: '辖区', dataIndex: 'jurisdictionName' },
                  {
                    title: '目标',
                    key: 'what',
                    render: (_: unknown, r) =>
                      `${r.levelLabel}${r.subject === 'base' ? r.kindLabel : r.subjectLabel}（${r.due} 前）`,
                  },
                  { title: '目标数', dataIndex: 'atLeast', align: 'right' },
                  { title: '已完成', dataIndex: 'certified', align: 'right', render: shown },
                  { title: '状态', dataIndex: 'stateLabel' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
