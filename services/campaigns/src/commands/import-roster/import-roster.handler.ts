import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RosterEntriesAddedV1, rosterStreamId } from '@cx/contracts';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { RosterRepository } from '../../infrastructure/roster.repository';
import { ImportRosterCommand } from './import-roster.command';
import { RosterImportReport } from './roster-import-report.view';

/**
 * Reads the campaign (its own stream) and the names on the roster, then decides on the whole import at once:
 * its events (at most 500 people each) and the roster table's rows go in one transaction.
 */
@CommandHandler(ImportRosterCommand)
export class ImportRosterHandler implements ICommandHandler<ImportRosterCommand, RosterImportReport> {
  constructor(
    private readonly campaigns: ListeningCampaignRepository,
    private readonly rosters: RosterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ campaignId, rows, principal, expectedVersion }: ImportRosterCommand): Promise<RosterImportReport> {
    const { people, rejections } = rows;
    const { state: campaign } = await this.campaigns.load(campaignId);
    const names = await this.rosters.namesOf(
      campaignId,
      people.map((p) => p.entry.personId),
    );
    const renamed = people
      .filter((p) => names.has(p.entry.personId) && names.get(p.entry.personId) !== p.name)
      .map((p) => p.entry.personId);
    const importId = randomUUID();
    const result = await this.rosters.handle(
      rosterStreamId(campaignId),
      {
        type: 'ImportRoster',
        campaignId,
        importId,
        campaign,
        entries: people.map((p) => p.entry),
        renamed: new Set(renamed),
        now: this.clock.now(),
      },
      {
        expectedVersion,
        metadata: metadataFor(principal),
        alsoInTransaction: RosterRepository.saveEntries(campaignId, people),
      },
    );
    const count = (type: string) =>
      result.events
        .filter((e) => e.type === type)
        .reduce((sum, e) => sum + (e.data as RosterEntriesAddedV1).entries.length, 0);
    const accepted = count('RosterEntriesAdded');
    const updated = count('RosterEntriesUpdated');
    return {
      campaignId,
      importId: result.events.length > 0 ? importId : null,
      rows: rows.rows,
      accepted,
      updated,
      unchanged: people.length - accepted - updated,
      rejected: rejections.length,
      rejections,
      version: result.streamVersion,
    };
  }
}
