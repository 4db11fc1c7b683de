/**
 * /evidence — trade-secret evidence preservation (商业秘密存证) for applicants. The file is hashed in the browser and
 * only its digest, the algorithm and a label go to the server; the answer comes once a signed, timestamped checkpoint
 * of the log covers the entry. Below: the unit's entries with their certificates and proof bundles, and the log's
 * public key for offline verification.
 */
import { CloudDownloadOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Radio, Row, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import type { Page } from '../../app/types';
import { Exception } from '../../components/Exception';
import { PageContainer } from '../../components/PageContainer';
import { FileDigestField, useFileDigest } from './components/FileDigest';
import { KeysCard } from './components/KeysCard';
import {
  ALGORITHM_OPTIONS,
  algorithmLabel,
  beijingTime,
  bundleUrl,
  certificateUrl,
  type DigestAlgorithm,
  type EvidenceEntry,
  STATUS_TAGS,
  verifyPagePath,
} from './evidence-common';

const PAGE_SIZES = [10, 20, 50];
const LABEL_MAX = 100;

interface FormValues {
  algorithm: DigestAlgorithm;
  label: string;
}

function readPaging(params: URLSearchParams): { page: number; pageSize: number } {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 10,
  };
}

function writePaging(page: number, pageSize: number): URLSearchParams {
  const params = new URLSearchParams();
  if (page !== 1) params.set('page', String(page));
  if (pageSize !== 10) params.set('pageSize', String(pageSize));
  return params;
}

/** The two downloads of a sealed entry: buttons on the result card, compact links in the table. */
function Downloads({ entry, compact = false }: { entry: EvidenceEntry; compact?: boolean }) {
  if (entry.status !== 'sealed') return <Typography.Text type="secondary">存证完成后可下载</Typography.Text>;
  const look = compact ? ({ type: 'link', size: 'small' } as const) : {};
  return (
    <Flex gap={compact ? 0 : 8} wrap vertical={compact} align={compact ? 'flex-start' : undefined}>
      <Button {...look} icon={<FilePdfOutlined />} href={certificateUrl(entry.id)} download>
        {compact ? '存证证书' : '下载存证证书'}
      </Button>
      <Button {...look} icon={<CloudDownloadOutlined />} href={bundleUrl(entry.id)} download>
        {compact ? '验证包' : '下载验证包'}
      </Button>
    </Flex>
  );
}

function SubmittedCard({ entry, existing }: { entry: EvidenceEntry; existing: boolean }) {
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <SafetyCertificateOutlined style={{ color: '#16a34a' }} />
          {existing ? '该文件此前已存证' : '存证成功'}
        </Flex>
      }
      data-testid="evidence-result"
    >
      <Flex vertical gap={16}>
        {existing && (
          <Alert
            type="info"
            showIcon
            title="同一单位的同一文件摘要只存证一次，以下是原存证记录。"
            data-testid="evidence-existing"
          />
        )}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'certificateNo',
              label: '证书编号',
              children: entry.certificateNo ? (
                <Typography.Text copyable strong style={{ fontFamily: 'monospace' }} data-testid="certificate-no">
                  {entry.certificateNo}
                </Typography.Text>
              ) : (
                '—'
              ),
            },
            { key: 'label', label: '存证名称', children: entry.label },
            { key: 'leafIndex', label: '日志序号', children: entry.leafIndex ?? '—' },
            { key: 'treeSize', label: '树大小', children: entry.treeSize ?? '—' },
            { key: 'time', label: '可信时间', children: beijingTime(entry.timestampTime), span: 2 },
            { key: 'algorithm', label: '摘要算法', children: algorithmLabel(entry.algorithm), span: 2 },
            {
              key: 'digest',
              label: '文件摘要',
              span: 2,
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {entry.digest}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Flex gap={8} wrap justify="space-between" align="center">
          <Downloads entry={entry} />
          {entry.certificateNo && (
            <Link to={verifyPagePath(entry.certificateNo)} target="_blank" rel="noopener">
              在公开验证页核验
            </Link>
          )}
        </Flex>
        <Typography.Text type="secondary">
          {'请妥善保管原文件、存证证书和验证包：日后需要举证时，用原文件和证书编号（或验证包）即可在公开验证页核验，' +
            '验证包还可以在不联网的情况下离线验证。'}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

function NewEvidenceCard({ onSubmitted }: { onSubmitted: (entry: EvidenceEntry, label: string) => void }) {
  const [form] = Form.useForm<FormValues>();
  const handleError = useApiErrorHandler();
  const algorithm = Form.useWatch('algorithm', form) ?? 'sha256';
  const hashed = useFileDigest(algorithm);
  const [submitting, setSubmitting] = useState(false);

  const pickFile = (file: File | null) => {
    const previous = hashed.file?.name.slice(0, LABEL_MAX);
    const label = form.getFieldValue('label') as string | undefined;
    // The label follows the file name until the user writes their own.
    if (file && (!label || label === previous)) form.setFieldValue('label', file.name.slice(0, LABEL_MAX));
    hashed.setFile(file);
  };

  const submit = async (values: FormValues) => {
    if (!hashed.digest) return;
    setSubmitting(true);
    try {
      const label = values.label.trim();
      const entry = await api.post<EvidenceEntry>('/evidence/entries', {
        algorithm: values.algorithm,
        digest: hashed.digest,
        label,
      });
      onSubmitted(entry, label);
    } catch (error) {
      handleError(error, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title="新建存证">
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ algorithm: 'sha256', label: '' }}
        onFinish={submit}
        aria-label="新建存证"
      >
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <Form.Item label="存证文件" required>
              <FileDigestField
                state={{ ...hashed, setFile: pickFile }}
                algorithm={algorithm}
                prompt="点击选择要存证的文件，或将文件拖拽到此处"
                testId="evidence-file"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={10}>
            <Form.Item name="algorithm" label="摘要算法">
              <Radio.Group options={ALGORITHM_OPTIONS} optionType="button" buttonStyle="solid" />
            </Form.Item>
            <Form.Item
              name="label"
              label="存证名称"
              extra="便于您识别这份存证，例如“核心配方说明书 v3”；会写入存证证书。"
              rules={[
                { required: true, whitespace: true, message: '请填写存证名称' },
                { max: LABEL_MAX, message: `存证名称不能超过${LABEL_MAX}个字` },
              ]}
            >
              <Input placeholder="默认使用文件名" maxLength={LABEL_MAX} showCount allowClear />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SafetyCertificateOutlined />}
              disabled={!hashed.digest}
              loading={submitting}
              block
              size="large"
            >
              {submitting ? '正在存证（等待日志签名和可信时间戳）…' : '提交存证'}
            </Button>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {hashed.file ? (hashed.digest ? '只提交上方的摘要和存证名称。' : '正在本机计算摘要…') : '请先选择文件。'}
            </Typography.Paragraph>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

function EntriesCard({ version, onLoaded }: { version: number; onLoaded: (items: EvidenceEntry[]) => void }) {
  const handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const { page, pageSize } = readPaging(params);
  const key = params.toString();
  const loadKey = `${key}#${version}`;
  const [result, setResult] = useState<{ key: string; page: Page<EvidenceEntry> } | null>(null);
  const loading = result?.key !== loadKey;
  const data = result?.page ?? { items: [], total: 0 };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the query is fully described by loadKey
  useEffect(() => {
    let cancelled = false;
    api
      .get<Page<EvidenceEntry>>('/evidence/entries', { page, pageSize })
      .then((answer) => {
        if (cancelled) return;
        onLoaded(answer.items);
        setResult({ key: loadKey, page: answer });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        handleError(error);
        setResult({ key: loadKey, page: { items: [], total: 0 } });
      });
    return () => {
      cancelled = true;
    };
  }, [loadKey]);

  return (
    <Card title="本单位的存证记录" size="small" aria-busy={loading} data-testid="evidence-table" data-query={key}>
      <Table<EvidenceEntry>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '还没有存证记录' }}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条存证`,
          onChange: (next, size) => setParams(writePaging(size === pageSize ? next : 1, size)),
        }}
        columns={[
          {
            title: '状态',
            dataIndex: 'status',
            render: (status: EvidenceEntry['status']) => (
              <Tag color={STATUS_TAGS[status].color}>{STATUS_TAGS[status].label}</Tag>
            ),
          },
          { title: '存证名称', dataIndex: 'label', render: (label: string) => <span>{label}</span> },
          { title: '算法', dataIndex: 'algorithm', render: algorithmLabel },
          {
            title: '文件摘要',
            dataIndex: 'digest',
            render: (digest: string) => (
              <Typography.Text
                copyable={{ text: digest, tooltips: ['复制摘要', '已复制'] }}
                ellipsis={{ tooltip: digest }}
                style={{ fontFamily: 'monospace', width: 140 }}
              >
                {digest}
              </Typography.Text>
            ),
          },
          {
            title: '可信时间（北京时间）',
            dataIndex: 'timestampTime',
            render: (at: string | null, entry) =>
              at ? (
                beijingTime(at).replace('（北京时间）', '')
              ) : (
                <Typography.Text type="secondary">
                  提交于 {beijingTime(entry.createdAt).replace('（北京时间）', '')}
                </Typography.Text>
              ),
          },
          {
            title: '证书编号',
            dataIndex: 'certificateNo',
            render: (no: string | null) =>
              no ? (
                <Link to={verifyPagePath(no)} target="_blank" rel="noopener" style={{ fontFamily: 'monospace' }}>
                  {no}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: '下载',
            key: 'downloads',
            render: (_: unknown, entry) => <Downloads entry={entry} compact />,
          },
        ]}
      />
    </Card>
  );
}

export default function EvidencePage() {
  const user = useCurrentUser();
  const [submitted, setSubmitted] = useState<{ entry: EvidenceEntry; existing: boolean } | null>(null);
  const [version, setVersion] = useState(0);
  // Entries this page has already shown: a submission answered with one of them was a duplicate.
  const [seen] = useState(() => new Set<string>());

  if (!user.unitId) return <Exception status={404} title="账号未绑定单位" subTitle="请联系系统管理员绑定本单位。" />;

  return (
    <PageContainer title="商业秘密存证" subTitle="为技术资料、经营信息等商业秘密文件取得可验证的存在时间证明">
      <Alert
        type="info"
        showIcon
        title="文件不会上传：只在本机计算文件的摘要（数字指纹），发送给平台的只有摘要"
        description={
          '选择文件后，本页面在您的电脑上逐段读取文件并计算摘要（SHA-256 或国密 SM3），只把摘要、算法和您填写的' +
          '存证名称发送到平台；文件内容不会离开您的电脑。平台把摘要写入只增不改的存证日志，加盖日志签名和可信时间戳，' +
          '生成存证证书。请妥善保管原文件：日后验证时用同一份文件重新计算摘要，文件哪怕改动一个字节，摘要都会不同。'
        }
        data-testid="evidence-notice"
      />
      <NewEvidenceCard
        onSubmitted={(entry, label) => {
          // The server answers a repeated (unit, digest) with the entry it already has, under its first label.
          setSubmitted({ entry, existing: seen.has(entry.id) || entry.label !== label });
          seen.add(entry.id);
          setVersion((v) => v + 1);
        }}
      />
      {submitted && <SubmittedCard entry={submitted.entry} existing={submitted.existing} />}
      <EntriesCard
        version={version}
        onLoaded={(items) => {
          for (const item of items) seen.add(item.id);
        }}
      />
      <KeysCard />
    </PageContainer>
  );
}
