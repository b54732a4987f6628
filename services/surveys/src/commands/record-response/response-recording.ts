import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppendResult, EventMetadata, Idempotency, PostgresEventStore } from '@cx/event-store';
import { Clock, CLOCK } from '@cx/platform';
import type { PoolClient } from 'pg';
import type {
  RecordSurveyResponses,
  ResponseToRecord,
  SurveyLinkUse,
} from '../../domain/survey-response/survey-response.commands';
import { freeTextsOf } from '../../domain/survey-response/survey-response.decider';
import { SurveyCasesChanged } from '../../domain/survey-response/survey-response.errors';
import { QuestionnaireRepository } from '../../infrastructure/questionnaire.repository';
import { SurveyResponseSubmissionRepository } from '../../infrastructure/survey-response-submission.repository';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';

/** A response as a route received it, before it has an id; `respondedAt` absent means now. */
export type ResponseInput = Omit<ResponseToRecord, 'row' | 'responseId' | 'respondedAt'> & { respondedAt?: string };

export interface NumberedResponse {
  row: number;
  value: ResponseInput;
}

/** Tries a whole recording again when another request changed one of its cases first; a few settle any batch. */
const MAX_ATTEMPTS = 3;

/**
 * What recording responses needs besides the responses: the wave (its own stream), its questionnaire (its own
 * stream) and the cases of the customers named (the cases table). Shared by the vendor's batches, interviews
 * and survey links; every one appends the responses, their cases and their free text in one transaction.
 */
@Injectable()
export class ResponseRecording {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly waves: SurveyWaveRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly submissions: SurveyResponseSubmissionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async command(
    waveId: string,
    responses: readonly NumberedResponse[],
    link: SurveyLinkUse | null,
  ): Promise<RecordSurveyResponses> {
    const now = this.clock.now();
    const { state: wave } = await this.waves.load(waveId);
    const questionnaire =
      wave.status === 'not_planned'
        ? { status: 'not_created' as const }
        : (await this.questionnaires.load(wave.details.questionnaireId)).state;
    const subjectIds = [...new Set(responses.flatMap((r) => (r.value.subjectId === null ? [] : [r.value.subjectId])))];
    return {
      type: 'RecordSurveyResponses',
      submissionId: randomUUID(),
      waveId,
      wave,
      questionnaire,
      cases: await this.submissions.casesOf(waveId, subjectIds),
      responses: responses.map(({ row, value }) => ({
        ...value,
        row,
        responseId: randomUUID(),
        respondedAt: value.respondedAt ?? now.toISOString(),
      })),
      link,
      now,
    };
  }

  /** The submission an Idempotency-Key recorded before, looked up before deciding: a repeat would decide otherwise. */
  async replayOf(idempotency: Idempotency | undefined): Promise<string | null> {
    if (!idempotency) return null;
    return (await this.store.findReplay(idempotency))?.streamId ?? null;
  }

  /** Appends the command's responses with their cases and free text, and whatever else must commit with them. */
  append(
    command: RecordSurveyResponses,
    metadata: EventMetadata,
    idempotency: Idempotency | undefined,
    alsoInTransaction?: (tx: PoolClient) => Promise<void>,
  ): Promise<AppendResult> {
    const { waveId, cases } = command;
    return this.submissions.handle(command.submissionId, command, {
      expectedVersion: 0,
      metadata,
      idempotency,
      alsoInTransaction: async (tx, after) => {
        // The caller's writes first: a link already used refuses the answer before its case is touched.
        await alsoInTransaction?.(tx);
        const recorded = after.status === 'submitted' ? after.responses : [];
        await SurveyResponseSubmissionRepository.saveOutcomes(waveId, recorded, cases)(tx);
        await SurveyResponseSubmissionRepository.saveFreeTexts(waveId, freeTextsOf(command))(tx);
      },
    });
  }

  /** Runs a recording, and again on fresh cases when another request recorded an outcome for one of them first. */
  async retryingOnCaseRaces<T>(recording: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await recording();
      } catch (error) {
        if (!(error instanceof SurveyCasesChanged) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
