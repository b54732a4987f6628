import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import { CLOCK, Clock, ServiceConfig, ServiceRuntimeModule, systemClock } from '@cx/platform';
import { CampaignCommands } from './commands/change-campaign/campaign-commands';
import { ChangeListeningCampaignHandler } from './commands/change-campaign/change-campaign.handler';
import { CloseListeningCampaignController } from './commands/close-campaign/close-campaign.http.controller';
import { CreateListeningCampaignHandler } from './commands/create-campaign/create-campaign.handler';
import { CreateListeningCampaignController } from './commands/create-campaign/create-campaign.http.controller';
import { ImportRosterHandler } from './commands/import-roster/import-roster.handler';
import { ImportRosterController } from './commands/import-roster/import-roster.http.controller';
import { OpenListeningCampaignController } from './commands/open-campaign/open-campaign.http.controller';
import { RecordActivitiesBulkHandler } from './commands/record-activities-bulk/record-activities-bulk.handler';
import { RecordActivitiesBulkController } from './commands/record-activities-bulk/record-activities-bulk.http.controller';
import { ActivityRecording } from './commands/record-activity/activity-recording';
import { RecordActivityHandler } from './commands/record-activity/record-activity.handler';
import { RecordActivityController } from './commands/record-activity/record-activity.http.controller';
import { ListeningCampaignRepository } from './infrastructure/listening-campaign.repository';
import { ParticipationSubmissionRepository } from './infrastructure/participation-submission.repository';
import { RosterRepository } from './infrastructure/roster.repository';
import { GetListeningCampaignHandler } from './queries/get-campaign/get-campaign.handler';
import { GetListeningCampaignController } from './queries/get-campaign/get-campaign.http.controller';
import { GetRosterHandler } from './queries/get-roster/get-roster.handler';
import { GetRosterController } from './queries/get-roster/get-roster.http.controller';

const commandHandlers = [
  CreateListeningCampaignHandler,
  ChangeListeningCampaignHandler,
  ImportRosterHandler,
  RecordActivityHandler,
  RecordActivitiesBulkHandler,
];
const queryHandlers = [GetListeningCampaignHandler, GetRosterHandler];
const controllers = [
  CreateListeningCampaignController,
  GetListeningCampaignController,
  OpenListeningCampaignController,
  CloseListeningCampaignController,
  ImportRosterController,
  GetRosterController,
  RecordActivityController,
  RecordActivitiesBulkController,
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
        RosterRepository,
        ParticipationSubmissionRepository,
        CampaignCommands,
        ActivityRecording,
        ...commandHandlers,
        ...queryHandlers,
      ],
    };
  }
}
