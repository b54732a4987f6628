import type { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@cx/platform';
import { ComplaintsModule, ComplaintsOptions } from './complaints.module';
import { complaintMigrations } from './infrastructure/complaint-migrations';

export function createComplaintsApp(config: ServiceConfig, options: ComplaintsOptions = {}): Promise<INestApplication> {
  return createServiceApp({
    config,
    rootModule: ComplaintsModule.forRoot(config, options),
    migrations: complaintMigrations,
    title: 'cx-platform complaints',
    description: 'Complaint intake, the escalation ladder up to the CEO office, resolution, and typical-case reviews.',
  });
}
