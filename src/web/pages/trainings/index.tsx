/**
 * 培训与大讲堂: the events the caller may see (trainings, the city's lecture series with its sub-venues, forums, case
 * seminars). Bureaus publish new ones here; every row opens the event's page.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { TrainingKind, TrainingVenueRole } from '../../../shared/enums-trainings';
import { api, useApiErrorHandler } from '../../app/api';
import { useCurrentUser } from '../../app/auth';
import { PageContainer } from '../../components/PageContainer';
import { TrainingFormModal } from './TrainingFormModal';
import type { TrainingEvent } from './types';

export default function TrainingListPage() {
  const me = useCurrentUser();
  const handleError = useApiErrorHandler();
  const [items, setItems] = useState<TrainingEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    setLoading(true);
    api
      .get<{ items: TrainingEvent[] }>('/trainings', { pageSize: 100 })
      .then((page) => setItems(page.items), handleError)
      .finally(() => setLoading(false));
  }, [handleError]);
  useEffect(load, [load]);
  const isOfficer = me.role === 'officer' || me.role === 'admin';
  return (
    <PageContainer
      title="培训与大讲堂"
      subTitle="培训、商业秘密保护大讲堂、论坛与案例研讨"
      extra={
        isOfficer && me.jurisdictionCode ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            发布活动
          </Button>
        ) : null
      }
    >
      <Card>
        <Table<TrainingEvent>
          rowKey="id"
          loading={loading}
          dataSource={items}
          scroll={{ x: 760 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '活动',
              dataIndex: 'title',
              render: (_, e) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/trainings/${e.id}`}>{e.title}</Link>
                  <span>
                    <Tag color="blue">{TrainingKind.labels[e.kind]}</Tag>
                    {e.cancelled && <Tag color="red">已取消</Tag>}
                  </span>
                </Space>
              ),
            },
            { title: '主办', dataIndex: 'ownerName', width: 110 },
            {
              title: '日期',
              width: 200,
              render: (_, e) => (e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} 至 ${e.endsOn}`),
            },
            {
              title: '会场',
              width: 260,
              render: (_, e) =>
                e.venues.map((v) => (
                  <div key={v.id}>
                    {TrainingVenueRole.labels[v.role]}：{v.name}（{v.registered}/{v.capacity}）
                  </div>
                )),
            },
          ]}
        />
      </Card>
      {creating && (
        <TrainingFormModal
          ownerJurisdictionCode={me.jurisdictionCode!}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            load();
          }}
        />
      )}
    </PageContainer>
  );
}
