import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RosterEntriesAddedV1, rosterStreamId } from '@cx/contracts';
import type { Principal } from '@cx/auth';
import { Clock, CLOCK, metadataFor } from '@cx/platform';
import { mayActForPersonIn } from '../../campaign-scope';
import type { RowRejection } from '../../domain/row-rejection';
import { ListeningCampaignRepository } from '../../infrastructure/listening-campaign.repository';
import { NameOnRoster, RosterPerson, RosterRepository } from '../../infrastructure/roster.repository';
import { ImportRosterCommand } from './import-roster.command';
import { RosterImportReport } from './roster-import-report.view';

/**
 * Reads the campaign (its own stream) and the names on the roster, then decides on the whole import at once:
 * its events (at most 500 people each) and the roster table's rows go in one transaction. A caller limited to
 * regions imports people of its regions only: a row naming another region, or a person the roster keeps in another
 * region, is refused like any bad row.
 */
@CommandHandler(ImportRosterCommand)
export class ImportRosterHandler implements ICommandHandler<ImportRosterCommand, RosterImportReport> {
  constructor(
    private readonly campaigns: ListeningCampaignRepository,
    private readonly rosters: RosterRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ campaignId, rows, principal, expectedVersion }: ImportRosterCommand): Promise<RosterImportReport> {
    const { state: campaign } = await this.campaigns.load(campaignId);
    const names = await this.rosters.namesOf(
      campaignId,
      rows.people.map((p) => p.entry.personId),
    );
    const outside = rows.people.flatMap((p) => outsideCallerScope(p, names.get(p.entry.personId), principal));
    const refused = new Set(outside.map((r) => r.row));
    const people = rows.people.filter((p) => !refused.has(p.row));
    const rejections = [...rows.rejections, ...outside].sort((a, b) => a.row - b.row);
    const renamed = people
      .filter((p) => names.has(p.entry.personId) && names.get(p.entry.personId)!.name !== p.name)
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

/** A row the caller's scope does not reach: its own region, or the region the roster keeps the person in. */
function outsideCallerScope(
  person: RosterPerson,
  held: NameOnRoster | undefined,
  principal: Principal,
): RowRejection[] {
  const { personId, region } = person.entry;
  const scope = principal.scope ?? '';
  const refuse = (detail: string) => [
    { row: person.row, personId, reason: 'outside_caller_scope', field: 'region', detail },
  ];
  if (!mayActForPersonIn(principal, region)) return refuse(`region ${region} is outside your scope (${scope})`);
  if (held && !mayActForPersonIn(principal, held.region)) {
    return refuse(`${personId} is on the roster in a region outside your scope (${scope})`);
  }
  return [];
}
