import type { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@cx/platform';
import { CommunityModule, CommunityOptions } from './community.module';
import { communityMigrations } from './infrastructure/community-migrations';

export function createCommunityApp(config: ServiceConfig, options: CommunityOptions = {}): Promise<INestApplication> {
  return createServiceApp({
    config,
    rootModule: CommunityModule.forRoot(config, options),
    migrations: communityMigrations,
    title: 'cx-platform community',
    description:
      '"37°C Community": activities with registration, waitlist offers and check-in; "Love Care" services through the stages of life.',
  });
}
