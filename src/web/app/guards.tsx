/**
 * Route guards: the logged-in area sends anonymous users to /login (remembering where they were going), and each
 * route admits only users whose access flag allows it.
 */
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Exception } from '../components/Exception';
import { PageLoading } from '../components/PageLoading';
import { type AccessKey, accessFor } from './access';
import { useAuth } from './auth';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!user) {
    const target = `${location.pathname}${location.search}`;
    const search = target === '/' ? '' : `?redirect=${encodeURIComponent(target)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return children;
}

export function AccessGuard({ access, children }: { access: AccessKey; children: ReactNode }) {
  const { user } = useAuth();
  if (!accessFor(user)[access]) return <Exception status={403} />;
  return children;
}
