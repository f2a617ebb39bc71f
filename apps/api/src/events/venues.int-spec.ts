import request from 'supertest';
import {
  bearer,
  countRows,
  createEvent,
  createVenue,
  expectError,
  slot,
  venueInput,
  withClockAt,
} from '../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UNKNOWN_ID = '3f2b9c1e-7a4d-4c2b-9e61-0a1b2c3d4e5f';

describe('venues', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await createTestApi('venues');
    token = await api.tokenFor('organiser');
  });
  afterAll(() => api.close());

  const post = (body: unknown) =>
    request(api.http)
      .post('/api/v1/venues')
      .set(bearer(token))
      .send(body as object);
  const patch = (id: string, body: unknown) =>
    request(api.http)
      .patch(`/api/v1/venues/${id}`)
      .set(bearer(token))
      .send(body as object);
  const get = (path: string) => request(api.http).get(path).set(bearer(token));
  const venueRow = async (id: string) =>
    (await api.dataSource.query('SELECT * FROM venues WHERE id = $1', [id]))[0];

  describe('POST /api/v1/venues', () => {
    it('adds a venue, normalising the postcode, and answers with it', async () => {
      const res = await post(
        venueInput({
          name: '  Cradley Community Centre ',
          postcode: 'b633ab',
          area: 'cradley-and-wollescote',
          capacity: 60,
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        name: 'Cradley Community Centre',
        address: 'Queensway, Halesowen',
        postcode: 'B63 3AB',
        area: 'cradley-and-wollescote',
        areaLabel: 'Cradley and Wollescote',
        capacity: 60,
        accessFeatures: ['step_free_access', 'hearing_loop'],
        accessFeatureLabels: ['Step-free access', 'Hearing loop'],
        createdAt: expect.stringMatching(ISO_UTC),
        updatedAt: expect.stringMatching(ISO_UTC),
      });
      expect(await venueRow(res.body.id)).toMatchObject({
        name: 'Cradley Community Centre',
        postcode: 'B63 3AB',
        capacity: 60,
      });
    });

    it('takes no access features as none', async () => {
      const { accessFeatures: _, ...input } = venueInput();
      const res = await post(input);
      expect(res.status).toBe(201);
      expect(res.body.accessFeatures).toEqual([]);
    });

    it.each([
      ['no fields', {}, /name/],
      ['no name', venueInput({ name: undefined }), /^name must be/],
      ['no address', venueInput({ address: undefined }), /^address must be/],
      ['no postcode', venueInput({ postcode: undefined }), /postcode/],
      ['no area', venueInput({ area: undefined }), /^area must be one of: dudley/],
      ['no capacity', venueInput({ capacity: undefined }), /^capacity must be a whole number$/],
      ['null capacity', venueInput({ capacity: null }), /^capacity must be a whole number$/],
      ['an empty name', venueInput({ name: '' }), /^name must not be empty or only spaces$/],
      ['a name that is a number', venueInput({ name: 42 }), /name must be text/],
      ['a capacity in words', venueInput({ capacity: 'forty' }), /^capacity must be a whole number$/],
      ['a fractional capacity', venueInput({ capacity: 12.5 }), /capacity must be a whole number/],
      ['a capacity of 0', venueInput({ capacity: 0 }), /capacity must be at least 1/],
      ['a huge capacity', venueInput({ capacity: 1_000_000 }), /capacity must be at most 100000/],
      ['an unknown area', venueInput({ area: 'nowhere' }), /area must be one of/],
      [
        'something that is not a postcode',
        venueInput({ postcode: 'HALESOWEN' }),
        /postcode must be a UK postcode/,
      ],
      [
        'access features as text',
        venueInput({ accessFeatures: 'hearing_loop' }),
        /accessFeatures must be a list/,
      ],
      [
        'an unknown access feature',
        venueInput({ accessFeatures: ['teleporter'] }),
        /each of accessFeatures must be one of/,
      ],
      ['an access feature twice', venueInput({ accessFeatures: ['parking', 'parking'] }), /twice/],
      ['null access features', venueInput({ accessFeatures: null }), /accessFeatures must be a list/],
      ['an unknown field', venueInput({ wifi: true }), /^wifi is not a field we accept: remove it$/],
      ['a list instead of an object', [venueInput()], /not a field we accept/],
    ])('answers %s with 400 and adds nothing', async (_, body, message) => {
      const before = await countRows(api, 'venues');
      const res = await post(body);
      const text = expectError(res, 400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(text).not.toMatch(/undefined|NaN/);
      expect(await countRows(api, 'venues')).toBe(before);
    });
  });

  describe('GET /api/v1/venues', () => {
    beforeAll(async () => {
      // Venues of their own area, so the other tests' venues do not get in the way.
      for (const name of ['Wollescote Hall', 'Belle Vale Library', 'Hasbury Church Hall']) {
        await createVenue(api, token, { name, area: 'belle-vale' });
      }
    });

    it('lists venues by name as { items, total }', async () => {
      const res = await get('/api/v1/venues?area=belle-vale');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['items', 'total']);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((venue: { name: string }) => venue.name)).toEqual([
        'Belle Vale Library',
        'Hasbury Church Hall',
        'Wollescote Hall',
      ]);
      expect(res.body.items[0]).toMatchObject({
        area: 'belle-vale',
        areaLabel: 'Belle Vale',
        createdAt: expect.stringMatching(ISO_UTC),
      });
    });

    it('pages with limit and offset; total counts them all', async () => {
      const res = await get('/api/v1/venues?area=belle-vale&limit=1&offset=1');
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((venue: { name: string }) => venue.name)).toEqual(['Hasbury Church Hall']);
      expect((await get('/api/v1/venues?area=belle-vale&offset=3')).body).toEqual({ items: [], total: 3 });
    });

    it('lists every area without the filter', async () => {
      const all = await get('/api/v1/venues?limit=200');
      expect(all.body.total).toBe(await countRows(api, 'venues'));
      expect(all.body.items).toHaveLength(all.body.total);
    });

    it.each([
      ['limit=0', /limit must be at least 1/],
      ['limit=abc', /^limit must be a whole number$/],
      ['limit=201', /limit must be at most 200/],
      ['limit=1.5', /limit must be a whole number/],
      ['offset=-1', /offset must be 0 or more/],
      ['area=nowhere', /area must be one of/],
      ['sort=name', /sort is not a field we accept/],
    ])('answers ?%s with 400', async (query, message) => {
      const res = await get(`/api/v1/venues?${query}`);
      expect(expectError(res, 400)).toMatch(message);
    });
  });

  describe('GET /api/v1/venues/:id', () => {
    it('answers with the venue', async () => {
      const venue = await createVenue(api, token, { name: 'Lapal Library' });
      const res = await get(`/api/v1/venues/${venue.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(venue);
    });

    it.each([
      ['an unknown id', UNKNOWN_ID, /no venue with id/],
      ['an id that is not a UUID', 'hall-1', /no venue with that id/],
      ['SQL in the id', "1' OR '1'='1", /no venue/],
    ])('answers %s with 404', async (_, id, message) => {
      expect(expectError(await get(`/api/v1/venues/${encodeURIComponent(id)}`), 404)).toMatch(message);
    });
  });

  describe('PATCH /api/v1/venues/:id', () => {
    it('changes only the fields sent, normalising the postcode', async () => {
      const venue = await createVenue(api, token, { name: 'Old Name' });
      const res = await patch(venue.id, {
        name: ' New Name ',
        postcode: 'dy98ab',
        accessFeatures: ['quiet_room'],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: venue.id,
        name: 'New Name',
        postcode: 'DY9 8AB',
        accessFeatures: ['quiet_room'],
        accessFeatureLabels: ['Quiet room'],
        address: venue.address,
        capacity: venue.capacity,
        area: venue.area,
        createdAt: venue.createdAt,
      });
      expect((await get(`/api/v1/venues/${venue.id}`)).body).toEqual(res.body);
    });

    it('accepts an empty change', async () => {
      const venue = await createVenue(api, token);
      const res = await patch(venue.id, {});
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: venue.name, capacity: venue.capacity });
    });

    it.each([
      ['a null name', { name: null }, /name must be text/],
      ['a null capacity', { capacity: null }, /capacity must be a whole number/],
      ['null access features', { accessFeatures: null }, /accessFeatures must be a list/],
      ['an empty name', { name: '' }, /^name must not be empty or only spaces$/],
      ['a capacity of 0', { capacity: 0 }, /capacity must be at least 1/],
      ['a capacity in words', { capacity: 'lots' }, /capacity must be a whole number/],
      ['a bad postcode', { postcode: 'ZZZZZZ' }, /postcode must be a UK postcode/],
      ['an unknown area', { area: 'atlantis' }, /area must be one of/],
      ['an unknown field', { id: UNKNOWN_ID }, /id is not a field we accept/],
    ])('answers %s with 400 and changes nothing', async (_, body, message) => {
      const venue = await createVenue(api, token);
      const before = await venueRow(venue.id);
      expect(expectError(await patch(venue.id, body), 400)).toMatch(message);
      expect(await venueRow(venue.id)).toEqual(before);
    });

    it.each([
      ['an unknown id', UNKNOWN_ID],
      ['an id that is not a UUID', 'not-a-uuid'],
    ])('answers %s with 404', async (_, id) => {
      expectError(await patch(id, { name: 'Anything' }), 404);
    });

    describe('capacity against the events booked there', () => {
      it("refuses to go below an upcoming event's places, naming the event (409)", async () => {
        const venue = await createVenue(api, token, { capacity: 50 });
        await createEvent(api, token, {
          title: 'Tribunal support evening',
          venueId: venue.id,
          capacity: 45,
          ...slot(api, 30),
        });
        const before = await venueRow(venue.id);
        const res = await patch(venue.id, { capacity: 40, name: 'Smaller Hall' });
        expect(expectError(res, 409)).toMatch(
          /capacity 40 is less than the 45 places planned for "Tribunal support evening"/,
        );
        expect(await venueRow(venue.id)).toEqual(before);
        // Down to the event's own number is fine.
        const ok = await patch(venue.id, { capacity: 45 });
        expect(ok.status).toBe(200);
        expect(ok.body.capacity).toBe(45);
      });

      it('is not held back by cancelled or finished events', async () => {
        const venue = await createVenue(api, token, { capacity: 50 });
        const cancelled = await createEvent(api, token, { venueId: venue.id, ...slot(api, 31) });
        await request(api.http)
          .post(`/api/v1/events/${cancelled.id}/cancel`)
          .set(bearer(token))
          .send({ reason: 'Not needed' })
          .expect(200);
        const finished = await createEvent(api, token, { venueId: venue.id, ...slot(api, 2) });
        // Still upcoming, it holds the capacity up...
        expectError(await patch(venue.id, { capacity: 10 }), 409);
        // ...and once it has ended, it does not.
        const res = await withClockAt(api, new Date(new Date(finished.endsAt).getTime() + 60_000), (admin) =>
          request(api.http).patch(`/api/v1/venues/${venue.id}`).set(bearer(admin)).send({ capacity: 10 }),
        );
        expect(res.status).toBe(200);
        expect(res.body.capacity).toBe(10);
      });
    });
  });
});
