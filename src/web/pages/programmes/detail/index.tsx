/**
 * One programme version: its header, the kinds of base with each rubric (computed maximum, bonus caps, pass mark),
 * the application forms, the stages with their parameters, and the targets. Managers export it, edit a draft,
 * publish it (after which it is immutable) or clone it into a new draft version.
 */
import { CopyOutlined, DownloadOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { certificateNumbering, kindCertificateCode } from '../../../../core/programs/certificate-number';
import {
  AcceptanceMethod,
  BaseKind,
  BaseLevel,
  CertificationOutcome,
  FieldType,
  StageKind,
  TargetSubject,
} from '../../../../core/programs/enums';
import type { Programme, Stage } from '../../../../core/programs/schema';
import { UnitKind } from '../../../../shared/enums';
import { accessFor } from '../../../app/access';
import { api, apiUrl, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import { LoadError } from '../../../components/LoadError';
import { PageContainer } from '../../../components/PageContainer';
import { PageLoading } from '../../../components/PageLoading';
import { useRecord } from '../../../hooks/useRecord';
import { ProgrammeSourceModal } from '../components/ProgrammeSourceModal';
import { ProgrammeStatusTag } from '../components/ProgrammeStatusTag';
import { RubricSummaryView, RubricView } from '../components/RubricView';
import type { ProgrammeDetail } from '../programme-types';

/** The parameters of a stage worth showing, as label–value pairs. */
function stageParameters(stage: Stage, programme: Programme): [string, string][] {
  const kindName = (kindId: string) => programme.kinds.find((k) => k.id === kindId)?.name ?? kindId;
  const out: [string, string][] = [];
  const schedule = stage.schedule;
  if (schedule) {
    const range = [schedule.opens, schedule.closes].filter(Boolean).join(' 至 ');
    out.push(['时间', [schedule.label, range && `（${range}）`].filter(Boolean).join('')]);
    // The application window always binds the applicant; other stages bind the officer only when enforced.
    if (stage.kind !== 'application' && (schedule.opens || schedule.closes)) {
      out.push([
        '时间要求',
        schedule.enforced ? '按期执行：超出上述时间不能办理' : '超出上述时间办理时提示经办人员并记录',
      ]);
    }
  }
  switch (stage.kind) {
    case 'application':
      out.push(['报送至', stage.submitTo.name]);
      if (!programme.stages.some((s) => s.kind === 'district_review')) {
        out.push(['退回补充材料', '受理部门可将已提交的申报退回补充材料，申报单位补充后重新提交']);
      }
      break;
    case 'district_review':
      out.push(['审核单位', stage.by.name]);
      if (stage.scoring) out.push(['评分', '按评价标准打分']);
      if (stage.quota?.length)
        out.push(['推荐名额', stage.quota.map((q) => `${kindName(q.kind)} ${q.count} 个`).join('，')]);
      if (stage.recommendTo) out.push(['推荐至', stage.recommendTo.name]);
      break;
    case 'acceptance':
      out.push(['验收单位', stage.by.name]);
      out.push(['验收方式', stage.methods.map((m) => AcceptanceMethod.labels[m]).join('、')]);
      if (stage.requiredMethods?.length) {
        out.push([
          '须记录的验收方式',
          `${stage.requiredMethods.map((m) => AcceptanceMethod.labels[m]).join('、')}（记录后方可验收通过）`,
        ]);
      }
      if (stage.minPanelSize) out.push(['验收组人数', `至少 ${stage.minPanelSize} 名专家完成评分方可验收通过`]);
      if (stage.panel) out.push(['验收组织', stage.panel]);
      break;
    case 'publicity':
      if (stage.by) out.push(['公示单位', stage.by.name]);
      out.push(['公示期', stage.workingDays ? `${stage.workingDays} 个工作日` : '方案未规定']);
      if (stage.channel) out.push(['公示渠道', stage.channel]);
      out.push(['异议', stage.objections ? '接受异议' : '不设异议']);
      break;
    case 'approval':
      out.push(['报批单位', stage.by.name], ['审批机构', stage.approvalBody]);
      break;
    case 'certification':
      out.push(['认定单位', stage.by.name]);
      out.push(['认定结果', stage.outcomes.map((o) => CertificationOutcome.labels[o]).join('、')]);
      if (stage.reportTo) out.push(['报备', stage.reportTo.name]);
      break;
    case 'cultivation':
      if (stage.by) out.push(['负责单位', stage.by.name]);
      break;
  }
  if (stage.opinion) out.push(['意见栏', stage.opinion]);
  return out;
}

function KindsTab({ detail }: { detail: ProgrammeDetail }) {
  const programme = detail.definition;
  return (
    <Tabs
      tabPosition="left"
      items={programme.kinds.map((kind) => {
        const summary = detail.kinds.find((k) => k.id === kind.id)?.rubric;
        const rubric = programme.rubrics.find((r) => r.id === kind.rubric);
        return {
          key: kind.id,
          label: kind.fullName ?? kind.name,
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label="基地类别">{BaseKind.labels[kind.category]}</Descriptions.Item>
                <Descriptions.Item label="级别">{BaseLevel.labels[kind.level]}</Descriptions.Item>
                <Descriptions.Item label="可申报单位" span={2}>
                  {kind.applicantUnitKinds.map((k) => UnitKind.labels[k]).join('、')}
                </Descriptions.Item>
                {kind.eligibility && (
                  <Descriptions.Item label="申报对象" span={2}>
                    {kind.eligibility}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {summary && rubric ? (
                <>
                  <Typography.Title level={5} style={{ marginBottom: 0 }}>
                    {rubric.title}
                    {rubric.source && <Typography.Text type="secondary">（{rubric.source}）</Typography.Text>}
                  </Typography.Title>
                  <RubricSummaryView summary={summary} />
                  <RubricView rubric={rubric} summary={summary} />
                </>
              ) : (
                <Empty description="未设评价标准" />
              )}
            </Space>
          ),
        };
      })}
    />
  );
}

function FormsTab({ programme }: { programme: Programme }) {
  if (programme.forms.length === 0) return <Empty description="未设申报表" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {programme.forms.map((form) => (
        <Card key={form.id} size="small" title={`${form.title}${form.source ? `（${form.source}）` : ''}`}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={form.fields}
            columns={[
              { title: '栏目', dataIndex: 'label' },
              { title: '类型', dataIndex: 'type', width: 100, render: (t: FieldType) => FieldType.labels[t] },
              { title: '单位', dataIndex: 'unit', width: 70 },
              { title: '必填', dataIndex: 'required', width: 70, render: (r: boolean) => (r ? '是' : '否') },
              { title: '填写说明', dataIndex: 'help' },
            ]}
          />
          {form.applicantOpinion && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              申报单位意见栏：{form.applicantOpinion}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Space>
  );
}

function StagesTab({ programme }: { programme: Programme }) {
  if (programme.stages.length === 0) return <Empty description="未设工作流程" />;
  return (
    <Timeline
      items={programme.stages.map((stage) => ({
        key: stage.id,
        children: (
          <div>
            <Typography.Text strong>{stage.name}</Typography.Text> <Tag>{StageKind.labels[stage.kind]}</Tag>
            {stage.description && <Typography.Paragraph>{stage.description}</Typography.Paragraph>}
            <Descriptions size="small" column={1}>
              {stageParameters(stage, programme).map(([label, value]) => (
                <Descriptions.Item key={label} label={label}>
                  {value}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </div>
        ),
      }))}
    />
  );
}

function TargetsTab({ programme }: { programme: Programme }) {
  if (programme.targets.length === 0) return <Empty description="未设目标任务" />;
  return (
    <Table
      size="small"
      rowKey={(t) => `${t.jurisdictions.join(',')}|${t.kind ?? ''}|${t.level ?? ''}|${t.subject}|${t.due}`}
      pagination={false}
      dataSource={programme.targets}
      columns={[
        { title: '辖区', render: (_, t) => t.label ?? t.jurisdictions.join('、') },
        { title: '对象', width: 100, render: (_, t) => TargetSubject.labels[t.subject] },
        { title: '类别', width: 90, render: (_, t) => (t.kind ? BaseKind.labels[t.kind] : '不限') },
        { title: '级别', width: 90, render: (_, t) => (t.level ? BaseLevel.labels[t.level] : '不限') },
        { title: '目标（不少于）', dataIndex: 'atLeast', width: 120 },
        { title: '完成期限', dataIndex: 'due', width: 120 },
        { title: '说明', dataIndex: 'note' },
      ]}
    />
  );
}

export default function ProgrammeDetailPage() {
  const { id } = useParams<{ id: string }>();
  const user = useCurrentUser();
  const access = accessFor(user);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data: detail, error, reload: load, setData: setDetail } = useRecord<ProgrammeDetail>(`/programs/${id}`);
  const [editing, setEditing] = useState<{ id: string; yaml: string } | undefined>();
  const [busy, setBusy] = useState(false);

  if (error) return <LoadError error={error} what="工作方案" onRetry={load} />;
  if (!detail) return <PageLoading />;
  const programme = detail.definition;
  const isDraft = detail.status === 'draft';
  // A bureau manages its own jurisdiction's programmes (the server says which): not the city's, seen by a district.
  const manageable = access.canManageProgrammes && detail.mayManage !== false;
  const exportUrl = apiUrl(`/programs/${detail.id}/export`);

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  const publish = () =>
    act(async () => {
      setDetail(await api.post<ProgrammeDetail>(`/programs/${detail.id}/publish`));
      message.success('已发布；此版本今后不可修改');
    });
  const clone = () =>
    act(async () => {
      const copy = await api.post<ProgrammeDetail>(`/programs/${detail.id}/clone`);
      message.success(`已复制为第 ${copy.version} 版草稿`);
      navigate(`/programs/${copy.id}`);
    });
  const editDraft = () =>
    act(async () => {
      const response = await fetch(exportUrl, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`export failed: ${response.status}`);
      setEditing({ id: detail.id, yaml: await response.text() });
    });

  return (
    <PageContainer
      title={programme.title}
      subTitle={
        <Space>
          <ProgrammeStatusTag status={detail.status} />
          <span>第 {detail.version} 版</span>
        </Space>
      }
      extra={
        <>
          <Button icon={<DownloadOutlined />} href={exportUrl}>
            导出 YAML
          </Button>
          {manageable && isDraft && (
            <Button icon={<EditOutlined />} loading={busy} onClick={editDraft}>
              编辑草稿
            </Button>
          )}
          {manageable && (
            <Button icon={<CopyOutlined />} loading={busy} onClick={clone}>
              复制为新版本
            </Button>
          )}
          {manageable && isDraft && (
            <Popconfirm title="发布后此版本不可修改，确定发布？" okText="发布" cancelText="取消" onConfirm={publish}>
              <Button type="primary" icon={<SendOutlined />} loading={busy}>
                发布
              </Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Card>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="发布单位">{programme.issuer}</Descriptions.Item>
          <Descriptions.Item label="辖区">{detail.ownerJurisdictionName}</Descriptions.Item>
          <Descriptions.Item label="年度">{programme.year}</Descriptions.Item>
          <Descriptions.Item label="文号">{programme.documentNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="印发日期">{programme.issuedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="方案代码">{detail.code}</Descriptions.Item>
          <Descriptions.Item label="发布时间">
            {detail.publishedAt ? dayjs(detail.publishedAt).format('YYYY-MM-DD HH:mm') : '未发布'}
          </Descriptions.Item>
          {programme.decisionNumberPattern && (
            <Descriptions.Item label="认定文号格式">{programme.decisionNumberPattern}</Descriptions.Item>
          )}
          <Descriptions.Item label="证书编号示例">
            <span data-testid="certificate-number-example">
              {programme.kinds
                .map((kind) =>
                  certificateNumbering(programme.certificateNumberPattern, {
                    owner: programme.ownerJurisdiction,
                    year: programme.year,
                    kind: kindCertificateCode(kind),
                  }).format(1),
                )
                .join('、') || '—'}
            </span>
          </Descriptions.Item>
        </Descriptions>
        {programme.basis?.length ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            依据：{programme.basis.join('；')}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'kinds', label: '基地类型与评价标准', children: <KindsTab detail={detail} /> },
            { key: 'forms', label: '申报表', children: <FormsTab programme={programme} /> },
            { key: 'stages', label: '工作流程', children: <StagesTab programme={programme} /> },
            { key: 'targets', label: '目标任务', children: <TargetsTab programme={programme} /> },
          ]}
        />
      </Card>
      <ProgrammeSourceModal
        open={editing !== undefined}
        draft={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          setEditing(undefined);
          setDetail(saved);
        }}
      />
    </PageContainer>
  );
}
