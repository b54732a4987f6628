import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LOGGER } from '@cx/platform';
import type { Logger } from 'pino';
import { SubjectVault } from '../../infrastructure/subject-vault';
import { VAULT_KEYS, VaultKeys } from '../../infrastructure/vault/vault-keys';
import { RewrapDataKeysCommand } from './rewrap-data-keys.command';
import { DataKeysRewrappedView } from './data-keys-rewrapped.view';

/**
 * Master key rotation: the data keys are re-wrapped, the sealed data is untouched. Not an event of any subject's
 * stream (no subject changes); the log line, with the caller, is the operations record.
 */
@CommandHandler(RewrapDataKeysCommand)
export class RewrapDataKeysHandler implements ICommandHandler<RewrapDataKeysCommand, DataKeysRewrappedView> {
  constructor(
    private readonly vault: SubjectVault,
    @Inject(VAULT_KEYS) private readonly keys: VaultKeys,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute({ principal }: RewrapDataKeysCommand): Promise<DataKeysRewrappedView> {
    const rewrapped = await this.vault.rewrapDataKeys();
    const activeMasterKeyId = this.keys.activeMasterKeyId;
    this.logger.info({ activeMasterKeyId, rewrapped, by: principal.sub }, 'data keys re-wrapped');
    return { activeMasterKeyId, rewrapped };
  }
}
