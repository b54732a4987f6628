import { eventStoreMigrations } from '@cx/event-store';
import { CreateSubjectVault1764000005000 } from './migrations/1764000005000-create-subject-vault';
import { CreateInformationAssets1764000005100 } from './migrations/1764000005100-create-information-assets';
import { CreateAccessGrants1764000005200 } from './migrations/1764000005200-create-access-grants';
import { CreateAccessAudit1764000005300 } from './migrations/1764000005300-create-access-audit';
import { CreateRetentionChecks1764000005400 } from './migrations/1764000005400-create-retention-checks';

export const confidentialityMigrations = [
  ...eventStoreMigrations,
  CreateSubjectVault1764000005000,
  CreateInformationAssets1764000005100,
  CreateAccessGrants1764000005200,
  CreateAccessAudit1764000005300,
  CreateRetentionChecks1764000005400,
];
