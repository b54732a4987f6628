export * from './decider-spec';
export * from './test-infrastructure';
export * from './topic-reader';
export * from './authorization-matrix';
export * from './write-route-fuzz';
export * from './tcp-proxy';
export * from './service-process';
export * from './service-checks';
