import jwt from 'jsonwebtoken';
import { InvalidToken, signToken, verifyToken } from './principal';

const secret = 'test-secret';

describe('bearer tokens', () => {
  it('round-trips sub, name, roles and scope', () => {
    const token = signToken(
      { sub: 'u-1', name: 'Wang Fang', roles: ['ceo_office', 'auditor'], scope: 'east-china' },
      secret,
    );
    expect(verifyToken(token, secret)).toEqual({
      sub: 'u-1',
      name: 'Wang Fang',
      roles: ['ceo_office', 'auditor'],
      scope: 'east-china',
    });
  });

  it('drops roles the platform does not know', () => {
    const token = jwt.sign({ roles: ['agent', 'superuser'] }, secret, { subject: 'u-1' });
    expect(verifyToken(token, secret).roles).toEqual(['agent']);
  });

  it.each([
    ['another secret', () => signToken({ sub: 'u', name: 'u', roles: ['admin'] }, 'other')],
    ['an expired token', () => jwt.sign({ roles: ['admin'] }, secret, { subject: 'u', expiresIn: -10 })],
    ['no roles claim', () => jwt.sign({}, secret, { subject: 'u' })],
    ['no sub claim', () => jwt.sign({ roles: ['admin'] }, secret)],
    ['the none algorithm', () => jwt.sign({ roles: ['admin'] }, '', { subject: 'u', algorithm: 'none' })],
  ])('refuses %s', (_label, mint) => {
    expect(() => verifyToken(mint(), secret)).toThrow(InvalidToken);
  });
});
