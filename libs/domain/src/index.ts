export * from './decider';
export * from './domain-error';
export * from './name-based-id';
export * from './improvement-actions';
