/**
 * The frame of the public pages (示范基地名录, 公示): no login, a header with the product name and the public
 * sections, and a link to log in (or back to the workbench for a logged-in user). Plain elements and public.css, no
 * antd: it is part of every public page's first load (issue 15).
 */
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
    <div className="sm-public-page">
      <header className="sm-public-header">
        <Link to="/registry" className="sm-public-brand" aria-label={`${PUBLIC_BRAND}（示范基地名录）`}>
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="currentColor">
            <path d="M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Zm-1.2 14.2-3.5-3.5 1.4-1.4 2.1 2.1 4.9-4.9 1.4 1.4-6.3 6.3Z" />
          </svg>
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
      <main className="sm-public-main">{children}</main>
      <footer className="sm-public-footer">{APP_SUBTITLE} · 本栏目信息向社会公开，不含单位联系人等个人信息</footer>
    </div>
  );
}
