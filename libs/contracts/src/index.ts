export * from './topics';
export * from './envelope';
export * from './subject-id';
export * from './registry';
export * from './complaints/complaint-vocabulary';
export * from './complaints/complaint-events';
export * from './event-validator';
export * from './asyncapi';
