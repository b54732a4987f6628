import type { Principal } from '@cx/auth';

export class RewrapDataKeysCommand {
  constructor(readonly principal: Principal) {}
}
