/**
 * 目标任务: a published programme's targets (建设任务) per jurisdiction against the bases certified (the subtree
 * counts, revoked ones do not) and the applications under way, as a chart and a table. The chosen programme and
 * task live in the address bar.
 */
import {
  Alert,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Result,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { useJurisdictions } from '../../hooks/useJurisdictions';
import type { ProgrammeSummary } from '../programmes/programme-types';
import { type TargetBar, TargetChart } from './TargetChart';
import {
  completion,
  groupTargets,
  type PlacedRow,
  type TargetGroup,
  type TargetReport,
  type TargetState,
} from './target-types';

const STATE_COLORS: Record<TargetState, string> = {
  met: 'success',
  open: 'processing',
  overdue: 'error',
  not_tracked: 'default',
};

const dash = (value: number | null) => (value === null ? '—' : value);

function JurisdictionCell({ row }: { row: PlacedRow }) {
  // The programme's own name for the row ("合计", "“十四五”期间"); a list of names that includes this one says nothing.
  const showLabel = row.label && !row.label.includes(row.jurisdictionName);
  return (
    <Flex gap={6} align="center" wrap style={{ paddingLeft: row.indent * 20 }}>
      {row.indent > 0 && (
        <Typography.Text type="secondary" aria-hidden>
          └
        </Typography.Text>
      )}
      <Typography.Text strong={row.indent === 0}>{row.jurisdictionName}</Typography.Text>
      {row.rolledUp && (
        <Tag color="purple" title="方案未单列本辖区，目标数为所列下级辖区之和">
          合计
        </Tag>
      )}
      {showLabel && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          （{row.label}）
        </Typography.Text>
      )}
    </Flex>
  );
}

function CompletionCell({ row }: { row: PlacedRow }) {
  const percent = completion(row);
  if (percent === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Progress
      percent={Math.min(100, percent)}
      size="small"
      style={{ width: 140, margin: 0 }}
      status={row.state === 'met' ? 'success' : row.state === 'overdue' ? 'exception' : 'normal'}
      format={() => `${percent}%`}
      aria-label={`完成率 ${percent}%`}
    />
  );
}

function GroupTable({ group }: { group: TargetGroup }) {
  const adopters = group.rows[0]?.subject === 'standard_adopter';
  return (
    <Card size="small" title={group.title} data-testid="target-group">
      {!group.tracked && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="平台暂无此类对象的数据，仅列出目标数" />
      )}
      <Table<PlacedRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={group.rows}
        scroll={{ x: 'max-content' }}
        onRow={(row) => (row.rolledUp ? { style: { background: '#faf5ff' } } : {})}
        columns={[
          { title: '辖区', key: 'jurisdiction', render: (_: unknown, row) => <JurisdictionCell row={row} /> },
          {
            title: '类别',
            dataIndex: 'kindLabel',
            render: (v: string, row) => (row.subject === 'base' ? v : row.subjectLabel),
          },
          { title: '级别', dataIndex: 'levelLabel', render: (v: string, row) => (row.subject === 'base' ? v : '—') },
          { title: '目标数', dataIndex: 'atLeast', align: 'right', render: (n: number) => `不少于 ${n}` },
          // Standard adopters (贯标企业) count confirmed declarations; those awaiting the county bureau are in progress.
          { title: adopters ? '已确认' : '已认定', dataIndex: 'certified', align: 'right', render: dash },
          { title: adopters ? '待确认' : '在办', dataIndex: 'inProgress', align: 'right', render: dash },
          { title: '完成率', key: 'completion', render: (_: unknown, row) => <CompletionCell row={row} /> },
          {
            title: '完成期限',
            dataIndex: 'due',
            render: (due: string, row) => (row.from ? `${row.from} 至 ${due}` : due),
          },
          {
            title: '状态',
            dataIndex: 'state',
            render: (state: TargetState, row) => <Tag color={STATE_COLORS[state]}>{row.stateLabel}</Tag>,
          },
          {
            title: '备注',
            dataIndex: 'note',
            render: (note: string | null) => note ?? '',
          },
        ]}
      />
    </Card>
  );
}

function Summary({ group }: { group: TargetGroup }) {
  const top = group.rows.filter((r) => r.indent === 0);
  const sum = (pick: (r: PlacedRow) => number | null) => top.reduce((total, r) => total + (pick(r) ?? 0), 0);
  const target = sum((r) => r.atLeast);
  const certified = sum((r) => r.certified);
  const inProgress = sum((r) => r.inProgress);
  const percent = completion({ atLeast: target, certified }) ?? 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Statistic title="目标数" value={target} suffix="个" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="已认定" value={certified} suffix="个" styles={{ content: { color: '#16a34a' } }} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="在办申报" value={inProgress} suffix="个" styles={{ content: { color: '#d97706' } }} />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="完成率" value={percent} suffix="%" precision={percent % 1 === 0 ? 0 : 1} />
      </Col>
    </Row>
  );
}

export default function TargetsPage() {
  const handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const { byCode, loading: jurisdictionsLoading } = useJurisdictions();
  const [published, setPublished] = useState<ProgrammeSummary[] | null>(null);
  // The programmes of the user's own area (its bureau, those above and below it) first, then the newest.
  const programmes = useMemo(() => {
    // Wait for the tree so the choice does not jump once it arrives.
    if (!published || jurisdictionsLoading) return null;
    const own = user.jurisdictionCode ? byCode.get(user.jurisdictionCode)?.path : undefined;
    const related = (p: ProgrammeSummary) => {
      const owner = byCode.get(p.ownerJurisdictionCode)?.path;
      return own && owner && (owner.startsWith(own) || own.startsWith(owner)) ? 0 : 1;
    };
    return [...published].sort(
      (a, b) => related(a) - related(b) || b.year - a.year || a.title.localeCompare(b.title, 'zh-CN'),
    );
  }, [published, byCode, jurisdictionsLoading, user.jurisdictionCode]);
  const [report, setReport] = useState<{ id: string; report: TargetReport | null; missing?: boolean } | null>(null);

  const requested = params.get('programmeId');
  const programmeId =
    programmes && requested && programmes.some((p) => p.id === requested) ? requested : (programmes?.[0]?.id ?? null);

  useEffect(() => {
    let cancelled = false;
    api
      .get<{ items: ProgrammeSummary[] }>('/programs', { status: 'published' })
      .then((r) => {
        if (cancelled) return;
        setPublished(r.items);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        handleError(error);
        setPublished([]);
      });
    return () => {
      cancelled = true;
    };
  }, [handleError]);

  useEffect(() => {
    if (!programmeId) return;
    let cancelled = false;
    api
      .get<TargetReport>('/targets', { programmeId })
      .then((r) => {
        if (!cancelled) setReport({ id: programmeId, report: r });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const missing = error instanceof ApiError && error.status === 404;
        if (!missing) handleError(error);
        setReport({ id: programmeId, report: null, missing });
      });
    return () => {
      cancelled = true;
    };
  }, [programmeId, handleError]);

  const current = report?.id === programmeId ? report : null;
  const groups = useMemo(
    () => (current?.report ? groupTargets(current.report.rows, (code) => byCode.get(code)?.path) : []),
    [current, byCode],
  );
  const charted = groups.filter((g) => g.tracked);
  const requestedGroup = params.get('task');
  // The task asked for, else the first with something built or under way, else the first tracked one.
  const chartGroup =
    charted.find((g) => g.key === requestedGroup) ??
    charted.find((g) => g.rows.some((r) => (r.certified ?? 0) + (r.inProgress ?? 0) > 0)) ??
    charted[0];
  const bars: TargetBar[] = useMemo(
    () =>
      (chartGroup?.rows ?? [])
        .filter((r) => r.leaf)
        .map((r) => ({
          name: r.jurisdictionName,
          target: r.atLeast,
          certified: r.certified ?? 0,
          inProgress: r.inProgress ?? 0,
        })),
    [chartGroup],
  );

  const choose = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  return (
    <PageContainer
      title="目标任务"
      subTitle="工作方案确定的建设任务与各辖区完成情况"
      extra={current?.report && programmeId && <ExportButton path="/targets" query={{ programmeId }} />}
    >
      <Card size="small">
        <Flex gap={12} align="center" wrap>
          <Typography.Text>工作方案</Typography.Text>
          <Select<string>
            aria-label="工作方案"
            placeholder="请选择已发布的工作方案"
            loading={programmes === null}
            value={programmeId ?? undefined}
            onChange={(id) => choose({ programmeId: id, task: undefined })}
            options={(programmes ?? []).map((p) => ({
              value: p.id,
              label: `${p.title}（${p.year}年 · ${p.ownerJurisdictionName}）`,
            }))}
            showSearch={{ optionFilterProp: 'label' }}
            popupMatchSelectWidth={false}
            style={{ minWidth: 360, maxWidth: '100%' }}
          />
        </Flex>
      </Card>
      {programmes !== null && programmes.length === 0 && (
        <Card>
          <Empty description="暂无已发布的工作方案" />
        </Card>
      )}
      {programmeId && !current && <Skeleton active />}
      {current?.missing && (
        <Card>
          <Result status="404" title="未找到该工作方案" subTitle="该工作方案不存在或您无权查看。" />
        </Card>
      )}
      {current?.report && (
        <>
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'title', label: '工作方案', children: current.report.programmeTitle },
                { key: 'owner', label: '发布辖区', children: current.report.ownerJurisdictionName },
                { key: 'asOf', label: '统计截至', children: current.report.asOf },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              已认定数含本辖区及下级辖区认定的同类别、同级别示范基地（不限于本方案，已撤销的不计）；在办数为已提交、尚未办结的申报。
            </Typography.Text>
          </Card>
          {groups.length === 0 ? (
            <Card>
              <Empty description="该工作方案未设定建设任务" />
            </Card>
          ) : (
            <>
              {chartGroup && (
                <Card
                  size="small"
                  title="完成情况"
                  extra={
                    charted.length > 1 && (
                      <Select<string>
                        aria-label="建设任务"
                        value={chartGroup.key}
                        onChange={(task) => choose({ task })}
                        options={charted.map((g) => ({ value: g.key, label: g.title }))}
                        popupMatchSelectWidth={false}
                        style={{ minWidth: 240 }}
                      />
                    )
                  }
                >
                  <Flex vertical gap={16}>
                    <Summary group={chartGroup} />
                    {bars.length > 0 ? (
                      <TargetChart data={bars} />
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可对比的辖区" />
                    )}
                  </Flex>
                </Card>
              )}
              {groups.map((group) => (
                <GroupTable key={group.key} group={group} />
              ))}
            </>
          )}
        </>
      )}
    </PageContainer>
  );
}
