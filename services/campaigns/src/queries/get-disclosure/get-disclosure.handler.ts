import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireGroupWideCaller } from '../../campaign-scope';
import { countParticipation } from '../../domain/disclosure/participation-count';
import { ParticipationDisclosureNotFound } from '../../domain/disclosure/participation-disclosure.errors';
import { ParticipationDisclosureRepository } from '../../infrastructure/participation-disclosure.repository';
import { GetParticipationDisclosure } from './get-disclosure.query';
import type { DisclosedFiguresView, ParticipationDisclosureView } from './participation-disclosure.view';

const SEGMENTS = ['all', 'employee', 'management'] as const;

/**
 * The frozen figures as disclosed, and beside them, never merged into them, what the campaign's events say now:
 * late activities and roster changes show as a difference.
 */
@QueryHandler(GetParticipationDisclosure)
export class GetParticipationDisclosureHandler implements IQueryHandler<
  GetParticipationDisclosure,
  ParticipationDisclosureView
> {
  constructor(private readonly disclosures: ParticipationDisclosureRepository) {}

  async execute({
    campaignId,
    disclosureId,
    principal,
  }: GetParticipationDisclosure): Promise<ParticipationDisclosureView> {
    requireGroupWideCaller(principal, 'GetParticipationDisclosure');
    const { state } = await this.disclosures.load(disclosureId);
    if (state.status !== 'frozen' || state.disclosure.campaignId !== campaignId) {
      throw new ParticipationDisclosureNotFound(campaignId, disclosureId);
    }
    const d = state.disclosure;
    const events = await this.disclosures.campaignEvents(campaignId);
    const later = events.filter((e) => BigInt(e.position) > BigInt(d.throughPosition));
    const now = countParticipation(campaignId, events).figures;
    const difference = Object.fromEntries(
      SEGMENTS.map((s) => [
        s,
        {
          eligible: now[s].eligible - d.figures[s].eligible,
          participants: now[s].participants - d.figures[s].participants,
        },
      ]),
    ) as unknown as DisclosedFiguresView;
    return {
      disclosureId: d.disclosureId,
      campaignId: d.campaignId,
      frozenAt: d.frozenAt,
      throughPosition: d.throughPosition,
      eventsCounted: d.eventsCounted,
      eventsDigest: d.eventsDigest,
      evidenceDigest: d.evidenceDigest,
      eligibilityRule: d.eligibilityRule,
      figures: d.figures,
      sinceFreeze: {
        laterEvents: later.length,
        lateActivities: later.filter((e) => e.type === 'ParticipationActivityRecorded').length,
        figuresNow: now,
        difference,
      },
    };
  }
}
