import type { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@cx/platform';
import { FRAME_BODY_LIMIT } from './commands/load-sampling-frame/sampling-frame-rows';
import { RESPONSES_BODY_LIMIT } from './commands/record-responses-bulk/response-rows';
import { surveyMigrations } from './infrastructure/survey-migrations';
import { SurveysModule, SurveysOptions } from './surveys.module';

export function createSurveysApp(config: ServiceConfig, options: SurveysOptions = {}): Promise<INestApplication> {
  return createServiceApp({
    config,
    rootModule: SurveysModule.forRoot(config, options),
    migrations: surveyMigrations,
    title: 'cx-platform surveys',
    description:
      'Satisfaction surveys: versioned questionnaires, monthly waves with reproducible stratified samples, responses from the vendor, interviewers and single-use links, dispositions and response rates.',
    // A frame of a month's customers and a vendor's batch of thousands; every other route keeps the 100 kB default.
    bulkBodies: [
      { path: /^\/v1\/waves\/[^/]+\/frame$/, limit: FRAME_BODY_LIMIT },
      { path: /^\/v1\/waves\/[^/]+\/responses\/bulk$/, limit: RESPONSES_BODY_LIMIT },
    ],
  });
}
