import { ROLES_KEY, type Principal, type Role } from '@cx/auth';
import { GetCeoSummaryController } from '../queries/get-ceo-summary/get-ceo-summary.http.controller';
import { GetCommunityReportController } from '../queries/get-community-report/get-community-report.http.controller';
import { GetComplaintKpisController } from '../queries/get-complaint-kpis/get-complaint-kpis.http.controller';
import { GetParticipationReportController } from '../queries/get-participation-report/get-participation-report.http.controller';
import { GetSatisfactionReportController } from '../queries/get-satisfaction-report/get-satisfaction-report.http.controller';
import { ListCeoEscalationsController } from '../queries/list-ceo-escalations/list-ceo-escalations.http.controller';

/** The roles a REST route admits, read from its @Roles: a page shows what its route shows, to the same roles. */
function rolesOf(route: (...args: never[]) => unknown): readonly Role[] {
  const roles: Role[] | undefined = Reflect.getMetadata(ROLES_KEY, route);
  if (!roles) throw new Error(`route ${route.name} declares no roles`);
  return roles;
}

export interface DashboardPage {
  path: string;
  title: string;
  roles: readonly Role[];
}

const union = (...lists: (readonly Role[])[]): readonly Role[] => [...new Set(lists.flat())];

export const CEO_PAGE: DashboardPage = {
  path: '/dashboard/ceo',
  title: 'CEO escalations',
  // The breach counter comes from the CEO summary: the page needs both routes' roles (they are the same).
  roles: rolesOf(ListCeoEscalationsController.prototype.list).filter((r) =>
    rolesOf(GetCeoSummaryController.prototype.get).includes(r),
  ),
};
export const KPI_PAGE: DashboardPage = {
  path: '/dashboard/kpis',
  title: 'Complaint KPIs',
  roles: rolesOf(GetComplaintKpisController.prototype.get),
};
export const PARTICIPATION_PAGE: DashboardPage = {
  path: '/dashboard/participation',
  title: 'Listening campaign',
  roles: rolesOf(GetParticipationReportController.prototype.get),
};
export const SATISFACTION_PAGE: DashboardPage = {
  path: '/dashboard/satisfaction',
  title: 'Satisfaction',
  roles: rolesOf(GetSatisfactionReportController.prototype.get),
};
export const COMMUNITY_PAGE: DashboardPage = {
  path: '/dashboard/community',
  title: 'Community activities',
  roles: rolesOf(GetCommunityReportController.prototype.get),
};

/** In navigation order. */
export const DASHBOARD_PAGES: readonly DashboardPage[] = [
  CEO_PAGE,
  KPI_PAGE,
  PARTICIPATION_PAGE,
  SATISFACTION_PAGE,
  COMMUNITY_PAGE,
];

/** Anyone who may see at least one page may sign in. */
export const ANY_PAGE_ROLES = union(...DASHBOARD_PAGES.map((p) => p.roles));

export const pagesFor = (principal: Principal | undefined): DashboardPage[] =>
  principal ? DASHBOARD_PAGES.filter((page) => page.roles.some((role) => principal.roles.includes(role))) : [];
