import {
  COHOST_NOTIFICATION_KINDS,
  NOTIFICATION_KIND_VALUES,
  ACCOUNT_NOTIFICATION_KINDS,
  PARTNER_NOTIFICATION_KINDS,
  STAFF_NOTIFICATION_KINDS,
  TESTIMONY_NOTIFICATION_KINDS,
} from '../ledger/notification-kinds';
import { PayloadError } from '../ledger/notification-payloads';
import { NOTIFICATION_REGISTRY, notificationKindEntry, parsePayload } from './notification-registry';

describe('the registry of kinds of message', () => {
  it('has exactly one entry for every kind, under its own name', () => {
    expect(Object.keys(NOTIFICATION_REGISTRY).sort()).toEqual([...NOTIFICATION_KIND_VALUES].sort());
    for (const kind of NOTIFICATION_KIND_VALUES) expect(NOTIFICATION_REGISTRY[kind].kind).toBe(kind);
  });

  it('sends to staff exactly the staff kinds, and everything else to a registration', () => {
    const toStaff = NOTIFICATION_KIND_VALUES.filter(
      (kind) => NOTIFICATION_REGISTRY[kind].audience === 'staff',
    );
    expect(toStaff).toEqual([...STAFF_NOTIFICATION_KINDS]);
    const aboutTestimony = NOTIFICATION_KIND_VALUES.filter(
      (kind) => NOTIFICATION_REGISTRY[kind].audience === 'testimony',
    );
    expect(aboutTestimony).toEqual([...TESTIMONY_NOTIFICATION_KINDS]);
    for (const kind of aboutTestimony) expect(NOTIFICATION_REGISTRY[kind].subjectType).toBe('testimony');
    const aboutCohosting = NOTIFICATION_KIND_VALUES.filter(
      (kind) => NOTIFICATION_REGISTRY[kind].audience === 'cohost',
    );
    expect(aboutCohosting).toEqual([...COHOST_NOTIFICATION_KINDS]);
    for (const kind of aboutCohosting) expect(NOTIFICATION_REGISTRY[kind].subjectType).toBe('partner');
  });

  it('offers the person their link in every message but the two cancellations', () => {
    const withoutLink = NOTIFICATION_KIND_VALUES.filter((kind) => {
      const entry = NOTIFICATION_REGISTRY[kind];
      return entry.audience === 'registration' && !entry.carriesManageLink;
    });
    expect(withoutLink.sort()).toEqual(['cancellation', 'registration-cancelled']);
  });

  it('says what a reschedule does to each kind', () => {
    const by = (rule: string) =>
      NOTIFICATION_KIND_VALUES.filter((kind) => NOTIFICATION_REGISTRY[kind].onReschedule === rule).sort();
    expect(by('planned-afresh')).toEqual(
      ['confirmation', 'invitation', 'promoted', 'reminder', 'update', 'waitlisted'].sort(),
    );
    expect(by('kept')).toEqual(
      [
        ...STAFF_NOTIFICATION_KINDS,
        ...TESTIMONY_NOTIFICATION_KINDS,
        ...PARTNER_NOTIFICATION_KINDS,
        ...ACCOUNT_NOTIFICATION_KINDS,
        ...COHOST_NOTIFICATION_KINDS,
      ].sort(),
    );
    expect(by('again')).toEqual(
      ['access-arranged', 'manage-link', 'registration-cancelled', 'cancellation'].sort(),
    );
    const first = Object.fromEntries(
      NOTIFICATION_KIND_VALUES.flatMap((kind) => {
        const entry = NOTIFICATION_REGISTRY[kind];
        return entry.audience === 'registration' && entry.firstMessageFor
          ? [[kind, entry.firstMessageFor]]
          : [];
      }),
    );
    expect(first).toEqual({
      invitation: ['invited'],
      confirmation: ['confirmed'],
      promoted: ['confirmed'],
      waitlisted: ['waitlisted'],
    });
  });

  it('refuses a kind nobody registered', () => {
    expect(() => notificationKindEntry('postcard')).toThrow(
      new PayloadError('no message is built for the kind "postcard"'),
    );
  });
});

describe('parsePayload', () => {
  const parse = (kind: string, payload: unknown) => parsePayload(notificationKindEntry(kind), payload);

  it('reads what a kind needs', () => {
    expect(parse('reminder', { offset: 'P1D' })).toEqual({ offset: 'P1D' });
    expect(parse('access-arranged', { arranged: ['a BSL interpreter'], note: 'At the door' })).toEqual({
      arranged: ['a BSL interpreter'],
      note: 'At the door',
    });
    expect(parse('access-tasks-late', { taskIds: ['t1'] })).toEqual({ taskIds: ['t1'] });
  });

  it('refuses, with a PayloadError saying what is missing, a payload that does not fit', () => {
    expect(() => parse('reminder', {})).toThrow(
      new PayloadError('a reminder needs its offset (e.g. "P1D") in its payload'),
    );
    expect(() => parse('reminder', { offset: '  ' })).toThrow(PayloadError);
    expect(() => parse('access-arranged', { arranged: [] })).toThrow(
      new PayloadError('an access-arranged message needs what was arranged in its payload'),
    );
    expect(() => parse('access-tasks-late', { taskIds: 't1' })).toThrow(
      new PayloadError('an access-tasks-late row needs taskIds'),
    );
  });

  it('leaves out optional values that are blank or of the wrong shape, as before', () => {
    expect(parse('waitlisted', { position: 2 })).toEqual({ position: 2 });
    expect(parse('waitlisted', { position: 1.5 })).toEqual({ position: undefined });
    expect(parse('waitlisted', {})).toEqual({ position: undefined });
    expect(parse('cancellation', { reason: '   ' })).toEqual({ reason: undefined });
    expect(parse('cancellation', { reason: 'The hall flooded' })).toEqual({ reason: 'The hall flooded' });
  });
});
