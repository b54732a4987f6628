import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@cx/platform';
import type { Pool, PoolClient } from 'pg';
import { SubjectAlreadyRegistered } from '../domain/subject.errors';
import type { PersonalData } from '../domain/personal-data/personal-data';
import { blindIndex, newDataKey, open, seal, Sealed } from './vault/vault-crypto';
import { VAULT_KEYS, VaultKeys } from './vault/vault-keys';

export interface StoredPersonalData {
  data: PersonalData;
  /** Which of the subject's data keys sealed it: a new one at every correction. */
  keyVersion: number;
}

interface KeyRow {
  subject_id: string;
  key_version: number;
  master_key_id: string;
  wrapped_key: Buffer;
  wrap_iv: Buffer;
  wrap_auth_tag: Buffer;
}

interface VaultRow extends KeyRow {
  ciphertext: Buffer;
  iv: Buffer;
  auth_tag: Buffer;
}

/** Rotation re-wraps this many keys per transaction, so it never holds many row locks at once. */
const REWRAP_BATCH = 200;

/** The associated data that binds a wrapped key, and sealed data, to its subject and key version. */
export const keyContext = (subjectId: string, keyVersion: number) => `subject-key:${subjectId}:${keyVersion}`;
export const dataContext = (subjectId: string, keyVersion: number) => `subject-data:${subjectId}:${keyVersion}`;

/** Personal data sealed per subject (envelope encryption), the blind index, erasure and master key rotation. */
@Injectable()
export class SubjectVault {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(VAULT_KEYS) private readonly keys: VaultKeys,
  ) {}

  /**
   * Written in the append's transaction: claims the phone and ID number, then seals the data under a fresh data
   * key. A correction passes the next key version, so the key that sealed the values it replaces is destroyed.
   */
  keep(subjectId: string, data: PersonalData, keyVersion: number) {
    return async (tx: PoolClient): Promise<void> => {
      await this.claimIdentifiers(tx, subjectId, data);
      const dataKey = newDataKey();
      const wrapped = seal(this.activeMasterKey(), dataKey, keyContext(subjectId, keyVersion));
      const sealed = seal(dataKey, Buffer.from(JSON.stringify(data), 'utf8'), dataContext(subjectId, keyVersion));
      await tx.query(
        `INSERT INTO subject_keys (subject_id, key_version, master_key_id, wrapped_key, wrap_iv, wrap_auth_tag)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (subject_id) DO UPDATE SET key_version = EXCLUDED.key_version,
           master_key_id = EXCLUDED.master_key_id, wrapped_key = EXCLUDED.wrapped_key,
           wrap_iv = EXCLUDED.wrap_iv, wrap_auth_tag = EXCLUDED.wrap_auth_tag, wrapped_at = now()`,
        [subjectId, keyVersion, this.keys.activeMasterKeyId, wrapped.ciphertext, wrapped.iv, wrapped.authTag],
      );
      await tx.query(
        `INSERT INTO subject_vault (subject_id, key_version, ciphertext, iv, auth_tag) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (subject_id) DO UPDATE SET key_version = EXCLUDED.key_version,
           ciphertext = EXCLUDED.ciphertext, iv = EXCLUDED.iv, auth_tag = EXCLUDED.auth_tag, sealed_at = now()`,
        [subjectId, keyVersion, sealed.ciphertext, sealed.iv, sealed.authTag],
      );
    };
  }

  /** The subject's personal data in clear, or null when the vault holds none (never registered, or erased). */
  async open(subjectId: string): Promise<StoredPersonalData | null> {
    const { rows } = await this.pool.query<VaultRow>(
      `SELECT k.subject_id, k.key_version, k.master_key_id, k.wrapped_key, k.wrap_iv, k.wrap_auth_tag,
              v.ciphertext, v.iv, v.auth_tag
         FROM subject_vault v JOIN subject_keys k USING (subject_id)
        WHERE subject_id = $1`,
      [subjectId],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    const sealed: Sealed = { iv: row.iv, authTag: row.auth_tag, ciphertext: row.ciphertext };
    const data = open(this.dataKeyOf(row), sealed, dataContext(subjectId, row.key_version));
    return { data: JSON.parse(data.toString('utf8')) as PersonalData, keyVersion: row.key_version };
  }

  /**
   * Erasure, in the transaction that appends SubjectErased: the data key goes, and with it every copy of the
   * sealed data; the sealed data, the blind index entries and the idempotency fingerprint of the registration
   * (a hash of the request, personal data included) go too.
   */
  static shred(subjectId: string) {
    return async (tx: PoolClient): Promise<void> => {
      await tx.query('DELETE FROM subject_lookups WHERE subject_id = $1', [subjectId]);
      await tx.query('DELETE FROM subject_vault WHERE subject_id = $1', [subjectId]);
      await tx.query('DELETE FROM subject_keys WHERE subject_id = $1', [subjectId]);
      await tx.query('DELETE FROM idempotency_keys WHERE stream_id = $1', [subjectId]);
    };
  }

  /** Master key rotation: every data key not under the active master key is re-wrapped under it. */
  async rewrapDataKeys(): Promise<number> {
    let rewrapped = 0;
    for (;;) {
      const batch = await this.inTransaction((tx) => this.rewrapBatch(tx));
      rewrapped += batch;
      if (batch < REWRAP_BATCH) return rewrapped;
    }
  }

  /** Idempotency fingerprints hash the request body, personal data included: keyed, like the blind index. */
  keyedFingerprint(fingerprint: string): string {
    return blindIndex(this.keys.indexKey, `request:${fingerprint}`).toString('hex');
  }

  private async rewrapBatch(tx: PoolClient): Promise<number> {
    const { rows } = await tx.query<KeyRow>(
      `SELECT subject_id, key_version, master_key_id, wrapped_key, wrap_iv, wrap_auth_tag FROM subject_keys
        WHERE master_key_id <> $1 ORDER BY subject_id LIMIT ${REWRAP_BATCH} FOR UPDATE`,
      [this.keys.activeMasterKeyId],
    );
    for (const row of rows) {
      const wrapped = seal(this.activeMasterKey(), this.dataKeyOf(row), keyContext(row.subject_id, row.key_version));
      await tx.query(
        `UPDATE subject_keys SET master_key_id = $2, wrapped_key = $3, wrap_iv = $4, wrap_auth_tag = $5,
           wrapped_at = now() WHERE subject_id = $1`,
        [row.subject_id, this.keys.activeMasterKeyId, wrapped.ciphertext, wrapped.iv, wrapped.authTag],
      );
    }
    return rows.length;
  }

  /**
   * One subject per phone and per ID number: a keyed hash of each is claimed under a unique key, so a person
   * already in the vault (committed, or committing concurrently) is refused, naming their subject only.
   */
  private async claimIdentifiers(tx: PoolClient, subjectId: string, data: PersonalData): Promise<void> {
    await tx.query('DELETE FROM subject_lookups WHERE subject_id = $1', [subjectId]);
    for (const field of ['phone', 'idNumber'] as const) {
      const value = data[field];
      if (value === null) continue;
      const index = blindIndex(this.keys.indexKey, `${field}:${value}`);
      const claimed = await tx.query(
        'INSERT INTO subject_lookups (blind_index, subject_id) VALUES ($1, $2) ON CONFLICT (blind_index) DO NOTHING',
        [index, subjectId],
      );
      if (claimed.rowCount === 1) continue;
      const { rows } = await tx.query<{ subject_id: string }>(
        'SELECT subject_id FROM subject_lookups WHERE blind_index = $1',
        [index],
      );
      throw new SubjectAlreadyRegistered(rows[0].subject_id, field);
    }
  }

  private dataKeyOf(row: KeyRow): Buffer {
    const masterKey = this.keys.masterKeys.get(row.master_key_id);
    if (!masterKey) {
      throw new Error(
        `The data key of ${row.subject_id} is wrapped under master key ${row.master_key_id}, which VAULT_MASTER_KEYS does not hold`,
      );
    }
    const wrapped: Sealed = { iv: row.wrap_iv, authTag: row.wrap_auth_tag, ciphertext: row.wrapped_key };
    return open(masterKey, wrapped, keyContext(row.subject_id, row.key_version));
  }

  /** loadVaultKeys refuses an active id that names no master key. */
  private activeMasterKey(): Buffer {
    return this.keys.masterKeys.get(this.keys.activeMasterKeyId) as Buffer;
  }

  private async inTransaction<T>(work: (tx: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
