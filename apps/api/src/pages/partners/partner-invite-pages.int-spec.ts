import { createEvent, countRows, publishEvent, slot } from '../../../../../test/support/fixtures';
import { signedInAgent, type Agent } from '../../../../../test/support/hostile/page-session';
import { csrfOf } from '../../../../../test/support/page-html';
import {
  approvedPartner,
  PARTNER_PASSWORD,
  type SignedInPartner,
} from '../../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../../test/support/test-app';

/**
 * The co-host partner's invite page in two steps, as the staff page: the list is previewed with
 * nothing written or sent, and "Send N invitations" sends exactly the previewed list, once.
 */
describe('partner invite page: preview, then send on confirmation', () => {
  let api: TestApi;
  let partner: SignedInPartner;
  let agent: Agent;
  let day = 0;

  beforeAll(async () => {
    api = await createTestApi('partner-invite-pages');
    partner = await approvedPartner(api, 'Halesowen Carers');
    agent = await signedInAgent(api, partner.email, PARTNER_PASSWORD);
  });
  afterAll(() => api.close());

  async function cohostedEvent(): Promise<string> {
    const staff = await api.tokenFor('organiser');
    const event = await createEvent(api, staff, slot(api, 20 + day++));
    await publishEvent(api, staff, event.id);
    await api.dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
      event.id,
      partner.partnerId,
    ]);
    return event.id;
  }

  const registrationsFor = async (id: string): Promise<Array<{ email: string; partner: string }>> =>
    api.dataSource.query(
      'SELECT email, invited_by_partner_id AS partner FROM registrations WHERE event_id = $1 ORDER BY email',
      [id],
    );

  async function preview(id: string, people: string) {
    const form = await agent.get(`/partner/events/${id}/invite`).expect(200);
    return agent
      .post(`/partner/events/${id}/invite`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), people });
  }

  it('previews with nothing written or sent, then sends exactly the previewed list', async () => {
    const id = await cohostedEvent();
    const notificationsBefore = await countRows(api, 'notifications');
    const shown = await preview(
      id,
      'Lee Member <lee@example.org>\nlee@example.org\nKit Patel, kit@example.org\nnot an address',
    );
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Check the invitations before you send them');
    expect(shown.text).toContain('Send 2 invitations');
    expect(shown.text).toContain('Line 4:');
    expect(shown.text).toContain(`action="/partner/events/${id}/invite/send"`);
    expect(shown.text).toMatch(/Halesowen Carers invited you/);
    expect(await registrationsFor(id)).toEqual([]);
    expect(await countRows(api, 'notifications')).toBe(notificationsBefore);

    const previewId = /name="preview" value="([^"]+)"/.exec(shown.text)![1];
    const email = await agent.get(`/partner/events/${id}/invite/preview/${previewId}/email`).expect(200);
    expect(email.headers['content-security-policy']).toContain("default-src 'none'");
    expect(email.text).toContain('Lee Member');

    const sent = await agent
      .post(`/partner/events/${id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(shown.text), preview: previewId });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(
      `/partner/events/${id}/invite?invited=2&alreadyInvited=0&unsubscribed=0&duplicates=1`,
    );
    expect(await registrationsFor(id)).toEqual([
      { email: 'kit@example.org', partner: partner.partnerId },
      { email: 'lee@example.org', partner: partner.partnerId },
    ]);
    const done = await agent.get(sent.headers.location).expect(200);
    expect(done.text).toContain('2 people invited');

    // A second confirmation (a double click, another tab) finds the preview gone and sends nothing.
    const again = await agent
      .post(`/partner/events/${id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(shown.text), preview: previewId });
    expect(again.status).toBe(410);
    expect(again.text).toContain('That preview has expired or its invitations were already sent');
    expect(await registrationsFor(id)).toHaveLength(2);
  });

  it('shows the form again, writing nothing, when no line can be used', async () => {
    const id = await cohostedEvent();
    const res = await preview(id, 'Kit Patel\nBo Green');
    expect(res.status).toBe(400);
    expect(res.text).toContain('Line 1:');
    expect(res.text).toContain('Line 2:');
    expect(await registrationsFor(id)).toEqual([]);
  });

  it("refuses a send without the CSRF token, or of another event's preview, and invites no one", async () => {
    const id = await cohostedEvent();
    const other = await cohostedEvent();
    const shown = await preview(id, 'sam@example.org');
    const previewId = /name="preview" value="([^"]+)"/.exec(shown.text)![1];
    const noCsrf = await agent
      .post(`/partner/events/${id}/invite/send`)
      .type('form')
      .send({ preview: previewId });
    expect(noCsrf.status).toBe(403);
    const elsewhere = await agent
      .post(`/partner/events/${other}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(shown.text), preview: previewId });
    expect(elsewhere.status).toBe(410);
    expect(await registrationsFor(id)).toEqual([]);
    expect(await registrationsFor(other)).toEqual([]);
  });

  it('is a 404 for an event the partner does not co-host, before and after the preview', async () => {
    const staff = await api.tokenFor('organiser');
    const event = await createEvent(api, staff, slot(api, 60));
    await publishEvent(api, staff, event.id);
    const form = await agent.get(`/partner/events/${await cohostedEvent()}/invite`).expect(200);
    const res = await agent
      .post(`/partner/events/${event.id}/invite/send`)
      .type('form')
      .send({ _csrf: csrfOf(form.text), preview: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(res.status).toBe(404);
    expect(await registrationsFor(event.id)).toEqual([]);
  });
});
