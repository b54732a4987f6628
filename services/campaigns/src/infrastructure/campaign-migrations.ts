import { CreateEventStore1764000000000 } from '@cx/event-store';
import { CreateRosterEntries1764000003000 } from './migrations/1764000003000-create-roster-entries';
import { CreateParticipationUploadReports1764000003100 } from './migrations/1764000003100-create-participation-upload-reports';

export const campaignMigrations = [
  CreateEventStore1764000000000,
  CreateRosterEntries1764000003000,
  CreateParticipationUploadReports1764000003100,
];
