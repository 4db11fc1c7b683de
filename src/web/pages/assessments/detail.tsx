/**
 * One assessment: its indicators, the ranking (rank, total, each indicator's points, the praise list) and each
 * bureau's scorecard with the records behind every computed point. The owning bureau publishes the scheme, scores
 * the hand-scored indicators (with the evidence) and publishes the results; an assessed bureau sees its own
 * scorecard, and the ranking once the results are out.
 */
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { ACCEPT_ATTRIBUTE } from '../../../shared/attachments';
import { ApiError, api, useApiErrorHandler } from '../../app/api';
import { type UploadedAttachment, uploadAttachment } from '../../app/upload';
import { LoadError } from '../../components/LoadError';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { type IndicatorScore, type Scorecards, type ScoreRow, STATUS_COLORS } from './assessment-types';

const fmt = (n: number | null, unit?: string | null) => (n === null ? '—' : `${n}${unit ? ` ${unit}` : ''}`);

function ScoreForm({
  schemeId,
  code,
  indicator,
  onDone,
}: {
  schemeId: string;
  code: string;
  indicator: IndicatorScore;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ points?: number; note?: string }>();
  const [files, setFiles] = useState<UploadedAttachment[]>([]);
  return (
    <Form
      form={form}
      layout="inline"
      aria-label={`评分：${indicator.text}`}
      initialValues={{
        points: indicator.points ?? undefined,
        note: indicator.scoreVersion ? indicator.note : undefined,
      }}
      onFinish={async (v) => {
        try {
          await api.put(`/assessments/${schemeId}/scores`, {
            jurisdictionCode: code,
            indicatorId: indicator.id,
            points: v.points,
            note: v.note,
            attachments: files.map((f) => ({ sha256: f.sha256, fileName: f.fileName })),
            ...(indicator.scoreVersion ? { version: indicator.scoreVersion } : {}),
          });
          message.success('评分已保存');
          onDone();
        } catch (error) {
          handleError(error, form);
        }
      }}
    >
      <Form.Item name="points" label="得分" rules={[{ required: true, message: '请填写得分' }]}>
        <InputNumber min={0} max={indicator.maxPoints} precision={2} addonAfter={`/ ${indicator.maxPoints}`} />
      </Form.Item>
      <Form.Item name="note" label="评分说明" rules={[{ required: true, message: '请填写评分说明' }]}>
        <Input style={{ width: 260 }} maxLength={5000} />
      </Form.Item>
      <Upload
        accept={ACCEPT_ATTRIBUTE}
        showUploadList={false}
        customRequest={({ file, onSuccess, onError }) =>
          uploadAttachment(file as File).then(
            (uploaded) => {
              setFiles((list) => [...list, uploaded]);
              onSuccess?.(uploaded);
            },
            (error: Error) => {
              handleError(error);
              onError?.(error);
            },
          )
        }
      >
        <Button icon={<UploadOutlined />}>{files.length ? `评分依据 ${files.length} 个` : '上传评分依据'}</Button>
      </Upload>
      <Button type="primary" htmlType="submit" style={{ marginLeft: 8 }}>
        保存评分
      </Button>
    </Form>
  );
}

function ScorecardDrawer({
  schemeId,
  row,
  mayScore,
  onClose,
  onScored,
}: {
  schemeId: string;
  row: ScoreRow;
  mayScore: boolean;
  onClose: () => void;
  onScored: () => void;
}) {
  const handleError = useApiErrorHandler();
  const [card, setCard] = useState<ScoreRow | null>(null);
  const load = useCallback(() => {
    api
      .get<{ card: ScoreRow }>(`/assessments/${schemeId}/scorecards/${row.jurisdictionCode}`)
      .then((r) => setCard(r.card), handleError);
  }, [schemeId, row.jurisdictionCode, handleError]);
  useEffect(load, [load]);
  return (
    <Drawer title={`${row.jurisdictionName}：得分明细`} open width={760} onClose={onClose}>
      {!card ? (
        <PageLoading />
      ) : (
        <List
          dataSource={card.indicators}
          renderItem={(i) => (
            <List.Item key={i.id}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{i.text}</Typography.Text>
                  <Tag color={i.points === null ? 'default' : 'blue'}>{`${fmt(i.points)} / ${i.maxPoints} 分`}</Tag>
                  <Tag>{i.kind === 'computed' ? '平台数据计算' : '人工评分'}</Tag>
                </Space>
                {i.kind === 'computed' && (
                  <Typography.Text type="secondary">
                    {`${i.metricLabel}：${fmt(i.value, i.unit)}（${fmt(i.full, i.unit)} 得满分）`}
                    {i.note ? `；${i.note}` : ''}
                  </Typography.Text>
                )}
                {i.kind === 'scored' && i.note && <Typography.Text type="secondary">{i.note}</Typography.Text>}
                {(i.records?.length ?? 0) > 0 && (
                  <ul style={{ margin: 0, paddingLeft: 20 }} aria-label={`依据：${i.text}`}>
                    {i.records!.map((r) => (
                      <li key={`${r.label}-${r.detail}`}>
                        {r.link ? <a href={r.link}>{r.label}</a> : r.label}：{r.detail}
                      </li>
                    ))}
                  </ul>
                )}
                {i.kind === 'scored' && mayScore && (
                  <ScoreForm
                    schemeId={schemeId}
                    code={row.jurisdictionCode}
                    indicator={i}
                    onDone={() => {
                      load();
                      onScored();
                    }}
                  />
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

export default function AssessmentDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const [data, setData] = useState<Scorecards | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<ScoreRow | null>(null);
  const load = useCallback(() => {
    setFailed(null);
    api
      .get<Scorecards>(`/assessments/${id}/scorecards`)
      .then(setData, (error: unknown) =>
        setFailed(error instanceof ApiError ? error : new ApiError(0, 'network', '加载失败，请重试')),
      );
  }, [id]);
  useEffect(load, [load]);
  if (failed) return <LoadError error={failed} what="评估考核方案" onRetry={load} />;
  if (!data) return <PageLoading />;
  const { scheme, rows } = data;
  const advance = async (path: 'publish' | 'publish-results', done: string, allowPending?: boolean) => {
    try {
      await api.post(`/assessments/${scheme.id}/${path}`, { version: scheme.version, allowPending });
      message.success(done);
      load();
    } catch (error) {
      // Unscored hand-scored indicators: the server lists them; publishing anyway must be asked for explicitly.
      if (error instanceof ApiError && error.code === 'scores_pending') {
        modal.confirm({
          title: '尚有人工评分未完成',
          content: error.message,
          okText: '仍然公布',
          cancelText: '返回评分',
          onOk: () => advance(path, done, true),
        });
        return;
      }
      handleError(error);
    }
  };
  const indicators = rows[0]?.indicators ?? [];
  const praised = rows.filter((r) => r.praised);

  return (
    <PageContainer
      title={scheme.title}
      subTitle={<Tag color={STATUS_COLORS[scheme.status]}>{scheme.statusLabel}</Tag>}
      extra={
        scheme.mayManage && (
          <Space>
            {scheme.status === 'draft' && (
              <Popconfirm title="发布后方案不可修改，确定发布？" onConfirm={() => advance('publish', '方案已发布')}>
                <Button type="primary">发布方案</Button>
              </Popconfirm>
            )}
            {scheme.status === 'published' && (
              <Popconfirm
                title="公布后各被考核单位可见排名，且不能再评分，确定公布？"
                onConfirm={() => advance('publish-results', '考核结果已公布')}
              >
                <Button type="primary">公布考核结果</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="考核机关">{scheme.issuer}</Descriptions.Item>
          <Descriptions.Item label="年度">{scheme.year}</Descriptions.Item>
          <Descriptions.Item label="指标">{`${scheme.indicatorCount} 项，共 ${scheme.totalPoints} 分`}</Descriptions.Item>
        </Descriptions>
        {scheme.status === 'draft' && (
          <Alert type="info" showIcon message="草稿：发布后开始评分，方案内容不再改变。下表为按当前数据试算的得分。" />
        )}
        {praised.length > 0 && scheme.status === 'results_published' && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            message={`通报表扬：${praised.map((r) => r.jurisdictionName).join('、')}`}
          />
        )}
      </Card>
      <Card title={rows.some((r) => r.rank !== null) ? '得分排名' : '本单位得分'}>
        <Table<ScoreRow>
          rowKey="jurisdictionCode"
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
          columns={[
            { title: '名次', dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
            {
              title: '被考核单位',
              dataIndex: 'jurisdictionName',
              render: (name: string, r) => (
                <Space>
                  <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>
                    {name}
                  </Button>
                  {r.praised && <Tag color="gold">通报表扬</Tag>}
                </Space>
              ),
            },
            { title: '总分', dataIndex: 'total', width: 90 },
            ...indicators.map((ind, index) => ({
              title: `${ind.text}（${ind.maxPoints}）`,
              key: ind.id,
              width: 140,
              render: (_: unknown, r: ScoreRow) => fmt(r.indicators[index]?.points ?? null),
            })),
            {
              title: '待评分',
              dataIndex: 'pending',
              render: (n: number) => (n > 0 ? <Tag color="warning">{`${n} 项`}</Tag> : '—'),
            },
          ]}
        />
      </Card>
      {open && (
        <ScorecardDrawer
          schemeId={scheme.id}
          row={open}
          mayScore={scheme.mayManage && scheme.status === 'published'}
          onClose={() => setOpen(null)}
          onScored={load}
        />
      )}
    </PageContainer>
  );
}
