import { eventStoreMigrations } from '@cx/event-store';
import { CreateProcessedEvents1764000000100 } from '@cx/messaging';
import { CreateSurveyWavesByPeriod1764000006000 } from './migrations/1764000006000-create-survey-waves-by-period';
import { CreateSamplingFrames1764000006100 } from './migrations/1764000006100-create-sampling-frames';
import { CreateSurveyCases1764000006200 } from './migrations/1764000006200-create-survey-cases';
import { CreateResponseFreeTexts1764000006300 } from './migrations/1764000006300-create-response-free-texts';
import { CreateResponseUploadReports1764000006400 } from './migrations/1764000006400-create-response-upload-reports';
import { CreateSurveyLinks1764000006500 } from './migrations/1764000006500-create-survey-links';
import { CreateErasedSubjects1764000006900 } from './migrations/1764000006900-create-erased-subjects';
import { CreateSurveyFollowUps1764000007000 } from './migrations/1764000007000-create-survey-follow-ups';

export const surveyMigrations = [
  ...eventStoreMigrations,
  CreateProcessedEvents1764000000100,
  CreateSurveyWavesByPeriod1764000006000,
  CreateSamplingFrames1764000006100,
  CreateSurveyCases1764000006200,
  CreateResponseFreeTexts1764000006300,
  CreateResponseUploadReports1764000006400,
  CreateSurveyLinks1764000006500,
  CreateErasedSubjects1764000006900,
  CreateSurveyFollowUps1764000007000,
];
