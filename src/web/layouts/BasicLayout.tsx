/**
 * The logged-in shell: side menu built from the declared routes the user's access admits, a header with the user's
 * name, role and bureau or unit, and logout.
 */
import { LogoutOutlined, SafetyCertificateOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Tag, theme } from 'antd';
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
  // A phone (390 px) gets the whole width: the menu folds away behind its trigger, the header keeps the essentials.
  const narrow = Grid.useBreakpoint().md === false;

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
      <Layout.Sider
        width={220}
        breakpoint="lg"
        collapsedWidth={narrow ? 0 : 64}
        onCollapse={setCollapsed}
        // On a phone the menu's trigger sits in the header's empty left side; antd's default (just below the
        // header) covered the first characters of every page title.
        zeroWidthTriggerStyle={{ top: 12 }}
      >
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
            padding: narrow ? '0 12px' : '0 24px',
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
              {!narrow && <strong>{user.displayName}</strong>}
              <Tag color={ROLE_COLORS[user.role]} data-testid="current-role">
                {Role.labels[user.role]}
              </Tag>
              {bureau && !narrow && <span style={{ color: token.colorTextSecondary }}>{bureau}</span>}
            </Space>
            {accessFor(user).canUseSecondFactor && (
              <Button icon={<SafetyOutlined />} aria-label="账号安全" onClick={() => navigate('/account/security')}>
                {!narrow && '账号安全'}
              </Button>
            )}
            <Button
              icon={<LogoutOutlined />}
              aria-label="退出登录"
              onClick={() => {
                // The session is cleared locally even if the server cannot be reached.
                void logout()
                  .catch(() => undefined)
                  .finally(() => navigate('/login', { replace: true }));
              }}
            >
              {!narrow && '退出登录'}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
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
