import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Topics } from '@cx/contracts';
import {
  Clock,
  CLOCK,
  ServiceConfig,
  ServiceRuntimeModule,
  SUBJECT_ERASURE_REDACTION,
  SubjectErasuresConsumer,
  systemClock,
} from '@cx/platform';
import { redactErasedRespondent } from './infrastructure/erased-respondents';
import { AnswerSurveyLinkHandler } from './commands/answer-survey-link/answer-survey-link.handler';
import { AnswerSurveyLinkController } from './commands/answer-survey-link/answer-survey-link.http.controller';
import { ChangeQuestionnaireHandler } from './commands/change-questionnaire/change-questionnaire.handler';
import { QuestionnaireCommands } from './commands/change-questionnaire/questionnaire-commands';
import { CorrectScorecardHandler } from './commands/correct-scorecard/correct-scorecard.handler';
import { CorrectScorecardController } from './commands/correct-scorecard/correct-scorecard.http.controller';
import { CloseSurveyWaveHandler } from './commands/close-wave/close-wave.handler';
import { CloseSurveyWaveController } from './commands/close-wave/close-wave.http.controller';
import { CreateQuestionnaireHandler } from './commands/create-questionnaire/create-questionnaire.handler';
import { CreateQuestionnaireController } from './commands/create-questionnaire/create-questionnaire.http.controller';
import { DraftQuestionnaireVersionController } from './commands/draft-questionnaire-version/draft-questionnaire-version.http.controller';
import { DrawSampleHandler } from './commands/draw-sample/draw-sample.handler';
import { DrawSampleController } from './commands/draw-sample/draw-sample.http.controller';
import { FreezeScorecardHandler } from './commands/freeze-scorecard/freeze-scorecard.handler';
import { FreezeScorecardController } from './commands/freeze-scorecard/freeze-scorecard.http.controller';
import { IssueSurveyLinksHandler } from './commands/issue-survey-links/issue-survey-links.handler';
import { IssueSurveyLinksController } from './commands/issue-survey-links/issue-survey-links.http.controller';
import { LoadSamplingFrameHandler } from './commands/load-sampling-frame/load-sampling-frame.handler';
import { LoadSamplingFrameController } from './commands/load-sampling-frame/load-sampling-frame.http.controller';
import { PlanSurveyWaveHandler } from './commands/plan-wave/plan-wave.handler';
import { PlanSurveyWaveController } from './commands/plan-wave/plan-wave.http.controller';
import { PublishQuestionnaireVersionController } from './commands/publish-questionnaire-version/publish-questionnaire-version.http.controller';
import { RecordInterviewHandler } from './commands/record-interview/record-interview.handler';
import { RecordInterviewController } from './commands/record-interview/record-interview.http.controller';
import { ResponseRecording } from './commands/record-response/response-recording';
import { RecordResponsesBulkHandler } from './commands/record-responses-bulk/record-responses-bulk.handler';
import { RecordResponsesBulkController } from './commands/record-responses-bulk/record-responses-bulk.http.controller';
import { ReviseQuestionnaireDraftController } from './commands/revise-questionnaire-draft/revise-questionnaire-draft.http.controller';
import { ScorecardFigures } from './commands/scorecard-figures';
import { WaveCommands } from './commands/wave-commands';
import {
  APPRAISAL_SETTINGS,
  AppraisalSettings,
  loadAppraisalSettings,
} from './infrastructure/appraisal-settings.config';
import { AppraisalScorecardRepository } from './infrastructure/appraisal-scorecard.repository';
import { FollowUpLinksConsumer } from './infrastructure/follow-up-links.consumer';
import { QuestionnaireRepository } from './infrastructure/questionnaire.repository';
import { SurveyLinkRepository } from './infrastructure/survey-link.repository';
import { SurveyResponseSubmissionRepository } from './infrastructure/survey-response-submission.repository';
import { loadSurveySettings, SURVEY_SETTINGS, SurveySettings } from './infrastructure/survey-settings.config';
import { SurveyWaveRepository } from './infrastructure/survey-wave.repository';
import { GetQuestionnaireHandler } from './queries/get-questionnaire/get-questionnaire.handler';
import { GetQuestionnaireController } from './queries/get-questionnaire/get-questionnaire.http.controller';
import { GetScorecardHandler } from './queries/get-scorecard/get-scorecard.handler';
import { GetScorecardController } from './queries/get-scorecard/get-scorecard.http.controller';
import { GetSurveyResponseHandler } from './queries/get-survey-response/get-survey-response.handler';
import { GetSurveyResponseController } from './queries/get-survey-response/get-survey-response.http.controller';
import { GetSurveySampleHandler } from './queries/get-sample/get-sample.handler';
import { GetSurveySampleController } from './queries/get-sample/get-sample.http.controller';
import { GetSurveyLinkFormHandler } from './queries/get-survey-link/get-survey-link.handler';
import { GetSurveyLinkFormController } from './queries/get-survey-link/get-survey-link.http.controller';
import { GetSurveyWaveHandler } from './queries/get-wave/get-wave.handler';
import { GetSurveyWaveController } from './queries/get-wave/get-wave.http.controller';
import { GetWaveSummaryHandler } from './queries/get-wave-summary/get-wave-summary.handler';
import { GetWaveSummaryController } from './queries/get-wave-summary/get-wave-summary.http.controller';
import { ReproduceSurveySampleHandler } from './queries/reproduce-sample/reproduce-sample.handler';
import { ReproduceSurveySampleController } from './queries/reproduce-sample/reproduce-sample.http.controller';

const commandHandlers = [
  CreateQuestionnaireHandler,
  ChangeQuestionnaireHandler,
  PlanSurveyWaveHandler,
  LoadSamplingFrameHandler,
  DrawSampleHandler,
  IssueSurveyLinksHandler,
  CloseSurveyWaveHandler,
  RecordResponsesBulkHandler,
  RecordInterviewHandler,
  AnswerSurveyLinkHandler,
  FreezeScorecardHandler,
  CorrectScorecardHandler,
];
const queryHandlers = [
  GetQuestionnaireHandler,
  GetSurveyWaveHandler,
  GetSurveySampleHandler,
  ReproduceSurveySampleHandler,
  GetWaveSummaryHandler,
  GetSurveyLinkFormHandler,
  GetScorecardHandler,
  GetSurveyResponseHandler,
];
const controllers = [
  CreateQuestionnaireController,
  GetQuestionnaireController,
  DraftQuestionnaireVersionController,
  ReviseQuestionnaireDraftController,
  PublishQuestionnaireVersionController,
  PlanSurveyWaveController,
  GetSurveyWaveController,
  LoadSamplingFrameController,
  DrawSampleController,
  GetSurveySampleController,
  ReproduceSurveySampleController,
  IssueSurveyLinksController,
  CloseSurveyWaveController,
  RecordResponsesBulkController,
  RecordInterviewController,
  GetWaveSummaryController,
  GetSurveyLinkFormController,
  AnswerSurveyLinkController,
  FreezeScorecardController,
  CorrectScorecardController,
  GetScorecardController,
  GetSurveyResponseController,
];

export interface SurveysOptions {
  /** Tests pass a ManualClock to put "now" inside a wave and move past a link's expiry without waiting. */
  clock?: Clock;
  settings?: SurveySettings;
  appraisal?: AppraisalSettings;
}

@Module({})
export class SurveysModule {
  static forRoot(config: ServiceConfig, options: SurveysOptions = {}): DynamicModule {
    return {
      module: SurveysModule,
      imports: [CqrsModule.forRoot(), ServiceRuntimeModule.forRoot({ config, publishesTo: Topics.surveys })],
      controllers,
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: SURVEY_SETTINGS, useFactory: () => options.settings ?? loadSurveySettings() },
        { provide: APPRAISAL_SETTINGS, useFactory: () => options.appraisal ?? loadAppraisalSettings() },
        QuestionnaireRepository,
        SurveyWaveRepository,
        SurveyResponseSubmissionRepository,
        SurveyLinkRepository,
        AppraisalScorecardRepository,
        ScorecardFigures,
        { provide: SUBJECT_ERASURE_REDACTION, useValue: redactErasedRespondent },
        SubjectErasuresConsumer,
        FollowUpLinksConsumer,
        QuestionnaireCommands,
        WaveCommands,
        ResponseRecording,
        ...commandHandlers,
        ...queryHandlers,
      ],
    };
  }
}
