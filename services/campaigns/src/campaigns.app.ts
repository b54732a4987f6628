import type { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@cx/platform';
import { CampaignsModule, CampaignsOptions } from './campaigns.module';
import { ACTIVITIES_BODY_LIMIT } from './commands/record-activities-bulk/activity-rows';
import { ROSTER_BODY_LIMIT } from './commands/import-roster/roster-rows';
import { campaignMigrations } from './infrastructure/campaign-migrations';

export function createCampaignsApp(config: ServiceConfig, options: CampaignsOptions = {}): Promise<INestApplication> {
  return createServiceApp({
    config,
    rootModule: CampaignsModule.forRoot(config, options),
    migrations: campaignMigrations,
    title: 'cx-platform campaigns',
    description: 'Listening campaigns ("Six Ones"): the eligible roster and the participation activities.',
    // Imports of tens of thousands of rows in one request; every other route keeps the 100 kB default.
    bulkBodies: [
      { path: /^\/v1\/campaigns\/[^/]+\/roster$/, limit: ROSTER_BODY_LIMIT, rawMediaTypes: ['text/csv'] },
      { path: /^\/v1\/campaigns\/[^/]+\/activities\/bulk$/, limit: ACTIVITIES_BODY_LIMIT },
    ],
  });
}
