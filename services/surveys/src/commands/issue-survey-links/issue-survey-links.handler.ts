import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SurveyLinksIssuedV1 } from '@cx/contracts';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { newLinkToken, NewSurveyLink, SurveyLinkRepository } from '../../infrastructure/survey-link.repository';
import { SURVEY_SETTINGS, SurveySettings } from '../../infrastructure/survey-settings.config';
import { SurveyWaveRepository } from '../../infrastructure/survey-wave.repository';
import { IssueSurveyLinksCommand } from './issue-survey-links.command';
import { SurveyLinksView } from './survey-links.view';

const HOUR_MS = 3_600_000;

/** A token per customer named; the links the wave issues and their hashed tokens go in one transaction. */
@CommandHandler(IssueSurveyLinksCommand)
export class IssueSurveyLinksHandler implements ICommandHandler<IssueSurveyLinksCommand, SurveyLinksView> {
  constructor(
    private readonly waves: SurveyWaveRepository,
    @Inject(SURVEY_SETTINGS) private readonly settings: SurveySettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ waveId, request, principal, expectedVersion }: IssueSurveyLinksCommand): Promise<SurveyLinksView> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + (request.validForHours ?? this.settings.linkValidForHours) * HOUR_MS);
    const links: NewSurveyLink[] = request.subjectIds.map((subjectId) => ({
      linkId: randomUUID(),
      subjectId,
      token: newLinkToken(),
      expiresAt: expiresAt.toISOString(),
    }));
    const issueId = randomUUID();
    const result = await this.waves.handle(
      waveId,
      { type: 'IssueSurveyLinks', waveId, issueId, links, expiresAt, now },
      {
        expectedVersion,
        metadata: metadataFor(principal),
        alsoInTransaction: SurveyLinkRepository.saveLinks(waveId, links),
      },
    );
    const issuedIds = new Set(result.events.flatMap((e) => (e.data as SurveyLinksIssuedV1).links.map((l) => l.linkId)));
    const issued = links.filter((l) => issuedIds.has(l.linkId));
    return {
      waveId,
      issueId: issued.length > 0 ? issueId : null,
      issued: issued.map((l) => ({ ...l, path: `/v1/survey-links/${l.token}` })),
      alreadyLinked: links.filter((l) => !issuedIds.has(l.linkId)).map((l) => l.subjectId),
      version: result.streamVersion,
    };
  }
}
