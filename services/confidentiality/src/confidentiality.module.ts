import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import { CLOCK, Clock, ServiceConfig, ServiceRuntimeModule, systemClock } from '@cx/platform';
import { ApproveAccessController } from './commands/approve-access/approve-access.http.controller';
import { AccessGrantCommands } from './commands/change-access-grant/access-grant-commands';
import { ChangeAccessGrantHandler } from './commands/change-access-grant/change-access-grant.handler';
import { ChangeInformationAssetHandler } from './commands/change-information-asset/change-information-asset.handler';
import { InformationAssetCommands } from './commands/change-information-asset/information-asset-commands';
import { ChangeSubjectHandler } from './commands/change-subject/change-subject.handler';
import { SubjectCommands } from './commands/change-subject/subject-commands';
import { CorrectSubjectHandler } from './commands/correct-subject/correct-subject.handler';
import { CorrectSubjectController } from './commands/correct-subject/correct-subject.http.controller';
import { EraseSubjectController } from './commands/erase-subject/erase-subject.http.controller';
import { ExportSubjectDataHandler } from './commands/export-subject-data/export-subject-data.handler';
import { ExportSubjectDataController } from './commands/export-subject-data/export-subject-data.http.controller';
import { PlaceLegalHoldController } from './commands/place-legal-hold/place-legal-hold.http.controller';
import { ReclassifyInformationAssetController } from './commands/reclassify-information-asset/reclassify-information-asset.http.controller';
import { RecordConsentController } from './commands/record-consent/record-consent.http.controller';
import { RegisterInformationAssetHandler } from './commands/register-information-asset/register-information-asset.handler';
import { RegisterInformationAssetController } from './commands/register-information-asset/register-information-asset.http.controller';
import { RegisterSubjectHandler } from './commands/register-subject/register-subject.handler';
import { RegisterSubjectController } from './commands/register-subject/register-subject.http.controller';
import { RejectAccessController } from './commands/reject-access/reject-access.http.controller';
import { ReleaseLegalHoldController } from './commands/release-legal-hold/release-legal-hold.http.controller';
import { RequestAccessHandler } from './commands/request-access/request-access.handler';
import { RequestAccessController } from './commands/request-access/request-access.http.controller';
import { RetireInformationAssetController } from './commands/retire-information-asset/retire-information-asset.http.controller';
import { RevealPersonalDataHandler } from './commands/reveal-personal-data/reveal-personal-data.handler';
import { RevealPersonalDataController } from './commands/reveal-personal-data/reveal-personal-data.http.controller';
import { RevokeAccessController } from './commands/revoke-access/revoke-access.http.controller';
import { RewrapDataKeysHandler } from './commands/rewrap-data-keys/rewrap-data-keys.handler';
import { RewrapDataKeysController } from './commands/rewrap-data-keys/rewrap-data-keys.http.controller';
import type { RetentionPolicy } from './domain/retention/retention-policy';
import { AccessDenialRepository } from './infrastructure/access-denial.repository';
import { AccessGrantRepository } from './infrastructure/access-grant.repository';
import { InformationAssetRepository } from './infrastructure/information-asset.repository';
import { GrantExpiryJob } from './infrastructure/jobs/grant-expiry-job';
import { RetentionJob } from './infrastructure/jobs/retention-job';
import { DEFAULT_JOB_INTERVAL_MS, JOB_INTERVAL } from './infrastructure/jobs/scheduled-job';
import { loadRetentionPolicy, RETENTION_POLICY } from './infrastructure/retention-policy.config';
import { SubjectVault } from './infrastructure/subject-vault';
import { SubjectRepository } from './infrastructure/subject.repository';
import { loadVaultKeys, VAULT_KEYS, VaultKeys } from './infrastructure/vault/vault-keys';
import { GetAccessGrantHandler } from './queries/get-access-grant/get-access-grant.handler';
import { GetAccessGrantController } from './queries/get-access-grant/get-access-grant.http.controller';
import { GetAccessReviewHandler } from './queries/get-access-review/get-access-review.handler';
import { GetAccessReviewController } from './queries/get-access-review/get-access-review.http.controller';
import { GetInformationAssetHandler } from './queries/get-information-asset/get-information-asset.handler';
import { GetInformationAssetController } from './queries/get-information-asset/get-information-asset.http.controller';
import { GetSubjectHandler } from './queries/get-subject/get-subject.handler';
import { GetSubjectController } from './queries/get-subject/get-subject.http.controller';
import { ListAccessAuditHandler } from './queries/list-access-audit/list-access-audit.handler';
import { ListAccessAuditController } from './queries/list-access-audit/list-access-audit.http.controller';
import { ListInformationAssetsHandler } from './queries/list-information-assets/list-information-assets.handler';
import { ListInformationAssetsController } from './queries/list-information-assets/list-information-assets.http.controller';

const commandHandlers = [
  RegisterSubjectHandler,
  CorrectSubjectHandler,
  RevealPersonalDataHandler,
  ExportSubjectDataHandler,
  ChangeSubjectHandler,
  RewrapDataKeysHandler,
  RegisterInformationAssetHandler,
  ChangeInformationAssetHandler,
  RequestAccessHandler,
  ChangeAccessGrantHandler,
];
const queryHandlers = [
  GetSubjectHandler,
  GetInformationAssetHandler,
  ListInformationAssetsHandler,
  GetAccessGrantHandler,
  GetAccessReviewHandler,
  ListAccessAuditHandler,
];
const controllers = [
  RegisterSubjectController,
  GetSubjectController,
  RevealPersonalDataController,
  CorrectSubjectController,
  RecordConsentController,
  ExportSubjectDataController,
  PlaceLegalHoldController,
  ReleaseLegalHoldController,
  EraseSubjectController,
  RewrapDataKeysController,
  RegisterInformationAssetController,
  ListInformationAssetsController,
  GetInformationAssetController,
  ReclassifyInformationAssetController,
  RetireInformationAssetController,
  RequestAccessController,
  GetAccessGrantController,
  ApproveAccessController,
  RejectAccessController,
  RevokeAccessController,
  GetAccessReviewController,
  ListAccessAuditController,
];
const repositories = [SubjectRepository, InformationAssetRepository, AccessGrantRepository, AccessDenialRepository];
const jobs = [RetentionJob, GrantExpiryJob];

export interface ConfidentialityOptions {
  /** Tests pass a ManualClock to cross grant expiries and retention periods without waiting. */
  clock?: Clock;
  /** Tests pass their own keys, to prove what can and cannot be decrypted with them. */
  vaultKeys?: VaultKeys;
  retentionPolicy?: RetentionPolicy;
  jobIntervalMs?: number;
}

@Module({})
export class ConfidentialityModule {
  static forRoot(config: ServiceConfig, options: ConfidentialityOptions = {}): DynamicModule {
    return {
      module: ConfidentialityModule,
      imports: [CqrsModule.forRoot(), ServiceRuntimeModule.forRoot({ config, publishesTo: Topics.confidentiality })],
      controllers,
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: VAULT_KEYS, useFactory: () => options.vaultKeys ?? loadVaultKeys() },
        { provide: RETENTION_POLICY, useFactory: () => options.retentionPolicy ?? loadRetentionPolicy() },
        {
          provide: JOB_INTERVAL,
          useValue:
            options.jobIntervalMs ?? Number(process.env.CONFIDENTIALITY_JOB_INTERVAL_MS ?? DEFAULT_JOB_INTERVAL_MS),
        },
        SubjectVault,
        ...repositories,
        SubjectCommands,
        InformationAssetCommands,
        AccessGrantCommands,
        ...commandHandlers,
        ...queryHandlers,
        ...jobs,
      ],
    };
  }
}
