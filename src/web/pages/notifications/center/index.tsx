/**
 * The notification centre: all of the user's notifications, newest first, paged in the address bar, all or only
 * the unread ones. Opening one marks it read and goes where it leads; "全部标为已读" marks them all. Every role has
 * it, reached from the header bell ("查看全部通知"). The server lists only the user's own notifications.
 */
import { Badge, Button, Card, Flex, Radio, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApiErrorHandler } from '../../../app/api';
import {
  type AppNotification,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationPage,
  useNotificationsChanged,
  useOpenNotification,
} from '../../../app/notifications';
import { PageContainer } from '../../../components/PageContainer';
import { readPaging, tablePagination, usePagedList } from '../../../hooks/usePagedList';

type Filter = 'all' | 'unread';

interface CentreQuery {
  filter: Filter;
  page: number;
  pageSize: number;
}

function readQuery(params: URLSearchParams): CentreQuery {
  return { filter: params.get('filter') === 'unread' ? 'unread' : 'all', ...readPaging(params) };
}

function writeQuery(query: CentreQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.filter === 'unread') params.set('filter', 'unread');
  if (query.page !== 1) params.set('page', String(query.page));
  if (query.pageSize !== 20) params.set('pageSize', String(query.pageSize));
  return params;
}

export default function NotificationCentrePage() {
  const handleError = useApiErrorHandler();
  const openNotification = useOpenNotification();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const key = params.toString();
  const { data, loading, reload } = usePagedList<AppNotification>(
    '/notifications',
    {
      unreadOnly: query.filter === 'unread' ? 'true' : undefined,
      page: query.page,
      pageSize: query.pageSize,
    },
    key,
  );
  // The notification list also answers the user's unread count (whatever the filter).
  const unread = (data as Partial<NotificationPage>).unread ?? 0;
  useNotificationsChanged(reload);
  const [marking, setMarking] = useState(false);

  const markAll = async () => {
    setMarking(true);
    try {
      await markAllNotificationsRead();
      // The unread pages after the first are empty now.
      if (query.filter === 'unread' && query.page !== 1) setParams(writeQuery({ ...query, page: 1 }));
    } catch (error) {
      handleError(error);
    } finally {
      setMarking(false);
    }
  };

  return (
    <PageContainer
      title="通知中心"
      subTitle={loading ? undefined : unread > 0 ? `${unread} 条未读` : '没有未读通知'}
      extra={
        <Button onClick={markAll} loading={marking} disabled={loading || unread === 0}>
          全部标为已读
        </Button>
      }
    >
      <Card size="small">
        <Radio.Group
          aria-label="通知筛选"
          optionType="button"
          buttonStyle="solid"
          value={query.filter}
          onChange={(e) => setParams(writeQuery({ ...query, filter: e.target.value as Filter, page: 1 }))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: '未读' },
          ]}
        />
      </Card>
      <Card size="small" aria-busy={loading} data-testid="notification-table" data-query={key}>
        <Table<AppNotification>
          rowKey="id"
          loading={loading}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: query.filter === 'unread' ? '没有未读通知' : '暂无通知' }}
          pagination={tablePagination(
            query,
            data.total,
            (total) => `共 ${total} 条`,
            (paging) => setParams(writeQuery({ ...query, ...paging })),
          )}
          columns={[
            {
              title: '状态',
              dataIndex: 'readAt',
              width: 90,
              render: (readAt: string | null) =>
                readAt ? <Badge status="default" text="已读" /> : <Badge status="processing" text="未读" />,
            },
            {
              title: '通知',
              key: 'notification',
              render: (_: unknown, n) => (
                <Flex vertical gap={2}>
                  {n.link ? (
                    <a
                      href={n.link}
                      style={{ fontWeight: n.readAt ? undefined : 600 }}
                      onClick={(event) => {
                        event.preventDefault();
                        void openNotification(n);
                      }}
                    >
                      {n.title}
                    </a>
                  ) : (
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  )}
                  {n.body && <Typography.Text type="secondary">{n.body}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: '时间',
              dataIndex: 'createdAt',
              width: 170,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: '操作',
              key: 'actions',
              width: 110,
              render: (_: unknown, n) =>
                n.readAt ? null : (
                  <Button type="link" size="small" onClick={() => markNotificationRead(n.id).catch(handleError)}>
                    标为已读
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
