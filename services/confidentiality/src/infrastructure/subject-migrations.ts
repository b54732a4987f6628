import { CreateEventStore1764000000000 } from '@cx/event-store';
import { CreateSubjectVault1764000005000 } from './migrations/1764000005000-create-subject-vault';

export const subjectMigrations = [CreateEventStore1764000000000, CreateSubjectVault1764000005000];
