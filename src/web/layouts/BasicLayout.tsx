/**
 * The logged-in shell: side menu built from the declared routes the user's access admits, a header with the user's
 * name, role and bureau or unit, and logout.
 */
import { LogoutOutlined, SafetyCertificateOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Menu, theme } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { accessFor } from '../app/access';
import { useAuth, useCurrentUser } from '../app/auth';
import { activeMenuPath, appRoutes } from '../app/routes';
import { PageLoading } from '../components/PageLoading';
import { useJurisdictions } from '../hooks/useJurisdictions';
import { APP_NAME, APP_SUBTITLE } from '../locales/zh-CN';

// Header parts loaded beside the first page rather than with the shell (issue 15: the shell's first load).
const RoleTag = lazy(() => import('../components/RoleTag'));
const NotificationBell = lazy(() =>
  import('../components/NotificationBell').then((module) => ({ default: module.NotificationBell })),
);

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
          <Flex gap="middle" align="center">
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <Flex gap={6} align="center" data-testid="current-user">
              <UserOutlined />
              {!narrow && <strong>{user.displayName}</strong>}
              <Suspense fallback={null}>
                <RoleTag role={user.role} />
              </Suspense>
              {bureau && !narrow && <span style={{ color: token.colorTextSecondary }}>{bureau}</span>}
            </Flex>
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
          </Flex>
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
