import type { EventEntity } from '@roundtable/events';
import {
  inviteUid,
  previousEventPayload,
  type NotificationKind,
  type NotificationPayload,
} from '@roundtable/notifications';
import type { Registration, RegistrationStatus } from '@roundtable/registrations';
import { hashSecretToken, newSecretToken } from '@roundtable/platform';
import { addressHash } from '@roundtable/registrations';
import { randomBytes } from 'node:crypto';
import { calendarOf } from '../../../../test/support/calendar-part';
import { manageTokenIn } from '../../../../test/support/manage-link-in-mail';
import { RegistrationMessageReader } from './preparers/registration-message-reader';
import {
  createNotificationTestBed,
  eventually,
  type NotificationTestBed,
} from '../../../../test/support/notification-test-bed';
import {
  allSettled,
  ledgerRow,
  plan,
  plannedFor,
  seedEvent,
  seedRegistration,
} from '../../../../test/support/notification-seed';

interface KindCase {
  kind: NotificationKind;
  status: RegistrationStatus;
  /** Which seeded event: the one moved once, or the cancelled one. */
  cancelledEvent?: boolean;
  payload?: (token: string, event: EventEntity) => NotificationPayload;
  calendar: { method: 'REQUEST' | 'CANCEL'; partstat: string } | null;
  /** Whether the message carries the private link: every kind but the cancellations (derived when sent). */
  manageLink: boolean;
  /** A line of the text that shows the payload was read. */
  says?: string;
}

const KINDS: KindCase[] = [
  {
    kind: 'invitation',
    status: 'invited',
    calendar: { method: 'REQUEST', partstat: 'NEEDS-ACTION' },
    manageLink: true,
  },
  {
    kind: 'confirmation',
    status: 'confirmed',
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED' },
    manageLink: true,
    says: 'A British Sign Language (BSL) interpreter',
  },
  {
    kind: 'waitlisted',
    status: 'waitlisted',
    payload: () => ({ position: 3 }),
    calendar: null,
    manageLink: true,
    says: 'You are number 3 on the waiting list.',
  },
  {
    kind: 'promoted',
    status: 'confirmed',
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED' },
    manageLink: true,
  },
  {
    kind: 'update',
    status: 'confirmed',
    payload: (_, event) =>
      previousEventPayload({
        ...event,
        startsAt: new Date(event.startsAt.getTime() - 86_400_000),
        endsAt: new Date(event.endsAt.getTime() - 86_400_000),
      }),
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED' },
    manageLink: true,
    says: 'Old time:',
  },
  {
    kind: 'cancellation',
    status: 'confirmed',
    cancelledEvent: true,
    calendar: { method: 'CANCEL', partstat: 'ACCEPTED' },
    manageLink: false,
    says: 'The library has flooded.',
  },
  {
    kind: 'registration-cancelled',
    status: 'cancelled',
    calendar: { method: 'CANCEL', partstat: 'ACCEPTED' },
    manageLink: false,
    says: 'You have cancelled your place',
  },
  {
    kind: 'reminder',
    status: 'confirmed',
    payload: () => ({ offset: 'P1D' }),
    calendar: { method: 'REQUEST', partstat: 'ACCEPTED' },
    manageLink: true,
    says: 'is tomorrow',
  },
  {
    kind: 'access-arranged',
    status: 'confirmed',
    payload: () => ({ arranged: ['a BSL interpreter'], note: 'Your interpreter will meet you at the door.' }),
    calendar: null,
    manageLink: true,
    says: 'We have arranged a BSL interpreter for you',
  },
];

describe('the worker sends the ledger', () => {
  let bed: NotificationTestBed;
  beforeAll(async () => {
    bed = await createNotificationTestBed('notification-delivery');
  });
  afterAll(() => bed?.close());

  describe('each kind of message, once, with the right calendar part', () => {
    let moved: EventEntity;
    let cancelled: EventEntity;
    const sent = new Map<NotificationKind, { id: string; registration: Registration; token: string }>();

    beforeAll(async () => {
      // Moved once (SEQUENCE 1) and hybrid, so the joining link shows who gets it.
      moved = await seedEvent(bed.dataSource, { sequence: 1, onlineUrl: 'https://meet.example.org/ehc' });
      cancelled = await seedEvent(bed.dataSource, {
        sequence: 2,
        status: 'cancelled',
        cancelReason: 'The library has flooded.',
        cancelledAt: new Date(),
      });
      for (const kindCase of KINDS) {
        const event = kindCase.cancelledEvent ? cancelled : moved;
        const { registration, manageToken } = await seedRegistration(bed.dataSource, event, kindCase.status, {
          accessNeeds: kindCase.kind === 'confirmation' ? ['bsl_interpreter'] : [],
          // Joining the hybrid event online: the joining link is theirs once they have a place.
          attendance: 'online',
        });
        const [row] = await plan(bed, [
          plannedFor(kindCase.kind, event, registration, { payload: kindCase.payload?.(manageToken, event) }),
        ]);
        sent.set(kindCase.kind, { id: row.id, registration, token: manageToken });
      }
      const ids = [...sent.values()].map(({ id }) => id);
      await eventually('every kind sent', () => allSettled(bed, ids));
    });

    it.each(KINDS.map((kindCase) => [kindCase.kind, kindCase] as const))(
      '%s',
      async (_, { kind, calendar, manageLink, says, cancelledEvent }) => {
        const { id, registration, token } = sent.get(kind)!;
        const event = cancelledEvent ? cancelled : moved;
        const mails = bed.sink.for(id);
        expect(mails).toHaveLength(1);
        const [mail] = mails;

        const row = await ledgerRow(bed, id);
        expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
        expect(row.smtpMessageId).toBe(mail.parsed.messageId);
        expect(row.smtpMessageId).toBe(`<${id}@roundtable.test>`);
        expect(row.sentAt).toBeInstanceOf(Date);
        // The raw private-link token is kept no longer than it is needed.
        expect(row.payload).not.toHaveProperty('manageToken');

        expect(mail.envelopeTo).toEqual([registration.email]);
        expect(mail.parsed.to).toMatchObject({
          value: [{ address: registration.email, name: registration.name }],
        });
        expect(mail.parsed.from).toMatchObject({
          value: [{ address: 'office@roundtable.test', name: 'Halesowen Constituency Office' }],
        });
        const text = mail.parsed.text ?? '';
        expect(text).toContain(registration.name);
        if (says) expect(text).toContain(says);
        const eventUrl = `https://roundtable.test/events/${event.id}`;
        if (manageLink) expect(text).toContain(`https://roundtable.test/manage/${token}`);
        else expect(text).not.toContain(token);
        // Without the token, "change or cancel your place" leads to the public event page.
        if (!manageLink && kind !== 'cancellation') expect(text).toContain(eventUrl);
        // The joining link goes to people with a place, and never in an invitation or waitlisting.
        const joins = registration.status === 'confirmed' && !cancelledEvent;
        expect(text.includes('https://meet.example.org/ehc')).toBe(joins);

        const invite = calendarOf(mail);
        if (!calendar) {
          expect(invite).toBeNull();
          return;
        }
        expect(invite).toEqual({
          mimeMethod: calendar.method,
          method: calendar.method,
          uid: inviteUid(event.id, registration.id),
          sequence: event.sequence,
          status: calendar.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
          start: event.startsAt,
          partstat: calendar.partstat,
          url: eventUrl,
        });
      },
    );

    it('sends an invitation with accept, decline and one-click unsubscribe links', () => {
      const { id, token } = sent.get('invitation')!;
      const [mail] = bed.sink.for(id);
      const manageUrl = `https://roundtable.test/manage/${token}`;
      expect(mail.parsed.text).toContain(`${manageUrl}/accept`);
      expect(mail.parsed.text).toContain(`${manageUrl}/decline`);
      expect(mail.parsed.headers.get('list')).toMatchObject({
        unsubscribe: { url: `${manageUrl}/unsubscribe` },
      });
    });
  });

  describe('a row that is no longer current is superseded and never sent', () => {
    it('when the event has moved on since the row was planned', async () => {
      const event = await seedEvent(bed.dataSource, { sequence: 2 });
      const { registration } = await seedRegistration(bed.dataSource, event);
      const [row] = await plan(bed, [plannedFor('confirmation', event, registration, { eventSequence: 1 })]);
      await eventually('the stale row settled', () => allSettled(bed, [row.id]));
      expect(await ledgerRow(bed, row.id)).toMatchObject({
        status: 'superseded',
        attempts: 1,
        smtpMessageId: null,
      });
      expect((await ledgerRow(bed, row.id)).payload).toEqual({});
      expect(bed.sink.for(row.id)).toEqual([]);
    });

    it('when the registration was cancelled, or the event was', async () => {
      const event = await seedEvent(bed.dataSource);
      const gaveUp = await seedRegistration(bed.dataSource, event, 'cancelled');
      const off = await seedEvent(bed.dataSource, {
        status: 'cancelled',
        sequence: 1,
        cancelReason: 'Flood.',
      });
      const stillBooked = await seedRegistration(bed.dataSource, off, 'confirmed');
      const rows = await plan(bed, [
        plannedFor('reminder', event, gaveUp.registration, { payload: { offset: 'P1D' } }),
        plannedFor('reminder', off, stillBooked.registration, { payload: { offset: 'P1D' } }),
      ]);
      const ids = rows.map((row) => row.id);
      await eventually('both settled', () => allSettled(bed, ids));
      for (const id of ids) {
        expect(await ledgerRow(bed, id)).toMatchObject({ status: 'superseded', smtpMessageId: null });
        expect(bed.sink.for(id)).toEqual([]);
      }
    });

    it('when the planner superseded it before its job ran', async () => {
      const event = await seedEvent(bed.dataSource);
      const { registration } = await seedRegistration(bed.dataSource, event);
      const [row] = await plan(bed, [
        plannedFor('reminder', event, registration, {
          payload: { offset: 'P1D' },
          sendAt: new Date(Date.now() + 1_500),
        }),
      ]);
      // The event is rescheduled: its change supersedes what was planned at the old sequence.
      await bed.dataSource.transaction((manager) =>
        bed.ledger.supersedeBefore(manager, event.id, event.sequence + 1),
      );
      await eventually(
        'its delayed job has run',
        async () => (await bed.queue.getJob(row.id))?.finishedOn !== undefined,
      );
      expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'superseded', attempts: 0 });
      expect(bed.sink.for(row.id)).toEqual([]);
    });
  });

  it('sends a reminder planned a few seconds ahead once, when it is due', async () => {
    const event = await seedEvent(bed.dataSource);
    const { registration } = await seedRegistration(bed.dataSource, event);
    const sendAt = new Date(Date.now() + 3_000);
    const [row] = await plan(bed, [
      plannedFor('reminder', event, registration, { payload: { offset: 'PT2H' }, sendAt }),
    ]);
    await eventually('the reminder sent', () => allSettled(bed, [row.id]));
    const sent = await ledgerRow(bed, row.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(sendAt.getTime());
    expect(bed.sink.for(row.id)).toHaveLength(1);
    expect(bed.sink.for(row.id)[0].parsed.subject).toContain('is in 2 hours');
  });

  it('sends a row planned twice (a retried request) once: the idempotency key and the job id', async () => {
    const event = await seedEvent(bed.dataSource);
    const { registration } = await seedRegistration(bed.dataSource, event);
    const planned = plannedFor('promoted', event, registration);
    const [row] = await plan(bed, [planned]);
    expect(await plan(bed, [planned])).toEqual([]);
    // The same row enqueued again, as an outbox retry or the sweeper might.
    await bed.outbox.enqueue([row]);
    await eventually('sent', () => allSettled(bed, [row.id]));
    await bed.outbox.enqueue([row]);
    await eventually(
      'the second job, if any, has run',
      async () => (await bed.queue.getJob(row.id))?.finishedOn !== undefined,
    );
    expect(bed.sink.for(row.id)).toHaveLength(1);
    expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('fails a row it cannot build a message from at once, saying why', async () => {
    const event = await seedEvent(bed.dataSource);
    const { registration } = await seedRegistration(bed.dataSource, event, 'confirmed');
    const [row] = await plan(bed, [plannedFor('reminder', event, registration)]);
    await eventually('settled', () => allSettled(bed, [row.id]));
    expect(await ledgerRow(bed, row.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'could not build the message: a reminder needs its offset (e.g. "P1D") in its payload',
    });
    expect(bed.sink.for(row.id)).toEqual([]);
  });

  describe.each([
    ['made before derived links (no seed)', { linkNonce: null, linkKeyId: null }],
    ['made under a key since taken out of LINK_KEYS', { linkNonce: 'an-old-nonce', linkKeyId: 'retired' }],
  ])('a registration %s', (_, seed) => {
    it('is given a new, working link when it is next emailed, and keeps it; the old link stops working', async () => {
      const event = await seedEvent(bed.dataSource);
      const oldToken = newSecretToken('rtm');
      const { registration } = await seedRegistration(bed.dataSource, event, 'confirmed', {
        ...seed,
        manageTokenHash: hashSecretToken(oldToken),
      });
      const [first] = await plan(bed, [
        plannedFor('reminder', event, registration, { payload: { offset: 'P1D' } }),
      ]);
      await eventually('sent', () => allSettled(bed, [first.id]));
      const token = manageTokenIn(bed.sink.for(first.id)[0]);
      expect(token).not.toBe(oldToken);
      const [row] = await bed.dataSource.query(
        'SELECT manage_token_hash, link_nonce, link_key_id FROM registrations WHERE id = $1',
        [registration.id],
      );
      expect(row.manage_token_hash).toBe(hashSecretToken(token));
      expect(row.link_key_id).toBe('test');
      expect(row.link_nonce).not.toBe(seed.linkNonce);

      const [second] = await plan(bed, [
        plannedFor('reminder', event, registration, { payload: { offset: 'PT2H' } }),
      ]);
      await eventually('sent', () => allSettled(bed, [second.id]));
      expect(manageTokenIn(bed.sink.for(second.id)[0])).toBe(token);
      expect(bed.logs.join('\n')).toContain(
        `Registration ${registration.id}: given a new manage link; older links to it no longer work`,
      );
    });
  });

  it('does not re-key an unseeded registration for a message that offers no link (its cancellation)', async () => {
    const event = await seedEvent(bed.dataSource);
    const oldHash = hashSecretToken(newSecretToken('rtm'));
    const { registration } = await seedRegistration(bed.dataSource, event, 'cancelled', {
      linkNonce: null,
      linkKeyId: null,
      manageTokenHash: oldHash,
    });
    const [row] = await plan(bed, [plannedFor('registration-cancelled', event, registration)]);
    await eventually('sent', () => allSettled(bed, [row.id]));
    expect(bed.sink.for(row.id)).toHaveLength(1);
    const [after] = await bed.dataSource.query(
      'SELECT manage_token_hash, link_nonce FROM registrations WHERE id = $1',
      [registration.id],
    );
    expect(after).toEqual({ manage_token_hash: oldHash, link_nonce: null });
  });

  it('reads the co-hosts, the inviting partner, the unsubscribe list and the venue as they are when it sends', async () => {
    const event = await seedEvent(bed.dataSource);
    const partner = async (name: string): Promise<string> => {
      const [row] = await bed.dataSource.query(
        `INSERT INTO partners (name, contact_name, contact_email, description, status)
         VALUES ($1, 'A contact', $2, 'A charity.', 'approved') RETURNING id`,
        [name, `${randomBytes(4).toString('hex')}@partner.example.org`],
      );
      return row.id as string;
    };
    const cohost = (partnerId: string) =>
      bed.dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
        event.id,
        partnerId,
      ]);
    const parents = await partner('Parents Together');
    await cohost(parents);
    await cohost(await partner('Autism Dudley'));
    const invited = await seedRegistration(bed.dataSource, event, 'invited', { invitedByPartnerId: parents });
    const optedOut = await seedRegistration(bed.dataSource, event, 'invited');
    await bed.dataSource.query(
      "INSERT INTO invitation_suppressions (address_hash, source) VALUES ($1, 'one-click')",
      [addressHash(optedOut.registration.email!.toUpperCase())],
    );
    const [invitation, unsent] = await plan(bed, [
      plannedFor('invitation', event, invited.registration),
      plannedFor('invitation', event, optedOut.registration),
    ]);
    await eventually('both settled', () => allSettled(bed, [invitation.id, unsent.id]));
    const [mail] = bed.sink.for(invitation.id);
    expect(mail.parsed.text).toContain('Parents Together invited you');
    expect(mail.parsed.text).toContain('with Autism Dudley and Parents Together.');
    const invite = mail.parsed.attachments.find((part) => part.contentType === 'text/calendar');
    // Unfolded (RFC 5545 3.1): a long line may be folded anywhere.
    expect(invite?.content.toString('utf8').replace(/\r\n /g, '')).toContain(
      'with Autism Dudley and Parents Together.',
    );
    expect(await ledgerRow(bed, unsent.id)).toMatchObject({ status: 'superseded', smtpMessageId: null });
    expect(bed.sink.for(unsent.id)).toEqual([]);

    // The next message after a change shows it: a renamed venue and partner, another co-host.
    await bed.dataSource.query("UPDATE venues SET name = 'Cornbow Hall' WHERE id = $1", [event.venueId]);
    await bed.dataSource.query("UPDATE partners SET name = 'Parents Together Dudley' WHERE id = $1", [
      parents,
    ]);
    await cohost(await partner('Black Country Carers'));
    const [link] = await plan(bed, [plannedFor('manage-link', event, invited.registration)]);
    await eventually('sent', () => allSettled(bed, [link.id]));
    const [after] = bed.sink.for(link.id);
    expect(after.parsed.text).toContain('Cornbow Hall');
    expect(after.parsed.text).toContain(
      'with Autism Dudley, Black Country Carers and Parents Together Dudley.',
    );
  });

  it('holds back an invitation to an address that unsubscribed however it is written, and sends the rest', async () => {
    // The claim looks plain ASCII addresses up itself (hashed in SQL); any other address is
    // looked up with addressHash after the claim. Both must find what addressHash wrote, and the
    // read after the claim must run only for the addresses the claim leaves to it.
    const reads = jest.spyOn(RegistrationMessageReader.prototype, 'read');
    const event = await seedEvent(bed.dataSource);
    const tag = randomBytes(3).toString('hex');
    const optedOut = [`Carer-${tag}@Example.ORG`, ` carer-${tag}-b@example.org `, `zoë-${tag}@example.org`];
    const seeded = await Promise.all(
      [...optedOut, `Other-${tag}@Example.org`].map((email) =>
        seedRegistration(bed.dataSource, event, 'invited', { email }),
      ),
    );
    for (const email of optedOut) {
      await bed.dataSource.query(
        "INSERT INTO invitation_suppressions (address_hash, source) VALUES ($1, 'api')",
        [addressHash(email.trim().toLowerCase())],
      );
    }
    const rows = await plan(
      bed,
      seeded.map(({ registration }) => plannedFor('invitation', event, registration)),
    );
    await eventually('all settled', () => allSettled(bed, rows.map((row) => row.id)));
    for (const row of rows.slice(0, 3)) {
      expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'superseded', smtpMessageId: null });
      expect(bed.sink.for(row.id)).toEqual([]);
    }
    expect(await ledgerRow(bed, rows[3].id)).toMatchObject({ status: 'sent' });
    expect(bed.sink.for(rows[3].id)).toHaveLength(1);
    const readFor = new Set(reads.mock.calls.map(([registrationId]) => registrationId));
    reads.mockRestore();
    expect(seeded.map(({ registration }) => readFor.has(registration.id))).toEqual([false, true, true, false]);
  });

  it('sends a reminder and a confirmation to an address on the unsubscribe list: only invitations are held back', async () => {
    const event = await seedEvent(bed.dataSource);
    const email = `Unsubscribed-${randomBytes(3).toString('hex')}@Example.org`;
    const { registration } = await seedRegistration(bed.dataSource, event, 'confirmed', { email });
    await bed.dataSource.query(
      "INSERT INTO invitation_suppressions (address_hash, source) VALUES ($1, 'api')",
      [addressHash(email.toLowerCase())],
    );
    const rows = await plan(bed, [
      plannedFor('reminder', event, registration, { payload: { offset: 'P1D' } }),
      plannedFor('confirmation', event, registration),
    ]);
    await eventually('both settled', () => allSettled(bed, rows.map((row) => row.id)));
    for (const row of rows) {
      expect(await ledgerRow(bed, row.id)).toMatchObject({ status: 'sent' });
      expect(bed.sink.for(row.id)).toHaveLength(1);
    }
  });

  it('logs ids, never a name or an email address', () => {
    const logs = bed.logs.join('\n');
    expect(logs).toMatch(
      /Sent confirmation notification [0-9a-f-]{36}, job [0-9a-f-]{36}, event [0-9a-f-]{36}/,
    );
    expect(logs).not.toMatch(/@example\.org|Sam Carer/);
  });
});
