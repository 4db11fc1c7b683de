/**
 * A rubric as published, read-only: a scored table's indicators and items with their points, bonus groups with
 * their caps (and a warning where the items add up to more than the cap, as in 000), or a checklist's conditions
 * and sub-requirements. Checks the platform makes itself are shown beside the node they bind to.
 */
import { Alert, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { requirementPhrase } from '../../../../core/rubric/checks';
import { metricDefinition } from '../../../../core/rubric/metrics';
import type { Check, MetricCondition, Requirement, Rubric, ScoredItem } from '../../../../core/rubric/schema';
import type { RubricSummary } from '../../../../core/rubric/summary';

function describeCondition(c: MetricCondition): string {
  const def = metricDefinition(c.metric);
  return `${def.label}${requirementPhrase(c.op, c.value, def.unit).replace(/^要求/, '')}`;
}

/** "近12个月业务指导不少于 2 次" (or "…或…" for alternatives), tagged 系统核验 / 提示. */
export function CheckTags({ checks }: { checks: readonly Check[] | undefined }) {
  if (!checks?.length) return null;
  return (
    <Space wrap size={4} style={{ marginTop: 4 }}>
      {checks.map((check) => {
        const text = 'anyOf' in check ? check.anyOf.map(describeCondition).join(' 或 ') : describeCondition(check);
        return (
          <Tag key={text} color={check.effect === 'advise' ? 'default' : 'blue'}>
            {check.effect === 'advise' ? '提示' : '系统核验'}：{text}
          </Tag>
        );
      })}
    </Space>
  );
}

function RequirementList({ requirements }: { requirements: readonly Requirement[] }) {
  return (
    <List
      size="small"
      dataSource={[...requirements]}
      renderItem={(r) => (
        <List.Item>
          <div>
            <Typography.Text>{r.text}</Typography.Text>
            <CheckTags checks={r.checks} />
          </div>
        </List.Item>
      )}
    />
  );
}

function ItemsTable({ items }: { items: readonly ScoredItem[] }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={[...items]}
      expandable={{
        rowExpandable: (item) => Boolean(item.requirements?.length),
        expandedRowRender: (item) => <RequirementList requirements={item.requirements ?? []} />,
      }}
      columns={[
        {
          title: '评价内容',
          render: (_, item) => (
            <div>
              {item.text}
              <CheckTags checks={item.checks} />
            </div>
          ),
        },
        { title: '分值', dataIndex: 'points', width: 80 },
      ]}
    />
  );
}

export function RubricSummaryView({ summary }: { summary: RubricSummary }) {
  if (summary.form === 'checklist') {
    return (
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="评价形式">条件清单</Descriptions.Item>
        <Descriptions.Item label="条件数">{summary.conditionCount}</Descriptions.Item>
        <Descriptions.Item label="通过规则">全部条件满足</Descriptions.Item>
      </Descriptions>
    );
  }
  return (
    <Descriptions size="small" column={4} bordered>
      <Descriptions.Item label="满分">{summary.maxTotal}</Descriptions.Item>
      <Descriptions.Item label="基本分">{summary.baseMax}</Descriptions.Item>
      <Descriptions.Item label="加分上限">{summary.bonusMax}</Descriptions.Item>
      <Descriptions.Item label="合格线">{summary.passMark ?? '未规定'}</Descriptions.Item>
    </Descriptions>
  );
}

export function RubricView({ rubric, summary }: { rubric: Rubric; summary: RubricSummary }) {
  if (rubric.form === 'checklist') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        {rubric.intro && <Typography.Paragraph>{rubric.intro}</Typography.Paragraph>}
        {rubric.conditions.map((c) => (
          <Card key={c.id} size="small" title={c.title}>
            <CheckTags checks={c.checks} />
            <RequirementList requirements={c.requirements} />
          </Card>
        ))}
      </Space>
    );
  }
  const bonusById = new Map(summary.form === 'scored' ? summary.bonusGroups.map((g) => [g.id, g]) : []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rubric.indicators.map((indicator) => (
        <Card
          key={indicator.id}
          size="small"
          title={`${indicator.title}（${indicator.items.reduce((sum, item) => sum + item.points, 0)}分）`}
        >
          <ItemsTable items={indicator.items} />
        </Card>
      ))}
      {rubric.bonusGroups.map((group) => {
        const computed = bonusById.get(group.id);
        return (
          <Card key={group.id} size="small" title={`${group.title}（封顶 ${group.cap} 分）`}>
            {computed?.exceedsCap && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 8 }}
                message={`各加分项合计 ${computed.itemsTotal} 分，超过封顶 ${group.cap} 分；计分时按 ${group.cap} 分封顶。`}
              />
            )}
            <ItemsTable items={group.items} />
          </Card>
        );
      })}
    </Space>
  );
}
