/**
 * One clue: status, clocks (days left, overdue in red, each with its legal source), and — for those who may read
 * it — the content, files, evidence, history and messages; for handlers and supervisors also the triage dialog
 * with the criminal-threshold proposal, the transfer steps and closing, the extension, the duplicates panel and
 * internal notes; handlers named from the competent bureau's officers; further evidence certificates linked by the
 * reporter or a handler; a closed clue written up as a typical case.
 * Others in scope see that it exists and its status only.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { DuplicateDecision } from '../../../core/rights/duplicates';
import {
  RightsCivilGuidance,
  RightsDuplicateMatch,
  RightsDuplicateStatus,
  RightsLeakChannel,
  RightsPoliceDecision,
  RightsProtectionMeasure,
  RightsRequestedRoute,
  RightsRoute,
  RightsSecretKind,
  RightsSource,
  RightsTriageDecision,
  RightsUrgency,
} from '../../../shared/enums-rights';
import { ApiError, api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { attachmentUrl } from '../../app/upload';
import { JurisdictionTreeSelect } from '../../components/JurisdictionTreeSelect';
import {
  AssignHandlers,
  CloseTransfer,
  LinkEvidenceByNumber,
  LinkOwnEvidence,
  ProposeTypicalCase,
} from './ClueActions';
import { type Clock, type ClueMeta, StatusTag, showFieldErrors } from './rights-common';

interface Detail extends ClueMeta {
  access: 'content' | 'reporter' | 'metadata';
  content: null | {
    centreName: string | null;
    reporterUnitName: string | null;
    holderName: string;
    holderCreditCode: string | null;
    infringers: { kind: string; name: string; creditCode: string | null; relation: string | null }[];
    secretKinds: RightsSecretKind[];
    secretDescription: string;
    leakChannels: RightsLeakChannel[];
    leakDescription: string | null;
    protectionMeasures: RightsProtectionMeasure[];
    facts: string;
    estimatedLossYuan: number | null;
    illicitGainYuan: number | null;
    requestedRoute: RightsRequestedRoute;
    attachments: { sha256: string; fileName: string }[];
    evidence: { certificateNo: string; label: string; sealedAt: string }[];
    decisionReason: string | null;
    civilGuidance: RightsCivilGuidance | null;
    policeAgency: string | null;
    policeReceivedOn: string | null;
    policeDecision: RightsPoliceDecision | null;
    history: { kind: string; comment: string | null; actorName: string | null; businessDate: string }[];
    messages: { author: string; authorName: string; body: string; at: string }[];
  };
  internal: null | {
    handlers: { id: string; name: string }[];
    proposal: { proposed: boolean; reason: string; source: string };
    extensionRequested: boolean;
    transferApprovedAt: string | null;
    notes: { authorName: string; body: string; at: string }[];
    duplicates: {
      id: string;
      otherClueId: string;
      otherClueNo: string;
      otherJurisdictionName: string;
      match: RightsDuplicateMatch;
      matchValue: string;
      status: RightsDuplicateStatus;
      version: number;
      decisions: DuplicateDecision[];
    }[];
  };
}

const empty = (text: string) => <span style={{ color: '#595959' }}>{text}</span>;
const yuan = (n: number | null) => (n === null ? '未填写' : `${n.toLocaleString('zh-CN')} 元`);
const labelsOf = (values: string[], labels: Record<string, string>) => values.map((v) => labels[v] ?? v).join('、');

function nextStep(d: Detail): 'approve' | 'send' | 'police_received' | 'police_decided' | null {
  if (d.status !== 'transferred_police' || !d.content || !d.internal) return null;
  if (!d.internal.transferApprovedAt) return 'approve';
  if (!d.clocks.find((c) => c.code === 'transfer_send')?.metOn) return 'send';
  if (!d.content.policeReceivedOn) return 'police_received';
  if (!d.content.policeDecision) return 'police_decided';
  return null;
}
const STEP_LABEL = {
  approve: '批准移送',
  send: '登记已移送',
  police_received: '登记公安接收',
  police_decided: '登记公安决定',
};

export default function RightsDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [clue, setClue] = useState<Detail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [triageOpen, setTriageOpen] = useState(false);
  const [stepOpen, setStepOpen] = useState(false);
  const [triageForm] = Form.useForm();
  const [stepForm] = Form.useForm();
  const [messageForm] = Form.useForm();
  const [noteForm] = Form.useForm();
  const load = useCallback(async () => {
    try {
      setClue(await api.get<Detail>(`/rights/clues/${id}`));
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : '加载失败');
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (failure) return <Alert type="error" showIcon message={failure} />;
  if (!clue) return <Card loading />;

  const act = async (path: string, body: unknown, done = '已保存') => {
    try {
      await api.post(`/rights/clues/${clue.id}${path}`, body);
      message.success(done);
      await load();
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作失败');
      return false;
    }
  };
  const done = (text: string) => () => {
    message.success(text);
    void load();
  };
  const open = clue.status !== 'closed' && clue.status !== 'merged';
  const isHandler = clue.internal?.handlers.some((h) => h.id === user?.id) ?? false;
  const canTriage = isHandler && (clue.status === 'received' || clue.status === 'transferred_bureau');
  const step = nextStep(clue);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space wrap>
            <span>维权线索 {clue.clueNo}</span>
            <StatusTag status={clue.status} />
            {clue.overdue && <Tag color="error">已超期</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {user?.role === 'officer' && open && (
              <AssignHandlers clueId={clue.id} version={clue.version} onDone={done('已指定承办人')} />
            )}
            {open && clue.access === 'reporter' && clue.content && (
              <LinkOwnEvidence
                clueId={clue.id}
                linked={clue.content.evidence.map((e) => e.certificateNo)}
                onDone={done('已关联存证证书')}
              />
            )}
            {open && isHandler && <LinkEvidenceByNumber clueId={clue.id} onDone={done('已关联存证证书')} />}
            {canTriage && (
              <Button type="primary" onClick={() => setTriageOpen(true)}>
                研判
              </Button>
            )}
            {canTriage && !clue.internal?.extensionRequested && (
              <Button
                onClick={() =>
                  act('/extension', { reason: '案情复杂，需进一步核查', version: clue.version }, '已申请延期')
                }
              >
                申请延期
              </Button>
            )}
            {clue.internal?.extensionRequested && !isHandler && (
              <Button onClick={() => act('/extension/approval', { version: clue.version }, '已批准延期')}>
                批准延期
              </Button>
            )}
            {step && (step === 'approve' ? !isHandler : isHandler) && (
              <Button type="primary" onClick={() => setStepOpen(true)}>
                {STEP_LABEL[step]}
              </Button>
            )}
            {isHandler && clue.status === 'transferred_police' && clue.content?.policeReceivedOn && (
              <CloseTransfer clueId={clue.id} version={clue.version} onDone={done('线索已办结')} />
            )}
            {clue.status === 'closed' && clue.access === 'content' && user?.role === 'officer' && (
              <ProposeTypicalCase clueId={clue.id} />
            )}
          </Space>
        }
      >
        {clue.access === 'metadata' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="线索内容保密：仅承办人、上级监管部门和举报/申请人可以查看。本次查阅已记入操作日志。"
          />
        )}
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'bureau', label: '管辖部门', children: clue.jurisdictionName },
            { key: 'source', label: '来源', children: RightsSource.labels[clue.source as RightsSource] },
            { key: 'received', label: '受理日期', children: clue.receivedOn },
            { key: 'urgency', label: '紧急程度', children: RightsUrgency.labels[clue.urgency] },
            {
              key: 'route',
              label: '处理途径',
              children: clue.route ? RightsRoute.labels[clue.route as RightsRoute] : '待研判',
            },
            { key: 'deadline', label: '立案审查期限', children: clue.decisionDeadline },
            ...(clue.internal
              ? [
                  {
                    key: 'handlers',
                    label: '承办人',
                    children: clue.internal.handlers.map((h) => h.name).join('、') || '待指定',
                  },
                ]
              : []),
          ]}
        />
        <Table<Clock>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={clue.clocks}
          scroll={{ x: 600 }}
          onRow={(c) => ({ style: c.overdue && !c.metOn ? { background: '#fff1f0' } : undefined })}
          columns={[
            { title: '期限', dataIndex: 'name' },
            {
              title: '届满',
              dataIndex: 'deadline',
              render: (v: string) => (v.length > 10 ? dayjs(v).format('YYYY-MM-DD HH:mm') : v),
            },
            {
              title: '状态',
              dataIndex: 'label',
              render: (v: string, c) => <Typography.Text type={c.overdue ? 'danger' : undefined}>{v}</Typography.Text>,
            },
            {
              title: '依据',
              dataIndex: 'source',
              render: (v: string) => <Typography.Text type="secondary">{v.split('：')[0]}</Typography.Text>,
            },
          ]}
        />
      </Card>

      {clue.content && (
        <Card title="线索内容">
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              ...(clue.content.reporterUnitName
                ? [{ key: 'unit', label: '申请单位', children: clue.content.reporterUnitName }]
                : []),
              ...(clue.content.centreName
                ? [{ key: 'centre', label: '受理维权中心', children: clue.content.centreName }]
                : []),
              {
                key: 'holder',
                label: '权利人',
                children: `${clue.content.holderName}${clue.content.holderCreditCode ? `（${clue.content.holderCreditCode}）` : ''}`,
              },
              {
                key: 'infringers',
                label: '被举报方',
                children: clue.content.infringers
                  .map(
                    (p) =>
                      `${p.name}${p.creditCode ? `（${p.creditCode}）` : ''}${p.relation ? ` · ${p.relation}` : ''}`,
                  )
                  .join('；'),
              },
              {
                key: 'kinds',
                label: '商业秘密类型',
                children: labelsOf(clue.content.secretKinds, RightsSecretKind.labels),
              },
              { key: 'secret', label: '内容概述', children: clue.content.secretDescription },
              {
                key: 'leak',
                label: '泄密途径',
                children: labelsOf(clue.content.leakChannels, RightsLeakChannel.labels),
              },
              { key: 'leakText', label: '泄密经过', children: clue.content.leakDescription ?? '—' },
              {
                key: 'measures',
                label: '保密措施',
                children: labelsOf(clue.content.protectionMeasures, RightsProtectionMeasure.labels) || '未填写',
              },
              {
                key: 'facts',
                label: '侵权事实',
                children: <div style={{ whiteSpace: 'pre-wrap' }}>{clue.content.facts}</div>,
              },
              { key: 'loss', label: '估计损失', children: yuan(clue.content.estimatedLossYuan) },
              { key: 'gain', label: '违法所得', children: yuan(clue.content.illicitGainYuan) },
              {
                key: 'requested',
                label: '希望的途径',
                children: RightsRequestedRoute.labels[clue.content.requestedRoute],
              },
              ...(clue.content.decisionReason
                ? [{ key: 'reason', label: '决定理由', children: clue.content.decisionReason }]
                : []),
              ...(clue.content.policeAgency
                ? [{ key: 'police', label: '移送公安机关', children: clue.content.policeAgency }]
                : []),
              ...(clue.content.policeDecision
                ? [
                    {
                      key: 'pd',
                      label: '公安机关决定',
                      children: RightsPoliceDecision.labels[clue.content.policeDecision],
                    },
                  ]
                : []),
              {
                key: 'files',
                label: '证据材料',
                children: clue.content.attachments.length
                  ? clue.content.attachments.map((f) => (
                      <div key={f.sha256}>
                        <a href={attachmentUrl(`/rights/clues/${clue.id}`, f.sha256)}>{f.fileName}</a>
                      </div>
                    ))
                  : '无',
              },
              {
                key: 'evidence',
                label: '存证证书（关联时已核验）',
                children: clue.content.evidence.length
                  ? clue.content.evidence.map((e) => (
                      <div key={e.certificateNo}>
                        {e.label} · {e.certificateNo} <Tag color="success">已核验</Tag>
                      </div>
                    ))
                  : '无',
              },
            ]}
          />
        </Card>
      )}

      {clue.internal && (
        <Card title="疑似重复线索">
          <List
            locale={{ emptyText: empty('未发现') }}
            dataSource={clue.internal.duplicates}
            renderItem={(d) => (
              <List.Item
                actions={
                  d.decisions.length > 0
                    ? d.decisions.map((s) => (
                        <Button
                          key={s}
                          size="small"
                          onClick={async () => {
                            try {
                              await api.post(`/rights/duplicates/${d.id}/decision`, { status: s, version: d.version });
                              await load();
                            } catch (e) {
                              message.error(e instanceof ApiError ? e.message : '操作失败');
                            }
                          }}
                        >
                          {{ linked: '关联', merged: '并案', dismissed: '排除' }[s]}
                        </Button>
                      ))
                    : [
                        <Tag key="s">
                          {d.status === 'open' ? '两条线索均已办结' : RightsDuplicateStatus.labels[d.status]}
                        </Tag>,
                      ]
                }
              >
                {d.otherClueNo}（{d.otherJurisdictionName}）：{RightsDuplicateMatch.labels[d.match]} · {d.matchValue}
              </List.Item>
            )}
          />
        </Card>
      )}

      {clue.content && (
        <Card title="办理进展与留言">
          <List
            size="small"
            locale={{ emptyText: empty('暂无进展') }}
            dataSource={clue.content.history}
            renderItem={(e) => (
              <List.Item>
                {e.businessDate} {e.actorName ? `${e.actorName}：` : ''}
                {e.comment}
              </List.Item>
            )}
          />
          <Typography.Title level={5}>留言</Typography.Title>
          <List
            size="small"
            locale={{ emptyText: empty('暂无留言') }}
            dataSource={clue.content.messages}
            renderItem={(m) => (
              <List.Item>
                <Typography.Text strong>{m.authorName}</Typography.Text>：{m.body}
              </List.Item>
            )}
          />
          {(isHandler || clue.access === 'reporter') && (
            <Form
              form={messageForm}
              name="rights-message"
              layout="inline"
              onFinish={async (v: { body: string }) => {
                if (await act('/messages', { body: v.body, attachments: [] }, '已发送')) messageForm.resetFields();
              }}
            >
              <Form.Item name="body" rules={[{ required: true, message: '请填写留言内容' }]} style={{ flex: 1 }}>
                <Input
                  placeholder={isHandler ? '给举报/申请人留言' : '给承办人留言'}
                  aria-label="留言内容"
                  maxLength={2000}
                />
              </Form.Item>
              <Button htmlType="submit">发送</Button>
            </Form>
          )}
        </Card>
      )}

      {clue.internal && (
        <Card title="内部备注（举报/申请人不可见）">
          <List
            size="small"
            locale={{ emptyText: empty('暂无备注') }}
            dataSource={clue.internal.notes}
            renderItem={(n) => (
              <List.Item>
                {n.authorName}：{n.body}
              </List.Item>
            )}
          />
          <Form
            form={noteForm}
            name="rights-note"
            layout="inline"
            onFinish={async (v: { body: string }) => {
              if (await act('/notes', v, '已添加')) noteForm.resetFields();
            }}
          >
            <Form.Item name="body" rules={[{ required: true, message: '请填写备注内容' }]} style={{ flex: 1 }}>
              <Input aria-label="备注内容" maxLength={5000} />
            </Form.Item>
            <Button htmlType="submit">添加备注</Button>
          </Form>
        </Card>
      )}

      <Modal
        title="研判决定"
        open={triageOpen}
        onCancel={() => setTriageOpen(false)}
        onOk={() => triageForm.submit()}
        okText="确定"
        destroyOnHidden
      >
        {clue.internal && (
          <Alert
            type={clue.internal.proposal.proposed ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            message={clue.internal.proposal.proposed ? '系统建议：移送公安机关' : '系统提示'}
            description={
              <>
                <div data-testid="rights-proposal">{clue.internal.proposal.reason}</div>
                <Typography.Text type="secondary">{clue.internal.proposal.source}</Typography.Text>
              </>
            }
          />
        )}
        <Form
          form={triageForm}
          layout="vertical"
          initialValues={{ decision: clue.internal?.proposal.proposed ? 'criminal' : 'administrative' }}
          onFinish={async (values: Record<string, unknown>) => {
            try {
              await api.post(`/rights/clues/${clue.id}/triage`, { ...values, version: clue.version });
              setTriageOpen(false);
              // A clue handed to another bureau leaves this bureau's area: back to the list.
              if (values.decision === 'transfer_bureau') {
                message.success('线索已移交其他市场监管部门');
                navigate('/rights');
                return;
              }
              message.success('研判决定已保存');
              await load();
            } catch (e) {
              const rest = showFieldErrors(triageForm, e);
              if (!(e instanceof ApiError && e.fields.length)) message.error(rest);
            }
          }}
        >
          <Form.Item name="decision" label="结论">
            <Radio.Group
              options={Object.entries(RightsTriageDecision.labels).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldValue }) => (
              <>
                {getFieldValue('decision') === 'criminal' && (
                  <Form.Item name="policeAgency" label="接收移送的公安机关">
                    <Input maxLength={100} />
                  </Form.Item>
                )}
                {getFieldValue('decision') === 'civil' && (
                  <Form.Item name="civilGuidance" label="引导方式">
                    <Radio.Group
                      options={Object.entries(RightsCivilGuidance.labels).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                )}
                {getFieldValue('decision') === 'transfer_bureau' && (
                  <>
                    <Form.Item name="transferToCode" label="移交的管辖部门">
                      <JurisdictionTreeSelect placeholder="选择接收线索的市场监管部门" />
                    </Form.Item>
                    <Form.Item name="designationDocument" label="指定管辖文书（选填）">
                      <Input maxLength={100} />
                    </Form.Item>
                  </>
                )}
              </>
            )}
          </Form.Item>
          <Form.Item name="reason" label="理由（将告知举报/申请人）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={step ? STEP_LABEL[step] : ''}
        open={stepOpen}
        onCancel={() => setStepOpen(false)}
        onOk={() => stepForm.submit()}
        destroyOnHidden
      >
        <Form
          form={stepForm}
          layout="vertical"
          onFinish={async (values: { on?: dayjs.Dayjs; policeDecision?: string; note?: string }) => {
            const ok = await act('/transfer-steps', {
              step,
              on: values.on ? values.on.format('YYYY-MM-DD') : null,
              policeDecision: values.policeDecision ?? null,
              note: values.note || null,
              version: clue.version,
            });
            if (ok) setStepOpen(false);
          }}
        >
          {(step === 'police_received' || step === 'police_decided') && (
            <Form.Item name="on" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
              <DatePicker />
            </Form.Item>
          )}
          {step === 'police_decided' && (
            <Form.Item name="policeDecision" label="公安机关的决定" rules={[{ required: true, message: '请选择' }]}>
              <Select
                options={Object.entries(RightsPoliceDecision.labels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label="说明（选填）">
            <Input maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
