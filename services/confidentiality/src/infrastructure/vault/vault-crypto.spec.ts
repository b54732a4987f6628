import { randomBytes } from 'node:crypto';
import { blindIndex, newDataKey, open, seal, Sealed } from './vault-crypto';

const plaintext = Buffer.from(JSON.stringify({ name: '王芳', phone: '13812345678' }), 'utf8');
const context = 'subject-data:subj_4kT9wQ2mZp7LxR3vB8nC5dYh:1';
const flipFirstByte = (buffer: Buffer) => Buffer.concat([Buffer.from([buffer[0] ^ 0x01]), buffer.subarray(1)]);

describe('sealing with AES-256-GCM', () => {
  const key = newDataKey();

  it('opens what it sealed, with the same key and context', () => {
    expect(open(key, seal(key, plaintext, context), context)).toEqual(plaintext);
  });

  it('never shows the plaintext in the sealed form, and seals the same data differently each time', () => {
    const first = seal(key, plaintext, context);
    const second = seal(key, plaintext, context);
    expect(first.ciphertext.includes(Buffer.from('13812345678'))).toBe(false);
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
  });

  it('fails with another key', () => {
    expect(() => open(newDataKey(), seal(key, plaintext, context), context)).toThrow();
  });

  it('fails in another context: a row copied onto another subject or key version does not open', () => {
    const sealed = seal(key, plaintext, context);
    expect(() => open(key, sealed, 'subject-data:subj_4kT9wQ2mZp7LxR3vB8nC5dYh:2')).toThrow();
    expect(() => open(key, sealed, 'subject-data:subj_Other00000000000000000000:1')).toThrow();
  });

  it.each<[string, (sealed: Sealed) => Sealed]>([
    ['a changed ciphertext byte', (s) => ({ ...s, ciphertext: flipFirstByte(s.ciphertext) })],
    ['a changed tag', (s) => ({ ...s, authTag: flipFirstByte(s.authTag) })],
    ['a changed IV', (s) => ({ ...s, iv: flipFirstByte(s.iv) })],
    ['a truncated tag', (s) => ({ ...s, authTag: s.authTag.subarray(0, 12) })],
  ])('fails the GCM tag on %s', (_label, tamper) => {
    expect(() => open(key, tamper(seal(key, plaintext, context)), context)).toThrow();
  });
});

describe('wrapping a data key under a master key', () => {
  it('unwraps the data key with the master key, and nothing else', () => {
    const masterKey = randomBytes(32);
    const dataKey = newDataKey();
    const keyContext = 'subject-key:subj_4kT9wQ2mZp7LxR3vB8nC5dYh:1';
    const wrapped = seal(masterKey, dataKey, keyContext);
    expect(open(masterKey, wrapped, keyContext)).toEqual(dataKey);
    expect(() => open(randomBytes(32), wrapped, keyContext)).toThrow();
  });
});

describe('master key rotation', () => {
  it('re-wraps the same data key under the new master key: the sealed data opens unchanged, the old key is no use', () => {
    const [oldMasterKey, newMasterKey, dataKey] = [randomBytes(32), randomBytes(32), newDataKey()];
    const keyContext = 'subject-key:subj_4kT9wQ2mZp7LxR3vB8nC5dYh:1';
    const sealed = seal(dataKey, plaintext, context);
    const rewrapped = seal(
      newMasterKey,
      open(oldMasterKey, seal(oldMasterKey, dataKey, keyContext), keyContext),
      keyContext,
    );
    expect(open(open(newMasterKey, rewrapped, keyContext), sealed, context)).toEqual(plaintext);
    expect(() => open(oldMasterKey, rewrapped, keyContext)).toThrow();
  });
});

describe('the blind index', () => {
  const indexKey = randomBytes(32);

  it('finds the same value again', () => {
    expect(blindIndex(indexKey, 'phone:13812345678')).toEqual(blindIndex(indexKey, 'phone:13812345678'));
  });

  it('differs for another value, another kind, or another key', () => {
    const index = blindIndex(indexKey, 'phone:13812345678');
    expect(index.equals(blindIndex(indexKey, 'phone:13812345679'))).toBe(false);
    expect(index.equals(blindIndex(indexKey, 'idNumber:13812345678'))).toBe(false);
    expect(index.equals(blindIndex(randomBytes(32), 'phone:13812345678'))).toBe(false);
  });
});
