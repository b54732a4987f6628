import type { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@cx/platform';
import { DASHBOARD_PATH } from './dashboard/dashboard';
import { projectionMigrations } from './infrastructure/projection-migrations';
import { ProjectionsModule } from './projections.module';

export function createProjectionsApp(config: ServiceConfig): Promise<INestApplication> {
  return createServiceApp({
    config,
    rootModule: ProjectionsModule.forRoot(config),
    migrations: projectionMigrations,
    pagesPath: DASHBOARD_PATH,
    title: 'cx-platform projections',
    description: 'Read models built from the domain topics: the CEO escalation view and the reporting schema.',
  });
}
