import { Injectable } from '@nestjs/common';
import { SessionsService, type User } from '@roundtable/identity';
import { PageCookies } from './page-cookies';
import { SignedInPageGuard } from './signed-in-page.guard';

/**
 * The partner pages' door: a signed-in partner user. Staff and others get a 403 page (a partner's
 * pages act for one organisation, which staff are not).
 */
@Injectable()
export class PartnerPageGuard extends SignedInPageGuard {
  protected readonly pagesFor = 'partner pages';
  protected readonly notForYou = 'These pages are for partner organisations. Your account cannot use them.';

  constructor(sessions: SessionsService, cookies: PageCookies) {
    super(sessions, cookies);
  }

  protected admits(user: User): boolean {
    return user.role === 'partner' && Boolean(user.partnerId);
  }

  /** The partner navigation and the sign-out button. */
  protected layoutFlags(): Record<string, boolean> {
    return { partner: true };
  }
}
