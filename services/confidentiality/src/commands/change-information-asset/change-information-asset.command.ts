import type { Principal } from '@cx/auth';
import type { InformationAssetCommand } from '../../domain/information-asset/information-asset.commands';

type WithoutClock<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A command on a registered asset as the API receives it: the handler adds `now`. */
export type InformationAssetCommandInput = WithoutClock<
  Exclude<InformationAssetCommand, { type: 'RegisterInformationAsset' }>
>;

export class ChangeInformationAsset {
  constructor(
    readonly input: InformationAssetCommandInput,
    readonly principal: Principal,
    readonly expectedVersion: number | undefined,
  ) {}
}
