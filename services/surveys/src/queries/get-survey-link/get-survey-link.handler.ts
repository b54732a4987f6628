import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, CLOCK } from '@cx/platform';
import { QuestionnaireVersionNotFound } from '../../domain/questionnaire/questionnaire.errors';
import { publishedVersion } from '../../domain/questionnaire/questionnaire.state';
import { requireLinkOpen } from '../../domain/survey-response/survey-response.decider';
import { SurveyLinkNotFound } from '../../domain/survey-response/survey-response.errors';
import { requireWaveIn } from '../../domain/survey-wave/survey-wave.decider';
import { QuestionnaireRepository } from '../../infrastructure/questionnaire.repository';
import { SurveyLinkRepository } from '../../infrastructure/survey-link.repository';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { GetSurveyLinkForm } from './get-survey-link.query';
import { SurveyLinkFormView } from './survey-link-form.view';

/** A link opens its form while it is unused, unexpired and its wave in the field, as answering needs. */
@QueryHandler(GetSurveyLinkForm)
export class GetSurveyLinkFormHandler implements IQueryHandler<GetSurveyLinkForm, SurveyLinkFormView> {
  constructor(
    private readonly links: SurveyLinkRepository,
    private readonly waves: SurveyWaveRepository,
    private readonly questionnaires: QuestionnaireRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ token }: GetSurveyLinkForm): Promise<SurveyLinkFormView> {
    const link = await this.links.byToken(token);
    if (!link) throw new SurveyLinkNotFound();
    requireLinkOpen(link, this.clock.now());
    const { state } = await this.waves.load(link.waveId);
    const wave = requireWaveIn(state, link.waveId, 'OpenSurveyLink', ['in_field']);
    const { state: questionnaire } = await this.questionnaires.load(wave.details.questionnaireId);
    const version = publishedVersion(questionnaire, wave.details.questionnaireVersion);
    if (questionnaire.status === 'not_created' || !version) {
      throw new QuestionnaireVersionNotFound(wave.details.questionnaireId, wave.details.questionnaireVersion);
    }
    const stage = wave.sample.get(link.subjectId)!.stage;
    return {
      title: questionnaire.title,
      period: wave.details.period,
      stage,
      questions: version.questions.filter((q) => q.stage === stage),
      expiresAt: link.expiresAt,
    };
  }
}
