import type { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@cx/platform';
import { ConfidentialityModule, ConfidentialityOptions } from './confidentiality.module';
import { confidentialityMigrations } from './infrastructure/confidentiality-migrations';

export function createConfidentialityApp(
  config: ServiceConfig,
  options: ConfidentialityOptions = {},
): Promise<INestApplication> {
  return createServiceApp({
    config,
    rootModule: ConfidentialityModule.forRoot(config, options),
    migrations: confidentialityMigrations,
    title: 'cx-platform confidentiality',
    description:
      'The PII vault and its access control: subjects registered once, personal data sealed per subject, masked reads, unmasked reads only under approved, unexpired access grants (every decision audited), the information asset register, access review, retention with erasure by crypto-shredding, consent, legal holds and data-subject exports.',
  });
}
