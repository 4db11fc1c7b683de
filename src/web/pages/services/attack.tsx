/**
 * 模拟攻击评估 (001 (三)): a firm requests an assessment from an accredited provider; the district bureau schedules
 * it; the provider delivers the confidential report; the three parties follow up its findings.
 */
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { AttackStatus, FindingSeverity, FindingStatus } from '../../../shared/enums-services';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import type { Page } from '../../app/types';
import { DatePicker } from '../../components/BusinessDatePicker';
import { DownloadButton } from '../../components/DownloadButton';
import { PageContainer } from '../../components/PageContainer';
import { FileField } from '../guides/FileField';

interface Finding {
  id: string;
  title: string;
  severity: keyof typeof FindingSeverity.labels;
  recommendation: string | null;
  status: keyof typeof FindingStatus.labels;
  followUp: string | null;
  version: number;
}
interface Attack {
  id: string;
  unitId: string;
  unitName: string;
  partnerName: string;
  status: keyof typeof AttackStatus.labels;
  scope: string;
  requestedOn: string;
  responsibleOfficerId: string | null;
  responsibleOfficerName: string | null;
  scheduledOn: string | null;
  reportedOn: string | null;
  hasReport: boolean;
  party: boolean;
  version: number;
  report?: { fileName: string; summary: string } | null;
  findings?: Finding[] | null;
}

const STATUS_COLOR = { requested: 'default', scheduled: 'processing', reported: 'warning', closed: 'success' } as const;

function AttackDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const user = useCurrentUser();
  const [a, setA] = useState<Attack | null>(null);
  const [scheduleOn, setScheduleOn] = useState<Dayjs | null>(null);
  const [reportForm] = Form.useForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  useEffect(() => {
    api.get<Attack>(`/attack-assessments/${id}`).then(setA).catch(handleError);
  }, [id, handleError]);
  if (!a) return null;
  const changed = (next: Attack) => {
    setA(next);
    onChanged();
  };
  const canSchedule =
    user.role === 'officer' &&
    (a.status === 'requested' || a.status === 'scheduled') &&
    (!a.responsibleOfficerId || a.responsibleOfficerId === user.id);
  const isProvider = user.role === 'applicant' && a.party && user.unitId !== a.unitId;
  const canReport = a.status === 'scheduled' && (isProvider || a.responsibleOfficerId === user.id);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="企业">{a.unitName}</Descriptions.Item>
        <Descriptions.Item label="评估机构">{a.partnerName}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={STATUS_COLOR[a.status]}>{AttackStatus.labels[a.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="评估范围">{a.scope}</Descriptions.Item>
        <Descriptions.Item label="申请日期">{a.requestedOn}</Descriptions.Item>
        <Descriptions.Item label="评估日期">{a.scheduledOn ?? '待安排'}</Descriptions.Item>
        <Descriptions.Item label="责任监管人员">{a.responsibleOfficerName ?? '待指定'}</Descriptions.Item>
      </Descriptions>
      {canSchedule && (
        <Space wrap>
          <DatePicker
            value={scheduleOn}
            onChange={(d) => setScheduleOn(Array.isArray(d) ? null : d)}
            aria-label="评估日期"
          />
          <Button
            type="primary"
            disabled={!scheduleOn}
            onClick={() =>
              api
                .post<Attack>(`/attack-assessments/${a.id}/schedule`, {
                  scheduledOn: scheduleOn?.format('YYYY-MM-DD'),
                  version: a.version,
                })
                .then((next) => {
                  message.success('已安排，您为本评估的责任监管人员');
                  changed(next);
                })
                .catch(handleError)
            }
          >
            安排评估
          </Button>
        </Space>
      )}
      {canReport && (
        <Form
          form={reportForm}
          layout="vertical"
          onFinish={(values) =>
            api
              .post<Attack>(`/attack-assessments/${a.id}/report`, {
                ...values,
                findings: values.findings ?? [],
                version: a.version,
              })
              .then((next) => {
                message.success('评估报告已提交');
                changed(next);
              })
              .catch((error) => handleError(error, reportForm))
          }
        >
          <Typography.Title level={5}>提交评估报告</Typography.Title>
          <Form.Item name="report" label="报告文件（保密）" rules={[{ required: true, message: '请上传报告' }]}>
            <FileField />
          </Form.Item>
          <Form.Item name="summary" label="报告摘要" rules={[{ required: true, message: '请填写摘要' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.List name="findings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: '请填写问题' }]}>
                      <Input placeholder="发现的问题" aria-label="发现的问题" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'severity']} initialValue="medium">
                      <Select
                        aria-label="风险等级"
                        style={{ width: 100 }}
                        options={FindingSeverity.values.map((v) => ({ value: v, label: FindingSeverity.labels[v] }))}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'recommendation']}>
                      <Input placeholder="整改建议" aria-label="整改建议" />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除" onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                  添加问题
                </Button>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" style={{ marginTop: 16 }}>
            提交报告
          </Button>
        </Form>
      )}
      {a.report && (
        <Space direction="vertical">
          <Typography.Title level={5}>评估报告</Typography.Title>
          <Typography.Paragraph>{a.report.summary}</Typography.Paragraph>
          <DownloadButton path={`/attack-assessments/${a.id}/report`} icon={<DownloadOutlined />}>
            下载报告（{a.report.fileName}）
          </DownloadButton>
          <Typography.Text type="secondary">
            报告仅企业、评估机构和责任监管人员可查阅，每次下载均记录在案。
          </Typography.Text>
        </Space>
      )}
      {a.findings && a.findings.length > 0 && (
        <Table<Finding>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={a.findings}
          scroll={{ x: 600 }}
          columns={[
            { title: '问题', dataIndex: 'title' },
            { title: '风险', dataIndex: 'severity', render: (v: Finding['severity']) => FindingSeverity.labels[v] },
            { title: '整改建议', dataIndex: 'recommendation' },
            {
              title: '整改状态',
              dataIndex: 'status',
              render: (v: Finding['status'], f) => (
                <Select
                  aria-label="整改状态"
                  value={v}
                  style={{ width: 110 }}
                  options={FindingStatus.values.map((s) => ({ value: s, label: FindingStatus.labels[s] }))}
                  onChange={(status) =>
                    api
                      .patch<Attack>(`/attack-findings/${f.id}`, { status, version: f.version })
                      .then(changed)
                      .catch(handleError)
                  }
                />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

export default function AttackAssessmentsPage() {
  const user = useCurrentUser();
  const [data, setData] = useState<Page<Attack> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [requesting, setRequesting] = useState(false);
  const [partners, setPartners] = useState<{ id: string; name: string }[]>([]);
  const [form] = Form.useForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const load = useCallback(() => {
    api.get<Page<Attack>>('/attack-assessments', { pageSize: 100 }).then(setData).catch(handleError);
  }, [handleError]);
  useEffect(load, [load]);
  useEffect(() => {
    if (requesting)
      api
        .get<Page<{ id: string; name: string }>>('/service-partners', { attackAccredited: 'true' })
        .then((p) => setPartners(p.items))
        .catch(handleError);
  }, [requesting, handleError]);

  return (
    <PageContainer
      title="模拟网络攻击评估"
      subTitle="由具备资质的机构对企业开展模拟攻击测试，评估报告保密"
      extra={
        user.role === 'applicant' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRequesting(true)}>
            申请评估
          </Button>
        )
      }
    >
      <Table<Attack>
        rowKey="id"
        loading={data === null}
        dataSource={data?.items ?? []}
        scroll={{ x: 700 }}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '企业', dataIndex: 'unitName' },
          { title: '评估机构', dataIndex: 'partnerName' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: Attack['status']) => <Tag color={STATUS_COLOR[v]}>{AttackStatus.labels[v]}</Tag>,
          },
          { title: '申请日期', dataIndex: 'requestedOn' },
          { title: '评估日期', dataIndex: 'scheduledOn', render: (v: string | null) => v ?? '待安排' },
          {
            title: '',
            key: 'open',
            render: (_, r) => (
              <Button type="link" size="small" onClick={() => setSelected(r.id)}>
                查看
              </Button>
            ),
          },
        ]}
      />
      <Drawer title="评估详情" width={720} open={selected !== null} onClose={() => setSelected(null)} destroyOnHidden>
        {selected && <AttackDetail id={selected} onChanged={load} />}
      </Drawer>
      <Modal
        title="申请模拟网络攻击评估"
        open={requesting}
        okText="提交申请"
        onCancel={() => setRequesting(false)}
        onOk={async () => {
          const values = await form.validateFields();
          api
            .post('/attack-assessments', { ...values, unitId: user.unitId })
            .then(() => {
              message.success('已提交申请，等待监管部门安排');
              setRequesting(false);
              form.resetFields();
              load();
            })
            .catch((error) => handleError(error, form));
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="partnerId" label="评估机构" rules={[{ required: true, message: '请选择评估机构' }]}>
            <Select options={partners.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="scope" label="评估范围" rules={[{ required: true, message: '请填写评估范围' }]}>
            <Input.TextArea rows={3} placeholder="如：研发文档服务器、办公网络、邮件系统" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
