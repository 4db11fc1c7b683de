/**
 * The notifications in the header: the unread count on a bell, the latest notifications in a popover (a click
 * opens what it is about and marks it read), "全部标为已读", and a link to the full notification centre
 * (/notifications). Polled every minute while the page is open, and reloaded when the centre marks any read.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../app/api';
import {
  type AppNotification,
  markAllNotificationsRead,
  type NotificationPage,
  useNotificationsChanged,
  useOpenNotification,
} from '../app/notifications';

const POLL_MS = 60_000;

export function NotificationBell() {
  const openNotification = useOpenNotification();
  const [items, setItems] = useState<AppNotification[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const load = useCallback(() => {
    api.get<NotificationPage>('/notifications', { pageSize: 10 }).then(
      (r) => {
        setItems(r.items);
        setUnread(r.unread);
      },
      () => undefined,
    );
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  useNotificationsChanged(load);

  const openOne = async (n: AppNotification) => {
    setOpen(false);
    await openNotification(n);
  };

  const content = (
    <div style={{ width: 360 }}>
      {items.length === 0 ? (
        <Empty description="暂无通知" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => openOne(n)}>
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary">{dayjs(n.createdAt).format('MM-DD HH:mm')}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Flex justify="space-between" align="center" style={{ paddingTop: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          查看全部通知
        </Link>
        {unread > 0 && (
          <Button type="link" size="small" onClick={() => markAllNotificationsRead().catch(() => undefined)}>
            全部标为已读
          </Button>
        )}
      </Flex>
    </div>
  );

  return (
    <Popover content={content} title="通知" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={`通知（${unread} 条未读）`} />
      </Badge>
    </Popover>
  );
}
