import { Injectable } from '@nestjs/common';
import { SessionsService, type User } from '@roundtable/identity';
import { PageCookies } from './page-cookies';
import { SignedInPageGuard } from './signed-in-page.guard';

/** The door of the admins' own staff pages (staff accounts): an organiser gets a 403 page. */
@Injectable()
export class AdminPageGuard extends SignedInPageGuard {
  protected readonly pagesFor = 'staff pages';
  protected readonly notForYou = 'Only admins can manage staff accounts. Ask an admin if you need a change.';

  constructor(sessions: SessionsService, cookies: PageCookies) {
    super(sessions, cookies);
  }

  protected admits(user: User): boolean {
    return user.role === 'admin';
  }

  /** The staff navigation, with the admin links. */
  protected layoutFlags(): Record<string, boolean> {
    return { staff: true, admin: true };
  }
}
