import request from 'supertest';
import { bearer, countRows, createEvent, publishEvent } from '../../../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../../../test/support/test-app';
import { csrfOf } from '../../../../../../test/support/page-html';
import { signedInAgent } from '../../../../../../test/support/hostile/page-session';

type Agent = ReturnType<typeof request.agent>;

/** The rules of the invite form that the browser test does not reach, driven over HTTP. */
describe('staff invite form rules', () => {
  let api: TestApi;
  let staff: Agent;
  let token: string;
  let day = 0;

  beforeAll(async () => {
    api = await createTestApi('invite-page-rules');
    token = await api.tokenFor('admin');
    staff = await signedInAgent(api, ADMIN.email, ADMIN.password);
  });
  afterAll(() => api.close());

  async function event(publish = true): Promise<string> {
    const start = new Date(api.clock.now().getTime() + (20 + day++) * 86_400_000);
    const created = await createEvent(api, token, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    if (publish) await publishEvent(api, token, created.id);
    return created.id;
  }

  it('refuses a post without the CSRF token, and invites no one', async () => {
    const id = await event();
    await staff.get(`/staff/events/${id}/invite`).expect(200);
    const res = await staff.post(`/staff/events/${id}/invite`).field('people', 'sam@example.org');
    expect(res.status).toBe(403);
    expect(res.text).toContain('This form had expired');
    expect(await countRows(api, 'registrations')).toBe(0);
  });

  it('sends a signed-out visitor to sign in', async () => {
    const id = await event();
    const res = await request(api.http).get(`/staff/events/${id}/invite`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/staff/events/${id}/invite`)}`);
  });

  it('is a 409 page for a draft or cancelled event, and the event page offers no link', async () => {
    const draft = await event(false);
    const page = await staff.get(`/staff/events/${draft}`).expect(200);
    expect(page.text).not.toContain('Invite people');
    const res = await staff.get(`/staff/events/${draft}/invite`);
    expect(res.status).toBe(409);
    expect(res.text).toContain('Publish it before you invite people');

    const cancelled = await event();
    await request(api.http)
      .post(`/api/v1/events/${cancelled}/cancel`)
      .set(bearer(token))
      .send({ reason: 'The venue flooded' })
      .expect(200);
    expect((await staff.get(`/staff/events/${cancelled}/invite`)).status).toBe(409);
  });

  it('explains a file over 2 MB by the file field, and invites no one', async () => {
    const id = await event();
    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const big = Buffer.alloc(2 * 1024 * 1024 + 10, 'a');
    const res = await staff
      .post(`/staff/events/${id}/invite`)
      .field('_csrf', csrfOf(form.text))
      .attach('file', big, { filename: 'big.csv', contentType: 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('The list must be smaller than 2 MB');
    expect(res.text).toContain('id="file-error"');
    expect(await countRows(api, 'registrations')).toBe(0);
  });

  it('answers a malformed or cut-short upload with the form, not an error page, and invites no one', async () => {
    const id = await event();
    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const boundary = 'roundtable-test-boundary';
    // The _csrf field arrives whole; the file part is cut off before its closing boundary.
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="_csrf"',
      '',
      csrfOf(form.text),
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="people.csv"',
      'Content-Type: text/csv',
      '',
      'email\nkit@example.org',
    ].join('\r\n');
    const res = await staff
      .post(`/staff/events/${id}/invite`)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.text).toContain('The upload did not arrive whole');
    expect(await countRows(api, 'registrations')).toBe(0);
  });

  it('sends a signed-out upload to sign in without reading it', async () => {
    const id = await event();
    const res = await request(api.http)
      .post(`/staff/events/${id}/invite`)
      .attach('file', Buffer.from('email\nkit@example.org\n'), {
        filename: 'a.csv',
        contentType: 'text/csv',
      });
    expect([303, 403]).toContain(res.status);
    expect(await countRows(api, 'registrations')).toBe(0);
  });

  it('refuses a pasted list and a file together, saying which to use', async () => {
    const id = await event();
    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const res = await staff
      .post(`/staff/events/${id}/invite`)
      .field('_csrf', csrfOf(form.text))
      .field('people', 'sam@example.org')
      .attach('file', Buffer.from('email\nkit@example.org\n'), {
        filename: 'a.csv',
        contentType: 'text/csv',
      });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Paste a list or choose a CSV file, not both');
    expect(await countRows(api, 'registrations')).toBe(0);
  });

  it('previews a pasted list, inviting no one, then invites on "Send" and shows the counts after a redirect', async () => {
    const id = await event();
    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const preview = await staff
      .post(`/staff/events/${id}/invite`)
      .field('_csrf', csrfOf(form.text))
      .field('people', 'Sam <sam@example.org>\nsam@example.org\nkit@example.org');
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('Send 2 invitations');
    expect(await countRows(api, 'registrations')).toBe(0);
    expect(await countRows(api, 'notifications')).toBe(0);

    const previewId = /name="preview" value="([^"]+)"/.exec(preview.text)![1];
    const res = await staff
      .post(`/staff/events/${id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(preview.text), preview: previewId });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(
      `/staff/events/${id}/invite?invited=2&alreadyInvited=0&unsubscribed=0&duplicates=1&previewed=2`,
    );
    const done = await staff.get(res.headers.location).expect(200);
    expect(done.text).toContain('2 people invited');
  });

  it('refuses a send without the CSRF token, and invites no one', async () => {
    const id = await event();
    const form = await staff.get(`/staff/events/${id}/invite`).expect(200);
    const preview = await staff
      .post(`/staff/events/${id}/invite`)
      .field('_csrf', csrfOf(form.text))
      .field('people', 'sam@example.org');
    const previewId = /name="preview" value="([^"]+)"/.exec(preview.text)![1];
    const res = await staff.post(`/staff/events/${id}/invite/send`).type('form').send({ preview: previewId });
    expect(res.status).toBe(403);
    const [{ n }] = await api.dataSource.query(
      'SELECT count(*)::int AS n FROM registrations WHERE event_id = $1',
      [id],
    );
    expect(n).toBe(0);
  });
});
