/**
 * /rights-cases/:id — an administrative case (a clue after 立案): the case-handling guide's steps and which are done,
 * each step's documents (template download, the recorded files), the 90-day close clock and its extension, closing,
 * appraisals, supervision, joint handling, consultations and typical cases. Every view is audited by the server.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { Link, useParams } from 'react-router-dom';
import { RightsStatus } from '../../../shared/enums-rights';
import {
  AppraisalStatus,
  AppraisalSubject,
  CaseOutcome,
  PartnerDepartment,
  SupervisionStatus,
  TypicalCaseStatus,
} from '../../../shared/enums-rights-cases';
import { api, useApiErrorHandler } from '../../app/api';
import { uploadAttachment } from '../../app/upload';
import { DatePicker } from '../../components/BusinessDatePicker';
import { DownloadButton } from '../../components/DownloadButton';
import { LoadError } from '../../components/LoadError';
import { PageContainer } from '../../components/PageContainer';
import { PageLoading } from '../../components/PageLoading';
import { useRecord } from '../../hooks/useRecord';
import { ProposeTypicalCase } from '../rights/ClueActions';
import { ActionForm } from './ActionForm';
import type { CaseView } from './types';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const required = (message: string) => [{ required: true, message }];

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const { data, error, reload, setData } = useRecord<CaseView>(`/rights/cases/${id}`);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  if (error) return <LoadError error={error} what="行政案件" onRetry={reload} />;
  if (!data) return <PageLoading />;
  const base = `/rights/cases/${id}`;
  const post = (path: string) => (values: Record<string, unknown>) => api.post<CaseView>(`${base}/${path}`, values);
  const done = (result: CaseView) => {
    setData(result);
    message.success('已保存');
  };

  const uploadDocument = async (step: string, documentKey: string, file: File) => {
    try {
      const stored = await uploadAttachment(file);
      done(
        await api.post<CaseView>(`${base}/documents`, {
          step,
          documentKey,
          attachment: { sha256: stored.sha256, fileName: stored.fileName },
        }),
      );
    } catch (e) {
      handleError(e);
    }
  };

  return (
    <PageContainer
      title={`行政案件 ${data.clueNo}`}
      subTitle={`${data.jurisdictionName} · ${data.guide.title}（第 ${data.guide.version} 版）`}
      extra={
        <Tag color={data.status === 'closed' ? 'green' : 'blue'}>
          {RightsStatus.labels[data.status as keyof typeof RightsStatus.labels] ?? data.status}
        </Tag>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="结案期限">
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="权利人">{data.holderName}</Descriptions.Item>
            <Descriptions.Item label="立案日期">{data.openedOn}</Descriptions.Item>
            <Descriptions.Item label={data.clock.name}>
              <Space wrap>
                {data.clock.deadline}
                <Tag color={data.clock.overdue ? 'red' : 'blue'}>{data.clock.label}</Tag>
                {data.clock.extensions > 0 && <Tag>已延长 {data.clock.extensions} 次</Tag>}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            依据：{data.clock.source}
          </Typography.Paragraph>
          {data.extensionRequest && (
            <Alert
              type="warning"
              showIcon
              message={`${data.extensionRequest.requestedBy} 申请延长结案期限 ${data.clock.extensionPeriod} 天：${data.extensionRequest.reason}`}
              action={
                data.mayApproveExtension && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() =>
                      post('extension/approve')({ caseVersion: data.caseVersion }).then(done, (e) => handleError(e))
                    }
                  >
                    批准延期
                  </Button>
                )
              }
            />
          )}
          {data.status === 'closed' && (
            <Alert
              type="success"
              showIcon
              message={`已于 ${data.closedOn} 结案（${data.outcome ? CaseOutcome.labels[data.outcome] : ''}）：${data.closingSummary ?? ''}`}
            />
          )}
          <Space wrap style={{ marginTop: 8 }}>
            {data.mayHandle && !data.extensionRequest && data.clock.extensions < data.clock.maxExtensions && (
              <ActionForm
                label="申请延期"
                title="申请延长结案期限"
                submit={(v) => post('extension')({ ...v, caseVersion: data.caseVersion })}
                onDone={done}
              >
                <Form.Item name="reason" label="延期理由" rules={required('请填写延期理由')}>
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              </ActionForm>
            )}
            {data.mayHandle && (
              <ActionForm
                label="结案"
                title="结案"
                buttonProps={{ type: 'primary' }}
                submit={(v) => post('close')({ ...v, version: data.version })}
                onDone={done}
              >
                <Form.Item name="outcome" label="处理结果" rules={required('请选择处理结果')}>
                  <Select options={options(CaseOutcome.labels)} />
                </Form.Item>
                <Form.Item name="summary" label="结案情况" rules={required('请填写结案情况')}>
                  <Input.TextArea rows={4} maxLength={5000} />
                </Form.Item>
              </ActionForm>
            )}
          </Space>
        </Card>

        <Card size="small" title="办案步骤与文书">
          <List
            dataSource={data.steps}
            renderItem={(step) => (
              <List.Item key={step.kind} style={{ display: 'block' }}>
                <Space wrap>
                  <Typography.Text strong>{step.name}</Typography.Text>
                  {step.optional && <Tag>可选</Tag>}
                  {step.done ? <Tag color="green">已完成 {step.completedOn}</Tag> : <Tag>未完成</Tag>}
                  {data.mayHandle && !step.done && step.kind !== 'close' && (
                    <ActionForm
                      label="记录完成"
                      title={`记录“${step.name}”完成`}
                      initialValues={{}}
                      submit={(v) => post('steps')({ ...v, step: step.kind })}
                      onDone={done}
                    >
                      <Form.Item name="completedOn" label="完成日期" rules={required('请选择完成日期')}>
                        <DatePicker style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name="note" label="说明">
                        <Input.TextArea rows={2} maxLength={2000} />
                      </Form.Item>
                    </ActionForm>
                  )}
                </Space>
                <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                  {step.description}
                </Typography.Paragraph>
                {step.documents.map((doc) => (
                  <div key={doc.key} style={{ marginLeft: 12, marginBottom: 4 }}>
                    <Space wrap size={4}>
                      <Typography.Text>{doc.title}</Typography.Text>
                      {!doc.required && <Tag>按需</Tag>}
                      <DownloadButton
                        compact
                        path={`/rights/guides/${data.guide.id}/templates/${doc.key}`}
                        icon={<DownloadOutlined />}
                      >
                        模板
                      </DownloadButton>
                      {doc.records.map((r) => (
                        <DownloadButton
                          key={r.id}
                          compact
                          path={`${base}/documents/${r.id}`}
                          icon={<DownloadOutlined />}
                        >
                          {r.fileName}
                        </DownloadButton>
                      ))}
                      {data.mayHandle && (
                        <Upload
                          showUploadList={false}
                          beforeUpload={(file) => {
                            void uploadDocument(step.kind, doc.key, file);
                            return false;
                          }}
                        >
                          <Button size="small" icon={<UploadOutlined />} aria-label={`上传${doc.title}`}>
                            上传
                          </Button>
                        </Upload>
                      )}
                    </Space>
                  </div>
                ))}
              </List.Item>
            )}
          />
        </Card>

        <Card
          size="small"
          title="委托鉴定"
          extra={
            data.mayHandle && (
              <ActionForm
                label="委托鉴定"
                title="委托鉴定"
                initialValues={{ requestedOn: undefined }}
                submit={post('appraisals')}
                onDone={done}
              >
                <Form.Item name="institution" label="鉴定机构" rules={required('请填写鉴定机构')}>
                  <Input maxLength={120} />
                </Form.Item>
                <Form.Item name="subject" label="鉴定类别" rules={required('请选择鉴定类别')}>
                  <Select options={options(AppraisalSubject.labels)} />
                </Form.Item>
                <Form.Item name="matters" label="委托事项" rules={required('请填写委托事项')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Form.Item name="requestedOn" label="委托日期" rules={required('请选择委托日期')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="cost" label="鉴定费用（元）" rules={required('请填写鉴定费用')}>
                  <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </ActionForm>
            )
          }
        >
          <List
            locale={{ emptyText: '暂无鉴定委托' }}
            dataSource={data.appraisals}
            renderItem={(a) => (
              <List.Item
                key={a.id}
                actions={
                  data.mayHandle && a.status === 'requested'
                    ? [
                        <ActionForm
                          key="r"
                          label="登记结果"
                          title="登记鉴定意见"
                          submit={(v) =>
                            api.patch<CaseView>(`${base}/appraisals/${a.id}`, { ...v, version: a.version })
                          }
                          onDone={done}
                        >
                          <Form.Item name="status" label="结果" rules={required('请选择')} initialValue="completed">
                            <Select
                              options={[
                                { value: 'completed', label: '已出具意见' },
                                { value: 'withdrawn', label: '撤回委托' },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item name="result" label="鉴定意见" rules={required('请填写鉴定意见')}>
                            <Input.TextArea rows={3} maxLength={5000} />
                          </Form.Item>
                          <Form.Item name="completedOn" label="日期" rules={required('请选择日期')}>
                            <DatePicker style={{ width: '100%' }} />
                          </Form.Item>
                        </ActionForm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={`${a.institution} · ${AppraisalSubject.labels[a.subject]}`}
                  description={`${a.requestedOn} 委托，费用 ${a.cost.toLocaleString('zh-CN')} 元 · ${AppraisalStatus.labels[a.status]}${a.result ? `：${a.result}` : ''}`}
                />
              </List.Item>
            )}
          />
        </Card>

        <Card
          size="small"
          title="督办、联合办案与会商会办"
          extra={
            <Space wrap>
              {data.maySupervise && data.status === 'accepted' && (
                <ActionForm label="督办" title="列为重点督办案件" submit={post('supervisions')} onDone={done}>
                  <Form.Item name="instructions" label="督办要求" rules={required('请填写督办要求')}>
                    <Input.TextArea rows={3} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name="dueOn" label="报告期限" rules={required('请选择报告期限')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </ActionForm>
              )}
              {data.maySupervise && data.status === 'accepted' && (
                <ActionForm label="联合办案" title="组织联合办案" submit={post('joint-bureaus')} onDone={done}>
                  <Form.Item name="jurisdictionCode" label="协办部门辖区代码" rules={required('请填写协办部门')}>
                    <Input maxLength={6} placeholder="六位辖区代码" />
                  </Form.Item>
                  <Form.Item name="task" label="协办任务" rules={required('请填写协办任务')}>
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                </ActionForm>
              )}
              {(data.mayHandle || data.maySupervise) && (
                <ActionForm label="记录会商" title="记录会商会办" submit={post('consultations')} onDone={done}>
                  <Form.Item name="heldOn" label="会商日期" rules={required('请选择会商日期')}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item name="departments" label="参加部门" rules={required('请选择参加部门')}>
                    <Select mode="multiple" options={options(PartnerDepartment.labels)} />
                  </Form.Item>
                  <Form.Item name="participants" label="参加人员" rules={required('请填写参加人员')}>
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                  <Form.Item name="topic" label="会商事项" rules={required('请填写会商事项')}>
                    <Input maxLength={1000} />
                  </Form.Item>
                  <Form.Item name="conclusions" label="会商结论" rules={required('请填写会商结论')}>
                    <Input.TextArea rows={3} maxLength={5000} />
                  </Form.Item>
                </ActionForm>
              )}
            </Space>
          }
        >
          {data.supervisions.map((s) => (
            <Alert
              key={s.id}
              style={{ marginBottom: 8 }}
              type={s.status === 'closed' ? 'success' : 'info'}
              message={`${s.supervisorName}督办（${SupervisionStatus.labels[s.status]}，${s.dueOn} 前报告）：${s.instructions}`}
              description={s.report ? `办理情况：${s.report}` : undefined}
              action={
                data.mayHandle && s.status === 'open' ? (
                  <ActionForm
                    label="报告办理情况"
                    title="报告办理情况"
                    submit={(v) =>
                      api.patch<CaseView>(`${base}/supervisions/${s.id}`, {
                        ...v,
                        action: 'report',
                        version: s.version,
                      })
                    }
                    onDone={done}
                  >
                    <Form.Item name="text" label="办理情况" rules={required('请填写办理情况')}>
                      <Input.TextArea rows={3} maxLength={5000} />
                    </Form.Item>
                  </ActionForm>
                ) : data.maySupervise && s.status !== 'closed' ? (
                  <ActionForm
                    label="办结督办"
                    title="办结督办"
                    submit={(v) =>
                      api.patch<CaseView>(`${base}/supervisions/${s.id}`, { ...v, action: 'close', version: s.version })
                    }
                    onDone={done}
                  >
                    <Form.Item name="text" label="办结意见" rules={required('请填写办结意见')}>
                      <Input.TextArea rows={2} maxLength={5000} />
                    </Form.Item>
                  </ActionForm>
                ) : undefined
              }
            />
          ))}
          {data.jointBureaus.map((j) => (
            <Typography.Paragraph key={j.jurisdictionCode}>
              联合办案：{j.name} — {j.task}
            </Typography.Paragraph>
          ))}
          {data.consultations.map((c) => (
            <Typography.Paragraph key={c.id}>
              {c.heldOn} 会商（{c.departments.map((d) => PartnerDepartment.labels[d]).join('、')}）：{c.topic}
              。参加人员：{c.participants}。结论：{c.conclusions}
            </Typography.Paragraph>
          ))}
          {data.supervisions.length + data.jointBureaus.length + data.consultations.length === 0 && (
            <Typography.Text type="secondary">暂无记录</Typography.Text>
          )}
        </Card>

        <Card
          size="small"
          title="典型案例"
          extra={data.status === 'closed' && <ProposeTypicalCase clueId={data.clueId} />}
        >
          {data.typicalCases.length === 0 ? (
            <Typography.Text type="secondary">
              {data.status === 'closed'
                ? '可将本案撰写为典型案例，经另一名人员审核后公开发布。'
                : '结案后可撰写典型案例。'}
            </Typography.Text>
          ) : (
            data.typicalCases.map((t) => (
              <Typography.Paragraph key={t.id}>
                <Link to={`/rights-cases/typical/${t.id}`}>{t.title}</Link>{' '}
                <Tag>{TypicalCaseStatus.labels[t.status]}</Tag>
              </Typography.Paragraph>
            ))
          )}
        </Card>
      </Space>
    </PageContainer>
  );
}
