/** The bell's popover (NotificationBell): the latest notifications, "全部标为已读" and the way to the centre. */
import { Button, Empty, Flex, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { type AppNotification, markAllNotificationsRead } from '../app/notifications';

interface NotificationListProps {
  items: AppNotification[];
  unread: number;
  onOpen: (notification: AppNotification) => void;
  onClose: () => void;
}

export default function NotificationList({ items, unread, onOpen, onClose }: NotificationListProps) {
  return (
    <div style={{ width: 360 }}>
      {items.length === 0 ? (
        <Empty description="暂无通知" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => onOpen(n)}>
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
        <Link to="/notifications" onClick={onClose}>
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
}
