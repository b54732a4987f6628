import { UnauthorizedException } from '@nestjs/common';

/** No session, or its token no longer verifies (expired, another secret): pages send the caller to sign in. */
export class SignInRequired extends UnauthorizedException {
  constructor() {
    super('Sign in with a token to see the dashboard.');
  }
}
