/**
 * The frame of the public pages (示范基地名录, 公示): no login, a header with the product name and the public
 * sections, and a link to log in (or back to the workbench for a logged-in user).
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Layout, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { APP_SUBTITLE } from '../../locales/zh-CN';
import './public.css';

export const PUBLIC_BRAND = '商秘 · 商业秘密保护示范基地';

const SECTIONS = [
  { to: '/registry', label: '示范基地名录' },
  { to: '/publicity', label: '公示' },
  { to: '/typical-cases', label: '典型案例' },
  { to: '/objection-status', label: '异议查询' },
  { to: '/verify', label: '存证验证' },
  { to: '/public/guides', label: '指引与范本' },
  { to: '/rights/report', label: '侵权举报' },
  { to: '/rights/follow', label: '举报查询' },
  { to: '/help/public', label: '帮助' },
] as const;

interface PublicLayoutProps {
  /** The page's name, shown in the browser tab. */
  title: string;
  children: ReactNode;
}

export function PublicLayout({ title, children }: PublicLayoutProps) {
  const { pathname } = useLocation();
  const { user } = useAuth();

  useEffect(() => {
    const previous = document.title;
    document.title = `${title} - ${PUBLIC_BRAND}`;
    return () => {
      document.title = previous;
    };
  }, [title]);

  const isCurrent = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  const account = user ? { to: '/', label: '进入工作台' } : { to: '/login', label: '登录' };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="sm-public-header">
        <Link to="/registry" className="sm-public-brand" aria-label={`${PUBLIC_BRAND}（示范基地名录）`}>
          <SafetyCertificateOutlined style={{ fontSize: 24 }} />
          <span>{PUBLIC_BRAND}</span>
        </Link>
        <nav className="sm-public-nav" aria-label="公开栏目">
          {SECTIONS.map((section) => (
            <Link key={section.to} to={section.to} aria-current={isCurrent(section.to) ? 'page' : undefined}>
              {section.label}
            </Link>
          ))}
        </nav>
        <nav className="sm-public-nav" aria-label="账号" style={{ flex: 'none' }}>
          <Link to={account.to}>{account.label}</Link>
        </nav>
      </header>
      <Layout.Content>
        <main className="sm-public-main">{children}</main>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: 'transparent' }}>
        <Typography.Text type="secondary">
          {APP_SUBTITLE} · 本栏目信息向社会公开，不含单位联系人等个人信息
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
