import request from 'supertest';
import {
  followingTheWorker,
  startApiWithWorker,
  type ApiWithWorker,
} from '../../../../test/support/api-with-worker';
import { bearer, createEvent, createVenue, expectError } from '../../../../test/support/fixtures';
import { csrfFieldOf, signedInAgent, type Agent } from '../../../../test/support/hostile/page-session';
import { eventually, TEST_JOB_POLICY } from '../../../../test/support/notification-test-bed';
import { errorSummaryLinks } from '../../../../test/support/page-html';
import type { ReceivedMail, SmtpSink } from '../../../../test/support/smtp-sink';
import { ADMIN, type TestApi } from '../../../../test/support/test-app';

const PASSWORD_LINK = /http:\/\/roundtable\.test\/password\/(rtp_[A-Za-z0-9_-]{43})/;

/**
 * Issue 12, point 8, against the real api, worker, Postgres, Redis and an SMTP sink: admins
 * manage staff accounts (add with an emailed link, re-role keeping one active admin, deactivate
 * ending sessions at once, reactivate), anyone forgets their password (no enumeration, a link that
 * works once and expires) or changes it (other sessions end), and staff edit venues in the pages.
 */
describe('staff accounts, passwords and venue edits', () => {
  let world: ApiWithWorker;
  let api: TestApi;
  let sink: SmtpSink;
  let admin: string;
  let adminId: string;
  let made = 0;

  beforeAll(async () => {
    const following = followingTheWorker(TEST_JOB_POLICY);
    world = await startApiWithWorker('accounts', {
      ...following,
      // Plain http, so the page cookies are not Secure-only and the test's agent keeps them.
      env: { ...following.env, PUBLIC_URL: 'http://roundtable.test', LOGIN_RATE_LIMIT: '100000' },
    });
    ({ api, sink } = world);
    admin = await signIn(ADMIN.email, ADMIN.password).then((res) => res.body.token);
    adminId = (await request(api.http).get('/api/v1/auth/me').set(bearer(admin))).body.id;
  });
  afterAll(() => world?.close());

  function signIn(email: string, password: string) {
    world.tick();
    return request(api.http).post('/api/v1/auth/login').send({ email, password });
  }
  const as = (token: string) => ({
    get: (path: string) => request(api.http).get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => {
      world.tick();
      return request(api.http).post(path).set(bearer(token)).send(body);
    },
    patch: (path: string, body: object) => {
      world.tick();
      return request(api.http).patch(path).set(bearer(token)).send(body);
    },
  });

  async function mailFor(kind: string, subjectId: string, count = 1): Promise<ReceivedMail[]> {
    const ids = async (): Promise<string[]> =>
      (
        await api.dataSource.query(
          'SELECT id FROM notifications WHERE kind = $1 AND subject_id = $2 ORDER BY created_at',
          [kind, subjectId],
        )
      ).map((row: { id: string }) => row.id);
    await eventually(`${count} ${kind} to ${subjectId}`, async () => {
      const sent = (await ids()).filter((id) => sink.for(id).length > 0);
      return sent.length >= count;
    });
    return (await ids()).flatMap((id) => sink.for(id));
  }
  const linkIn = (mail: ReceivedMail): string => {
    const match = PASSWORD_LINK.exec(mail.parsed.text ?? '');
    if (!match) throw new Error(`no set-password link in: ${mail.parsed.text}`);
    return match[1];
  };

  /** A staff user with a known password, through the API. */
  async function staffUser(role: 'admin' | 'organiser') {
    made += 1;
    const credentials = { email: `staff-${made}@halesowen.test`, password: `a-long-password-${made}` };
    const res = await as(admin)
      .post('/api/v1/users', { ...credentials, name: 'Rowan Staff', role })
      .expect(201);
    return { id: res.body.id as string, ...credentials };
  }

  async function pagePost(
    agent: Agent,
    path: string,
    form: Record<string, string | string[]>,
    formPage = path.replace(/\/(deactivate|reactivate)$/, ''),
  ) {
    const page = await agent.get(formPage);
    const csrf = csrfFieldOf(page.text);
    if (!csrf) throw new Error(`${path} answered ${page.status} with no form`);
    world.tick();
    return agent
      .post(path)
      .type('form')
      .send({ [csrf.name]: csrf.value, ...form });
  }

  describe('the staff accounts', () => {
    it('refuses demoting the last active admin, saying what to do, and changes nothing', async () => {
      const res = await as(admin).patch(`/api/v1/users/${adminId}`, { role: 'organiser' });
      expect(expectError(res, 409)).toContain(
        'this is the only active admin: make someone else an admin first',
      );
      const [row] = await api.dataSource.query('SELECT role FROM users WHERE id = $1', [adminId]);
      expect(row.role).toBe('admin');
    });

    it('says the same on the page, by the role field', async () => {
      const agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
      const res = await pagePost(agent, `/staff/users/${adminId}`, {
        name: 'Administrator',
        role: 'organiser',
      });
      expect(res.status).toBe(409);
      expect(errorSummaryLinks(res.text)).toEqual([
        [
          'This is the only active admin, so they must stay an admin. Make someone else an admin first',
          '#role',
        ],
      ]);
    });

    it('lists staff accounts for admins only, with their last sign-in, paged', async () => {
      const organiser = await staffUser('organiser');
      const token = (await signIn(organiser.email, organiser.password).expect(200)).body.token;
      const list = await as(admin).get('/api/v1/users?limit=200').expect(200);
      expect(list.body.total).toBeGreaterThanOrEqual(2);
      const listed = list.body.items.find((user: { id: string }) => user.id === organiser.id);
      expect(listed).toMatchObject({
        role: 'organiser',
        deactivatedAt: null,
        lastSignedInAt: expect.stringMatching(/Z$/),
      });
      expect(list.body.items.every((user: { role: string }) => user.role !== 'partner')).toBe(true);
      expect((await as(admin).get('/api/v1/users?limit=1&offset=1').expect(200)).body.items).toHaveLength(1);
      expectError(await as(token).get('/api/v1/users'), 403);
      expectError(await as(token).patch(`/api/v1/users/${organiser.id}`, { role: 'admin' }), 403);
      expectError(await as(admin).get('/api/v1/users?limit=0'), 400);
    });

    it('re-roles an organiser to admin and back; the change counts on their next request', async () => {
      const organiser = await staffUser('organiser');
      const token = (await signIn(organiser.email, organiser.password).expect(200)).body.token;
      expectError(await as(token).get('/api/v1/audit'), 403);
      const promoted = await as(admin).patch(`/api/v1/users/${organiser.id}`, { role: 'admin' }).expect(200);
      expect(promoted.body.role).toBe('admin');
      await as(token).get('/api/v1/audit').expect(200);
      // Now two admins: the first may step down, and the other stays.
      await as(admin)
        .patch(`/api/v1/users/${organiser.id}`, { role: 'organiser', name: 'Rowan Renamed' })
        .expect(200);
      expectError(await as(token).get('/api/v1/audit'), 403);
      const [entry] = await api.dataSource.query(
        `SELECT detail FROM audit_log WHERE action = 'user.update' AND subject_id = $1 ORDER BY at DESC LIMIT 1`,
        [organiser.id],
      );
      expect(entry.detail).toEqual({ fromRole: 'admin', toRole: 'organiser', nameChanged: true });
      expectError(await as(admin).patch(`/api/v1/users/${organiser.id}`, { role: 'partner' }), 400);
    });

    it('adds a staff user from the page, who is emailed a single-use link that sets their password', async () => {
      const agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
      const bad = await pagePost(agent, '/staff/users/new', { name: '', email: 'not an address', role: '' });
      expect(bad.status).toBe(400);
      expect(errorSummaryLinks(bad.text).map(([, href]) => href)).toEqual(['#name', '#email', '#role']);
      const res = await pagePost(agent, '/staff/users/new', {
        name: 'Jo Newstaff',
        email: 'Jo.Newstaff@halesowen.test',
        role: 'organiser',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/staff/users?done=added');
      const [user] = await api.dataSource.query(
        `SELECT id, role, password_hash FROM users WHERE email = 'jo.newstaff@halesowen.test'`,
      );
      expect(user).toMatchObject({ role: 'organiser', password_hash: null });
      const [mail] = await mailFor('password-link', user.id);
      expect(mail.parsed.subject).toContain('Your Roundtable account with');
      const link = linkIn(mail);
      world.tick();
      await request(api.http)
        .post(`/api/v1/public/password-links/${link}`)
        .send({ password: 'jo-new-password-1' })
        .expect(204);
      await signIn('jo.newstaff@halesowen.test', 'jo-new-password-1').expect(200);
      const again = await pagePost(agent, '/staff/users/new', {
        name: 'Jo Again',
        email: 'jo.newstaff@halesowen.test',
        role: 'admin',
      });
      expect(again.status).toBe(409);
      expect(errorSummaryLinks(again.text)).toEqual([
        ['Someone already has an account with this email address', '#email'],
      ]);
    });

    it("deactivating ends a signed-in browser's session at its next request, and the API token's", async () => {
      const organiser = await staffUser('organiser');
      const browser = await signedInAgent(api, organiser.email, organiser.password);
      await browser.get('/staff/events').expect(200);
      const token = (await signIn(organiser.email, organiser.password).expect(200)).body.token;
      const adminPages = await signedInAgent(api, ADMIN.email, ADMIN.password);
      const res = await pagePost(adminPages, `/staff/users/${organiser.id}/deactivate`, {});
      expect(res.status).toBe(303);
      const next = await browser.get('/staff/events');
      expect(next.status).toBe(303);
      expect(next.headers.location).toMatch(/^\/sign-in\?next=/);
      expectError(await as(token).get('/api/v1/auth/me'), 401);
      expectError(await signIn(organiser.email, organiser.password), 401);
      const [{ count }] = await api.dataSource.query(
        'SELECT count(*)::int AS count FROM sessions WHERE user_id = $1',
        [organiser.id],
      );
      expect(count).toBe(0);
      // Reactivated, they sign in again with the password they had.
      await as(admin).post(`/api/v1/users/${organiser.id}/reactivate`).expect(200);
      expectError(await as(admin).post(`/api/v1/users/${organiser.id}/reactivate`), 409);
      await signIn(organiser.email, organiser.password).expect(200);
    });

    it('refuses deactivating yourself, and shows organisers a 403 page for staff accounts', async () => {
      expectError(await as(admin).post(`/api/v1/users/${adminId}/deactivate`), 403);
      const organiser = await staffUser('organiser');
      const browser = await signedInAgent(api, organiser.email, organiser.password);
      const page = await browser.get('/staff/users');
      expect(page.status).toBe(403);
      expect(page.text).toContain('Only admins can manage staff accounts');
    });
  });

  describe('forgot password', () => {
    const ask = (email: string) => {
      world.tick();
      return request(api.http).post('/api/v1/public/password-resets').send({ email });
    };

    it('answers the same for an address with an account and one without, and mails only the account', async () => {
      const user = await staffUser('organiser');
      const before = await api.dataSource.query('SELECT count(*)::int AS count FROM notifications');
      const unknown = await ask('nobody-here@halesowen.test').expect(202);
      const after = await api.dataSource.query('SELECT count(*)::int AS count FROM notifications');
      expect(after[0].count).toBe(before[0].count);
      const known = await ask(user.email.toUpperCase()).expect(202);
      expect(known.body).toEqual(unknown.body);
      const [mail] = await mailFor('password-link', user.id);
      expect(mail.parsed.subject).toBe('Set a new Roundtable password');
      const [audit] = await api.dataSource.query(
        `SELECT actor_id, detail FROM audit_log WHERE action = 'password.reset-request' AND subject_id = $1`,
        [user.id],
      );
      expect(audit.actor_id).toBeNull();
      expect(JSON.stringify(audit.detail)).not.toContain(user.email);
      expectError(await ask('not an address'), 400);
    });

    it('sets the password from the page once, ending every session, and the link cannot be used again', async () => {
      const user = await staffUser('organiser');
      const oldToken = (await signIn(user.email, user.password).expect(200)).body.token;
      const browser = request.agent(api.http);
      const form = await browser.get('/password/forgot').expect(200);
      world.tick();
      const sent = await browser
        .post('/password/forgot')
        .type('form')
        .send({ _csrf: csrfFieldOf(form.text)!.value, email: user.email });
      expect(sent.status).toBe(200);
      expect(sent.text).toContain('If that address has a Roundtable account');
      const [mail] = await mailFor('password-link', user.id);
      const link = linkIn(mail);
      const setPage = await browser.get(`/password/${link}`).expect(200);
      world.tick();
      const set = await browser
        .post(`/password/${link}`)
        .type('form')
        .send({
          _csrf: csrfFieldOf(setPage.text)!.value,
          password: 'a-brand-new-password',
          confirmPassword: 'a-brand-new-password',
        });
      expect(set.status).toBe(303);
      expectError(await as(oldToken).get('/api/v1/auth/me'), 401);
      expectError(await signIn(user.email, user.password), 401);
      await signIn(user.email, 'a-brand-new-password').expect(200);
      expect((await browser.get(`/password/${link}`)).status).toBe(410);
      world.tick();
      const reuse = await request(api.http)
        .post(`/api/v1/public/password-links/${link}`)
        .send({ password: 'another-new-password' });
      expectError(reuse, 410);
    });

    it('expires a reset link after two hours', async () => {
      const user = await staffUser('organiser');
      await ask(user.email).expect(202);
      const [mail] = await mailFor('password-link', user.id);
      const link = linkIn(mail);
      const [row] = await api.dataSource.query(
        `SELECT expires_at, created_at FROM password_links WHERE user_id = $1 AND purpose = 'reset'`,
        [user.id],
      );
      expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBeLessThanOrEqual(
        2 * 3_600_000 + 1_000,
      );
      api.clock.set(new Date(new Date(row.expires_at).getTime() + 1_000));
      const page = await request(api.http).get(`/password/${link}`);
      expect(page.status).toBe(410);
      expect(page.text).toContain('expired');
      const res = await request(api.http)
        .post(`/api/v1/public/password-links/${link}`)
        .send({ password: 'too-late-password' });
      expect(expectError(res, 410)).toContain('expired');
    });

    it('sends at most three links an hour to one account, still answering the same', async () => {
      const user = await staffUser('organiser');
      for (let i = 0; i < 5; i += 1) await ask(user.email).expect(202);
      const [{ count }] = await api.dataSource.query(
        `SELECT count(*)::int AS count FROM password_links WHERE user_id = $1 AND purpose = 'reset'`,
        [user.id],
      );
      expect(count).toBe(3);
    });

    it('sends nothing to a deactivated account', async () => {
      const user = await staffUser('organiser');
      await as(admin).post(`/api/v1/users/${user.id}/deactivate`).expect(200);
      await ask(user.email).expect(202);
      const links = await api.dataSource.query(`SELECT id FROM password_links WHERE user_id = $1`, [user.id]);
      expect(links).toHaveLength(0);
    });
  });

  describe('change password', () => {
    it('needs the current password, then ends every other session and keeps this one', async () => {
      const user = await staffUser('organiser');
      const here = (await signIn(user.email, user.password).expect(200)).body.token;
      const elsewhere = (await signIn(user.email, user.password).expect(200)).body.token;
      const wrong = await as(here).post('/api/v1/auth/password', {
        currentPassword: 'not-my-password',
        newPassword: 'a-changed-password-1',
      });
      expect(expectError(wrong, 400)).toContain('currentPassword is not your current password');
      expectError(
        await as(here).post('/api/v1/auth/password', {
          currentPassword: user.password,
          newPassword: 'short',
        }),
        400,
      );
      await as(here)
        .post('/api/v1/auth/password', {
          currentPassword: user.password,
          newPassword: 'a-changed-password-1',
        })
        .expect(204);
      await as(here).get('/api/v1/auth/me').expect(200);
      expectError(await as(elsewhere).get('/api/v1/auth/me'), 401);
      expectError(await signIn(user.email, user.password), 401);
      await signIn(user.email, 'a-changed-password-1').expect(200);
      const [audit] = await api.dataSource.query(
        `SELECT detail FROM audit_log WHERE action = 'password.change' AND subject_id = $1`,
        [user.id],
      );
      expect(audit.detail).toEqual({ otherSessionsEnded: 1 });
    });

    it('shows every problem on the page at once, then changes it and stays signed in', async () => {
      const user = await staffUser('organiser');
      const browser = await signedInAgent(api, user.email, user.password);
      const bad = await pagePost(browser, '/account/password', {
        currentPassword: '',
        newPassword: 'short',
        confirmPassword: '',
      });
      expect(bad.status).toBe(400);
      expect(errorSummaryLinks(bad.text)).toEqual([
        ['Enter your current password', '#currentPassword'],
        ['Your new password must be at least 12 characters', '#newPassword'],
      ]);
      const wrong = await pagePost(browser, '/account/password', {
        currentPassword: 'not-my-password',
        newPassword: 'a-changed-password-2',
        confirmPassword: 'a-changed-password-2',
      });
      expect(wrong.status).toBe(400);
      expect(errorSummaryLinks(wrong.text)).toEqual([
        ['Your current password is not right. Check it and try again', '#currentPassword'],
      ]);
      const done = await pagePost(browser, '/account/password', {
        currentPassword: user.password,
        newPassword: 'a-changed-password-2',
        confirmPassword: 'a-changed-password-2',
      });
      expect(done.status).toBe(303);
      const page = await browser.get('/account/password?changed=1').expect(200);
      expect(page.text).toContain('Your password has been changed');
    });
  });

  describe('venue edit page', () => {
    it('shows every form problem at once, then the capacity rule by its field, then saves', async () => {
      const venue = await createVenue(api, admin, { name: 'Cradley Community Hall', capacity: 60 });
      await createEvent(api, admin, { venueId: venue.id, capacity: 45, title: 'Tribunal support evening' });
      const agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
      const list = await agent.get('/staff/venues').expect(200);
      expect(list.text).toContain(`/staff/venues/${venue.id}/edit`);
      const form = await agent.get(`/staff/venues/${venue.id}/edit`).expect(200);
      expect(form.text).toContain('Cradley Community Hall');
      const base = {
        name: 'Cradley Community Hall',
        address: 'Colley Lane, Cradley',
        postcode: 'B63 2TN',
        area: 'halesowen-north',
        capacity: '60',
        accessFeatures: ['step_free_access'],
      };
      const bad = await pagePost(agent, `/staff/venues/${venue.id}/edit`, {
        ...base,
        name: '',
        postcode: 'nowhere',
        capacity: 'lots',
      });
      expect(bad.status).toBe(400);
      expect(errorSummaryLinks(bad.text).map(([, href]) => href)).toEqual([
        '#name',
        '#postcode',
        '#capacity',
      ]);
      const tooSmall = await pagePost(agent, `/staff/venues/${venue.id}/edit`, { ...base, capacity: '40' });
      expect(tooSmall.status).toBe(409);
      expect(errorSummaryLinks(tooSmall.text)).toEqual([
        [
          'Capacity must be at least 45: “Tribunal support evening” plans for that many places here. Lower that event’s capacity first',
          '#capacity',
        ],
      ]);
      const saved = await pagePost(agent, `/staff/venues/${venue.id}/edit`, {
        ...base,
        name: 'Cradley Hall',
        capacity: '50',
      });
      expect(saved.status).toBe(303);
      expect(saved.headers.location).toBe('/staff/venues?updated=1');
      const view = await as(admin).get(`/api/v1/venues/${venue.id}`).expect(200);
      expect(view.body).toMatchObject({
        name: 'Cradley Hall',
        capacity: 50,
        accessFeatures: ['step_free_access'],
      });
      expect((await agent.get('/staff/venues/00000000-0000-4000-8000-000000000000/edit')).status).toBe(404);
    });
  });
});
