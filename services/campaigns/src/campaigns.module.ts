import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import { CLOCK, Clock, ServiceConfig, ServiceRuntimeModule, systemClock } from '@cx/platform';
import { AddProblemActionController } from './commands/add-problem-action/add-problem-action.http.controller';
import { CampaignCommands } from './commands/change-campaign/campaign-commands';
import { ChangeListeningCampaignHandler } from './commands/change-campaign/change-campaign.handler';
import { ChangeCampaignProblemHandler } from './commands/change-problem/change-problem.handler';
import { ProblemCommands } from './commands/change-problem/problem-commands';
import { CloseListeningCampaignController } from './commands/close-campaign/close-campaign.http.controller';
import { CloseCampaignProblemController } from './commands/close-problem/close-problem.http.controller';
import { CompleteProblemActionController } from './commands/complete-problem-action/complete-problem-action.http.controller';
import { CreateListeningCampaignHandler } from './commands/create-campaign/create-campaign.handler';
import { CreateListeningCampaignController } from './commands/create-campaign/create-campaign.http.controller';
import { ImportRosterHandler } from './commands/import-roster/import-roster.handler';
import { ImportRosterController } from './commands/import-roster/import-roster.http.controller';
import { LinkCampaignProblemController } from './commands/link-problem/link-problem.http.controller';
import { OpenListeningCampaignController } from './commands/open-campaign/open-campaign.http.controller';
import { RaiseCampaignProblemHandler } from './commands/raise-problem/raise-problem.handler';
import { RaiseCampaignProblemController } from './commands/raise-problem/raise-problem.http.controller';
import { RecordActivitiesBulkHandler } from './commands/record-activities-bulk/record-activities-bulk.handler';
import { RecordActivitiesBulkController } from './commands/record-activities-bulk/record-activities-bulk.http.controller';
import { ActivityRecording } from './commands/record-activity/activity-recording';
import { RecordActivityHandler } from './commands/record-activity/record-activity.handler';
import { RecordActivityController } from './commands/record-activity/record-activity.http.controller';
import { SendBackProblemActionController } from './commands/send-back-problem-action/send-back-problem-action.http.controller';
import { VerifyProblemActionController } from './commands/verify-problem-action/verify-problem-action.http.controller';
import { FreezeParticipationDisclosureHandler } from './commands/freeze-disclosure/freeze-disclosure.handler';
import { FreezeParticipationDisclosureController } from './commands/freeze-disclosure/freeze-disclosure.http.controller';
import { CampaignProblemRepository } from './infrastructure/campaign-problem.repository';
import { ListeningCampaignRepository } from './infrastructure/listening-campaign.repository';
import { ParticipationDisclosureRepository } from './infrastructure/participation-disclosure.repository';
import { GetParticipationDisclosureHandler } from './queries/get-disclosure/get-disclosure.handler';
import { GetParticipationDisclosureController } from './queries/get-disclosure/get-disclosure.http.controller';
import { GetDisclosureEvidenceHandler } from './queries/get-disclosure-evidence/get-disclosure-evidence.handler';
import { GetDisclosureEvidenceController } from './queries/get-disclosure-evidence/get-disclosure-evidence.http.controller';
import { ParticipationSubmissionRepository } from './infrastructure/participation-submission.repository';
import { RosterRepository } from './infrastructure/roster.repository';
import { GetListeningCampaignHandler } from './queries/get-campaign/get-campaign.handler';
import { GetListeningCampaignController } from './queries/get-campaign/get-campaign.http.controller';
import { GetCampaignProblemHandler } from './queries/get-problem/get-problem.handler';
import { GetCampaignProblemController } from './queries/get-problem/get-problem.http.controller';
import { GetRosterHandler } from './queries/get-roster/get-roster.handler';
import { GetRosterController } from './queries/get-roster/get-roster.http.controller';

const commandHandlers = [
  FreezeParticipationDisclosureHandler,
  CreateListeningCampaignHandler,
  ChangeListeningCampaignHandler,
  ImportRosterHandler,
  RecordActivityHandler,
  RecordActivitiesBulkHandler,
  RaiseCampaignProblemHandler,
  ChangeCampaignProblemHandler,
];
const queryHandlers = [
  GetParticipationDisclosureHandler,
  GetDisclosureEvidenceHandler,
  GetListeningCampaignHandler,
  GetRosterHandler,
  GetCampaignProblemHandler,
];
const controllers = [
  FreezeParticipationDisclosureController,
  GetParticipationDisclosureController,
  GetDisclosureEvidenceController,
  CreateListeningCampaignController,
  GetListeningCampaignController,
  OpenListeningCampaignController,
  CloseListeningCampaignController,
  ImportRosterController,
  GetRosterController,
  RecordActivityController,
  RecordActivitiesBulkController,
  RaiseCampaignProblemController,
  GetCampaignProblemController,
  LinkCampaignProblemController,
  AddProblemActionController,
  CompleteProblemActionController,
  VerifyProblemActionController,
  SendBackProblemActionController,
  CloseCampaignProblemController,
];

export interface CampaignsOptions {
  /** Tests pass a ManualClock to put "today" where a campaign period needs it. */
  clock?: Clock;
}

@Module({})
export class CampaignsModule {
  static forRoot(config: ServiceConfig, options: CampaignsOptions = {}): DynamicModule {
    return {
      module: CampaignsModule,
      imports: [CqrsModule.forRoot(), ServiceRuntimeModule.forRoot({ config, publishesTo: Topics.campaigns })],
      controllers,
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        ListeningCampaignRepository,
        ParticipationDisclosureRepository,
        RosterRepository,
        ParticipationSubmissionRepository,
        CampaignCommands,
        ActivityRecording,
        CampaignProblemRepository,
        ProblemCommands,
        ...commandHandlers,
        ...queryHandlers,
      ],
    };
  }
}
