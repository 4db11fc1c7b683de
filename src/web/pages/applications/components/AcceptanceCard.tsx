/**
 * Acceptance (验收): the panel and its work. The owning bureau assigns experts from the registry (a conflicted one is
 * refused by the server), records how the application was checked (methods of the programme), reads the panel's
 * result per item and in total — mean, median, spread, disagreement flagged — or per condition and requirement how
 * many experts found it met, and writes the comprehensive opinion. An expert scores its own sheet, each item with its
 * comment (and may recuse itself); the applicant and the district see who sits on the panel.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PanelResult, ScoredPanelResult, SheetGap } from '../../../../core/applications/panel-scores';
import { AcceptanceMethod } from '../../../../core/programs/enums';
import type { AnswerSet } from '../../../../core/rubric/answers';
import type { Rubric } from '../../../../core/rubric/schema';
import { ConflictKind, ExpertField } from '../../../../shared/enums';
import { api, useApiErrorHandler } from '../../../app/api';
import { documentUrls } from '../../../app/documents';
import { AutosaveNote } from '../../../components/AutosaveNote';
import { DatePicker } from '../../../components/BusinessDatePicker';
import { ExportButton } from '../../../components/ExportButton';
import { PdfButton } from '../../../components/PdfButton';
import { AnswerEditor } from '../../../components/rubric/RubricAnswers';
import { useDraft } from '../../../hooks/useAutosave';
import { PanelSuggestions } from './PanelSuggestions';

interface PanelMember {
  expertId: string;
  name: string;
  affiliation: string;
  field: ExpertField;
  recusedAt: string | null;
  recusalReason: string | null;
  sheetStatus: 'pending' | 'partial' | 'complete' | 'recused' | null;
  mine: boolean;
  answers: AnswerSet | null;
  comment: string | null;
  /** What the saved sheet still lacks (own sheet and the bureau's view). */
  missing: SheetGap[] | null;
  version: number | null;
  conflicts: { kind: string; status: string | null; unitName: string; message: string }[];
}

interface Panel {
  applicationId: string;
  status: string;
  version: number;
  view: 'full' | 'expert' | 'members';
  methods: AcceptanceMethod[];
  /** The programme's rules for passing (programme format: requiredMethods, minPanelSize). */
  rules: { requiredMethods: AcceptanceMethod[]; minPanelSize: number | null };
  recordedMethods: AcceptanceMethod[];
  rubric: Rubric;
  acceptanceOpinion: string | null;
  members: PanelMember[];
  aggregate: PanelResult | null;
  passCheck: { ready: boolean; problems: { code: string; message: string }[] } | null;
}

interface Activity {
  id: string;
  method: AcceptanceMethod;
  occurredOn: string;
  people: string;
  findings: string;
  recordedByName: string | null;
}

const SHEET_LABELS = { pending: '未评分', partial: '部分评分', complete: '已完成', recused: '已回避' } as const;

/** The panel total: mean against the maximum and the pass mark, median and spread of the experts' totals. */
function TotalSummary({ aggregate }: { aggregate: ScoredPanelResult }) {
  const total = aggregate.total;
  return (
    <Space wrap aria-label="总分汇总">
      <span>总分中位数 {total?.median ?? '—'}</span>
      <span>
        总分极差 {total?.spread ?? '—'}
        {total && total.count >= 2 ? `（最高 ${total.max}，最低 ${total.min}）` : ''}
      </span>
      <span>专家人数 {aggregate.expertCount}</span>
      {aggregate.totalDisagreement && <Tag color="warning">专家意见分歧较大</Tag>}
    </Space>
  );
}

function AggregateTable({ aggregate, members }: { aggregate: PanelResult; members: PanelMember[] }) {
  const expertName = (id: string) => members.find((m) => m.expertId === id)?.name ?? '专家';
  if (aggregate.form === 'checklist') {
    const n = aggregate.expertCount;
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          aria-label="各项条件汇总"
          dataSource={aggregate.conditions}
          columns={[
            {
              title: '条件',
              render: (_, c) => (
                <div>
                  {c.title}
                  {c.gateReason && (
                    <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
                      {c.gateReason}
                    </Typography.Paragraph>
                  )}
                </div>
              ),
            },
            { title: '认为全部符合的专家', width: 160, render: (_, c) => `${c.metBy.length} / ${n}` },
            {
              title: '结论',
              width: 120,
              render: (_, c) =>
                c.allMet ? (
                  <Tag color="success">一致符合</Tag>
                ) : c.majority ? (
                  <Tag color="processing">多数符合</Tag>
                ) : (
                  <Tag color="error">不符合</Tag>
                ),
            },
          ]}
        />
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={aggregate.requirements}
          columns={[
            { title: '序号', dataIndex: 'label', width: 150 },
            { title: '条件要求', dataIndex: 'text' },
            { title: '符合', width: 70, render: (_, r) => `${r.metBy.length} / ${n}` },
            { title: '不符合', width: 80, render: (_, r) => r.notMetBy.length },
            {
              title: '结论',
              width: 120,
              render: (_, r) =>
                r.disagreement ? (
                  <Tag color="warning">意见分歧</Tag>
                ) : r.majority ? (
                  <Tag color="success">多数符合</Tag>
                ) : (
                  <Tag color="error">不符合</Tag>
                ),
            },
          ]}
        />
      </Space>
    );
  }
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={aggregate.items}
      columns={[
        { title: '序号', dataIndex: 'label', width: 150 },
        {
          title: '评价内容',
          render: (_, i) => (
            <div>
              {i.text}
              {i.gate && (
                // The experts' scores count 0 here: say why, with the figures, and what they entered.
                <Typography.Paragraph type="danger" style={{ marginBottom: 0 }} data-testid={`gate-${i.id}`}>
                  {i.gate.reason}
                  {i.gate.entered.length > 0 &&
                    `（专家评分：${i.gate.entered.map((e) => `${expertName(e.expertId)} ${e.score} 分`).join('，')}）`}
                </Typography.Paragraph>
              )}
            </div>
          ),
        },
        { title: '分值', dataIndex: 'points', width: 60 },
        { title: '平均分', width: 80, render: (_, i) => i.stats?.mean ?? '—' },
        { title: '中位数', width: 80, render: (_, i) => i.stats?.median ?? '—' },
        { title: '极差', width: 70, render: (_, i) => i.stats?.spread ?? '—' },
        {
          title: '',
          width: 90,
          render: (_, i) => (i.disagreement ? <Tag color="warning">分歧较大</Tag> : null),
        },
      ]}
    />
  );
}

function ExpertSheet({ panel, member, onSaved }: { panel: Panel; member: PanelMember; onSaved: () => void }) {
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const editable = panel.status === 'under_acceptance' && !member.recusedAt;
  // What the expert types is kept (locally at once, on the server after a pause) until acceptance is decided.
  const draft = useDraft<{ answers: AnswerSet; comment: string }>({
    storageKey: `panel-sheet.${panel.applicationId}`,
    editable,
    initial: { answers: member.answers ?? {}, comment: member.comment ?? '' },
    save: async (value) => {
      await api.put(`/applications/${panel.applicationId}/panel/me`, {
        answers: value.answers,
        ...(value.comment.trim() ? { comment: value.comment.trim() } : {}),
        ...(member.version ? { version: member.version } : {}),
      });
      onSaved();
    },
  });
  const { answers, comment } = draft.value;
  const setAnswers = (next: AnswerSet) => draft.setValue({ ...draft.value, answers: next });
  const setComment = (next: string) => draft.setValue({ ...draft.value, comment: next });
  useEffect(() => {
    if (draft.restored) message.info('已恢复上次未保存的评分');
  }, [draft.restored, message]);
  const save = async () => {
    // Through the autosave's queue: never the same version twice. A refusal is said as the server says it.
    setSaving(true);
    const refusal = await draft.flush();
    setSaving(false);
    if (refusal) message.error(refusal);
    else message.success('评分已保存');
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <AnswerEditor
        rubric={panel.rubric}
        answers={answers}
        readOnly={!editable}
        onChange={setAnswers}
        labelPrefix="评审"
        noteLabel="评分意见"
        noteRequired
      />
      {member.missing && member.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`评分表尚未完成（${member.missing.length} 项），每一项均须评分并填写评分意见`}
          description={
            <ul aria-label="评分表待完成事项" style={{ margin: 0, paddingInlineStart: 20 }}>
              {member.missing.map((g) => (
                <li key={`${g.nodeId}-${g.code}`}>{g.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Input.TextArea
        aria-label="评审意见"
        placeholder="评审意见"
        value={comment}
        disabled={!editable}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 3 }}
      />
      {editable && (
        <Button type="primary" loading={saving} onClick={save}>
          保存评分
        </Button>
      )}
      {editable && <AutosaveNote status={draft.status} />}
    </Space>
  );
}

/** The applicant tells the bureau of a conflict of interest with a panel member; an officer then decides it. */
function DeclareConflictButton({ member, unitId }: { member: PanelMember; unitId: string }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ kind: ConflictKind; note?: string }>();
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} aria-label={`申报利益冲突 ${member.name}`}>
        申报利益冲突
      </Button>
      <Modal
        open={open}
        title={`申报与专家${member.name}的利益冲突`}
        okText="提交"
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values) => {
            try {
              await api.post(`/experts/${member.expertId}/conflicts`, { unitId, ...values });
              message.success('已申报，待监管部门确认');
              setOpen(false);
            } catch (error) {
              handleError(error, form);
            }
          }}
        >
          <Form.Item name="kind" label="冲突情形" rules={[{ required: true, message: '请选择冲突情形' }]}>
            <Select options={ConflictKind.values.map((v) => ({ value: v, label: ConflictKind.labels[v] }))} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function AcceptanceCard({
  applicationId,
  applicantUnitId,
  onChanged,
}: {
  applicationId: string;
  /** Set when the reader is the applicant: it may declare conflicts with panel members. */
  applicantUnitId?: string;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [activities, setActivities] = useState<Activity[]>([]);
  const [experts, setExperts] = useState<{ id: string; name: string; affiliation: string; field: ExpertField }[]>([]);
  const [chosen, setChosen] = useState<string>();
  const [opinion, setOpinion] = useState('');
  const [activityForm] = Form.useForm<{
    method: AcceptanceMethod;
    occurredOn: Dayjs;
    people: string;
    findings: string;
  }>();

  const load = useCallback(async () => {
    try {
      const next = await api.get<Panel>(`/applications/${applicationId}/panel`);
      setPanel(next);
      setOpinion(next.acceptanceOpinion ?? '');
      if (next.view !== 'members') {
        const list = await api.get<{ items: Activity[] }>(`/applications/${applicationId}/acceptance-activities`);
        setActivities(list.items);
      }
      if (next.view === 'full') {
        const registry = await api.get<{ items: typeof experts }>('/experts', { active: 'true' });
        setExperts(registry.items);
      }
    } catch (error) {
      handleError(error);
    }
  }, [applicationId, handleError]);
  useEffect(() => {
    void load();
  }, [load]);

  const seated = useMemo(() => new Set(panel?.members.map((m) => m.expertId)), [panel]);
  if (!panel) return null;
  const full = panel.view === 'full';
  const open = panel.status === 'under_acceptance';
  const mine = panel.members.find((m) => m.mine);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      await load();
      onChanged();
    } catch (error) {
      handleError(error);
    }
  };

  return (
    <Card
      title="验收"
      extra={
        panel.aggregate && <ExportButton path={`/applications/${panel.applicationId}/panel`} label="导出评分汇总" />
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Title level={5}>验收组</Typography.Title>
        <List
          aria-label="验收组成员"
          bordered
          size="small"
          dataSource={panel.members}
          locale={{ emptyText: '尚未指派专家' }}
          renderItem={(m) => (
            <List.Item
              actions={
                applicantUnitId && open && !m.recusedAt
                  ? [<DeclareConflictButton key="declare" member={m} unitId={applicantUnitId} />]
                  : open && !m.recusedAt && (full || m.mine)
                    ? [
                        <Button
                          key="recuse"
                          size="small"
                          danger
                          onClick={() =>
                            run(
                              () =>
                                api.post(`/applications/${applicationId}/panel/${m.expertId}/recusal`, {
                                  reason: m.mine ? '本人申请回避' : '经核实存在利益冲突',
                                }),
                              '已回避',
                            )
                          }
                        >
                          回避
                        </Button>,
                      ]
                    : []
              }
            >
              <Space wrap>
                <Typography.Text strong>{m.name}</Typography.Text>
                <span>{m.affiliation}</span>
                <Tag>{ExpertField.labels[m.field]}</Tag>
                {m.sheetStatus && (
                  <Tooltip
                    title={m.missing?.length ? m.missing.map((g) => <div key={g.message}>{g.message}</div>) : null}
                  >
                    <Tag color={m.sheetStatus === 'complete' ? 'success' : 'default'}>
                      {SHEET_LABELS[m.sheetStatus]}
                      {m.sheetStatus === 'partial' && m.missing?.length ? `（缺 ${m.missing.length} 项）` : ''}
                    </Tag>
                  </Tooltip>
                )}
                {panel.aggregate?.experts.some((e) => e.expertId === m.expertId) && (
                  <PdfButton compact path={documentUrls.expertSheet(applicationId, m.expertId)}>
                    评分表
                  </PdfButton>
                )}
                {m.conflicts.map((c) => (
                  <Tag key={c.message} color="error">
                    {c.message}
                  </Tag>
                ))}
              </Space>
            </List.Item>
          )}
        />
        {full && open && (
          <PanelSuggestions
            applicationId={applicationId}
            reloadKey={panel.members.map((m) => `${m.expertId}:${m.recusedAt ?? ''}`).join(',')}
            onAssign={(expertId) =>
              run(() => api.post(`/applications/${applicationId}/panel`, { expertId }), '已指派专家')
            }
          />
        )}
        {full && open && (
          <Flex wrap gap={8}>
            <Select
              aria-label="选择专家"
              placeholder="从专家库选择专家"
              style={{ width: 360, maxWidth: '100%' }}
              value={chosen}
              onChange={setChosen}
              showSearch={{ optionFilterProp: 'label' }}
              options={experts
                .filter((e) => !seated.has(e.id))
                .map((e) => ({ value: e.id, label: `${e.name}（${e.affiliation}，${ExpertField.labels[e.field]}）` }))}
            />
            <Button
              disabled={!chosen}
              onClick={() =>
                run(async () => {
                  await api.post(`/applications/${applicationId}/panel`, { expertId: chosen });
                  setChosen(undefined);
                }, '已指派专家')
              }
            >
              指派专家
            </Button>
          </Flex>
        )}

        {mine && (
          <>
            <Typography.Title level={5}>我的评分</Typography.Title>
            <ExpertSheet panel={panel} member={mine} onSaved={load} />
          </>
        )}

        {panel.aggregate && (
          <>
            <Typography.Title level={5}>
              评审结果
              {panel.aggregate.form === 'scored' &&
                `：平均总分 ${panel.aggregate.meanTotal ?? '—'} / ${panel.aggregate.maxTotal}${
                  panel.aggregate.passMark !== null ? `（合格线 ${panel.aggregate.passMark}）` : ''
                }`}
            </Typography.Title>
            <div>
              <PdfButton path={documentUrls.panelSummary(applicationId)}>下载评分汇总表</PdfButton>
            </div>
            {panel.aggregate.form === 'scored' && <TotalSummary aggregate={panel.aggregate} />}
            <AggregateTable aggregate={panel.aggregate} members={panel.members} />
          </>
        )}

        {panel.view !== 'members' && (
          <>
            <Typography.Title level={5}>验收方式与核查记录</Typography.Title>
            {(panel.rules.requiredMethods.length > 0 || panel.rules.minPanelSize !== null) && (
              <Typography.Paragraph data-testid="acceptance-rules" style={{ marginBottom: 0 }}>
                本方案要求：
                {[
                  panel.rules.minPanelSize !== null && `验收组至少 ${panel.rules.minPanelSize} 名专家完成评分`,
                  panel.rules.requiredMethods.length > 0 &&
                    `须记录${panel.rules.requiredMethods.map((m) => `“${AcceptanceMethod.labels[m]}”`).join('、')}`,
                ]
                  .filter(Boolean)
                  .join('；')}
                {panel.rules.requiredMethods.map((m) =>
                  panel.recordedMethods.includes(m) ? (
                    <Tag key={m} color="success" style={{ marginLeft: 8 }}>
                      {AcceptanceMethod.labels[m]}已记录
                    </Tag>
                  ) : (
                    <Tag key={m} color="warning" style={{ marginLeft: 8 }}>
                      {AcceptanceMethod.labels[m]}未记录
                    </Tag>
                  ),
                )}
              </Typography.Paragraph>
            )}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={activities}
              locale={{ emptyText: '暂无记录' }}
              columns={[
                {
                  title: '方式',
                  dataIndex: 'method',
                  width: 110,
                  render: (m: AcceptanceMethod) => AcceptanceMethod.labels[m],
                },
                { title: '日期', dataIndex: 'occurredOn', width: 110 },
                { title: '参加人员', dataIndex: 'people', width: 200 },
                { title: '核查情况', dataIndex: 'findings' },
              ]}
            />
          </>
        )}
        {full && open && (
          <Form
            form={activityForm}
            layout="inline"
            aria-label="记录验收活动"
            onFinish={(v) =>
              run(async () => {
                await api.post(`/applications/${applicationId}/acceptance-activities`, {
                  ...v,
                  occurredOn: v.occurredOn.format('YYYY-MM-DD'),
                });
                activityForm.resetFields();
              }, '已记录')
            }
          >
            <Form.Item name="method" label="方式" rules={[{ required: true, message: '请选择' }]}>
              <Select
                aria-label="验收方式"
                style={{ width: 130 }}
                options={panel.methods.map((m) => ({ value: m, label: AcceptanceMethod.labels[m] }))}
              />
            </Form.Item>
            <Form.Item name="occurredOn" label="日期" rules={[{ required: true, message: '请选择' }]}>
              <DatePicker aria-label="验收活动日期" />
            </Form.Item>
            <Form.Item name="people" label="参加人员" rules={[{ required: true, message: '请填写' }]}>
              <Input aria-label="参加人员" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="findings" label="核查情况" rules={[{ required: true, message: '请填写' }]}>
              <Input aria-label="核查情况" style={{ width: 240 }} />
            </Form.Item>
            <Button htmlType="submit">记录</Button>
          </Form>
        )}

        {full && (
          <>
            <Typography.Title level={5}>综合验收意见</Typography.Title>
            <Input.TextArea
              aria-label="综合验收意见"
              value={opinion}
              disabled={!open}
              onChange={(e) => setOpinion(e.target.value)}
              autoSize={{ minRows: 3 }}
            />
            {open && (
              <Button
                onClick={() =>
                  run(
                    () =>
                      api.put(`/applications/${applicationId}/acceptance-opinion`, {
                        opinion,
                        version: panel.version,
                      }),
                    '综合验收意见已保存',
                  )
                }
              >
                保存综合验收意见
              </Button>
            )}
            {open && panel.passCheck && !panel.passCheck.ready && (
              <Alert
                type="info"
                showIcon
                message="尚不能验收通过"
                description={panel.passCheck.problems.map((p) => <div key={p.code + p.message}>{p.message}</div>)}
              />
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
