/**
 * 公示管理 for the owning bureau: publish a notice of the applications that passed acceptance (the period is counted
 * in working days on the official calendar by the server), and answer each objection in writing — approval waits
 * until every objection is resolved and the period is over. The objector's attachments download from the list.
 */
import { App, Button, Card, Form, Input, List, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatReceiptCode } from '../../../core/applications/receipt-code';
import { api, useApiErrorHandler } from '../../app/api';
import { documentUrls } from '../../app/documents';
import type { Page } from '../../app/types';
import { attachmentUrl } from '../../app/upload';
import { AttachmentTag } from '../../components/AttachmentTag';
import { DatePicker } from '../../components/BusinessDatePicker';
import { PageContainer } from '../../components/PageContainer';
import { PdfButton } from '../../components/PdfButton';
import type { ApplicationSummary } from '../applications/application-types';

interface Notice {
  id: string;
  programmeTitle: string;
  title: string;
  startsOn: string;
  endsOn: string;
  workingDays: number;
  state: 'upcoming' | 'open' | 'closed';
  stateLabel: string;
  entries: { applicationId: string; unitName: string; kindName: string }[];
}

interface Objection {
  id: string;
  receiptCode: string;
  noticeTitle: string;
  unitName: string;
  name: string;
  contact: string;
  reasons: string;
  attachments: { sha256: string; fileName: string }[];
  state: 'unresolved' | 'resolved';
  resolution: string | null;
  upheld: boolean | null;
  version: number;
}

const STATE_COLORS = { upcoming: 'default', open: 'processing', closed: 'success' } as const;

function PublishForm({ onPublished }: { onPublished: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{
    programmeId: string;
    title: string;
    body?: string;
    startsOn: Dayjs;
    applicationIds: string[];
  }>();
  const [passed, setPassed] = useState<ApplicationSummary[]>([]);
  useEffect(() => {
    api
      .get<Page<ApplicationSummary>>('/applications', { status: 'acceptance_passed', pageSize: 200 })
      .then((r) => setPassed(r.items), handleError);
  }, [handleError]);
  const programmeId = Form.useWatch('programmeId', form);
  const programmes = [...new Map(passed.map((a) => [a.programmeId, a.programmeTitle])).entries()];
  if (passed.length === 0) return <Typography.Text type="secondary">暂无验收通过、待公示的申报</Typography.Text>;
  return (
    <Form
      form={form}
      layout="vertical"
      // Publishing is public and cannot be undone: Enter in a field (e.g. confirming the typed start date) must not
      // publish the notice; only the button does.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') event.preventDefault();
      }}
      onFinish={async (v) => {
        try {
          const created = await api.post<{ warnings?: string[] }>('/publicity', {
            ...v,
            body: v.body ?? '',
            startsOn: v.startsOn.format('YYYY-MM-DD'),
          });
          message.success('公示已发布');
          // Published, but e.g. the period reaches a year without holiday data (recorded in the audit trail).
          for (const warning of created.warnings ?? []) message.warning({ content: warning, duration: 10 });
          onPublished();
        } catch (error) {
          handleError(error, form);
        }
      }}
    >
      <Form.Item name="programmeId" label="工作方案" rules={[{ required: true, message: '请选择工作方案' }]}>
        <Select aria-label="公示工作方案" options={programmes.map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="applicationIds" label="拟认定名单" rules={[{ required: true, message: '请选择拟公示的申报' }]}>
        <Select
          aria-label="拟认定名单"
          mode="multiple"
          options={passed
            .filter((a) => a.programmeId === programmeId)
            .map((a) => ({ value: a.id, label: `${a.unitName}（${a.kindName}）` }))}
        />
      </Form.Item>
      <Form.Item name="title" label="公示标题" rules={[{ required: true, message: '请填写公示标题' }]}>
        <Input aria-label="公示标题" maxLength={200} />
      </Form.Item>
      <Form.Item name="body" label="公示内容">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="startsOn" label="公示开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DatePicker aria-label="公示开始日期" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        发布公示
      </Button>
    </Form>
  );
}

function ResolveModal({ objection, onClose }: { objection: Objection | null; onClose: (done: boolean) => void }) {
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ resolution: string; upheld: boolean }>();
  return (
    <Modal
      open={objection !== null}
      title="处理异议"
      okText="提交处理结果"
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await api.post(`/objections/${objection!.id}/resolution`, { ...v, version: objection!.version });
            onClose(true);
          } catch (error) {
            handleError(error, form);
          }
        }}
      >
        <Typography.Paragraph>{objection?.reasons}</Typography.Paragraph>
        <Form.Item name="upheld" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
          <Radio.Group
            options={[
              { value: false, label: '异议不成立' },
              { value: true, label: '异议成立' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="resolution"
          label="书面处理结果"
          rules={[{ required: true, whitespace: true, message: '请填写处理结果' }]}
        >
          <Input.TextArea aria-label="书面处理结果" rows={4} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PublicityAdminPage() {
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [objections, setObjections] = useState<Objection[]>([]);
  const [resolving, setResolving] = useState<Objection | null>(null);
  // A published notice starts a fresh form (and a fresh list of what awaits publicity): nothing of the last one —
  // values, or validation shown while it was filled — stays beside the success message.
  const [publishForm, setPublishForm] = useState(0);
  const load = useCallback(() => {
    api.get<{ items: Notice[] }>('/publicity').then((r) => setNotices(r.items), handleError);
    api.get<{ items: Objection[] }>('/objections').then((r) => setObjections(r.items), handleError);
  }, [handleError]);
  useEffect(load, [load]);

  return (
    <PageContainer title="公示管理" subTitle="发布拟认定名单公示，书面处理公示期间的异议">
      <Card title="发布公示">
        <PublishForm
          key={publishForm}
          onPublished={() => {
            setPublishForm((n) => n + 1);
            load();
          }}
        />
      </Card>
      <Card title="异议处理">
        <Table
          rowKey="id"
          size="small"
          dataSource={objections}
          pagination={false}
          locale={{ emptyText: '暂无异议' }}
          columns={[
            { title: '被异议单位', dataIndex: 'unitName', width: 200 },
            {
              title: '异议人',
              width: 200,
              render: (_, o) => (
                <Space direction="vertical" size={0}>
                  <span>{`${o.name}（${o.contact}）`}</span>
                  <Typography.Text type="secondary">回执码 {formatReceiptCode(o.receiptCode)}</Typography.Text>
                </Space>
              ),
            },
            {
              title: '异议理由',
              render: (_, o) => (
                <Space direction="vertical" size={4}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{o.reasons}</span>
                  {o.attachments.length > 0 && (
                    <Space wrap size={4} aria-label="异议附件">
                      {o.attachments.map((a) => (
                        <AttachmentTag
                          key={a.sha256}
                          fileName={a.fileName}
                          href={attachmentUrl(`/objections/${o.id}`, a.sha256)}
                        />
                      ))}
                    </Space>
                  )}
                </Space>
              ),
            },
            {
              title: '处理',
              width: 220,
              render: (_, o) =>
                o.state === 'resolved' ? (
                  <Space direction="vertical" size={0}>
                    <Tag color={o.upheld ? 'error' : 'success'}>{o.upheld ? '异议成立' : '异议不成立'}</Tag>
                    <span>{o.resolution}</span>
                  </Space>
                ) : (
                  <Button size="small" type="primary" onClick={() => setResolving(o)}>
                    处理异议
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title="公示">
        <List
          dataSource={notices}
          locale={{ emptyText: '暂无公示' }}
          renderItem={(n) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{n.title}</Typography.Text>
                  <Tag color={STATE_COLORS[n.state]}>{n.stateLabel}</Tag>
                  <span>
                    {n.startsOn} 至 {n.endsOn}（{n.workingDays} 个工作日）
                  </span>
                  <PdfButton compact path={documentUrls.publicityNotice(n.id)}>
                    下载公示（PDF）
                  </PdfButton>
                </Space>
                <Space wrap>
                  {n.entries.map((e) => (
                    <Link key={e.applicationId} to={`/applications/${e.applicationId}`}>
                      {e.unitName}（{e.kindName}）
                    </Link>
                  ))}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <ResolveModal
        objection={resolving}
        onClose={(done) => {
          setResolving(null);
          if (done) {
            message.success('异议处理结果已提交');
            load();
          }
        }}
      />
    </PageContainer>
  );
}
