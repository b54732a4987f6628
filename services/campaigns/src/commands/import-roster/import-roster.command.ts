import type { Principal } from '@cx/auth';
import type { RosterRows } from './roster-rows';

export class ImportRosterCommand {
  constructor(
    readonly campaignId: string,
    readonly rows: RosterRows,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
