import { hashSecretToken, newSecretToken } from '@roundtable/platform';
import request from 'supertest';
import { approvedPartner } from '../../../../test/support/partner-user';
import {
  bearer,
  countRows,
  createEvent,
  expectError,
  lettersFor,
  publishEvent,
  withClockAt,
} from '../../../../test/support/fixtures';
import { registrationOf } from '../../../../test/support/registered';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';

const contact = (n: number, overrides: Record<string, unknown> = {}) => ({
  name: `Carer ${lettersFor(n)}`,
  email: `Carer.${n}@Example.org`,
  ...overrides,
});

/** POST /api/v1/events/:id/invitations, and the unsubscribe list it respects. */
describe('invitations', () => {
  let api: TestApi;
  let staff: string;
  let day = 0;

  beforeAll(async () => {
    api = await createTestApi('invitations', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    staff = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  async function draftEvent() {
    const start = new Date(api.clock.now().getTime() + (20 + day++) * 86_400_000);
    return createEvent(api, staff, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
  }

  async function publishedEvent() {
    const event = await draftEvent();
    await publishEvent(api, staff, event.id);
    return event;
  }

  const invite = (eventId: string, body: unknown, token = staff) =>
    request(api.http)
      .post(`/api/v1/events/${eventId}/invitations`)
      .set(bearer(token))
      .send(body as object);

  /** The manage tokens of an event's invitations, by address, derived as the worker does. */
  async function invitationTokens(eventId: string): Promise<Map<string, string>> {
    const rows: Array<{ recipient_email: string }> = await api.dataSource.query(
      "SELECT recipient_email FROM notifications WHERE event_id = $1 AND kind = 'invitation'",
      [eventId],
    );
    const tokens = new Map<string, string>();
    for (const row of rows) {
      tokens.set(row.recipient_email, (await registrationOf(api, eventId, row.recipient_email)).manageToken);
    }
    return tokens;
  }

  async function writes() {
    return {
      registrations: await countRows(api, 'registrations'),
      notifications: await countRows(api, 'notifications'),
    };
  }

  it('invites everyone new once: a registration and a pending invitation each, repeats counted', async () => {
    const event = await publishedEvent();
    const res = await invite(event.id, {
      contacts: [contact(1), contact(2), contact(1, { email: ' CARER.1@example.org ' }), contact(3)],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ invited: 3, alreadyInvited: 0, unsubscribed: 0, duplicates: 1 });

    const rows = await api.dataSource.query(
      'SELECT email, name, status, invited_at IS NOT NULL AS has_invited_at, manage_token_hash FROM registrations WHERE event_id = $1 ORDER BY email',
      [event.id],
    );
    expect(rows.map((row: { email: string }) => row.email)).toEqual([
      'carer.1@example.org',
      'carer.2@example.org',
      'carer.3@example.org',
    ]);
    expect(rows.every((row: { status: string }) => row.status === 'invited')).toBe(true);
    expect(rows.every((row: { has_invited_at: boolean }) => row.has_invited_at)).toBe(true);

    // Each invitation's link is derived from its registration's seed, whose hash is the lookup;
    // no payload carries a token.
    const tokens = await invitationTokens(event.id);
    expect(tokens.size).toBe(3);
    for (const row of rows as Array<{ email: string; manage_token_hash: string }>) {
      expect(hashSecretToken(tokens.get(row.email)!)).toBe(row.manage_token_hash);
    }
    const ledger = await request(api.http)
      .get(`/api/v1/events/${event.id}/notifications`)
      .set(bearer(staff))
      .expect(200);
    expect(ledger.body.items).toHaveLength(3);
    expect(
      ledger.body.items.every((row: { kind: string; status: string }) => row.kind === 'invitation'),
    ).toBe(true);

    // The link works: the invited person can accept.
    const accepted = await request(api.http)
      .patch(`/api/v1/public/registrations/${tokens.get('carer.2@example.org')}`)
      .send({ response: 'accept' });
    expect(accepted.body).toMatchObject({ status: 'confirmed' });
  });

  it('does not invite anyone who already has a registration for the event, whatever its status', async () => {
    const event = await publishedEvent();
    const registered = await request(api.http)
      .post(`/api/v1/public/events/${event.id}/registrations`)
      .send({ name: 'Already Here', email: 'here@example.org', role: 'parent_carer' });
    expect(registered.status).toBe(202);
    await invite(event.id, { contacts: [contact(1)] }).expect(201);

    const again = await invite(event.id, {
      contacts: [contact(1), { name: 'Already Here', email: 'HERE@example.org' }, contact(2)],
    });
    expect(again.body).toEqual({ invited: 1, alreadyInvited: 2, unsubscribed: 0, duplicates: 0 });
    const [{ count }] = await api.dataSource.query(
      "SELECT count(*)::int AS count FROM notifications WHERE event_id = $1 AND kind = 'invitation'",
      [event.id],
    );
    expect(count).toBe(2);
    const [here] = await api.dataSource.query(
      "SELECT status FROM registrations WHERE event_id = $1 AND email = 'here@example.org'",
      [event.id],
    );
    expect(here.status).toBe('confirmed');
  });

  it('invites each person once when two requests with overlapping lists arrive together', async () => {
    const event = await publishedEvent();
    const first = Array.from({ length: 300 }, (_, n) => contact(n));
    const second = Array.from({ length: 300 }, (_, n) => contact(n + 150)).reverse();
    const [a, b] = await Promise.all([
      invite(event.id, { contacts: first }),
      invite(event.id, { contacts: second }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.invited + b.body.invited).toBe(450);
    expect(a.body.alreadyInvited + b.body.alreadyInvited).toBe(150);
    const [{ registrations, invitations }] = await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM registrations WHERE event_id = $1) AS registrations,
              (SELECT count(*)::int FROM notifications WHERE event_id = $1 AND kind = 'invitation') AS invitations`,
      [event.id],
    );
    expect({ registrations, invitations }).toEqual({ registrations: 450, invitations: 450 });
  });

  it('invites 10,000 people in one request', async () => {
    const event = await publishedEvent();
    const contacts = Array.from({ length: 10_000 }, (_, n) => ({
      name: `Person ${lettersFor(n)}`,
      email: `person.${n}@example.org`,
    }));
    const res = await invite(event.id, { contacts });
    expect({ status: res.status, body: res.body }).toEqual({
      status: 201,
      body: { invited: 10_000, alreadyInvited: 0, unsubscribed: 0, duplicates: 0 },
    });
    const [{ count }] = await api.dataSource.query(
      "SELECT count(*)::int AS count FROM notifications WHERE event_id = $1 AND kind = 'invitation' AND status = 'pending'",
      [event.id],
    );
    expect(count).toBe(10_000);
  }, 60_000);

  it('answers 413 with the route limit for a body over 2 MB', async () => {
    const event = await publishedEvent();
    const contacts = Array.from({ length: 30_000 }, (_, n) => ({
      name: `Somebody with a long name ${lettersFor(n)}`,
      email: `somebody.with.a.long.address.${n}@example.org`,
    }));
    const before = await writes();
    const res = await invite(event.id, { contacts });
    expect(expectError(res, 413)).toMatch(/limit of 2mb; send at most 10,000 contacts a request/);
    expect(await writes()).toEqual(before);
  });

  describe('skips an address that unsubscribed', () => {
    it('through the API, and later invitations to any event leave it out', async () => {
      const first = await publishedEvent();
      await invite(first.id, { contacts: [contact(1), contact(2)] }).expect(201);
      const token = (await invitationTokens(first.id)).get('carer.1@example.org')!;
      const res = await request(api.http).post(`/api/v1/public/registrations/${token}/unsubscribe`);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { unsubscribed: true } });

      // The list holds a hash, never the address.
      const list = await api.dataSource.query('SELECT address_hash, source FROM invitation_suppressions');
      expect(JSON.stringify(list)).not.toMatch(/carer/i);
      expect(list).toContainEqual(expect.objectContaining({ source: 'api' }));

      // The unsent invitation is withdrawn; the other person's is not.
      const statuses = await api.dataSource.query(
        "SELECT recipient_email, status FROM notifications WHERE event_id = $1 AND kind = 'invitation' ORDER BY recipient_email",
        [first.id],
      );
      expect(statuses).toEqual([
        { recipient_email: 'carer.1@example.org', status: 'superseded' },
        { recipient_email: 'carer.2@example.org', status: 'pending' },
      ]);

      const second = await publishedEvent();
      const later = await invite(second.id, {
        contacts: [contact(1, { email: 'CARER.1@EXAMPLE.ORG' }), contact(3)],
      });
      expect(later.body).toEqual({ invited: 1, alreadyInvited: 0, unsubscribed: 1, duplicates: 0 });
      expect([...(await invitationTokens(second.id)).keys()]).toEqual(['carer.3@example.org']);
    });

    it('is a 404 for a token that matches nothing', async () => {
      const res = await request(api.http).post(
        `/api/v1/public/registrations/${newSecretToken('rtm')}/unsubscribe`,
      );
      expect(expectError(res, 404)).toMatch(/link/);
      expect(expectError(await request(api.http).post('/api/v1/public/registrations/nope/unsubscribe'), 404));
    });
  });

  describe('refuses bad input, naming what to fix, and writes nothing', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'an invalid email',
        { contacts: [contact(1), contact(2), contact(3), contact(4, { email: 'carer4.example.org' })] },
        /contacts\[3\]\.email must be an email address/,
      ],
      ['a missing email', { contacts: [{ name: 'No Address' }] }, /contacts\[0\]\.email is missing/],
      ['an empty list', { contacts: [] }, /contacts must list at least one person/],
      ['no list', {}, /contacts must be a list/],
      ['a list that is not a list', { contacts: 'sam@example.org' }, /contacts must be a list/],
      [
        'too many people',
        { contacts: Array.from({ length: 10_001 }, (_, n) => ({ email: `p${n}@example.org` })) },
        /send at most 10000 in one request/,
      ],
      [
        'an unknown field in an entry',
        { contacts: [contact(1, { phone: '0121 000 0000' })] },
        /contacts\[0\]\.phone is not a field we accept/,
      ],
      ['an unknown top-level field', { contacts: [contact(1)], sendNow: true }, /sendNow/],
      [
        'a name that is not text',
        { contacts: [contact(1, { name: 7 })] },
        /contacts\[0\]\.name must be text/,
      ],
    ];

    it.each(cases)('%s is a 400', async (_, body, message) => {
      const event = await publishedEvent();
      const before = await writes();
      expect(expectError(await invite(event.id, body), 400)).toMatch(message);
      expect(await writes()).toEqual(before);
    });

    it('a draft event is a 409 saying to publish it first', async () => {
      const event = await draftEvent();
      const before = await writes();
      expect(expectError(await invite(event.id, { contacts: [contact(1)] }), 409)).toMatch(
        /draft: publish it/,
      );
      expect(await writes()).toEqual(before);
    });

    it('a cancelled event is a 409', async () => {
      const event = await publishedEvent();
      await request(api.http)
        .post(`/api/v1/events/${event.id}/cancel`)
        .set(bearer(staff))
        .send({ reason: 'The venue flooded' })
        .expect(200);
      const before = await writes();
      expect(expectError(await invite(event.id, { contacts: [contact(1)] }), 409)).toMatch(/cancelled/);
      expect(await writes()).toEqual(before);
    });

    it('an event that has started is a 409', async () => {
      const event = await publishedEvent();
      const before = await writes();
      await withClockAt(api, new Date(new Date(event.startsAt).getTime() + 60_000), async (token) => {
        expect(expectError(await invite(event.id, { contacts: [contact(1)] }, token), 409)).toMatch(
          /already started/,
        );
      });
      expect(await writes()).toEqual(before);
    });

    it('an unknown event is a 404', async () => {
      expectError(await invite('6f1c3c1e-0000-4000-8000-000000000000', { contacts: [contact(1)] }), 404);
      expectError(await invite('not-an-id', { contacts: [contact(1)] }), 404);
    });
  });

  describe('who may invite', () => {
    it('is 401 without a token, and writes nothing', async () => {
      const event = await publishedEvent();
      const before = await writes();
      const res = await request(api.http)
        .post(`/api/v1/events/${event.id}/invitations`)
        .send({ contacts: [contact(1)] });
      expectError(res, 401);
      expect(await writes()).toEqual(before);
    });

    it('is 404 for a partner user whose organisation does not co-host the event, and writes nothing', async () => {
      const event = await publishedEvent();
      const { token } = await approvedPartner(api);
      const before = await writes();
      expectError(await invite(event.id, { contacts: [contact(1)] }, token), 404);
      expect(await writes()).toEqual(before);
    });

    it('is allowed for an admin', async () => {
      const event = await publishedEvent();
      const admin = await request(api.http).post('/api/v1/auth/login').send(ADMIN).expect(200);
      const res = await invite(event.id, { contacts: [contact(1)] }, admin.body.token);
      expect(res.status).toBe(201);
    });
  });
});
