import { CreateEventStore1764000000000 } from './1764000000000-create-event-store';
import { EventsAppendedWithoutNotify1764000000010 } from './1764000000010-events-appended-without-notify';

/** The event store's migrations, in order; every service with an event store lists them first. */
export const eventStoreMigrations = [CreateEventStore1764000000000, EventsAppendedWithoutNotify1764000000010];
