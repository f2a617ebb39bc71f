import { Test } from '@nestjs/testing';
import type { NotificationAudience, NotificationPreparer } from '@roundtable/notifications';
import { NOTIFICATION_PREPARERS, NotificationPreparers } from './notification-preparers';

const preparer = (audience: NotificationAudience): NotificationPreparer => ({
  audience,
  subjectType:
    audience === 'testimony'
      ? 'testimony'
      : audience === 'partner' || audience === 'cohost'
        ? 'partner'
        : audience === 'account'
          ? 'staff'
          : 'event',
  prepare: jest.fn(async () => ({ stale: 'not asked here' })),
});

function compileWith(preparers: NotificationPreparer[]) {
  return Test.createTestingModule({
    providers: [NotificationPreparers, { provide: NOTIFICATION_PREPARERS, useValue: preparers }],
  }).compile();
}

describe('NotificationPreparers', () => {
  it('stops the worker starting when an audience the registry names has no preparer, naming it', async () => {
    await expect(
      compileWith([
        preparer('registration'),
        preparer('testimony'),
        preparer('partner'),
        preparer('account'),
        preparer('cohost'),
      ]),
    ).rejects.toThrow(
      'Notification preparers: audience "staff" has 0 preparers. Every audience needs exactly one preparer.',
    );
  });

  it("gives a row its entry's audience's preparer, and none when that preparer does not read the row's subject", async () => {
    const registration = preparer('registration');
    const staff = preparer('staff');
    const preparers = (
      await compileWith([
        registration,
        staff,
        preparer('testimony'),
        preparer('partner'),
        preparer('account'),
        preparer('cohost'),
      ])
    ).get(NotificationPreparers);
    const lateTasks = { audience: 'staff' } as Parameters<NotificationPreparers['for']>[1];
    const confirmation = { audience: 'registration' } as Parameters<NotificationPreparers['for']>[1];
    expect(preparers.for({ subjectType: 'event' }, lateTasks)).toBe(staff);
    expect(preparers.for({ subjectType: 'event' }, confirmation)).toBe(registration);
    expect(preparers.for({ subjectType: 'partner' }, confirmation)).toBeNull();
  });
});
