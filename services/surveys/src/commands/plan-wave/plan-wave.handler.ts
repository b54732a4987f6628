import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { QuestionnaireRepository } from '../../infrastructure/questionnaire.repository';
import { SURVEY_SETTINGS, SurveySettings } from '../../infrastructure/survey-settings.config';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { PlanSurveyWaveCommand, PlanSurveyWaveOutcome } from './plan-wave.command';

/** Reads the questionnaire (its own stream), then plans the wave and claims its month in one transaction. */
@CommandHandler(PlanSurveyWaveCommand)
export class PlanSurveyWaveHandler implements ICommandHandler<PlanSurveyWaveCommand, PlanSurveyWaveOutcome> {
  constructor(
    private readonly waves: SurveyWaveRepository,
    private readonly questionnaires: QuestionnaireRepository,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, principal, idempotencyKey }: PlanSurveyWaveCommand) {
    const waveId = randomUUID();
    const { period, projectType, questionnaireId, questionnaireVersion } = request;
    const { state: questionnaire } = await this.questionnaires.load(questionnaireId);
    const result = await this.waves.handle(
      waveId,
      {
        type: 'PlanSurveyWave',
        waveId,
        period,
        projectType,
        questionnaireId,
        questionnaireVersion,
        fatigueMonths: request.fatigueMonths ?? this.settings.fatigueMonths,
        questionnaire,
        now: this.clock.now(),
      },
      {
        expectedVersion: 0,
        metadata: metadataFor(principal),
        idempotency: idempotencyKey && { scope: 'surveys.waves.plan', ...idempotencyKey },
        alsoInTransaction: SurveyWaveRepository.claimPeriod(waveId, projectType, period),
      },
    );
    return { waveId: result.streamId, replayed: result.replayed };
  }
}
