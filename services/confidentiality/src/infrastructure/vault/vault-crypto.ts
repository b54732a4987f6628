import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** AES-256-GCM output: the tag authenticates the ciphertext and the associated data together. */
export interface Sealed {
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

const ALGORITHM = 'aes-256-gcm';
/** 96-bit nonces, random per message: the size GCM is specified for. */
const IV_BYTES = 12;
const AUTH_TAG_BYTES = 16;

/** A fresh 256-bit data key: one per subject, replaced at every correction. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/**
 * Encrypts under `key`. The associated data binds the ciphertext to where it belongs (subject and key
 * version), so a row copied onto another subject does not decrypt.
 */
export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: AUTH_TAG_BYTES }).setAAD(
    Buffer.from(associatedData, 'utf8'),
  );
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, authTag: cipher.getAuthTag(), ciphertext };
}

/** Decrypts, or throws when the key is wrong or the ciphertext, tag or associated data were changed. */
export function open(key: Buffer, sealed: Sealed, associatedData: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, sealed.iv, { authTagLength: AUTH_TAG_BYTES })
    .setAAD(Buffer.from(associatedData, 'utf8'))
    .setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/** A keyed hash (HMAC-SHA-256): equal inputs match, and without the key a guess cannot be checked. */
export function blindIndex(indexKey: Buffer, value: string): Buffer {
  return createHmac('sha256', indexKey).update(value, 'utf8').digest();
}
