import { DashboardAssetsController } from './assets/dashboard-assets.http.controller';
import { CeoViewChanges } from './live/ceo-view-changes';
import { CeoEscalationsPageController } from './pages/ceo-escalations/ceo-escalations.html.controller';
import { CommunityPageController } from './pages/community/community.html.controller';
import { ComplaintKpisPageController } from './pages/complaint-kpis/complaint-kpis.html.controller';
import { ParticipationPageController } from './pages/participation/participation.html.controller';
import { SatisfactionPageController } from './pages/satisfaction/satisfaction.html.controller';
import { SignInController } from './session/sign-in.http.controller';

/** The read-only dashboard under /dashboard: server-rendered pages over the same query handlers as the API. */
export const DASHBOARD_PATH = 'dashboard';

export const dashboardControllers = [
  SignInController,
  DashboardAssetsController,
  CeoEscalationsPageController,
  ComplaintKpisPageController,
  ParticipationPageController,
  SatisfactionPageController,
  CommunityPageController,
];

export const dashboardProviders = [CeoViewChanges];
