import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  publishEvent,
  slot,
} from '../../../../test/support/fixtures';
import { partnerToken } from '../../../../test/support/partner-user';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const UNKNOWN_ID = '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';

describe('campaigns: drafting, publishing, the public page and linked events', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await createTestApi('campaigns');
    token = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Waiting for an EHC plan',
    summary: 'What the wait for an education, health and care plan does to families.\nTell us.',
    startsOn: '2026-02-01',
    endsOn: '2026-06-30',
    evidenceUse: 'Read by the MP and two caseworkers; sent, anonymised, to the council.',
    ...overrides,
  });
  const post = (body: unknown, as = token) =>
    request(api.http)
      .post('/api/v1/campaigns')
      .set(bearer(as))
      .send(body as object);
  const patch = (id: string, body: unknown) =>
    request(api.http)
      .patch(`/api/v1/campaigns/${id}`)
      .set(bearer(token))
      .send(body as object);
  const publish = (id: string) =>
    request(api.http).post(`/api/v1/campaigns/${id}/publish`).set(bearer(token));
  const get = (path: string) => request(api.http).get(path).set(bearer(token));
  const publicPage = (id: string) => request(api.http).get(`/api/v1/public/campaigns/${id}`);
  const createCampaign = async (overrides: Record<string, unknown> = {}) => {
    const res = await post(input(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  };

  describe('staff routes', () => {
    it('drafts a campaign, with its text normalised and its dates as dates', async () => {
      const res = await post(input({ title: '  Waiting for an EHC plan ', summary: 'Line one\r\nLine two' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: 'Waiting for an EHC plan',
        summary: 'Line one\nLine two',
        startsOn: '2026-02-01',
        endsOn: '2026-06-30',
        evidenceUse: input().evidenceUse,
        status: 'draft',
      });
      const [row] = await api.dataSource.query('SELECT status, ends_on::text FROM campaigns WHERE id = $1', [
        res.body.id,
      ]);
      expect(row).toEqual({ status: 'draft', ends_on: '2026-06-30' });
    });

    it('gets, lists (paged, newest start first) and filters by status', async () => {
      const early = await createCampaign({ title: 'Early', startsOn: '2025-01-01', endsOn: '2025-02-01' });
      const late = await createCampaign({ title: 'Late', startsOn: '2027-01-01', endsOn: '2027-02-01' });
      expect((await get(`/api/v1/campaigns/${early.id}`)).body).toMatchObject({
        id: early.id,
        title: 'Early',
      });

      const all = await get('/api/v1/campaigns?limit=200');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(await countRows(api, 'campaigns'));
      expect(all.body.items[0].id).toBe(late.id);
      expect(all.body.items.at(-1).id).toBe(early.id);

      const firstOnly = await get('/api/v1/campaigns?limit=1&offset=0');
      expect(firstOnly.body.items).toHaveLength(1);
      expect(firstOnly.body.total).toBe(all.body.total);

      await publish(late.id);
      const published = await get('/api/v1/campaigns?status=published');
      expect(published.body.items.map((c: { id: string }) => c.id)).toContain(late.id);
      expect(published.body.items.every((c: { status: string }) => c.status === 'published')).toBe(true);
    });

    it('changes the fields a PATCH sends and keeps the rest', async () => {
      const campaign = await createCampaign();
      const res = await patch(campaign.id, { title: 'Waiting, still', endsOn: '2026-07-31' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: 'Waiting, still',
        endsOn: '2026-07-31',
        startsOn: '2026-02-01',
      });
      expect((await get(`/api/v1/campaigns/${campaign.id}`)).body.summary).toBe(input().summary);
    });

    it('publishes a draft once; a second publish is a 409', async () => {
      const campaign = await createCampaign();
      const res = await publish(campaign.id);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('published');
      expect(expectError(await publish(campaign.id), 409)).toMatch(/only a draft can be published/);
      // A later change leaves it published: PATCH writes only the fields it was sent.
      expect((await patch(campaign.id, { title: 'Renamed after publishing' })).body).toMatchObject({
        title: 'Renamed after publishing',
        status: 'published',
      });
    });

    it('answers 404 for a campaign that does not exist, or an id that is not one', async () => {
      expect(expectError(await get(`/api/v1/campaigns/${UNKNOWN_ID}`), 404)).toMatch(/no campaign/);
      expect(expectError(await get('/api/v1/campaigns/not-an-id'), 404)).toMatch(/no campaign/);
      expectError(await patch(UNKNOWN_ID, { title: 'x' }), 404);
      expectError(await publish(UNKNOWN_ID), 404);
    });

    it.each([
      ['no title', { title: undefined }, /title/],
      ['a title over 200 characters', { title: 'a'.repeat(201) }, /title/],
      ['a title with a line break', { title: 'one\ntwo' }, /title/],
      ['a blank summary', { summary: '   ' }, /summary/],
      ['an evidenceUse over 5000 characters', { evidenceUse: 'a'.repeat(5001) }, /evidenceUse/],
      ['a summary with a bidi override', { summary: 'fine \u202E text' }, /summary/],
      ['a date with a time', { startsOn: '2026-02-01T00:00:00Z' }, /startsOn must be a date/],
      ['an impossible date', { endsOn: '2026-02-30' }, /endsOn must be a date/],
      ['a year past 2100', { endsOn: '2101-01-01' }, /endsOn must be a date/],
      ['a date as a number', { startsOn: 20260201 }, /startsOn must be a date/],
      [
        'an end before the start',
        { startsOn: '2026-03-01', endsOn: '2026-02-28' },
        /endsOn .* on or after startsOn/,
      ],
      ['a status (set only by publishing)', { status: 'published' }, /status/],
      ['an unknown field', { partnerId: UNKNOWN_ID }, /partnerId/],
    ])('answers %s with 400 and writes nothing', async (_, overrides, message) => {
      const before = await countRows(api, 'campaigns');
      expect(expectError(await post(input(overrides)), 400)).toMatch(message);
      expect(await countRows(api, 'campaigns')).toBe(before);
    });

    it('refuses a PATCH that would end a campaign before it starts, or null a field, and changes nothing', async () => {
      const campaign = await createCampaign();
      const before = (await get(`/api/v1/campaigns/${campaign.id}`)).body;
      expect(expectError(await patch(campaign.id, { endsOn: '2026-01-01' }), 400)).toMatch(/endsOn/);
      expect(expectError(await patch(campaign.id, { title: null }), 400)).toMatch(/title/);
      expect((await get(`/api/v1/campaigns/${campaign.id}`)).body).toEqual(before);
    });

    it('is for staff: anonymous 401, partner 403, admin and organiser allowed', async () => {
      expectError(await request(api.http).get('/api/v1/campaigns'), 401);
      expectError(await request(api.http).post('/api/v1/campaigns').send(input()), 401);
      const partner = await partnerToken(api);
      const before = await countRows(api, 'campaigns');
      expectError(await post(input(), partner), 403);
      expectError(await request(api.http).get('/api/v1/campaigns').set(bearer(partner)), 403);
      expect(await countRows(api, 'campaigns')).toBe(before);
      expect((await post(input(), await api.tokenFor('admin'))).status).toBe(201);
    });
  });

  describe('events in a campaign', () => {
    it('links an event at creation, shows campaignId, filters by it, and unlinks with null', async () => {
      const campaign = await createCampaign();
      const linked = await createEvent(api, token, { ...slot(api, 30), campaignId: campaign.id });
      const other = await createEvent(api, token, slot(api, 31));
      expect(linked.campaignId).toBe(campaign.id);
      expect(other.campaignId).toBeNull();

      const filtered = await get(`/api/v1/events?campaignId=${campaign.id}`);
      expect(filtered.status).toBe(200);
      expect(filtered.body).toMatchObject({ total: 1, items: [{ id: linked.id, campaignId: campaign.id }] });

      const unlinked = await request(api.http)
        .patch(`/api/v1/events/${linked.id}`)
        .set(bearer(token))
        .send({ campaignId: null });
      expect(unlinked.status).toBe(200);
      expect(unlinked.body.campaignId).toBeNull();
      expect((await get(`/api/v1/events?campaignId=${campaign.id}`)).body.total).toBe(0);

      const relinked = await request(api.http)
        .patch(`/api/v1/events/${other.id}`)
        .set(bearer(token))
        .send({ campaignId: campaign.id });
      expect(relinked.body.campaignId).toBe(campaign.id);
      // A change that does not name the campaign keeps it.
      const retitled = await request(api.http)
        .patch(`/api/v1/events/${other.id}`)
        .set(bearer(token))
        .send({ title: 'Retitled' });
      expect(retitled.body.campaignId).toBe(campaign.id);
    });

    it('refuses a campaignId that names no campaign, or is not an id, with 400 and writes nothing', async () => {
      const events = await countRows(api, 'events');
      const orphan = (campaignId: string) =>
        request(api.http)
          .post('/api/v1/events')
          .set(bearer(token))
          .send({
            title: 'Orphan',
            kind: 'listening_event',
            onlineUrl: 'https://meet.example.org/x',
            ...slot(api, 32),
            campaignId,
          });
      const unknown = await orphan(UNKNOWN_ID);
      expect(expectError(unknown, 400)).toMatch(/campaignId .* does not match any campaign/);
      const malformed = await orphan('nope');
      expect(expectError(malformed, 400)).toMatch(/campaignId must be the id of a campaign/);
      expect(await countRows(api, 'events')).toBe(events);

      const event = await createEvent(api, token, slot(api, 33));
      const patched = await request(api.http)
        .patch(`/api/v1/events/${event.id}`)
        .set(bearer(token))
        .send({ campaignId: UNKNOWN_ID, title: 'Should not stick' });
      expectError(patched, 400);
      expect((await get(`/api/v1/events/${event.id}`)).body).toMatchObject({
        title: event.title,
        campaignId: null,
      });
      expectError(await get('/api/v1/events?campaignId=nope'), 400);
    });
  });

  describe('GET /api/v1/public/campaigns/:id', () => {
    it('is a 404 for a draft, an unknown id or a malformed one', async () => {
      const draft = await createCampaign();
      expect(expectError(await publicPage(draft.id), 404)).toMatch(/no published campaign/);
      expectError(await publicPage(UNKNOWN_ID), 404);
      expectError(await publicPage('not-an-id'), 404);
    });

    it("lists only the campaign's upcoming published events, soonest first, with no staff fields", async () => {
      const campaign = await createCampaign();
      const venue = await createVenue(api, token, { name: 'Cradley Baptist Church', area: 'belle-vale' });
      const later = await publishEvent(
        api,
        token,
        (await createEvent(api, token, { ...slot(api, 41), campaignId: campaign.id })).id,
      );
      const sooner = await publishEvent(
        api,
        token,
        (await createEvent(api, token, { ...slot(api, 40), venueId: venue.id, campaignId: campaign.id })).id,
      );
      await createEvent(api, token, { ...slot(api, 42), campaignId: campaign.id }); // a draft
      const past = await publishEvent(
        api,
        token,
        (await createEvent(api, token, { ...slot(api, 2), campaignId: campaign.id })).id,
      );
      const elsewhere = await publishEvent(api, token, (await createEvent(api, token, slot(api, 43))).id);
      // Over already: moved into the past in the database, since the API refuses past times.
      await api.dataSource.query(
        "UPDATE events SET starts_at = '2026-01-10T10:00:00Z', ends_at = '2026-01-10T12:00:00Z' WHERE id = $1",
        [past.id],
      );
      await publish(campaign.id);

      {
        const res = await publicPage(campaign.id);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          id: campaign.id,
          title: input().title,
          summary: input().summary,
          startsOn: '2026-02-01',
          endsOn: '2026-06-30',
          evidenceUse: input().evidenceUse,
          status: 'published',
          upcomingEvents: [
            {
              id: sooner.id,
              title: sooner.title,
              startsAt: sooner.startsAt,
              endsAt: sooner.endsAt,
              when: sooner.when,
              format: 'in_person',
              venue: { name: 'Cradley Baptist Church', area: 'belle-vale' },
              online: false,
            },
            {
              id: later.id,
              title: later.title,
              startsAt: later.startsAt,
              endsAt: later.endsAt,
              when: later.when,
              format: 'online',
              venue: null,
              online: true,
            },
          ],
        });
        const ids = res.body.upcomingEvents.map((e: { id: string }) => e.id);
        expect(ids).not.toContain(past.id);
        expect(ids).not.toContain(elsewhere.id);
        expect(JSON.stringify(res.body)).not.toContain('meet.example.org');
      }
    });
  });
});
