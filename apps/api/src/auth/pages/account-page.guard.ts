import { Injectable } from '@nestjs/common';
import { SessionsService, STAFF_ROLES, type User } from '@roundtable/identity';
import { PageCookies } from './page-cookies';
import { SignedInPageGuard } from './signed-in-page.guard';

/** Pages about your own account (changing your password): anyone who can sign in to the pages. */
@Injectable()
export class AccountPageGuard extends SignedInPageGuard {
  protected readonly pagesFor = 'your account';
  protected readonly notForYou = 'This sign-in is for office staff and partner organisations.';

  constructor(sessions: SessionsService, cookies: PageCookies) {
    super(sessions, cookies);
  }

  protected admits(user: User): boolean {
    return STAFF_ROLES.includes(user.role) || user.role === 'partner';
  }

  /** The navigation the user knows from their own pages. */
  protected layoutFlags(user: User): Record<string, boolean> {
    return STAFF_ROLES.includes(user.role)
      ? { staff: true, admin: user.role === 'admin' }
      : { partner: true };
  }
}
