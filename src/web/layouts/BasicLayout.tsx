/**
 * The logged-in shell: side menu built from the declared routes the user's access admits, a header with the user's
 * name, role and bureau or unit, and logout.
 */
import { LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Role } from '../../shared/enums';
import { accessFor } from '../app/access';
import { useAuth, useCurrentUser } from '../app/auth';
import { activeMenuPath, appRoutes } from '../app/routes';
import { NotificationBell } from '../components/NotificationBell';
import { PageLoading } from '../components/PageLoading';
import { useJurisdictions } from '../hooks/useJurisdictions';
import { APP_NAME, APP_SUBTITLE } from '../locales/zh-CN';

const ROLE_COLORS = { applicant: 'green', officer: 'blue', expert: 'purple', admin: 'red' } as const;

export function BasicLayout() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const { byCode } = useJurisdictions();
  const [collapsed, setCollapsed] = useState(false);

  const menuRoutes = useMemo(() => {
    const access = accessFor(user);
    return appRoutes.filter((route) => route.menu && !route.blank && access[route.access]);
  }, [user]);
  const selected = activeMenuPath(
    location.pathname,
    menuRoutes.map((r) => r.path),
  );
  const bureau = user.jurisdictionCode ? byCode.get(user.jurisdictionCode)?.name : undefined;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} breakpoint="lg" collapsedWidth={64} onCollapse={setCollapsed}>
        <div className="sm-brand" title={APP_SUBTITLE}>
          <SafetyCertificateOutlined style={{ fontSize: 22 }} />
          {!collapsed && (
            <span>
              {APP_NAME}
              <br />
              <small>{APP_SUBTITLE}</small>
            </span>
          )}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label="主菜单"
          selectedKeys={selected ? [selected] : []}
          items={menuRoutes.map((route) => ({ key: route.path, icon: route.menu!.icon, label: route.menu!.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="middle">
            <NotificationBell />
            <Space size={6} data-testid="current-user">
              <UserOutlined />
              <Typography.Text strong>{user.displayName}</Typography.Text>
              <Tag color={ROLE_COLORS[user.role]} data-testid="current-role">
                {Role.labels[user.role]}
              </Tag>
              {bureau && <Typography.Text type="secondary">{bureau}</Typography.Text>}
            </Space>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                // The session is cleared locally even if the server cannot be reached.
                void logout()
                  .catch(() => undefined)
                  .finally(() => navigate('/login', { replace: true }));
              }}
            >
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: token.colorTextTertiary }}>
          {APP_NAME} · {APP_SUBTITLE}
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
