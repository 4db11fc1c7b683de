/**
 * Reach of the trainings in the officer's scope: events, venues, units and people reached, by district, industry
 * and month, as bars and as a table, exported to Excel with the same period.
 */
import { Card, Flex, Input, Statistic, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { api, useApiErrorHandler } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';

interface Row {
  key: string;
  label: string;
  events: number;
  venues: number;
  units: number;
  people: number;
}
interface Stats {
  totals: { events: number; venues: number; units: number; people: number };
  byDistrict: Row[];
  byIndustry: Row[];
  byMonth: Row[];
}

function Bars({ rows }: { rows: Row[] }) {
  const max = Math.max(1, ...rows.map((r) => r.people));
  return (
    <Flex vertical gap={6} role="img" aria-label="参训人次柱状图">
      {rows.map((r) => (
        <Flex key={r.key} align="center" gap={8}>
          <span style={{ width: 120, flexShrink: 0 }}>{r.label}</span>
          <div style={{ background: '#1677ff', height: 14, width: `${(r.people / max) * 60}%`, minWidth: 2 }} />
          <span>{r.people} 人次</span>
        </Flex>
      ))}
    </Flex>
  );
}

export default function TrainingStatsPage() {
  const handleError = useApiErrorHandler();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [stats, setStats] = useState<Stats | null>(null);
  const query = {
    from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : undefined,
    to: /^\d{4}-\d{2}-\d{2}$/.test(to) ? to : undefined,
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: query is derived from from/to
  useEffect(() => {
    api.get<Stats>('/training-stats', query).then(setStats, handleError);
  }, [from, to, handleError]);
  const table = (rows: Row[]) => (
    <Flex vertical gap={16}>
      <Bars rows={rows} />
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 520 }}
        columns={[
          { title: '类别', dataIndex: 'label' },
          { title: '活动场次', dataIndex: 'events', width: 90 },
          { title: '会场数', dataIndex: 'venues', width: 80 },
          { title: '覆盖单位', dataIndex: 'units', width: 90 },
          { title: '参训人次', dataIndex: 'people', width: 90 },
        ]}
      />
    </Flex>
  );
  return (
    <PageContainer title="培训覆盖统计" extra={<ExportButton path="/training-stats" query={query} />}>
      <Card>
        <Flex gap={8} wrap>
          <Input
            aria-label="起始日期"
            placeholder="起始日期 YYYY-MM-DD"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            style={{ width: 200 }}
          />
          <Input
            aria-label="截止日期"
            placeholder="截止日期 YYYY-MM-DD"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            style={{ width: 200 }}
          />
        </Flex>
      </Card>
      {stats && (
        <>
          <Flex gap={16} wrap>
            <Card>
              <Statistic title="活动场次" value={stats.totals.events} />
            </Card>
            <Card>
              <Statistic title="会场数" value={stats.totals.venues} />
            </Card>
            <Card>
              <Statistic title="覆盖单位" value={stats.totals.units} />
            </Card>
            <Card>
              <Statistic title="参训人次" value={stats.totals.people} />
            </Card>
          </Flex>
          <Card>
            <Tabs
              items={[
                { key: 'district', label: '按辖区', children: table(stats.byDistrict) },
                { key: 'industry', label: '按行业', children: table(stats.byIndustry) },
                { key: 'month', label: '按月份', children: table(stats.byMonth) },
              ]}
            />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
