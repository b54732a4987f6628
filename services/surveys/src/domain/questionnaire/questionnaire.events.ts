/** The Questionnaire stream's events are the published contract; the domain uses the same types. */
export type { QuestionnaireCreatedV1, QuestionnaireEvent, SurveyChoiceV1, SurveyQuestionV1 } from '@cx/contracts';
