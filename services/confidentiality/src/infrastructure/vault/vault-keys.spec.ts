import { randomBytes } from 'node:crypto';
import { loadVaultKeys } from './vault-keys';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');
const indexKey = randomBytes(32).toString('base64');

describe('vault keys from the environment', () => {
  it('reads the master keys, the active one and the index key', () => {
    const keys = loadVaultKeys({
      VAULT_MASTER_KEYS: `k1:${k1}, k2:${k2}`,
      VAULT_ACTIVE_MASTER_KEY: 'k2',
      VAULT_INDEX_KEY: indexKey,
    });
    expect([...keys.masterKeys.keys()]).toEqual(['k1', 'k2']);
    expect(keys.masterKeys.get('k1')).toEqual(Buffer.from(k1, 'base64'));
    expect(keys.activeMasterKeyId).toBe('k2');
    expect(keys.indexKey).toEqual(Buffer.from(indexKey, 'base64'));
  });

  it('takes the only master key as the active one', () => {
    expect(loadVaultKeys({ VAULT_MASTER_KEYS: `k1:${k1}`, VAULT_INDEX_KEY: indexKey }).activeMasterKeyId).toBe('k1');
  });

  it('falls back to development keys outside production', () => {
    const keys = loadVaultKeys({});
    expect(keys.activeMasterKeyId).toBe('dev');
    expect(keys.masterKeys.get('dev')).toHaveLength(32);
    expect(keys.indexKey).toHaveLength(32);
    expect(loadVaultKeys({}).masterKeys.get('dev')).toEqual(keys.masterKeys.get('dev'));
  });

  it('refuses the development keys in production', () => {
    expect(() => loadVaultKeys({ NODE_ENV: 'production' })).toThrow(
      /VAULT_MASTER_KEYS must be set in production[\s\S]*VAULT_INDEX_KEY must be set in production/,
    );
  });

  it('lists every problem at once, naming key ids and never key material', () => {
    const short = randomBytes(16).toString('base64');
    let message = '';
    try {
      loadVaultKeys({
        VAULT_MASTER_KEYS: `k1:${short},k1:${k1},no-separator,bad id!:${k2}`,
        VAULT_ACTIVE_MASTER_KEY: 'k3',
        VAULT_INDEX_KEY: 'not base64 at all',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('master key k1 must be 32 bytes, base64-encoded');
    expect(message).toContain('VAULT_MASTER_KEYS names k1 twice');
    expect(message).toContain('VAULT_MASTER_KEYS entry 3 must be <id>:<base64 key>');
    expect(message).toContain('VAULT_MASTER_KEYS entry 4 must be <id>:<base64 key>');
    expect(message).toContain('VAULT_ACTIVE_MASTER_KEY must name one of the master keys: k1');
    expect(message).toContain('VAULT_INDEX_KEY must be 32 bytes, base64-encoded');
    for (const material of [short, k1, k2]) expect(message).not.toContain(material);
  });

  it('needs VAULT_ACTIVE_MASTER_KEY when there are several master keys', () => {
    expect(() => loadVaultKeys({ VAULT_MASTER_KEYS: `k1:${k1},k2:${k2}`, VAULT_INDEX_KEY: indexKey })).toThrow(
      'VAULT_ACTIVE_MASTER_KEY must name one of the master keys: k1, k2',
    );
  });
});
