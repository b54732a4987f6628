import { CreateProcessedEvents1764000000100 } from '@cx/messaging';
import { CreateReportingSchema1764000002000 } from './migrations/1764000002000-create-reporting-schema';

export const projectionMigrations = [CreateProcessedEvents1764000000100, CreateReportingSchema1764000002000];
