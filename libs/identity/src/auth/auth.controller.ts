import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiGoneResponse, ApiTags } from '@nestjs/swagger';
import { Public, RateLimit } from '@kuaizhuan/platform';
import { ConfirmEmailDto, ResendConfirmationDto, SignupAnswer } from '../signup/signup.dto';
import { SignupService } from '../signup/signup.service';
import { AuthResult, LoginDto, MeView, RefreshDto, RegisterDto, TokenPairView } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser, Standing, type Caller } from './caller';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly signup: SignupService,
  ) {}

  /**
   * Signs up an organisation (pending verification) with its first user, both unconfirmed until
   * the link mailed to the address is opened. The answer is the same when the address already has
   * an account (its owner is mailed a notice instead, and nothing is created); no tokens are given.
   */
  @Public()
  @RateLimit('register')
  @Post('register')
  @HttpCode(HttpStatus.ACCEPTED)
  register(@Body() body: RegisterDto): Promise<SignupAnswer> {
    return this.signup.register(body);
  }

  /** Confirms the address with the token of the mailed link and signs in (single use, 24 hours). */
  @Public()
  @RateLimit('accept-invitation')
  @Post('confirm')
  @HttpCode(HttpStatus.OK)
  @ApiGoneResponse({
    description: 'The link has expired; ask for a new one (POST /api/auth/confirm/resend)',
    schema: { $ref: '#/components/schemas/ErrorBody' },
  })
  confirm(@Body() body: ConfirmEmailDto): Promise<AuthResult> {
    return this.signup.confirm(body.token);
  }

  /** Mails a new confirmation link to an unconfirmed registration; the same answer for any address. */
  @Public()
  @RateLimit('register')
  @Post('confirm/resend')
  @HttpCode(HttpStatus.ACCEPTED)
  resend(@Body() body: ResendConfirmationDto): Promise<SignupAnswer> {
    return this.signup.resend(body.email);
  }

  /** Signs in with e-mail and password. */
  @Public()
  @RateLimit('login')
  @Post('login')
  @HttpCode(HttpStatus.OK)
  login(@Body() body: LoginDto): Promise<AuthResult> {
    return this.auth.login(body);
  }

  /**
   * Exchanges a refresh token (single use) for a new token pair. Not limited like sign-in: only
   * a flood limit per address, so reloads behind a shared address never end a session.
   */
  @Public()
  @RateLimit('refresh')
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  refresh(@Body() body: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Ends the session of the given refresh token. */
  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  /** The signed-in user and their organisation. */
  @ApiBearerAuth()
  @Standing('any')
  @Get('me')
  me(@CurrentUser() caller: Caller): Promise<MeView> {
    return this.auth.me(caller);
  }
}
