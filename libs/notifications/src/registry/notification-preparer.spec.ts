import type { NotificationKindEntry } from './notification-registry';
import { NOTIFICATION_REGISTRY } from './notification-registry';
import {
  preparersByAudience,
  type NotificationAudience,
  type NotificationPreparer,
} from './notification-preparer';
import type { NotificationSubjectType } from '../ledger/notification.entity';

class Preparer implements NotificationPreparer {
  constructor(
    readonly audience: NotificationAudience,
    readonly subjectType: NotificationSubjectType = 'event',
  ) {}
  async prepare() {
    return { stale: 'never asked' };
  }
}

const entries = Object.values(NOTIFICATION_REGISTRY);

/** The audiences these tests do not name, each with its one preparer. */
const rest = () => [new Preparer('partner', 'partner'), new Preparer('account', 'staff')];

describe('preparersByAudience', () => {
  it('maps each audience the registry names to its one preparer', () => {
    const registration = new Preparer('registration');
    const staff = new Preparer('staff');
    const testimony = new Preparer('testimony', 'testimony');
    const cohost = new Preparer('cohost', 'partner');
    const map = preparersByAudience(entries, [staff, registration, testimony, cohost, ...rest()]);
    expect(map.get('registration')).toBe(registration);
    expect(map.get('staff')).toBe(staff);
  });

  it('refuses an audience with no preparer, naming it', () => {
    const others = [
      new Preparer('registration'),
      new Preparer('testimony', 'testimony'),
      new Preparer('cohost', 'partner'),
      ...rest(),
    ];
    expect(() => preparersByAudience(entries, others)).toThrow(
      'Notification preparers: audience "staff" has 0 preparers. Every audience needs exactly one preparer.',
    );
  });

  it('refuses an audience with two preparers', () => {
    expect(() =>
      preparersByAudience(entries, [
        new Preparer('registration'),
        new Preparer('staff'),
        new Preparer('staff'),
      ]),
    ).toThrow(/audience "staff" has 2 preparers/);
  });

  it('refuses an entry about a subject its audience preparer does not read', () => {
    const aboutAPartner = { ...NOTIFICATION_REGISTRY['access-tasks-late'], subjectType: 'partner' };
    expect(() =>
      preparersByAudience(
        [...entries, aboutAPartner as NotificationKindEntry],
        [
          new Preparer('registration'),
          new Preparer('staff'),
          new Preparer('testimony', 'testimony'),
          ...rest(),
        ],
      ),
    ).toThrow(/kind "access-tasks-late" is about "partner", but the "staff" preparer reads "event"/);
  });

  it('refuses a preparer for an audience no entry names', () => {
    const registrationOnly = entries.filter((entry) => entry.audience === 'registration');
    expect(() =>
      preparersByAudience(registrationOnly, [new Preparer('registration'), new Preparer('staff')]),
    ).toThrow(/Preparer prepares for "staff", which no registry entry names/);
  });
});
