import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import { CLOCK, Clock, ServiceConfig, ServiceRuntimeModule, systemClock } from '@cx/platform';
import { ChangeSubjectHandler } from './commands/change-subject/change-subject.handler';
import { SubjectCommands } from './commands/change-subject/subject-commands';
import { CorrectSubjectHandler } from './commands/correct-subject/correct-subject.handler';
import { CorrectSubjectController } from './commands/correct-subject/correct-subject.http.controller';
import { EraseSubjectController } from './commands/erase-subject/erase-subject.http.controller';
import { ExportSubjectDataHandler } from './commands/export-subject-data/export-subject-data.handler';
import { ExportSubjectDataController } from './commands/export-subject-data/export-subject-data.http.controller';
import { PlaceLegalHoldController } from './commands/place-legal-hold/place-legal-hold.http.controller';
import { RecordConsentController } from './commands/record-consent/record-consent.http.controller';
import { RegisterSubjectHandler } from './commands/register-subject/register-subject.handler';
import { RegisterSubjectController } from './commands/register-subject/register-subject.http.controller';
import { ReleaseLegalHoldController } from './commands/release-legal-hold/release-legal-hold.http.controller';
import { RevealPersonalDataHandler } from './commands/reveal-personal-data/reveal-personal-data.handler';
import { RevealPersonalDataController } from './commands/reveal-personal-data/reveal-personal-data.http.controller';
import { RewrapDataKeysHandler } from './commands/rewrap-data-keys/rewrap-data-keys.handler';
import { RewrapDataKeysController } from './commands/rewrap-data-keys/rewrap-data-keys.http.controller';
import { SubjectVault } from './infrastructure/subject-vault';
import { SubjectRepository } from './infrastructure/subject.repository';
import { loadVaultKeys, VAULT_KEYS, VaultKeys } from './infrastructure/vault/vault-keys';
import { GetSubjectHandler } from './queries/get-subject/get-subject.handler';
import { GetSubjectController } from './queries/get-subject/get-subject.http.controller';

const commandHandlers = [
  RegisterSubjectHandler,
  CorrectSubjectHandler,
  RevealPersonalDataHandler,
  ExportSubjectDataHandler,
  ChangeSubjectHandler,
  RewrapDataKeysHandler,
];
const queryHandlers = [GetSubjectHandler];
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
];

export interface ConfidentialityOptions {
  clock?: Clock;
  /** Tests pass their own keys, to prove what can and cannot be decrypted with them. */
  vaultKeys?: VaultKeys;
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
        SubjectVault,
        SubjectRepository,
        SubjectCommands,
        ...commandHandlers,
        ...queryHandlers,
      ],
    };
  }
}
