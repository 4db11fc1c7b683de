/**
 * 工作方案: every programme version the user may see — published ones for everyone, drafts for the managers of the
 * owning jurisdiction — with import for city-level officers and admins.
 */
import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ProgrammeStatus } from '../../../../shared/enums';
import { accessFor } from '../../../app/access';
import { api, useApiErrorHandler } from '../../../app/api';
import { useCurrentUser } from '../../../app/auth';
import { PageContainer } from '../../../components/PageContainer';
import { ProgrammeSourceModal } from '../components/ProgrammeSourceModal';
import { ProgrammeStatusTag } from '../components/ProgrammeStatusTag';
import type { ProgrammeSummary } from '../programme-types';

export default function ProgrammeListPage() {
  const user = useCurrentUser();
  const access = accessFor(user);
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const [status, setStatus] = useState<ProgrammeStatus | undefined>();
  const [items, setItems] = useState<ProgrammeSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [importing, setImporting] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ items: ProgrammeSummary[] }>('/programs', { status })
      .then((r) => setItems(r.items), handleError)
      .finally(() => setLoading(false));
  }, [status, handleError]);
  useEffect(load, [load]);

  return (
    <PageContainer
      title="工作方案"
      subTitle="各级监管部门发布的商业秘密保护示范基地培育工作方案"
      extra={
        access.canManageProgrammes && (
          <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            导入工作方案
          </Button>
        )
      }
    >
      <Card>
        <Select
          aria-label="状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160, marginBottom: 16 }}
          value={status}
          onChange={setStatus}
          options={ProgrammeStatus.values.map((value) => ({ value, label: ProgrammeStatus.labels[value] }))}
        />
        <Table
          rowKey="id"
          loading={loading}
          // On a phone the table scrolls inside its card instead of widening the page.
          scroll={{ x: 960 }}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '方案名称',
              dataIndex: 'title',
              render: (title: string, row) => <Link to={`/programs/${row.id}`}>{title}</Link>,
            },
            { title: '发布单位辖区', dataIndex: 'ownerJurisdictionName', width: 140 },
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '方案代码', dataIndex: 'code', width: 160 },
            { title: '版本', dataIndex: 'version', width: 90, render: (v: number) => `第 ${v} 版` },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: ProgrammeStatus) => <ProgrammeStatusTag status={s} />,
            },
            {
              title: '发布时间',
              dataIndex: 'publishedAt',
              width: 170,
              render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
            },
          ]}
        />
      </Card>
      <ProgrammeSourceModal
        open={importing}
        onClose={() => setImporting(false)}
        onSaved={(saved) => {
          setImporting(false);
          navigate(`/programs/${saved.id}`);
        }}
      />
    </PageContainer>
  );
}
