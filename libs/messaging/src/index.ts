export * from './envelope';
export * from './kafka';
export * from './event-publisher';
export * from './idempotent-producer';
export * from './idempotent-consumer';
export { CreateProcessedEvents1764000000100 } from './migrations/1764000000100-create-processed-events';
export { CreateDeadLetterRedrives1764000000200 } from './migrations/1764000000200-create-dead-letter-redrives';
export * from './topic-scan';
export * from './consumer-lag';
