import { Injectable } from '@nestjs/common';
import { SessionsService, STAFF_ROLES, type User } from '@roundtable/identity';
import { PageCookies } from './page-cookies';
import { SignedInPageGuard } from './signed-in-page.guard';

/** The staff pages' door: a signed-in admin or organiser. */
@Injectable()
export class StaffPageGuard extends SignedInPageGuard {
  protected readonly pagesFor = 'staff pages';
  protected readonly notForYou =
    'These pages are for constituency office staff. Your account cannot use them.';

  constructor(sessions: SessionsService, cookies: PageCookies) {
    super(sessions, cookies);
  }

  protected admits(user: User): boolean {
    return STAFF_ROLES.includes(user.role);
  }

  /** Staff navigation and the sign-out button; admin-only links (the audit log) for admins. */
  protected layoutFlags(user: User): Record<string, boolean> {
    return { staff: true, admin: user.role === 'admin' };
  }
}
