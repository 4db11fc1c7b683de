/**
 * 贯标企业: a unit declares that it implements the provincial standard 《商业秘密保护管理与服务规范》 with evidence;
 * its county/district bureau confirms or rejects; confirmed adopters count towards the targets (目标任务).
 * Applicants see their own unit's declarations, bureaus those of their area.
 */
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { AdoptionStatus, PROVINCIAL_STANDARD } from '../../../shared/enums-people';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { attachmentUrl } from '../../app/upload';
import { AttachmentsField, type FileRef } from '../../components/AttachmentsField';
import { DatePicker } from '../../components/BusinessDatePicker';
import { required, textOrNull } from '../../components/form-rules';
import { PageContainer } from '../../components/PageContainer';

interface Adoption {
  id: string;
  unitName: string;
  jurisdictionName: string;
  adoptedOn: string;
  statement: string;
  attachments: { sha256: string; fileName: string }[];
  status: AdoptionStatus;
  decidedByName: string | null;
  decidedOn: string | null;
  decisionNote: string | null;
  version: number;
  decidable: boolean;
}

const STATUS_COLORS: Record<AdoptionStatus, string> = {
  declared: 'processing',
  confirmed: 'success',
  rejected: 'error',
};

interface DeclareValues {
  adoptedOn: Dayjs;
  statement: string;
  attachments?: FileRef[];
}

function DeclareForm({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<DeclareValues>();
  const submit = async (values: DeclareValues) => {
    try {
      await api.post('/standard-adoptions', {
        adoptedOn: values.adoptedOn.format('YYYY-MM-DD'),
        statement: values.statement.trim(),
        attachments: values.attachments ?? [],
      });
      message.success('已提交贯标申报，待所在区县监管部门确认');
      form.resetFields();
      onDone();
    } catch (error) {
      handleError(error, form);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} aria-label="申报贯标">
      <Form.Item name="adoptedOn" label="实施日期" rules={[{ required: true, message: '请选择实施日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="statement" label="贯标情况说明" rules={[required('请填写贯标情况说明')]}>
        <Input.TextArea rows={4} maxLength={5000} placeholder="建立的制度、组织机构、分级管理、培训与自查等" />
      </Form.Item>
      <Form.Item
        name="attachments"
        label="证明材料"
        rules={[{ required: true, type: 'array', min: 1, message: '请上传证明材料' }]}
      >
        <AttachmentsField />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        提交申报
      </Button>
    </Form>
  );
}

export default function StandardAdoptionsPage() {
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const handleError = useApiErrorHandler();
  const [status, setStatus] = useState<AdoptionStatus | undefined>();
  const [items, setItems] = useState<Adoption[]>([]);
  const [loading, setLoading] = useState(true);
  const [rejecting, setRejecting] = useState<Adoption | null>(null);
  const [note, setNote] = useState('');

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ items: Adoption[] }>('/standard-adoptions', { status })
      .then((r) => setItems(r.items), handleError)
      .finally(() => setLoading(false));
  }, [status, handleError]);
  useEffect(load, [load]);

  const decide = async (a: Adoption, decision: 'confirmed' | 'rejected', reason?: string) => {
    try {
      await api.post(`/standard-adoptions/${a.id}/decision`, {
        status: decision,
        note: textOrNull(reason),
        version: a.version,
      });
      message.success(decision === 'confirmed' ? '已确认为贯标企业' : '已不予确认');
      load();
    } catch (error) {
      handleError(error);
      load();
    }
  };

  const live = items.some((a) => a.status !== 'rejected');
  return (
    <PageContainer
      title="贯标企业"
      subTitle={`实施省级地方标准《${PROVINCIAL_STANDARD}》的企业，经所在区、县（市）监管部门确认后计入建设任务`}
    >
      <Flex vertical gap={16}>
        {me.role === 'applicant' && !live && (
          <Card size="small" title="申报贯标">
            <DeclareForm onDone={load} />
          </Card>
        )}
        {me.role === 'applicant' && live && (
          <Alert type="info" showIcon message="本单位已有待确认或已确认的贯标申报。" />
        )}
        <Card size="small">
          <Flex vertical gap={12}>
            <Select<AdoptionStatus>
              aria-label="审核状态"
              placeholder="全部状态"
              allowClear
              value={status}
              onChange={setStatus}
              options={AdoptionStatus.values.map((v) => ({ value: v, label: AdoptionStatus.labels[v] }))}
              style={{ width: 160 }}
            />
            <Table<Adoption>
              aria-label="贯标申报"
              rowKey="id"
              loading={loading}
              dataSource={items}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条` }}
              columns={[
                { title: '单位', dataIndex: 'unitName', key: 'unitName' },
                { title: '所在辖区', dataIndex: 'jurisdictionName', key: 'jurisdictionName' },
                { title: '实施日期', dataIndex: 'adoptedOn', key: 'adoptedOn' },
                { title: '贯标情况', dataIndex: 'statement', key: 'statement', width: 320 },
                {
                  title: '证明材料',
                  key: 'attachments',
                  render: (_: unknown, a: Adoption) => (
                    <Space direction="vertical" size={0}>
                      {a.attachments.map((f) => (
                        <a key={f.sha256} href={attachmentUrl(`/standard-adoptions/${a.id}`, f.sha256)}>
                          {f.fileName}
                        </a>
                      ))}
                    </Space>
                  ),
                },
                {
                  title: '状态',
                  dataIndex: 'status',
                  key: 'status',
                  render: (s: AdoptionStatus, a: Adoption) => (
                    <Space direction="vertical" size={0}>
                      <Tag color={STATUS_COLORS[s]}>{AdoptionStatus.labels[s]}</Tag>
                      {a.decidedOn && `${a.decidedByName ?? ''} ${a.decidedOn}`}
                      {a.decisionNote}
                    </Space>
                  ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, a: Adoption) =>
                    a.decidable && (
                      <Space size={0}>
                        <Button
                          type="link"
                          size="small"
                          onClick={() =>
                            modal.confirm({
                              title: `确认${a.unitName}为贯标企业？`,
                              okText: '确认',
                              cancelText: '取消',
                              onOk: () => decide(a, 'confirmed'),
                            })
                          }
                        >
                          确认
                        </Button>
                        <Button type="link" size="small" danger onClick={() => setRejecting(a)}>
                          不予确认
                        </Button>
                      </Space>
                    ),
                },
              ]}
            />
          </Flex>
        </Card>
      </Flex>
      {rejecting && (
        <Modal
          open
          title={`不予确认：${rejecting.unitName}`}
          okText="提交"
          cancelText="取消"
          okButtonProps={{ disabled: !note.trim() }}
          onOk={async () => {
            await decide(rejecting, 'rejected', note);
            setRejecting(null);
            setNote('');
          }}
          onCancel={() => setRejecting(null)}
        >
          <Input.TextArea
            aria-label="理由"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="请填写不予确认的理由"
          />
        </Modal>
      )}
    </PageContainer>
  );
}
