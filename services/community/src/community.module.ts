import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import { CLOCK, Clock, ServiceConfig, ServiceRuntimeModule, systemClock } from '@cx/platform';
import { AcceptWaitlistOfferHandler } from './commands/accept-waitlist-offer/accept-waitlist-offer.handler';
import { AcceptWaitlistOfferController } from './commands/accept-waitlist-offer/accept-waitlist-offer.http.controller';
import { AddActivityPhotoController } from './commands/add-activity-photo/add-activity-photo.http.controller';
import { AssignCareServiceController } from './commands/assign-care-service/assign-care-service.http.controller';
import { CancelCommunityActivityController } from './commands/cancel-activity/cancel-activity.http.controller';
import { CancelActivityRegistrationController } from './commands/cancel-registration/cancel-registration.http.controller';
import { ChangeCommunityActivityController } from './commands/change-activity/change-activity.http.controller';
import { CheckInAttendeeHandler } from './commands/check-in-attendee/check-in-attendee.handler';
import { CheckInAttendeeController } from './commands/check-in-attendee/check-in-attendee.http.controller';
import { CloseActivityAttendanceController } from './commands/close-attendance/close-attendance.http.controller';
import { ActivityCommands } from './commands/command-on-activity/activity-commands';
import { CommandOnActivityHandler } from './commands/command-on-activity/command-on-activity.handler';
import { CareServiceCommands } from './commands/command-on-care-service/care-service-commands';
import { CommandOnCareServiceHandler } from './commands/command-on-care-service/command-on-care-service.handler';
import { CompleteCareVisitController } from './commands/complete-care-visit/complete-care-visit.http.controller';
import { EndCareServiceController } from './commands/end-care-service/end-care-service.http.controller';
import { GiveActivityFeedbackHandler } from './commands/give-feedback/give-feedback.handler';
import { GiveActivityFeedbackController } from './commands/give-feedback/give-feedback.http.controller';
import { PlanCommunityActivityHandler } from './commands/plan-activity/plan-activity.handler';
import { PlanCommunityActivityController } from './commands/plan-activity/plan-activity.http.controller';
import { PublishCommunityActivityController } from './commands/publish-activity/publish-activity.http.controller';
import { RateCareVisitController } from './commands/rate-care-visit/rate-care-visit.http.controller';
import { RegisterForActivityHandler } from './commands/register-for-activity/register-for-activity.handler';
import { RegisterForActivityController } from './commands/register-for-activity/register-for-activity.http.controller';
import { RegisterResidentsHandler } from './commands/register-residents/register-residents.handler';
import { RegisterResidentsController } from './commands/register-residents/register-residents.http.controller';
import { RequestCareServiceHandler } from './commands/request-care-service/request-care-service.handler';
import { RequestCareServiceController } from './commands/request-care-service/request-care-service.http.controller';
import { ScheduleCareVisitController } from './commands/schedule-care-visit/schedule-care-visit.http.controller';
import type { WaitlistPolicy } from './domain/community-activity/community-activity.decider';
import { ActivityLines } from './infrastructure/activity-lines';
import { CareServiceRepository } from './infrastructure/care-service.repository';
import { CommunityActivityRepository } from './infrastructure/community-activity.repository';
import { CommunityRegisterRepository } from './infrastructure/community-register.repository';
import { WaitlistOfferScheduler } from './infrastructure/waitlist-offer-scheduler';
import {
  loadWaitlistPolicy,
  WAITLIST_OFFER_CHECK_INTERVAL,
  WAITLIST_POLICY,
} from './infrastructure/waitlist-policy.config';
import { GetCommunityActivityHandler } from './queries/get-activity/get-activity.handler';
import { GetCommunityActivityController } from './queries/get-activity/get-activity.http.controller';
import { GetCareServiceHandler } from './queries/get-care-service/get-care-service.handler';
import { GetCareServiceController } from './queries/get-care-service/get-care-service.http.controller';
import { GetCommunityRegisterHandler } from './queries/get-community-register/get-community-register.handler';
import { GetCommunityRegisterController } from './queries/get-community-register/get-community-register.http.controller';
import { GetActivityRegistrationHandler } from './queries/get-registration/get-registration.handler';
import { GetActivityRegistrationController } from './queries/get-registration/get-registration.http.controller';

const commandHandlers = [
  RegisterResidentsHandler,
  PlanCommunityActivityHandler,
  CommandOnActivityHandler,
  RegisterForActivityHandler,
  AcceptWaitlistOfferHandler,
  CheckInAttendeeHandler,
  GiveActivityFeedbackHandler,
  RequestCareServiceHandler,
  CommandOnCareServiceHandler,
];
const queryHandlers = [
  GetCommunityRegisterHandler,
  GetCommunityActivityHandler,
  GetActivityRegistrationHandler,
  GetCareServiceHandler,
];
const controllers = [
  RegisterResidentsController,
  GetCommunityRegisterController,
  PlanCommunityActivityController,
  GetCommunityActivityController,
  PublishCommunityActivityController,
  ChangeCommunityActivityController,
  CancelCommunityActivityController,
  RegisterForActivityController,
  GetActivityRegistrationController,
  CancelActivityRegistrationController,
  AcceptWaitlistOfferController,
  CheckInAttendeeController,
  CloseActivityAttendanceController,
  GiveActivityFeedbackController,
  AddActivityPhotoController,
  RequestCareServiceController,
  GetCareServiceController,
  AssignCareServiceController,
  ScheduleCareVisitController,
  CompleteCareVisitController,
  RateCareVisitController,
  EndCareServiceController,
];

export interface CommunityOptions {
  /** Tests pass a ManualClock to cross registration windows and offer holds without waiting. */
  clock?: Clock;
  waitlistPolicy?: WaitlistPolicy;
  offerCheckIntervalMs?: number;
}

@Module({})
export class CommunityModule {
  static forRoot(config: ServiceConfig, options: CommunityOptions = {}): DynamicModule {
    return {
      module: CommunityModule,
      imports: [CqrsModule.forRoot(), ServiceRuntimeModule.forRoot({ config, publishesTo: Topics.community })],
      controllers,
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: WAITLIST_POLICY, useFactory: () => options.waitlistPolicy ?? loadWaitlistPolicy() },
        {
          provide: WAITLIST_OFFER_CHECK_INTERVAL,
          useValue: options.offerCheckIntervalMs ?? Number(process.env.WAITLIST_OFFER_CHECK_INTERVAL_MS ?? 5_000),
        },
        CommunityRegisterRepository,
        ActivityLines,
        CommunityActivityRepository,
        CareServiceRepository,
        ActivityCommands,
        CareServiceCommands,
        WaitlistOfferScheduler,
        ...commandHandlers,
        ...queryHandlers,
      ],
    };
  }
}
