import { createHash } from 'node:crypto';

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
const TWO_TO_32 = 0x1_0000_0000;

/**
 * xoshiro128** 1.1 (Blackman and Vigna, 2018): a small, well-known generator whose whole state is four 32-bit
 * words, so a draw can be redone from its seed on any platform and checked against the published reference
 * outputs. For sampling only; tokens and ids come from node:crypto's random bytes.
 */
export class Xoshiro128StarStar {
  private readonly s: Uint32Array;

  constructor(state: readonly [number, number, number, number]) {
    this.s = Uint32Array.from(state);
    if (this.s.every((word) => word === 0)) throw new Error('xoshiro128** needs a state that is not all zeros');
  }

  /** The state for a stratum of a draw: the first 16 bytes of SHA-256 over the seed and the stratum. */
  static forStratum(algorithm: string, seed: string, project: string, stage: string): Xoshiro128StarStar {
    const bytes = createHash('sha256').update(`${algorithm}\n${seed}\n${project}\n${stage}`).digest();
    const words = [0, 4, 8, 12].map((offset) => bytes.readUInt32LE(offset));
    return new Xoshiro128StarStar(
      words.every((w) => w === 0) ? [1, 0, 0, 0] : (words as [number, number, number, number]),
    );
  }

  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A whole number in [0, bound), without modulo bias: outputs above the last full multiple are drawn again. */
  below(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_TO_32) throw new Error(`bad bound ${bound}`);
    const limit = TWO_TO_32 - (TWO_TO_32 % bound);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % bound;
    }
  }
}
