/**
 * Every page of the app, declared once: its path, the access flag that admits it, and its menu entry. The router
 * (main.tsx) and the side menu (layouts/BasicLayout.tsx) are both built from this list.
 */
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  BugOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  NotificationOutlined,
  PhoneOutlined,
  PieChartOutlined,
  ProfileOutlined,
  QuestionCircleOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { MENU } from '../locales/zh-CN';
import type { AccessKey } from './access';
import { publicRoutes } from './public-routes';

export interface AppRoute {
  path: string;
  access: AccessKey;
  /** Pages outside the logged-in layout (login, self-registration). */
  blank?: boolean;
  page: LazyExoticComponent<ComponentType>;
  /** Shown in the side menu (in this order) to users whose access admits the route. */
  menu?: { label: string; icon: ReactNode };
}

export const appRoutes: readonly AppRoute[] = [
  { path: '/login', access: 'public', blank: true, page: lazy(() => import('../pages/auth/login')) },
  { path: '/register', access: 'public', blank: true, page: lazy(() => import('../pages/auth/register')) },
  // The public pages (registry, publicity, verify…): also served from their own bundle, public.html.
  ...publicRoutes,
  {
    path: '/',
    access: 'isLoggedIn',
    page: lazy(() => import('../pages/home/dashboard')),
    menu: { label: MENU.home, icon: <HomeOutlined /> },
  },
  {
    path: '/my-unit',
    access: 'canViewOwnUnit',
    page: lazy(() => import('../pages/units/my-unit')),
    menu: { label: MENU.myUnit, icon: <ShopOutlined /> },
  },
  {
    path: '/evidence',
    access: 'canPreserveEvidence',
    page: lazy(() => import('../pages/evidence')),
    menu: { label: MENU.evidence, icon: <SafetyCertificateOutlined /> },
  },
  {
    path: '/self-assessment',
    access: 'canSelfAssess',
    page: lazy(() => import('../pages/self-assessment')),
    menu: { label: MENU.selfAssessment, icon: <FormOutlined /> },
  },

  {
    path: '/applications',
    access: 'canUseApplications',
    page: lazy(() => import('../pages/applications/list')),
    menu: { label: MENU.applications, icon: <FileDoneOutlined /> },
  },
  // Every role's notification centre, reached from the header bell rather than the side menu.
  { path: '/notifications', access: 'isLoggedIn', page: lazy(() => import('../pages/notifications/center')) },
  { path: '/applications/:id', access: 'isLoggedIn', page: lazy(() => import('../pages/applications/detail')) },
  {
    path: '/applications/:id/print',
    access: 'isLoggedIn',
    blank: true,
    page: lazy(() => import('../pages/applications/print')),
  },
  {
    path: '/publicity-admin',
    access: 'canManagePublicity',
    page: lazy(() => import('../pages/publicity-admin')),
    menu: { label: MENU.publicityAdmin, icon: <NotificationOutlined /> },
  },
  {
    path: '/panel-results',
    access: 'canManagePublicity',
    page: lazy(() => import('../pages/panel-results')),
    menu: { label: MENU.panelResults, icon: <TrophyOutlined /> },
  },
  {
    path: '/base-management',
    access: 'canManagePublicity',
    page: lazy(() => import('../pages/base-management')),
    menu: { label: MENU.baseManagement, icon: <ReconciliationOutlined /> },
  },
  {
    path: '/assessments',
    access: 'canManagePublicity',
    page: lazy(() => import('../pages/assessments')),
    menu: { label: MENU.assessments, icon: <FundOutlined /> },
  },
  { path: '/assessments/:id', access: 'canManagePublicity', page: lazy(() => import('../pages/assessments/detail')) },
  {
    path: '/reports',
    access: 'canManagePublicity',
    page: lazy(() => import('../pages/reports')),
    menu: { label: MENU.reports, icon: <PieChartOutlined /> },
  },
  {
    path: '/experts',
    access: 'canUseExpertRegistry',
    page: lazy(() => import('../pages/experts')),
    menu: { label: MENU.experts, icon: <SolutionOutlined /> },
  },
  {
    path: '/experts/me',
    access: 'canViewOwnExpert',
    page: lazy(() => import('../pages/experts/me')),
    menu: { label: MENU.expertMe, icon: <IdcardOutlined /> },
  },
  {
    path: '/targets',
    access: 'isLoggedIn',
    page: lazy(() => import('../pages/targets')),
    menu: { label: MENU.targets, icon: <AimOutlined /> },
  },
  // People and outreach (issue 13)
  {
    path: '/contact-firms',
    access: 'canUseContactFirms',
    page: lazy(() => import('../pages/contact-firms')),
    menu: { label: MENU.contactFirms, icon: <PhoneOutlined /> },
  },
  {
    path: '/standard-adoptions',
    access: 'canUseStandardAdoptions',
    page: lazy(() => import('../pages/standard-adoptions')),
    menu: { label: MENU.standardAdoptions, icon: <FlagOutlined /> },
  },
  // rights (issue 12)
  {
    path: '/rights',
    access: 'canUseRights',
    page: lazy(() => import('../pages/rights')),
    menu: { label: MENU.rights, icon: <AlertOutlined /> },
  },
  { path: '/rights/new', access: 'canUseRights', page: lazy(() => import('../pages/rights/new')) },
  { path: '/rights/settings', access: 'canUseRightsCases', page: lazy(() => import('../pages/rights/settings')) },
  { path: '/rights/clues/:id', access: 'canUseRights', page: lazy(() => import('../pages/rights/detail')) },
  { path: '/rights/mine/:id', access: 'canUseRights', page: lazy(() => import('../pages/rights/detail')) },
  {
    path: '/ledger',
    access: 'canUseLedger',
    page: lazy(() => import('../pages/ledger')),
    menu: { label: MENU.ledger, icon: <BookOutlined /> },
  },
  // Trainings, the lecture series, forums (issue 13)
  {
    path: '/trainings',
    access: 'canUseTrainings',
    page: lazy(() => import('../pages/trainings')),
    menu: { label: MENU.trainings, icon: <ReadOutlined /> },
  },
  {
    path: '/training-stats',
    access: 'canViewTrainingStats',
    page: lazy(() => import('../pages/trainings/stats')),
    menu: { label: MENU.trainingStats, icon: <BarChartOutlined /> },
  },
  {
    path: '/trainings/check-in/:id',
    access: 'canUseTrainings',
    page: lazy(() => import('../pages/trainings/check-in')),
  },
  { path: '/trainings/:id', access: 'canUseTrainings', page: lazy(() => import('../pages/trainings/detail')) },
  {
    path: '/programs',
    access: 'canViewProgrammes',
    page: lazy(() => import('../pages/programmes/list')),
    menu: { label: MENU.programmes, icon: <ProfileOutlined /> },
  },
  { path: '/programs/:id', access: 'canViewProgrammes', page: lazy(() => import('../pages/programmes/detail')) },
  {
    path: '/units',
    access: 'canListUnits',
    page: lazy(() => import('../pages/units/list')),
    menu: { label: MENU.units, icon: <BankOutlined /> },
  },
  { path: '/units/new', access: 'canRegisterUnit', page: lazy(() => import('../pages/units/new')) },
  { path: '/units/:id', access: 'canReadUnits', page: lazy(() => import('../pages/units/profile')) },
  { path: '/units/:id/edit', access: 'canEditUnits', page: lazy(() => import('../pages/units/edit')) },
  {
    path: '/jurisdictions',
    access: 'canViewJurisdictions',
    page: lazy(() => import('../pages/jurisdictions/tree')),
    menu: { label: MENU.jurisdictions, icon: <ApartmentOutlined /> },
  },
  {
    path: '/audit',
    access: 'canReadAudit',
    page: lazy(() => import('../pages/audit/trail')),
    menu: { label: MENU.audit, icon: <AuditOutlined /> },
  },
  {
    path: '/reviews',
    access: 'canReviewApplications',
    page: lazy(() => import('../pages/applications/list')),
    menu: { label: MENU.reviews, icon: <FileSearchOutlined /> },
  },
  {
    path: '/admin/calendar',
    access: 'canManageCalendar',
    page: lazy(() => import('../pages/admin/calendar')),
    menu: { label: MENU.calendar, icon: <CalendarOutlined /> },
  },
  {
    path: '/admin/users',
    access: 'canManageUsers',
    page: lazy(() => import('../pages/admin/users')),
    menu: { label: MENU.users, icon: <TeamOutlined /> },
  },
  // No menu entry: reached from the header's "账号安全" button.
  {
    path: '/account/security',
    access: 'canUseSecondFactor',
    page: lazy(() => import('../pages/account/security')),
  },
  // Services, attack service, guides (issue 13)
  {
    path: '/services',
    access: 'canUseServices',
    page: lazy(() => import('../pages/services')),
    menu: { label: MENU.services, icon: <CustomerServiceOutlined /> },
  },
  {
    path: '/attack-assessments',
    access: 'canUseAttackService',
    page: lazy(() => import('../pages/services/attack')),
    menu: { label: MENU.attack, icon: <BugOutlined /> },
  },
  {
    path: '/guides',
    access: 'isLoggedIn',
    page: lazy(() => import('../pages/guides')),
    menu: { label: MENU.guides, icon: <ReadOutlined /> },
  },
  // rights-cases (issue 12): administrative cases, statistics, typical cases (public pages too), guides
  {
    path: '/rights-cases',
    access: 'canUseRightsCases',
    page: lazy(() => import('../pages/rights-cases')),
    menu: { label: MENU.rightsCases, icon: <SafetyOutlined /> },
  },
  {
    path: '/rights-cases/guides',
    access: 'canUseRightsCases',
    page: lazy(() => import('../pages/rights-cases/guides')),
  },
  {
    path: '/rights-cases/typical/:id',
    access: 'canUseRightsCases',
    page: lazy(() => import('../pages/rights-cases/typical')),
  },
  { path: '/rights-cases/:id', access: 'canUseRightsCases', page: lazy(() => import('../pages/rights-cases/detail')) },
  {
    path: '/help',
    access: 'isLoggedIn',
    page: lazy(() => import('../pages/help')),
    menu: { label: MENU.help, icon: <QuestionCircleOutlined /> },
  },
];

/** The menu entry to highlight for a location: the longest menu path that prefixes it ("/" only on itself). */
export function activeMenuPath(pathname: string, menuPaths: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const path of menuPaths) {
    const matches = path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
    if (matches && (!best || path.length > best.length)) best = path;
  }
  return best;
}
