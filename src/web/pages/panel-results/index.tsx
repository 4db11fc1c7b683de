/**
 * 验收结果: a programme's acceptance results, one row per application with a panel — the panel's size and sheets and
 * its figures (mean total against the pass mark, or the checklist's majority), in the applications list's scope.
 * Scores show where the acceptance card shows them (the owning bureau); other bureaus see status and progress. The
 * chosen programme lives in the address bar; the export holds the same rows.
 */
import { Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApplicationStatus } from '../../../core/applications/workflow';
import { api, useApiErrorHandler } from '../../app/api';
import type { Page } from '../../app/types';
import { ExportButton } from '../../components/ExportButton';
import { PageContainer } from '../../components/PageContainer';
import { useProgrammeChoice } from '../../hooks/useProgrammeChoice';
import { ApplicationStatusTag } from '../applications/components/ApplicationStatusTag';

interface PanelResultRow {
  applicationId: string;
  unitName: string;
  jurisdictionName: string;
  kindName: string;
  status: ApplicationStatus;
  form: 'scored' | 'checklist';
  panelSize: number;
  sheetsComplete: number;
  scoresVisible: boolean;
  meanTotal: number | null;
  maxTotal: number | null;
  passMark: number | null;
  metByMajority: number | null;
  requirementCount: number | null;
  passed: boolean | null;
}

function Figures({ row }: { row: PanelResultRow }) {
  if (!row.scoresVisible) return <Typography.Text type="secondary">评分仅主管部门可见</Typography.Text>;
  if (row.form === 'checklist') {
    return row.metByMajority === null ? '—' : `多数意见符合 ${row.metByMajority}/${row.requirementCount} 项`;
  }
  if (row.meanTotal === null) return '—';
  return `${row.meanTotal} / ${row.maxTotal} 分${row.passMark !== null ? `（合格分 ${row.passMark}）` : ''}`;
}

function Verdict({ row }: { row: PanelResultRow }) {
  if (!row.scoresVisible || row.passed === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return row.passed ? <Tag color="success">达到通过要求</Tag> : <Tag color="error">未达到通过要求</Tag>;
}

export default function PanelResultsPage() {
  const handleError = useApiErrorHandler();
  const { programmes, programmeId, options, params, setParams } = useProgrammeChoice();
  const page = Number(params.get('page')) || 1;
  const [data, setData] = useState<Page<PanelResultRow>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!programmeId) return;
    setLoading(true);
    api
      .get<Page<PanelResultRow>>('/panel-results', { programmeId, page, pageSize: 20 })
      .then(setData, handleError)
      .finally(() => setLoading(false));
  }, [programmeId, page, handleError]);

  return (
    <PageContainer
      title="验收结果"
      subTitle="按工作方案汇总各申报的验收组评分与结论"
      extra={programmeId && <ExportButton path="/panel-results" query={{ programmeId }} />}
    >
      <Card>
        <Space style={{ marginBottom: 16, width: '100%' }} wrap>
          <Select
            aria-label="选择工作方案"
            showSearch
            optionFilterProp="label"
            style={{ width: 'min(560px, 80vw)' }}
            loading={programmes === null}
            value={programmeId ?? undefined}
            placeholder="选择工作方案"
            onChange={(v: string) => setParams({ programmeId: v })}
            options={options}
          />
        </Space>
        <Table<PanelResultRow>
          rowKey="applicationId"
          loading={loading}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '本工作方案尚无组织验收的申报' }}
          pagination={{
            current: page,
            pageSize: 20,
            total: data.total,
            showTotal: (n) => `共 ${n} 件`,
            onChange: (p) => {
              const next = new URLSearchParams(params);
              p === 1 ? next.delete('page') : next.set('page', String(p));
              setParams(next);
            },
          }}
          columns={[
            {
              title: '申报单位',
              dataIndex: 'unitName',
              render: (name: string, r) => <Link to={`/applications/${r.applicationId}`}>{name}</Link>,
            },
            { title: '辖区', dataIndex: 'jurisdictionName' },
            { title: '基地类型', dataIndex: 'kindName' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
            },
            {
              title: '验收组',
              key: 'panel',
              render: (_: unknown, r) => `${r.panelSize} 人，已完成评分 ${r.sheetsComplete} 人`,
            },
            { title: '验收评分', key: 'figures', render: (_: unknown, r) => <Figures row={r} /> },
            { title: '评分结论', key: 'verdict', render: (_: unknown, r) => <Verdict row={r} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
