import { Body, Controller, Get, Logger, Post, Query, Render, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CredentialsNotRight, SessionsService, STAFF_ROLES } from '@roundtable/identity';
import { checkText } from '@roundtable/platform';
import type { Request, Response } from 'express';
import { LoginRateLimit, PublicRateLimit } from '../../http/throttling';
import { FormErrors, NO_ERRORS } from '../../pages/forms/form-errors';
import { textField } from '../../pages/forms/form-fields';
import { sentence } from '../../pages/forms/service-errors';
import { CsrfGuard } from './csrf.guard';
import { PageCookies } from './page-cookies';

const SIGN_IN_FIELDS = ['email', 'password'];
const PARTNER_HOME = '/partner';
const STAFF_HOME = '/staff/events';

/**
 * Where to go after signing in, if it is one of our staff pages. Anything else (another site,
 * "//evil.example", a header-breaking character) is ignored, so the sign-in page cannot be used
 * to send people elsewhere.
 */
export function safeNext(raw: string): string | undefined {
  return /^\/staff(?:[/?#]|$)/.test(raw) && /^[\x21-\x7e]+$/.test(raw) ? raw : undefined;
}

/** The same for a partner user: one of the partner pages, or nothing. */
export function safePartnerNext(raw: string): string | undefined {
  return /^\/partner(?:[/?#]|$)/.test(raw) && /^[\x21-\x7e]+$/.test(raw) ? raw : undefined;
}

/** A page to come back to after signing in, staff's or a partner's (each role keeps only its own). */
function pageToComeBackTo(raw: string): string | undefined {
  return safeNext(raw) ?? safePartnerNext(raw);
}

@ApiExcludeController()
@Controller()
@UseGuards(CsrfGuard)
export class SignInPagesController {
  private readonly logger = new Logger(SignInPagesController.name);

  constructor(
    private readonly sessions: SessionsService,
    private readonly cookies: PageCookies,
  ) {}

  @Get('sign-in')
  @PublicRateLimit()
  @Render('pages/auth/sign-in.njk')
  signInPage(@Query() query: Record<string, unknown>) {
    return {
      email: '',
      next: pageToComeBackTo(textField(query, 'next')),
      signedOut: textField(query, 'signedOut') === '1',
      passwordSet: textField(query, 'passwordSet') === '1',
      ...NO_ERRORS,
    };
  }

  @Post('sign-in')
  @LoginRateLimit()
  async signIn(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const email = textField(body, 'email').trim();
    const password = textField(body, 'password');
    const next = pageToComeBackTo(textField(body, 'next'));
    const errors = new FormErrors();
    const emailText = checkText(email, { field: 'your email address', max: 254, optional: true });
    if (email === '') errors.add('email', 'Enter your email address');
    else if (!emailText.ok) errors.add('email', sentence(emailText.message));
    if (password === '') errors.add('password', 'Enter your password');
    else if (password.length > 200) errors.add('password', 'Your password must be 200 characters or fewer');
    if (!errors.any) {
      try {
        const signedIn = await this.sessions.signIn(email, password);
        if (STAFF_ROLES.includes(signedIn.user.role)) {
          this.cookies.setSession(res, signedIn.token);
          this.logger.log(`user ${signedIn.user.id} signed in to the staff pages`);
          res.redirect(303, safeNext(next ?? '') ?? STAFF_HOME);
          return;
        }
        if (signedIn.user.role === 'partner') {
          this.cookies.setSession(res, signedIn.token);
          this.logger.log(`user ${signedIn.user.id} signed in to the partner pages`);
          res.redirect(303, safePartnerNext(next ?? '') ?? PARTNER_HOME);
          return;
        }
        // Any other role's account works for the API only.
        await this.sessions.signOut(signedIn.token);
        errors.add(
          'email',
          'This sign-in is for office staff and partner organisations. Your account cannot use it',
        );
      } catch (error) {
        if (!(error instanceof CredentialsNotRight)) throw error;
        errors.add('email', 'The email address or password is not right. Check them and try again');
      }
    }
    res.status(400).render('pages/auth/sign-in.njk', { email, next, ...errors.toView(SIGN_IN_FIELDS) });
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = this.cookies.session(req);
    if (token) await this.sessions.signOut(token);
    this.cookies.clearSession(res);
    res.redirect(303, '/sign-in?signedOut=1');
  }
}
