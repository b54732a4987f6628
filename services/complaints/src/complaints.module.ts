import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import {
  CLOCK,
  Clock,
  ServiceConfig,
  ServiceRuntimeModule,
  SUBJECT_ERASURE_REDACTION,
  SubjectErasuresConsumer,
  systemClock,
} from '@cx/platform';
import type { SlaPolicy } from './domain/sla/sla-policy';
import type { FollowUpPolicy } from './domain/survey-follow-up/survey-follow-up';
import { loadFollowUpPolicy } from './infrastructure/follow-up-policy.config';
import { loadSlaPolicy, SLA_POLICY } from './infrastructure/sla-policy.config';
import { SLA_CHECK_INTERVAL, SlaScheduler } from './infrastructure/sla-scheduler';
import { redactErasedCustomer } from './infrastructure/erased-customers';
import { AcknowledgeComplaintController } from './commands/acknowledge-complaint/acknowledge-complaint.http.controller';
import { AddAttachmentController } from './commands/add-attachment/add-attachment.http.controller';
import { AssignComplaintController } from './commands/assign-complaint/assign-complaint.http.controller';
import { ChangeComplaintHandler } from './commands/change-complaint/change-complaint.handler';
import { ComplaintCommands } from './commands/change-complaint/complaint-commands';
import { ChangeSeverityController } from './commands/change-severity/change-severity.http.controller';
import { CloseComplaintController } from './commands/close-complaint/close-complaint.http.controller';
import { ConfirmResolutionController } from './commands/confirm-resolution/confirm-resolution.http.controller';
import { DeEscalateComplaintController } from './commands/de-escalate-complaint/de-escalate-complaint.http.controller';
import { EscalateComplaintController } from './commands/escalate-complaint/escalate-complaint.http.controller';
import { FileComplaintHandler } from './commands/file-complaint/file-complaint.handler';
import { FileSurveyFollowUpHandler } from './commands/file-survey-follow-up/file-survey-follow-up.handler';
import { SURVEY_FOLLOW_UP_POLICY, SurveyFollowUpSaga } from './commands/file-survey-follow-up/survey-follow-up.saga';
import { FileComplaintController } from './commands/file-complaint/file-complaint.http.controller';
import { RecordCustomerContactController } from './commands/record-customer-contact/record-customer-contact.http.controller';
import { RejectResolutionController } from './commands/reject-resolution/reject-resolution.http.controller';
import { ReopenComplaintController } from './commands/reopen-complaint/reopen-complaint.http.controller';
import { ResolveComplaintController } from './commands/resolve-complaint/resolve-complaint.http.controller';
import { RespondToCustomerController } from './commands/respond-to-customer/respond-to-customer.http.controller';
import { PauseClockController } from './commands/pause-clock/pause-clock.http.controller';
import { ResumeClockController } from './commands/resume-clock/resume-clock.http.controller';
import { AcceptCeoReportController } from './commands/accept-ceo-report/accept-ceo-report.http.controller';
import { IssueCeoInstructionController } from './commands/issue-ceo-instruction/issue-ceo-instruction.http.controller';
import { ReportOnCeoInstructionController } from './commands/report-on-ceo-instruction/report-on-ceo-instruction.http.controller';
import { SendBackCeoReportController } from './commands/send-back-ceo-report/send-back-ceo-report.http.controller';
import { AddImprovementActionController } from './commands/add-improvement-action/add-improvement-action.http.controller';
import { ChangeTypicalCaseReviewHandler } from './commands/change-typical-case-review/change-typical-case-review.handler';
import { TypicalCaseReviewCommands } from './commands/change-typical-case-review/typical-case-review-commands';
import { CompleteImprovementActionController } from './commands/complete-improvement-action/complete-improvement-action.http.controller';
import { ConcludeTypicalCaseReviewController } from './commands/conclude-typical-case-review/conclude-typical-case-review.http.controller';
import { MarkTypicalCaseHandler } from './commands/mark-typical-case/mark-typical-case.handler';
import { MarkTypicalCaseController } from './commands/mark-typical-case/mark-typical-case.http.controller';
import { RecordRootCauseController } from './commands/record-root-cause/record-root-cause.http.controller';
import { SendBackImprovementActionController } from './commands/send-back-improvement-action/send-back-improvement-action.http.controller';
import { VerifyImprovementActionController } from './commands/verify-improvement-action/verify-improvement-action.http.controller';
import { ComplaintRepository } from './infrastructure/complaint.repository';
import { TypicalCaseReviewRepository } from './infrastructure/typical-case-review.repository';
import { GetComplaintHandler } from './queries/get-complaint/get-complaint.handler';
import { GetComplaintController } from './queries/get-complaint/get-complaint.http.controller';
import { GetTypicalCaseReviewHandler } from './queries/get-typical-case-review/get-typical-case-review.handler';
import { GetTypicalCaseReviewController } from './queries/get-typical-case-review/get-typical-case-review.http.controller';

const commandHandlers = [
  FileComplaintHandler,
  FileSurveyFollowUpHandler,
  ChangeComplaintHandler,
  MarkTypicalCaseHandler,
  ChangeTypicalCaseReviewHandler,
];
const queryHandlers = [GetComplaintHandler, GetTypicalCaseReviewHandler];
const controllers = [
  FileComplaintController,
  GetComplaintController,
  AcknowledgeComplaintController,
  AssignComplaintController,
  RecordCustomerContactController,
  RespondToCustomerController,
  ResolveComplaintController,
  ConfirmResolutionController,
  RejectResolutionController,
  ReopenComplaintController,
  CloseComplaintController,
  EscalateComplaintController,
  DeEscalateComplaintController,
  ChangeSeverityController,
  AddAttachmentController,
  PauseClockController,
  ResumeClockController,
  IssueCeoInstructionController,
  ReportOnCeoInstructionController,
  AcceptCeoReportController,
  SendBackCeoReportController,
  MarkTypicalCaseController,
  GetTypicalCaseReviewController,
  RecordRootCauseController,
  AddImprovementActionController,
  CompleteImprovementActionController,
  VerifyImprovementActionController,
  SendBackImprovementActionController,
  ConcludeTypicalCaseReviewController,
];

export interface ComplaintsOptions {
  /** Tests pass a ManualClock to cross SLA deadlines without waiting. */
  clock?: Clock;
  slaPolicy?: SlaPolicy;
  slaCheckIntervalMs?: number;
  followUpPolicy?: FollowUpPolicy;
}

@Module({})
export class ComplaintsModule {
  static forRoot(config: ServiceConfig, options: ComplaintsOptions = {}): DynamicModule {
    return {
      module: ComplaintsModule,
      imports: [CqrsModule.forRoot(), ServiceRuntimeModule.forRoot({ config, publishesTo: Topics.complaints })],
      controllers,
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: SLA_POLICY, useFactory: () => options.slaPolicy ?? loadSlaPolicy() },
        {
          provide: SLA_CHECK_INTERVAL,
          useValue: options.slaCheckIntervalMs ?? Number(process.env.SLA_CHECK_INTERVAL_MS ?? 5_000),
        },
        ComplaintRepository,
        ComplaintCommands,
        TypicalCaseReviewRepository,
        TypicalCaseReviewCommands,
        SlaScheduler,
        { provide: SUBJECT_ERASURE_REDACTION, useValue: redactErasedCustomer },
        SubjectErasuresConsumer,
        { provide: SURVEY_FOLLOW_UP_POLICY, useFactory: () => options.followUpPolicy ?? loadFollowUpPolicy() },
        SurveyFollowUpSaga,
        ...commandHandlers,
        ...queryHandlers,
      ],
    };
  }
}
