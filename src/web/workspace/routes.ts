// The workspace's one route table. Every route names the authz action it needs; navigation and access are
// both derived from the shared ACTIONS table, so the web hides exactly what the server would refuse.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { type Action, allows } from '../../shared/authz';
import type { Role } from '../../shared/roles';
import { mustEnrolTotp } from './two-factor';

export interface WorkspaceRoute {
  path: string;
  action: Action;
  /** Key under `web.nav` when the route appears in the navigation. */
  nav?: string;
  page: LazyExoticComponent<ComponentType>;
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const ROUTES: readonly WorkspaceRoute[] = [
  {
    path: 'my-enterprise',
    action: 'enterprise.own',
    nav: 'myEnterprise',
    page: page(() => import('./pages/my-enterprise/my-enterprise-page')),
  },
  {
    path: 'apply',
    action: 'enterprise.own',
    nav: 'apply',
    page: page(() => import('./pages/apply/apply-page')),
  },
  {
    path: 'inbox',
    action: 'application.own',
    nav: 'inbox',
    page: page(() => import('./pages/inbox/inbox-page')),
  },
  {
    path: 'dashboard',
    action: 'program.read',
    nav: 'dashboard',
    page: page(() => import('./pages/dashboard/dashboard-page')),
  },
  {
    path: 'applications',
    action: 'application.review',
    nav: 'review',
    page: page(() => import('./pages/review/review-page')),
  },
  {
    path: 'programs/:code',
    action: 'program.read',
    page: page(() => import('./pages/programs/program-detail-page')),
  },
  {
    path: 'calls/:id/awards',
    action: 'award.read',
    page: page(() => import('./pages/call-awards/call-awards-page')),
  },
  {
    path: 'enterprises',
    action: 'enterprise.list',
    nav: 'enterprises',
    page: page(() => import('./pages/enterprises/enterprise-list-page')),
  },
  {
    path: 'enterprises/:id',
    action: 'enterprise.read',
    page: page(() => import('./pages/enterprises/enterprise-detail-page')),
  },
  {
    path: 'users',
    action: 'user.manage',
    nav: 'users',
    page: page(() => import('./pages/users/users-page')),
  },
  {
    path: 'program-files',
    action: 'program-file.validate',
    nav: 'programFiles',
    page: page(() => import('./pages/program-files/program-files-page')),
  },
  {
    path: 'simulation',
    action: 'simulation.run',
    nav: 'simulation',
    page: page(() => import('./pages/simulation/simulation-page')),
  },
  { path: 'audit', action: 'audit.read', nav: 'audit', page: page(() => import('./pages/audit/audit-page')) },
  {
    path: 'calendar',
    action: 'calendar.read',
    nav: 'calendar',
    page: page(() => import('./pages/calendar/calendar-page')),
  },
  {
    path: 'account',
    action: 'authenticated',
    nav: 'account',
    page: page(() => import('./pages/account/account-page')),
  },
  {
    path: 'password',
    action: 'authenticated',
    page: page(() => import('./pages/account/change-password-page')),
  },
];

/** The navigation a role sees, in table order. */
export function navFor(role: Role): WorkspaceRoute[] {
  return ROUTES.filter((route) => route.nav && allows(role, route.action));
}

/** Where a role lands on /app/: its first navigation entry. */
export function homePathFor(role: Role): string {
  return `/${navFor(role)[0]?.path ?? 'account'}`;
}

/** Where a user lands on /app/: a reset password is changed first, then TOTP enrolled, then the role's home. */
export function landingPathFor(user: {
  role: Role;
  mustChangePassword: boolean;
  totpRequired: boolean;
  totpEnabled: boolean;
}): string {
  if (user.mustChangePassword) return '/password';
  if (mustEnrolTotp(user)) return '/account';
  return homePathFor(user.role);
}
