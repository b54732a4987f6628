import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireGroupWideCaller } from '../../campaign-scope';
import { ParticipationDisclosureNotFound } from '../../domain/disclosure/participation-disclosure.errors';
import { ParticipationDisclosureRepository } from '../../infrastructure/participation-disclosure.repository';
import type { DisclosureEvidenceView } from './disclosure-evidence.view';
import { GetDisclosureEvidence } from './get-disclosure-evidence.query';

/** The counted people behind a disclosure, for a third-party assurer to check against HR's records. */
@QueryHandler(GetDisclosureEvidence)
export class GetDisclosureEvidenceHandler implements IQueryHandler<GetDisclosureEvidence, DisclosureEvidenceView> {
  constructor(private readonly disclosures: ParticipationDisclosureRepository) {}

  async execute({ campaignId, disclosureId, principal }: GetDisclosureEvidence): Promise<DisclosureEvidenceView> {
    requireGroupWideCaller(principal, 'GetDisclosureEvidence');
    const { state } = await this.disclosures.load(disclosureId);
    if (state.status !== 'frozen' || state.disclosure.campaignId !== campaignId) {
      throw new ParticipationDisclosureNotFound(campaignId, disclosureId);
    }
    return {
      disclosureId,
      evidenceDigest: state.disclosure.evidenceDigest,
      people: await this.disclosures.evidence(disclosureId),
    };
  }
}
