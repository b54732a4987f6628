import { randomBytes } from 'node:crypto';
import { migrateDatabase } from '@cx/event-store';
import { createTestDatabase, TestDatabase } from '@cx/testing';
import { Pool, PoolClient } from 'pg';
import type { PersonalData } from './domain/personal-data/personal-data';
import { SubjectAlreadyRegistered } from './domain/subject.errors';
import { confidentialityMigrations } from './infrastructure/confidentiality-migrations';
import { SubjectVault } from './infrastructure/subject-vault';
import type { VaultKeys } from './infrastructure/vault/vault-keys';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const indexKey = randomBytes(32);
const keys = (masterKeys: Record<string, Buffer>, activeMasterKeyId: string): VaultKeys => ({
  masterKeys: new Map(Object.entries(masterKeys)),
  activeMasterKeyId,
  indexKey,
});

const wangFang: PersonalData = {
  name: '王芳',
  phone: '13812345678',
  idNumber: '11010519491231002X',
  email: 'wang.fang@example.com',
  address: { province: '上海市', city: '上海市', district: '浦东新区', detail: '张江路 88 弄 6 号 1202 室' },
};
const person = (i: number): PersonalData => ({
  name: `测试${i}`,
  phone: `139${String(i).padStart(8, '0')}`,
  idNumber: null,
  email: null,
  address: null,
});

describe('the subject vault (real Postgres)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let subjectCount = 0;
  const newSubjectId = () => `subj_vault${String(++subjectCount).padStart(6, '0')}`;

  const inTransaction = async (work: (tx: PoolClient) => Promise<void>) => {
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await work(tx);
      await tx.query('COMMIT');
    } catch (error) {
      await tx.query('ROLLBACK');
      throw error;
    } finally {
      tx.release();
    }
  };
  const keep = (vault: SubjectVault, data: PersonalData, subjectId = newSubjectId(), keyVersion = 1) =>
    inTransaction(vault.keep(subjectId, data, keyVersion)).then(() => subjectId);
  const dump = async () =>
    JSON.stringify(
      (await pool.query('SELECT * FROM subject_keys')).rows.concat(
        (await pool.query('SELECT * FROM subject_vault')).rows,
        (await pool.query('SELECT * FROM subject_lookups')).rows,
      ),
    );

  beforeAll(async () => {
    database = await createTestDatabase('confidentiality_vault');
    await migrateDatabase(database.url, confidentialityMigrations);
    pool = new Pool({ connectionString: database.url });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('seals personal data and opens it again; no value is stored in clear', async () => {
    const vault = new SubjectVault(pool, keys({ k1 }, 'k1'));
    const subjectId = await keep(vault, wangFang);
    expect(await vault.open(subjectId)).toEqual({ data: wangFang, keyVersion: 1 });
    const stored = await dump();
    for (const value of ['王芳', '13812345678', '11010519491231002X', 'wang.fang', '张江路']) {
      expect(stored).not.toContain(value);
      expect(stored).not.toContain(Buffer.from(value).toString('hex'));
    }
  });

  it('opens nothing for a subject it does not hold', async () => {
    expect(await new SubjectVault(pool, keys({ k1 }, 'k1')).open('subj_neverregistered')).toBeNull();
  });

  it('keeps one subject per phone and per ID number, naming the one that has it', async () => {
    const vault = new SubjectVault(pool, keys({ k1 }, 'k1'));
    const first = await keep(vault, person(1));
    const firstById = await keep(vault, { ...person(2), idNumber: '310115199003074237' });
    await expect(keep(vault, { ...person(3), phone: person(1).phone })).rejects.toThrow(SubjectAlreadyRegistered);
    await expect(keep(vault, { ...person(3), phone: person(1).phone })).rejects.toMatchObject({
      details: { existingSubjectId: first, matchedOn: 'phone' },
    });
    await expect(keep(vault, { ...person(4), idNumber: '310115199003074237' })).rejects.toMatchObject({
      details: { existingSubjectId: firstById, matchedOn: 'idNumber' },
    });
  });

  it('frees the phone and ID number of a shredded subject, and leaves its old sealed copy unreadable', async () => {
    const vault = new SubjectVault(pool, keys({ k1 }, 'k1'));
    const subjectId = await keep(vault, { ...person(10), idNumber: '510107197806150027' });
    const backup = (await pool.query('SELECT * FROM subject_vault WHERE subject_id = $1', [subjectId])).rows[0];

    await inTransaction(SubjectVault.shred(subjectId));

    expect(await vault.open(subjectId)).toBeNull();
    expect((await pool.query('SELECT 1 FROM subject_keys WHERE subject_id = $1', [subjectId])).rowCount).toBe(0);
    expect((await pool.query('SELECT 1 FROM subject_lookups WHERE subject_id = $1', [subjectId])).rowCount).toBe(0);
    // Put the backup back: without its key it opens nothing, whatever keys are left.
    await pool.query(
      `INSERT INTO subject_keys (subject_id, key_version, master_key_id, wrapped_key, wrap_iv, wrap_auth_tag)
       SELECT $1, 1, master_key_id, wrapped_key, wrap_iv, wrap_auth_tag FROM subject_keys LIMIT 1`,
      [subjectId],
    );
    await pool.query(
      'INSERT INTO subject_vault (subject_id, key_version, ciphertext, iv, auth_tag) VALUES ($1, $2, $3, $4, $5)',
      [subjectId, backup.key_version, backup.ciphertext, backup.iv, backup.auth_tag],
    );
    await expect(vault.open(subjectId)).rejects.toThrow();
    await inTransaction(SubjectVault.shred(subjectId));
    expect(await keep(vault, { ...person(11), phone: person(10).phone, idNumber: '510107197806150027' })).toMatch(
      /^subj_/,
    );
  });

  it('seals a correction under a new data key: the copy from before it no longer opens', async () => {
    const vault = new SubjectVault(pool, keys({ k1 }, 'k1'));
    const subjectId = await keep(vault, person(20));
    const before = (await pool.query('SELECT * FROM subject_vault WHERE subject_id = $1', [subjectId])).rows[0];
    await keep(vault, { ...person(20), phone: '13700000020' }, subjectId, 2);
    expect(await vault.open(subjectId)).toEqual({ data: { ...person(20), phone: '13700000020' }, keyVersion: 2 });

    await pool.query(
      'UPDATE subject_vault SET key_version = $2, ciphertext = $3, iv = $4, auth_tag = $5 WHERE subject_id = $1',
      [subjectId, before.key_version, before.ciphertext, before.iv, before.auth_tag],
    );
    await expect(vault.open(subjectId)).rejects.toThrow();
  });

  it('re-wraps every data key under the active master key, in batches, and only once', async () => {
    const before = new SubjectVault(pool, keys({ k1 }, 'k1'));
    const subjects: string[] = [];
    for (let i = 100; i < 100 + 205; i++) subjects.push(await keep(before, person(i)));
    const underK1 = Number(
      (await pool.query("SELECT count(*) FROM subject_keys WHERE master_key_id = 'k1'")).rows[0].count,
    );

    const rotating = new SubjectVault(pool, keys({ k1, k2 }, 'k2'));
    expect(await rotating.rewrapDataKeys()).toBe(underK1);
    expect((await pool.query("SELECT count(*) FROM subject_keys WHERE master_key_id <> 'k2'")).rows[0].count).toBe('0');
    expect(await rotating.rewrapDataKeys()).toBe(0);

    const afterK1IsRetired = new SubjectVault(pool, keys({ k2 }, 'k2'));
    expect(await afterK1IsRetired.open(subjects[0])).toEqual({ data: person(100), keyVersion: 1 });
    expect(await afterK1IsRetired.open(subjects[204])).toEqual({ data: person(304), keyVersion: 1 });
    await expect(before.open(subjects[0])).rejects.toThrow('which VAULT_MASTER_KEYS does not hold');
  });
});
