import type { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@cx/platform';
import { ConfidentialityModule, ConfidentialityOptions } from './confidentiality.module';
import { subjectMigrations } from './infrastructure/subject-migrations';

export function createConfidentialityApp(
  config: ServiceConfig,
  options: ConfidentialityOptions = {},
): Promise<INestApplication> {
  return createServiceApp({
    config,
    rootModule: ConfidentialityModule.forRoot(config, options),
    migrations: subjectMigrations,
    title: 'cx-platform confidentiality',
    description:
      'The PII vault: subjects registered once, personal data sealed per subject, masked reads, audited unmasked reads, consent, legal holds, data-subject exports and erasure by crypto-shredding.',
  });
}
