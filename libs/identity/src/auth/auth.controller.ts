import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public, RateLimit } from '@kuaizhuan/platform';
import { AuthResult, LoginDto, MeView, RefreshDto, RegisterDto, TokenPairView } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser, Standing, type Caller } from './caller';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Signs up an organisation (pending verification) with its first user, and signs that user in. */
  @Public()
  @RateLimit('register')
  @Post('register')
  register(@Body() body: RegisterDto): Promise<AuthResult> {
    return this.auth.register(body);
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
