import { createHash } from 'node:crypto';

/** The keys the vault works with, from configuration; none of them is ever stored in the database. */
export interface VaultKeys {
  /** Master keys by id: every subject's data key is wrapped under one of them. */
  masterKeys: ReadonlyMap<string, Buffer>;
  /** Data keys are wrapped, and re-wrapped by a rotation, under this one. */
  activeMasterKeyId: string;
  /** HMAC key of the blind index: finds a phone or ID number again without storing it. */
  indexKey: Buffer;
}

export const VAULT_KEYS = Symbol('VAULT_KEYS');

const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** Derived from public phrases, so anyone can read what they protect: development only, refused in production. */
const DEVELOPMENT_MASTER_KEY_ID = 'dev';
const developmentKey = (purpose: string) =>
  createHash('sha256').update(`cx-platform development ${purpose}; not for production`).digest();

/**
 * VAULT_MASTER_KEYS (`k1:<base64 of 32 bytes>,k2:…`), VAULT_ACTIVE_MASTER_KEY (needed when there are several)
 * and VAULT_INDEX_KEY (base64 of 32 bytes). Keys that cannot work stop the service at start-up with every
 * problem listed; the messages name key ids, never key material.
 */
export function loadVaultKeys(env: NodeJS.ProcessEnv = process.env): VaultKeys {
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !env.VAULT_MASTER_KEYS) problems.push('VAULT_MASTER_KEYS must be set in production');
  if (production && !env.VAULT_INDEX_KEY) problems.push('VAULT_INDEX_KEY must be set in production');

  const masterKeys = env.VAULT_MASTER_KEYS
    ? parseMasterKeys(env.VAULT_MASTER_KEYS, problems)
    : new Map([[DEVELOPMENT_MASTER_KEY_ID, developmentKey('vault master key')]]);
  const activeMasterKeyId = env.VAULT_ACTIVE_MASTER_KEY ?? (masterKeys.size === 1 ? [...masterKeys.keys()][0] : '');
  if (!masterKeys.has(activeMasterKeyId)) {
    problems.push(`VAULT_ACTIVE_MASTER_KEY must name one of the master keys: ${[...masterKeys.keys()].join(', ')}`);
  }
  const indexKey = env.VAULT_INDEX_KEY
    ? decodeKey(env.VAULT_INDEX_KEY, 'VAULT_INDEX_KEY', problems)
    : developmentKey('blind index key');

  if (problems.length > 0) throw new Error(`The vault keys cannot work:\n- ${problems.join('\n- ')}`);
  return { masterKeys, activeMasterKeyId, indexKey };
}

function parseMasterKeys(value: string, problems: string[]): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const [position, entry] of value.split(',').entries()) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    if (separator < 0 || !KEY_ID.test(id)) {
      problems.push(
        `VAULT_MASTER_KEYS entry ${position + 1} must be <id>:<base64 key>, the id 1-32 letters, digits, _ or -`,
      );
      continue;
    }
    if (keys.has(id)) problems.push(`VAULT_MASTER_KEYS names ${id} twice`);
    keys.set(id, decodeKey(entry.slice(separator + 1).trim(), `master key ${id}`, problems));
  }
  return keys;
}

function decodeKey(base64: string, name: string, problems: string[]): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (!BASE64.test(base64) || key.length !== KEY_BYTES)
    problems.push(`${name} must be ${KEY_BYTES} bytes, base64-encoded`);
  return key;
}
