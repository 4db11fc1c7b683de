/**
 * The user's in-app notifications as the header bell and the notification centre (/notifications) show them, and
 * how the two stay in step: whoever marks notifications read announces it, and both reload.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from './api';
import type { Page } from './types';

export interface AppNotification {
  id: string;
  title: string;
  body: string;
  /** Where in the app it leads, e.g. "/applications/…". */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

/** GET /notifications: one page (newest first), the total matching the filter, and the user's unread count. */
export interface NotificationPage extends Page<AppNotification> {
  unread: number;
}

const CHANGED = 'shangmi:notifications-changed';

/** Tells the bell and the notification centre that notifications were marked read. */
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls `listener` whenever notifications were marked read anywhere on the page. */
export function useNotificationsChanged(listener: () => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    const handle = () => latest.current();
    window.addEventListener(CHANGED, handle);
    return () => window.removeEventListener(CHANGED, handle);
  }, []);
}

/** Marks one of the user's notifications read. */
export async function markNotificationRead(id: string): Promise<void> {
  await api.post(`/notifications/${id}/read`);
  announceNotificationsChanged();
}

/** Marks all of the user's notifications read. */
export async function markAllNotificationsRead(): Promise<void> {
  await api.post('/notifications/read-all');
  announceNotificationsChanged();
}

/** Opening a notification: it is marked read (if it was not) and what it is about opens, if it links anywhere. */
export function useOpenNotification(): (notification: AppNotification) => Promise<void> {
  const navigate = useNavigate();
  return useCallback(
    async (notification: AppNotification) => {
      // Failing to mark it read must not keep the user from what it is about.
      if (!notification.readAt) await markNotificationRead(notification.id).catch(() => undefined);
      if (notification.link) navigate(notification.link);
    },
    [navigate],
  );
}
