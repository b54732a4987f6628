import jwt from 'jsonwebtoken';
import { createHmac } from 'node:crypto';
import { InvalidToken, signToken, verifyToken } from './principal';

const secret = 'test-secret';

/** A token whose header names another algorithm, signed (or not) by hand: what an attacker would send. */
function forge(header: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = part({ sub: 'u', roles: ['admin'], iss: 'cx-platform', aud: 'cx-platform', exp: now + 600 });
  const unsigned = `${part(header)}.${body}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${(header as { alg: string }).alg === 'none' ? '' : signature}`;
}

describe('bearer tokens', () => {
  it('round-trips sub, name, roles and scope', () => {
    const token = signToken(
      {
        sub: 'u-1',
        name: 'Wang Fang',
        roles: ['ceo_office', 'auditor'],
        scope: 'region:east-china project:SH-PUDONG-07',
      },
      secret,
    );
    expect(verifyToken(token, secret)).toEqual({
      sub: 'u-1',
      name: 'Wang Fang',
      roles: ['ceo_office', 'auditor'],
      scope: 'region:east-china project:SH-PUDONG-07',
    });
  });

  const standard = { issuer: 'cx-platform', audience: 'cx-platform', expiresIn: 600 } as const;

  it('drops roles the platform does not know', () => {
    const token = jwt.sign({ roles: ['agent', 'superuser'] }, secret, { subject: 'u-1', ...standard });
    expect(verifyToken(token, secret).roles).toEqual(['agent']);
  });

  it.each([
    ['another secret', () => signToken({ sub: 'u', name: 'u', roles: ['admin'] }, 'other')],
    ['an expired token', () => jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', ...standard, expiresIn: -10 })],
    [
      'a token without expiry',
      () => jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', issuer: 'cx-platform', audience: 'cx-platform' }),
    ],
    [
      'a token not valid yet',
      () => jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', ...standard, notBefore: 300 }),
    ],
    [
      'another issuer',
      () => jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', ...standard, issuer: 'elsewhere' }),
    ],
    [
      'another audience',
      () => jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', ...standard, audience: 'other-app' }),
    ],
    [
      'a scope that cannot be read',
      () => jwt.sign({ roles: ['agent'], scope: 'east-china' }, secret, { subject: 'u', ...standard }),
    ],
    ['an empty scope', () => jwt.sign({ roles: ['agent'], scope: ' ' }, secret, { subject: 'u', ...standard })],
    ['no roles claim', () => jwt.sign({}, secret, { subject: 'u', ...standard })],
    ['no sub claim', () => jwt.sign({ roles: ['admin'] }, secret, standard)],
    ['the none algorithm', () => jwt.sign({ roles: ['admin'] }, '', { subject: 'u', ...standard, algorithm: 'none' })],
    [
      'another HMAC algorithm (HS512)',
      () => jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', ...standard, algorithm: 'HS512' }),
    ],
    ['an unsigned token with a forged header', () => forge({ alg: 'none', typ: 'JWT' })],
    ['an RS256 header over an HMAC signature', () => forge({ alg: 'RS256', typ: 'JWT' })],
  ])('refuses %s', (_label, mint) => {
    expect(() => verifyToken(mint(), secret)).toThrow(InvalidToken);
  });
});
