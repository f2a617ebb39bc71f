import request from 'supertest';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';
import { bearer, expectError } from '../../../../test/support/fixtures';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import type { ReceivedMail, SmtpSink } from '../../../../test/support/smtp-sink';
import { ADMIN, type TestApi } from '../../../../test/support/test-app';

const PASSWORD_LINK = /https:\/\/roundtable\.test\/password\/(rtp_[A-Za-z0-9_-]{43})/;
const FORMAT_MESSAGE = 'SC0 and five digits in Scotland';

let registrations = 0;
const organisation = (overrides: Record<string, unknown> = {}) => {
  registrations += 1;
  return {
    name: `Carers Together ${registrations}`,
    contactName: 'Pat Okafor',
    contactEmail: `contact-${registrations}@carers.example`,
    description: 'We support unpaid carers of children with SEND.',
    areas: ['halesowen-north', 'dudley'],
    ...overrides,
  };
};

/**
 * Partner onboarding end to end: the real api takes a registration, the real worker tells staff
 * and the contact through an SMTP sink, and the emailed link sets a password that signs in.
 */
describe('partner registration, approval and accounts', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let admin: string;
  let organiser: string;
  let organiserEmail: string;

  beforeAll(async () => {
    world = await startApiWithWorker('partner-onboarding', followingTheWorker(TEST_JOB_POLICY));
    ({ api, sink } = world);
    admin = await api.tokenFor('admin');
    organiser = await api.tokenFor('organiser');
    const [row] = await api.dataSource.query(`SELECT email FROM users WHERE role = 'organiser'`);
    organiserEmail = row.email;
  });
  afterAll(() => world?.close());

  const register = (body: object) => {
    world.tick();
    return request(api.http).post('/api/v1/public/partners').send(body);
  };
  const as = (token: string) => ({
    post: (path: string, body: object = {}) => {
      world.tick();
      return request(api.http).post(path).set(bearer(token)).send(body);
    },
    get: (path: string) => request(api.http).get(path).set(bearer(token)),
  });

  async function mailTo(address: string, kind: string, subjectId: string): Promise<ReceivedMail> {
    const ids = async (): Promise<string[]> =>
      (
        await api.dataSource.query(
          'SELECT id FROM notifications WHERE kind = $1 AND subject_id = $2 AND recipient_email = $3',
          [kind, subjectId, address],
        )
      ).map((row: { id: string }) => row.id);
    await eventually(`${kind} to ${address}`, async () =>
      (await ids()).some((id) => sink.for(id).length > 0),
    );
    const [id] = (await ids()).filter((each) => sink.for(each).length > 0);
    return sink.for(id)[0];
  }

  const linkIn = (mail: ReceivedMail): string => {
    const match = PASSWORD_LINK.exec(mail.parsed.text ?? '');
    if (!match) throw new Error(`no set-password link in: ${mail.parsed.text}`);
    return match[1];
  };

  async function approved(body = organisation()) {
    const { id } = (await register(body).expect(201)).body;
    await as(organiser).post(`/api/v1/partners/${id}/approve`).expect(200);
    const mail = await mailTo(body.contactEmail as string, 'partner-approved', id);
    return { id, body, mail, token: linkIn(mail) };
  }

  const setPassword = (token: string, password: string) => {
    world.tick();
    return request(api.http).post(`/api/v1/public/password-links/${token}`).send({ password });
  };

  const signIn = (email: string, password: string) => {
    world.tick();
    return request(api.http).post('/api/v1/auth/login').send({ email, password });
  };

  it('takes a registration as pending, says only its id and status, and tells every active member of staff', async () => {
    const body = organisation({ charityNumber: 'sc 040268' });
    const res = await register(body).expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'status']);
    expect(res.body.status).toBe('pending');
    const [row] = await api.dataSource.query('SELECT * FROM partners WHERE id = $1', [res.body.id]);
    expect(row).toMatchObject({
      status: 'pending',
      charity_number: 'SC040268',
      charity_register: 'scotland',
      contact_email: body.contactEmail,
      areas: ['halesowen-north', 'dudley'],
    });
    for (const address of [ADMIN.email, organiserEmail]) {
      const mail = await mailTo(address, 'partner-registered', res.body.id);
      expect(mail.parsed.subject).toContain(body.name);
      expect(mail.parsed.text).toContain(`https://roundtable.test/staff/partners/${res.body.id}`);
      // The contact's address stays on the staff page.
      expect(mail.parsed.text).not.toContain(body.contactEmail);
    }
  });

  it('refuses a charity number or contact email already registered, naming neither the organisation nor its contact', async () => {
    const first = organisation({ charityNumber: '1123456' });
    await register(first).expect(201);
    const sameNumber = await register(organisation({ charityNumber: '1123456' }));
    const numberMessage = expectError(sameNumber, 409);
    expect(numberMessage).toContain('an organisation with this charity number is already registered');
    const sameEmail = await register(organisation({ contactEmail: first.contactEmail.toUpperCase() }));
    const emailMessage = expectError(sameEmail, 409);
    expect(emailMessage).toContain('an organisation with this contact email is already registered');
    for (const message of [
      numberMessage,
      emailMessage,
      JSON.stringify(sameNumber.body),
      JSON.stringify(sameEmail.body),
    ]) {
      expect(message).not.toContain(first.name);
      expect(message).not.toContain(first.contactName);
    }
    expect(JSON.stringify(sameNumber.body)).not.toContain(first.contactEmail);
  });

  it.each(['12345', 'SC12345', 'NIC12345', '12345678', 'SC0402681', 'registered charity'])(
    'refuses the charity number %p with a 400 that gives each register’s format',
    async (charityNumber) => {
      const res = await register(organisation({ charityNumber }));
      expect(expectError(res, 400)).toContain(FORMAT_MESSAGE);
    },
  );

  // SC040268 (Scotland) is taken by the first test, in lower case and with a space.
  it.each(['1123456-1', 'NIC100002', '212345', 'SC012345'])(
    'takes the charity number %p',
    async (charityNumber) => {
      await register(organisation({ charityNumber })).expect(201);
    },
  );

  it('refuses areas outside the list and an empty description, naming the fields', async () => {
    const res = await register(organisation({ areas: ['atlantis'], description: '' }));
    const message = expectError(res, 400);
    expect(message).toContain('areas');
    expect(message).toContain('description');
  });

  it('approves: the contact becomes a partner user, is emailed a single-use link, sets a password and signs in', async () => {
    const { id, body, mail, token } = await approved();
    expect(mail.parsed.subject).toContain(body.name);
    const [ledger] = await api.dataSource.query(
      `SELECT payload::text AS payload FROM notifications WHERE kind = 'partner-approved' AND subject_id = $1`,
      [id],
    );
    expect(ledger.payload).not.toContain('rtp_');
    const [link] = await api.dataSource.query('SELECT * FROM password_links');
    expect(JSON.stringify(link)).not.toContain(token);

    const detail = (await as(admin).get(`/api/v1/partners/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ id, status: 'approved', name: body.name });
    expect(detail.users).toEqual([
      expect.objectContaining({
        email: body.contactEmail,
        name: body.contactName,
        role: 'partner',
        partnerId: id,
      }),
    ]);
    await signIn(body.contactEmail, 'a-new-partner-password').expect(401);

    await setPassword(token, 'short').expect(400);
    await setPassword(token, 'a-new-partner-password').expect(204);
    const login = await signIn(body.contactEmail, 'a-new-partner-password').expect(200);
    expect(login.body.user).toMatchObject({ role: 'partner', partnerId: id });

    const again = await setPassword(token, 'another-partner-password');
    expect(expectError(again, 410)).toContain('already been used');
    await setPassword(`rtp_${'A'.repeat(43)}`, 'another-partner-password').expect(404);
    await setPassword('not-a-link', 'another-partner-password').expect(404);

    const actions = await api.dataSource.query(
      `SELECT action FROM audit_log WHERE subject_id = $1 OR subject_id = $2 ORDER BY at`,
      [id, detail.users[0].id],
    );
    expect(actions.map((row: { action: string }) => row.action).sort()).toEqual(
      ['partner.approve', 'password.set', 'user.create'].sort(),
    );
  });

  it('refuses to decide twice: approving or rejecting a partner that is not pending is a 409', async () => {
    const { id } = await approved();
    expectError(await as(admin).post(`/api/v1/partners/${id}/approve`), 409);
    expectError(await as(admin).post(`/api/v1/partners/${id}/reject`, { reason: 'Too late' }), 409);
    expectError(await as(admin).post(`/api/v1/partners/00000000-0000-4000-8000-000000000000/approve`), 404);
  });

  it('rejects with a reason that is emailed to the contact, and audited', async () => {
    const body = organisation();
    const { id } = (await register(body).expect(201)).body;
    expectError(await as(organiser).post(`/api/v1/partners/${id}/reject`, {}), 400);
    const res = await as(organiser)
      .post(`/api/v1/partners/${id}/reject`, {
        reason: 'We work only with organisations in the constituency.',
      })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'We work only with organisations in the constituency.',
    });
    const mail = await mailTo(body.contactEmail, 'partner-rejected', id);
    expect(mail.parsed.text).toContain('We work only with organisations in the constituency.');
    const [entry] = await api.dataSource.query(`SELECT action FROM audit_log WHERE subject_id = $1`, [id]);
    expect(entry.action).toBe('partner.reject');
  });

  it('lists the queue pending first, by status and a page at a time', async () => {
    const all = (await as(organiser).get('/api/v1/partners?limit=200').expect(200)).body;
    expect(all.total).toBeGreaterThan(3);
    const statuses: string[] = all.items.map((item: { status: string }) => item.status);
    expect(statuses.indexOf('approved')).toBeGreaterThan(statuses.lastIndexOf('pending'));
    const pending = (await as(organiser).get('/api/v1/partners?status=pending&limit=1').expect(200)).body;
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0].status).toBe('pending');
    expectError(await as(organiser).get('/api/v1/partners?status=maybe'), 400);
  });

  it('lets staff add a partner user, who is emailed a welcome link that expires', async () => {
    const { id } = await approved();
    const email = `member-${Date.now()}@carers.example`;
    const created = await as(organiser)
      .post('/api/v1/users', { email, name: 'Sam Member', role: 'partner', partnerId: id })
      .expect(201);
    expect(created.body).toMatchObject({ email, role: 'partner', partnerId: id });
    expect(created.body.initialPassword).toBeUndefined();
    const mail = await mailTo(email, 'password-link', created.body.id);
    expect(mail.parsed.text).toContain('Sam Member');
    const token = linkIn(mail);
    // 72 hours by default: a minute past, the link is refused as expired.
    api.clock.set(new Date(Date.now() + 72 * 3_600_000 + 60_000));
    const late = await request(api.http)
      .post(`/api/v1/public/password-links/${token}`)
      .send({ password: 'a-late-partner-password' });
    expect(expectError(late, 410)).toContain('expired');
    await signIn(email, 'a-late-partner-password').expect(401);
  });

  it('adds partner users only to an approved partner, and staff users only as an admin', async () => {
    const pending = (await register(organisation()).expect(201)).body.id;
    const user = (partnerId: string) => ({
      email: `someone-${Date.now()}-${Math.random()}@carers.example`,
      name: 'Sam Member',
      role: 'partner',
      partnerId,
    });
    expect(expectError(await as(admin).post('/api/v1/users', user(pending)), 400)).toContain('approved');
    expectError(await as(admin).post('/api/v1/users', user('00000000-0000-4000-8000-000000000000')), 404);
    const { partnerId: _, ...noPartner } = user(pending);
    expect(expectError(await as(admin).post('/api/v1/users', noPartner), 400)).toContain('partnerId');
    const staff = { email: `staff-${Date.now()}@roundtable.test`, name: 'Olu Organiser', role: 'organiser' };
    expectError(await as(organiser).post('/api/v1/users', staff), 403);
    await as(admin).post('/api/v1/users', staff).expect(201);
  });

  it('deactivates a user: their token stops working at once and they cannot sign in again', async () => {
    const { id, body, token } = await approved();
    await setPassword(token, 'a-partner-password-1').expect(204);
    const session = (await signIn(body.contactEmail, 'a-partner-password-1').expect(200)).body.token;
    await request(api.http).get('/api/v1/auth/me').set(bearer(session)).expect(200);
    const userId = (await as(admin).get(`/api/v1/partners/${id}`)).body.users[0].id;

    const done = await as(organiser).post(`/api/v1/users/${userId}/deactivate`).expect(200);
    expect(done.body.deactivatedAt).toEqual(expect.any(String));
    await request(api.http).get('/api/v1/auth/me').set(bearer(session)).expect(401);
    await signIn(body.contactEmail, 'a-partner-password-1').expect(401);
    const [{ count }] = await api.dataSource.query(
      'SELECT count(*)::int AS count FROM sessions WHERE user_id = $1',
      [userId],
    );
    expect(count).toBe(0);
    expectError(await as(organiser).post(`/api/v1/users/${userId}/deactivate`), 409);
    const [entry] = await api.dataSource.query(
      `SELECT action, actor_id FROM audit_log WHERE action = 'user.deactivate' AND subject_id = $1`,
      [userId],
    );
    expect(entry).toBeDefined();
  });

  it('lets only an admin deactivate a member of staff', async () => {
    const email = `staff-two-${Date.now()}@roundtable.test`;
    const created = await as(admin)
      .post('/api/v1/users', {
        email,
        name: 'Olu Organiser',
        role: 'organiser',
        password: 'organiser-password-2',
      })
      .expect(201);
    expectError(await as(organiser).post(`/api/v1/users/${created.body.id}/deactivate`), 403);
    await as(admin).post(`/api/v1/users/${created.body.id}/deactivate`).expect(200);
    await signIn(email, 'organiser-password-2').expect(401);
  });
});
