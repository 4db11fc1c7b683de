/**
 * The officer's "what to do next": the stage schedule of its programmes against the business date, the applications
 * waiting on it (the to-do list) and what is late (past a stage's published end, or a publicity period that ran out).
 */
import { Alert, Card, Empty, Flex, List, Skeleton, Steps, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { StageTiming } from '../../../../core/applications/guidance';
import { WorkflowRole } from '../../../../core/applications/workflow';
import { ApplicationStatusTag } from '../../applications/components/ApplicationStatusTag';
import type { OfficerGuidance } from './guidance-types';
import { useGuidance } from './useGuidance';

const STEP_STATUS: Record<StageTiming, 'finish' | 'process' | 'wait'> = {
  past: 'finish',
  current: 'process',
  upcoming: 'wait',
  unscheduled: 'wait',
};

type ScheduledStage = OfficerGuidance['programmes'][number]['stages'][number];

const stageDates = (stage: ScheduledStage) =>
  [stage.label, stage.opens && stage.closes ? `${stage.opens} 至 ${stage.closes}` : (stage.closes ?? stage.opens)]
    .filter(Boolean)
    .join('，');

export function OfficerGuidanceCards() {
  const guidance = useGuidance<OfficerGuidance>('/guidance/officer');

  if (!guidance) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={`逾期事项（${guidance.late.length}）`}
        data-testid="home-late"
        extra={<Typography.Text type="secondary">按业务日期 {guidance.today} 计算</Typography.Text>}
      >
        {guidance.late.length === 0 ? (
          <Empty description="没有逾期事项" />
        ) : (
          <List
            size="small"
            dataSource={guidance.late}
            renderItem={(a) => (
              <List.Item
                data-testid="home-late-item"
                actions={[
                  <Link key="open" to={`/applications/${a.id}`}>
                    {a.onMe ? '去处理' : '查看'}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center" wrap>
                      <Tag color="error">逾期 {a.daysLate} 天</Tag>
                      <ApplicationStatusTag status={a.status} />
                      {a.unitName} · {a.programmeTitle} · {a.kindName}
                    </Flex>
                  }
                  description={
                    <Flex vertical>
                      {a.reasons.map((r) => (
                        <span key={r.reason}>{r.reason}</span>
                      ))}
                      {!a.onMe && a.waitingOn && <span>由{WorkflowRole.labels[a.waitingOn]}处理</span>}
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        size="small"
        title={`待我处理（${guidance.todo.total}）`}
        data-testid="home-todo"
        extra={<Link to="/applications?todo=true">全部待办</Link>}
      >
        {guidance.todo.items.length === 0 ? (
          <Empty description="暂无待处理的申报" />
        ) : (
          <List
            size="small"
            dataSource={guidance.todo.items}
            renderItem={(a) => (
              <List.Item
                data-testid="home-todo-item"
                actions={[
                  <Link key="open" to={`/applications/${a.id}`}>
                    去处理
                  </Link>,
                ]}
              >
                <Flex gap={8} align="center" wrap>
                  <ApplicationStatusTag status={a.status} />
                  {a.unitName} · {a.programmeTitle} · {a.kindName}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" title="工作方案阶段安排" data-testid="home-schedule">
        {guidance.programmes.length === 0 ? (
          <Empty description="本辖区暂无已发布的工作方案" />
        ) : (
          <Flex vertical gap={24}>
            {guidance.programmes.map((p) => (
              <div key={p.id} data-testid="home-schedule-programme">
                <Typography.Text strong>
                  {p.title}（{p.ownerJurisdictionName}）
                </Typography.Text>
                {p.stages.length === 0 ? (
                  <Alert type="info" title="本方案未列出阶段" style={{ marginTop: 8 }} />
                ) : (
                  <Steps
                    size="small"
                    style={{ marginTop: 12 }}
                    // antd highlights the step at `current` (0 by default) whatever its status: without this, a
                    // programme whose first stage has no date showed that stage as the one under way.
                    current={p.stages.findIndex((stage) => stage.timing === 'current')}
                    items={p.stages.map((stage) => ({
                      title: stage.name,
                      status: STEP_STATUS[stage.timing],
                      description: (
                        <span data-testid={`stage-${stage.id}`} data-timing={stage.timing}>
                          {StageTiming.labels[stage.timing]}
                          {stageDates(stage) ? `：${stageDates(stage)}` : ''}
                        </span>
                      ),
                    }))}
                  />
                )}
              </div>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
