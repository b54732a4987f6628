export * from './recorded-event';
export * from './event-store.errors';
export * from './event-store';
export * from './event-store-observer';
export * from './aggregate-repository';
export * from './event-relay';
export * from './database';
export { CreateEventStore1764000000000 } from './migrations/1764000000000-create-event-store';
