/**
 * 维权线索 (officers: every clue of the bureau's subtree with days left, overdue in red; applicants: their unit's
 * requests). Metadata only: opening a clue is a content read, audited.
 */
import { Button, Card, Checkbox, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { RightsSource, RightsStatus, RightsUrgency } from '../../../shared/enums-rights';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ClockTag, type ClueMeta, StatusTag } from './rights-common';

interface Item extends ClueMeta {
  access: string;
  mine: boolean;
  assigned: boolean;
}

export default function RightsList() {
  const { user } = useAuth();
  const navigate = useNavigate();
  const [items, setItems] = useState<Item[]>([]);
  const [status, setStatus] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      const r = await api.get<{ items: Item[] }>('/rights/clues', {
        status,
        overdue: overdue ? '1' : undefined,
        pageSize: 100,
      });
      setItems(r.items);
    } finally {
      setLoading(false);
    }
  }, [status, overdue]);
  useEffect(() => {
    void load();
  }, [load]);
  const applicant = user?.role === 'applicant';
  return (
    <Card
      title={applicant ? '我的维权申请' : '维权线索统一管控'}
      extra={
        <Space wrap>
          {!applicant && <Link to="/rights/settings">维权规则与维权中心</Link>}
          <Button type="primary" onClick={() => navigate('/rights/new')}>
            {applicant ? '申请维权' : '登记线索'}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.entries(RightsStatus.labels).map(([value, label]) => ({ value, label }))}
          aria-label="状态"
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          只看超期
        </Checkbox>
      </Space>
      <Table<Item>
        rowKey="id"
        loading={loading}
        dataSource={items}
        scroll={{ x: 800 }}
        rowClassName={(r) => (r.overdue ? 'sm-row-overdue' : '')}
        onRow={(r) => ({ style: r.overdue ? { background: '#fff1f0' } : undefined })}
        columns={[
          {
            title: '线索编号',
            dataIndex: 'clueNo',
            render: (v: string, r) => <Link to={`/rights/clues/${r.id}`}>{v}</Link>,
          },
          { title: '来源', dataIndex: 'source', render: (v: RightsSource) => RightsSource.labels[v] },
          { title: '管辖部门', dataIndex: 'jurisdictionName' },
          { title: '状态', dataIndex: 'status', render: (v: RightsStatus) => <StatusTag status={v} /> },
          { title: '紧急程度', dataIndex: 'urgency', render: (v: RightsUrgency) => RightsUrgency.labels[v] },
          { title: '受理日期', dataIndex: 'receivedOn' },
          { title: '期限', key: 'clock', render: (_: unknown, r) => <ClockTag clocks={r.clocks} /> },
          ...(applicant
            ? []
            : [
                {
                  title: '承办',
                  key: 'mine',
                  render: (_: unknown, r: Item) =>
                    r.mine ? (
                      '本人承办'
                    ) : r.assigned ? (
                      '已指定'
                    ) : (
                      <Typography.Text type="warning">待指定</Typography.Text>
                    ),
                },
              ]),
        ]}
      />
    </Card>
  );
}
