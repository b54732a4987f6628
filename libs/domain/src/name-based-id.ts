import { createHash } from 'node:crypto';

/**
 * A UUID version 5 (RFC 9562, SHA-1 name-based): the same namespace and name always give the same id. For ids
 * that must come out the same however often they are derived, e.g. one follow-up per survey response, so that
 * a second derivation finds the stream the first one wrote.
 */
export function nameBasedId(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
