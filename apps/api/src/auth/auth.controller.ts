import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { LoginDto, SessionsService, toUserView, type User, type UserView } from '@roundtable/identity';
import type { AuthenticatedRequest } from './authenticated-request';
import { CurrentUser } from './current-user.decorator';
import { Authenticated } from './roles.decorator';
import { LoginRateLimit } from '../http/throttling';

@ApiTags('identity')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('login')
  @HttpCode(200)
  @LoginRateLimit()
  @ApiOperation({ summary: 'Sign in; returns a bearer token' })
  async login(@Body() body: LoginDto): Promise<{ token: string; expiresAt: string; user: UserView }> {
    const signedIn = await this.sessions.signIn(body.email, body.password);
    return {
      token: signedIn.token,
      expiresAt: signedIn.expiresAt.toISOString(),
      user: toUserView(signedIn.user),
    };
  }

  @Get('me')
  @Authenticated('admin', 'organiser', 'partner')
  @ApiOperation({ summary: 'The signed-in user and role' })
  me(@CurrentUser() user: User): UserView {
    return toUserView(user);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated('admin', 'organiser', 'partner')
  @ApiOperation({ summary: 'End this session; the token stops working' })
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    await this.sessions.signOut(req.sessionToken!);
  }
}
