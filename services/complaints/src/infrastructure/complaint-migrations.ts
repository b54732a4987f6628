import { eventStoreMigrations } from '@cx/event-store';
import { CreateProcessedEvents1764000000100 } from '@cx/messaging';
import { CreateComplaintDescriptions1764000001000 } from './migrations/1764000001000-create-complaint-descriptions';
import { CreateSlaChecks1764000001100 } from './migrations/1764000001100-create-sla-checks';
import { CreateTypicalCaseReviewsByComplaint1764000001200 } from './migrations/1764000001200-create-typical-case-reviews-by-complaint';
import { CreateErasedSubjects1764000001300 } from './migrations/1764000001300-create-erased-subjects';

export const complaintMigrations = [
  ...eventStoreMigrations,
  CreateProcessedEvents1764000000100,
  CreateComplaintDescriptions1764000001000,
  CreateSlaChecks1764000001100,
  CreateTypicalCaseReviewsByComplaint1764000001200,
  CreateErasedSubjects1764000001300,
];
