export * from './roles';
export * from './principal';
export * from './auth.decorators';
export * from './auth.guard';
export * from './scope';
