import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceConfig, ServiceRuntimeModule } from '@cx/platform';
import { RebuildProjectionController } from './commands/rebuild-projection/rebuild-projection.http.controller';
import { RedriveDeadLettersController } from './commands/redrive-dead-letters/redrive-dead-letters.http.controller';
import { dashboardControllers, dashboardProviders } from './dashboard/dashboard';
import { DomainEventsConsumer } from './infrastructure/domain-events.consumer';
import { GetCeoSummaryHandler } from './queries/get-ceo-summary/get-ceo-summary.handler';
import { GetCeoSummaryController } from './queries/get-ceo-summary/get-ceo-summary.http.controller';
import { GetCommunityReportHandler } from './queries/get-community-report/get-community-report.handler';
import { GetCommunityReportController } from './queries/get-community-report/get-community-report.http.controller';
import { GetComplaintKpisHandler } from './queries/get-complaint-kpis/get-complaint-kpis.handler';
import { GetComplaintKpisController } from './queries/get-complaint-kpis/get-complaint-kpis.http.controller';
import { GetParticipationReportHandler } from './queries/get-participation-report/get-participation-report.handler';
import { GetParticipationReportController } from './queries/get-participation-report/get-participation-report.http.controller';
import { GetSatisfactionReportHandler } from './queries/get-satisfaction-report/get-satisfaction-report.handler';
import { GetSatisfactionReportController } from './queries/get-satisfaction-report/get-satisfaction-report.http.controller';
import { ListCeoEscalationsHandler } from './queries/list-ceo-escalations/list-ceo-escalations.handler';
import { ListCeoEscalationsController } from './queries/list-ceo-escalations/list-ceo-escalations.http.controller';

const queryHandlers = [
  ListCeoEscalationsHandler,
  GetCeoSummaryHandler,
  GetParticipationReportHandler,
  GetCommunityReportHandler,
  GetSatisfactionReportHandler,
  GetComplaintKpisHandler,
];
const consumers = [DomainEventsConsumer];
const controllers = [
  RebuildProjectionController,
  RedriveDeadLettersController,
  ListCeoEscalationsController,
  GetCeoSummaryController,
  GetParticipationReportController,
  GetCommunityReportController,
  GetSatisfactionReportController,
  GetComplaintKpisController,
  ...dashboardControllers,
];

@Module({})
export class ProjectionsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: ProjectionsModule,
      imports: [CqrsModule.forRoot(), ServiceRuntimeModule.forRoot({ config })],
      controllers,
      providers: [...queryHandlers, ...consumers, ...dashboardProviders],
    };
  }
}
