import { eventStoreMigrations } from '@cx/event-store';
import { CreateRosterEntries1764000003000 } from './migrations/1764000003000-create-roster-entries';
import { CreateParticipationUploadReports1764000003100 } from './migrations/1764000003100-create-participation-upload-reports';
import { IndexParticipationActivities1764000003200 } from './migrations/1764000003200-index-participation-activities';
import { CreateCampaignProblemsByFinding1764000003300 } from './migrations/1764000003300-create-campaign-problems-by-finding';
import { CreateDisclosureEvidence1764000003500 } from './migrations/1764000003500-create-disclosure-evidence';

export const campaignMigrations = [
  ...eventStoreMigrations,
  CreateRosterEntries1764000003000,
  CreateParticipationUploadReports1764000003100,
  IndexParticipationActivities1764000003200,
  CreateCampaignProblemsByFinding1764000003300,
  CreateDisclosureEvidence1764000003500,
];
