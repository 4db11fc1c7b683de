/**
 * /rights-cases — the module's home for officers: statistics of clues and cases in the officer's jurisdiction
 * (charts and an Excel export), the typical cases awaiting work, and the case-handling guides.
 */
import { Card, Col, Empty, Row, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { TypicalCaseStatus } from '../../../shared/enums-rights-cases';
import { api, useApiErrorHandler } from '../../app/api';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { BucketChart } from './BucketChart';
import type { Bucket, RightsStatistics, TypicalCase } from './types';

const CHARTS: [keyof RightsStatistics, string, boolean][] = [
  ['byMonth', '按受理月份', false],
  ['bySource', '按线索来源', false],
  ['byRoute', '按处理途径', false],
  ['bySecretKind', '按商业秘密类型', true],
  ['byIndustry', '按所属行业', true],
  ['byDistrict', '按管辖部门', true],
  ['transfersByOutcome', '移送公安及结果', false],
];

export default function RightsCasesHome() {
  const handleError = useApiErrorHandler();
  const [stats, setStats] = useState<RightsStatistics | null>(null);
  const [typical, setTypical] = useState<TypicalCase[]>([]);
  useEffect(() => {
    api.get<RightsStatistics>('/rights/statistics').then(setStats).catch(handleError);
    api
      .get<{ items: TypicalCase[] }>('/rights/typical-cases')
      .then((r) => setTypical(r.items))
      .catch(handleError);
  }, [handleError]);
  const t = stats?.totals;
  return (
    <PageContainer
      title="维权办案"
      subTitle="线索与案件统计、典型案例、办案指南"
      extra={
        <Space wrap>
          <Link to="/rights-cases/guides">办案指南</Link>
          <ExportButton path="/rights/statistics" label="导出统计 Excel" />
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        {(
          [
            ['线索总数', t?.clues],
            ['行政立案', t?.cases],
            ['已结案', t?.closedCases],
            ['移送公安', t?.transfers],
            ['研判超期', t?.overdueDecisions],
            ['结案超期', t?.overdueCases],
            ['平均研判用时（天）', t?.avgDecisionDays ?? '—'],
            ['鉴定经费（元）', t?.appraisalCost],
          ] as const
        ).map(([title, value]) => (
          <Col xs={12} md={6} key={title}>
            <Card size="small">
              <Statistic title={title} value={value ?? 0} loading={!stats} />
            </Card>
          </Col>
        ))}
        {CHARTS.map(([key, title, horizontal]) => {
          const data = (stats?.[key] as Bucket[] | undefined) ?? [];
          return (
            <Col xs={24} lg={12} key={key}>
              <Card size="small" title={title}>
                {data.length > 0 ? (
                  <BucketChart data={data} label={title} horizontal={horizontal} />
                ) : (
                  <Empty description="暂无数据" />
                )}
              </Card>
            </Col>
          );
        })}
        <Col span={24}>
          <Card size="small" title="典型案例">
            <Table
              rowKey="id"
              size="small"
              scroll={{ x: 640 }}
              pagination={false}
              dataSource={typical}
              columns={[
                {
                  title: '标题',
                  dataIndex: 'title',
                  render: (v: string, r) => <Link to={`/rights-cases/typical/${r.id}`}>{v}</Link>,
                },
                { title: '案件编号', dataIndex: 'clueNo', width: 160 },
                { title: '撰写人', dataIndex: 'authorName', width: 160 },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 100,
                  render: (v: TypicalCase['status']) => (
                    <Tag color={v === 'published' ? 'green' : v === 'pending' ? 'orange' : 'default'}>
                      {TypicalCaseStatus.labels[v]}
                    </Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
