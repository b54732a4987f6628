import { IsString, Length } from 'class-validator';

export class SignInForm {
  @IsString()
  @Length(1, 8192, { message: 'token must be a bearer token (npm run token -- --role …)' })
  token: string;
}
