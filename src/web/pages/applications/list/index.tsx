/**
 * Applications the user may see: an applicant its unit's ("我的申报"), an officer those of its jurisdiction awaiting
 * or past its action ("申报审核" — the to-do filter shows what waits on it), an expert those on whose panel it sits.
 */
import { Button, Card, Segmented, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApplicationStatus } from '../../../../core/applications/workflow';
import { api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import type { Page } from '../../../app/types';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import type { ApplicationSummary } from '../application-types';
import { ApplicationStatusTag } from '../components/ApplicationStatusTag';

const TITLES = { applicant: '我的申报', officer: '申报审核', admin: '申报审核', expert: '我的评审任务' } as const;
const SUBTITLES = {
  applicant: '由自评转为申报，填写申报表后提交；退回补充材料时在此修改',
  officer: '本辖区的申报：审核评分、推荐、组织验收、公示与认定',
  admin: '全部申报',
  expert: '分配给您评分的申报材料',
} as const;

export default function ApplicationListPage() {
  const user = useCurrentUser();
  const handleError = useApiErrorHandler();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ApplicationStatus | null) ?? undefined;
  const page = Number(params.get('page')) || 1;
  const todo = params.get('todo') === 'true';
  const [data, setData] = useState<Page<ApplicationSummary>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    api
      .get<Page<ApplicationSummary>>('/applications', { status, page, pageSize: 20, todo: todo || undefined })
      .then(setData, handleError)
      .finally(() => setLoading(false));
  }, [status, page, todo, handleError]);

  const setQuery = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? merged.set(k, v) : merged.delete(k);
    setParams(merged);
  };

  return (
    <PageContainer
      title={TITLES[user.role]}
      subTitle={SUBTITLES[user.role]}
      extra={
        <Space wrap>
          <ExportButton path="/applications" query={{ status, todo: todo || undefined }} />
          {user.role === 'applicant' && (
            <Link to="/self-assessment">
              <Button type="primary">从自评发起申报</Button>
            </Link>
          )}
        </Space>
      }
    >
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Segmented
            aria-label="范围"
            value={todo ? 'todo' : 'all'}
            onChange={(v) => setQuery({ todo: v === 'todo' ? 'true' : undefined, page: undefined })}
            options={[
              { value: 'all', label: '全部' },
              { value: 'todo', label: '待我处理' },
            ]}
          />
          <Select
            aria-label="状态"
            allowClear
            placeholder="全部状态"
            style={{ width: 180 }}
            value={status}
            onChange={(v) => setQuery({ status: v, page: undefined })}
            options={ApplicationStatus.values.map((v) => ({ value: v, label: ApplicationStatus.labels[v] }))}
          />
        </Space>
        <Table
          rowKey="id"
          loading={loading}
          // On a phone the table scrolls inside its card instead of widening the page.
          scroll={{ x: 960 }}
          dataSource={data.items}
          pagination={{
            current: page,
            pageSize: 20,
            total: data.total,
            showTotal: (n) => `共 ${n} 件`,
            onChange: (p) => setQuery({ page: p === 1 ? undefined : String(p) }),
          }}
          columns={[
            {
              title: '申报单位',
              dataIndex: 'unitName',
              render: (name: string, a) => <Link to={`/applications/${a.id}`}>{name}</Link>,
            },
            { title: '基地类型', dataIndex: 'kindName', width: 200 },
            { title: '工作方案', dataIndex: 'programmeTitle', ellipsis: true },
            { title: '辖区', dataIndex: 'jurisdictionName', width: 110 },
            { title: '审核评分', dataIndex: 'districtScore', width: 90, render: (s: number | null) => s ?? '—' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 130,
              render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
            },
            {
              title: '更新时间',
              dataIndex: 'updatedAt',
              width: 150,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
