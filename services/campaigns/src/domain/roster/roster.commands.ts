import type { ListeningCampaignState } from '../listening-campaign/listening-campaign.state';
import type { RosterEntry } from './roster.state';

/** One import of HR's people into a campaign's roster; people already on it and not in the import stay. */
export interface ImportRoster {
  type: 'ImportRoster';
  campaignId: string;
  importId: string;
  /** The campaign as it stands, read by the handler from its own stream. */
  campaign: ListeningCampaignState;
  /** One per person, without names: the domain never sees them. */
  entries: RosterEntry[];
  /** People whose name on the roster differs from the import's: their entry changes though no field in it does. */
  renamed: ReadonlySet<string>;
  now: Date;
}

export type RosterCommand = ImportRoster;
