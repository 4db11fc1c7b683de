/**
 * The notifications in the header: the unread count on a bell, the latest notifications in a popover (a click
 * opens what it is about and marks it read), "全部标为已读", and a link to the full notification centre
 * (/notifications). Polled every minute while the page is open, and reloaded when the centre marks any read.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Spin } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api } from '../app/api';
import {
  type AppNotification,
  type NotificationPage,
  useNotificationsChanged,
  useOpenNotification,
} from '../app/notifications';

const POLL_MS = 60_000;
const NotificationList = lazy(() => import('./NotificationList'));

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
    // The list and its antd components load when the popover first opens: they are not part of the shell's first load.
    <Suspense fallback={<Spin size="small" />}>
      <NotificationList items={items} unread={unread} onOpen={(n) => void openOne(n)} onClose={() => setOpen(false)} />
    </Suspense>
  );

  return (
    <Popover content={content} title="通知" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={`通知（${unread} 条未读）`} />
      </Badge>
    </Popover>
  );
}
