import { hashSecretToken, newSecretToken } from '@roundtable/platform';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import {
  bearer,
  createEvent,
  createVenue,
  publishEvent,
  slot,
  venueInput,
} from '../../../../test/support/fixtures';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';
import { csrfOf } from '../../../../test/support/page-html';

/**
 * What the attack on the running system sent, to every route and form that takes text: NUL and
 * other control characters, direction overrides, JSON nested 5,000 deep, wrong types, huge and
 * out-of-range numbers and years. Each is a 400 with a message that says what to fix, and
 * nothing is written. (Before the text rule these were 500s from Postgres, stack overflows, or
 * rows stored with capacity 1 and an empty title.)
 */

type Agent = ReturnType<typeof request.agent>;
type Method = 'post' | 'patch';

/** Sets `path` (e.g. "contacts.0.name") in a copy of `body`. */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}

function messageOf(res: request.Response): string {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  const message: unknown = res.body.message;
  return Array.isArray(message) ? message.join('\n') : String(message);
}

/** HTML as the page shows it, entities decoded, for matching messages. */
function pageText(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('bad bytes, wrong types and out-of-range values: 400 with a message, nothing written', () => {
  let api: TestApi;
  let admin: string;
  let staff: Agent;
  let ids: { venueId: string; draftId: string; publishedId: string; manageToken: string; taskId: string };

  beforeAll(async () => {
    api = await createTestApi('bad-input', {
      env: { PUBLIC_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000' },
    });
    admin = await api.tokenFor('admin');
    const venue = await createVenue(api, admin, { capacity: 100 });
    const draft = await createEvent(api, admin, { venueId: venue.id, ...slot(api, 10) });
    const published = await createEvent(api, admin, { venueId: venue.id, ...slot(api, 11) });
    await publishEvent(api, admin, published.id);
    const manageToken = newSecretToken('rtm');
    await api.dataSource.query(
      `INSERT INTO registrations (event_id, email, name, role, status, manage_token_hash)
       VALUES ($1, $2, 'Alex Registered', 'parent_carer', 'confirmed', $3)`,
      [published.id, `alex.${randomBytes(3).toString('hex')}@example.org`, hashSecretToken(manageToken)],
    );
    // Someone who needs an interpreter: staff arrange it, with a note that is emailed to them.
    await request(api.http)
      .post(`/api/v1/public/events/${published.id}/registrations`)
      .send({
        name: 'Kit Patel',
        email: 'kit.bsl@example.org',
        role: 'parent_carer',
        accessNeeds: ['bsl_interpreter'],
      })
      // 2xx: the reply's shape belongs to the registration flow, not to this test.
      .expect((res) => expect(res.status).toBeLessThan(300));
    const [task] = await api.dataSource.query('SELECT id FROM access_tasks LIMIT 1');
    ids = { venueId: venue.id, draftId: draft.id, publishedId: published.id, manageToken, taskId: task.id };

    staff = request.agent(api.http);
    const signIn = await staff.get('/sign-in').expect(200);
    await staff
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(signIn.text), ...ADMIN })
      .expect(303);
  }, 60_000);
  afterAll(() => api?.close());

  /** Every row a refused request could have written or changed, to compare before and after. */
  const snapshot = async () => {
    const tables = [
      'users',
      'sessions',
      'venues',
      'events',
      'registrations',
      'notifications',
      'access_tasks',
      'testimonies',
      'casework_referrals',
    ];
    const rows: Record<string, unknown> = {};
    for (const table of tables) {
      const [row] = await api.dataSource.query(
        `SELECT count(*)::int AS count, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
      );
      rows[table] = row;
    }
    return rows;
  };

  /** Runs `send`, checks nothing was written, and returns the answer. */
  async function refusedWithoutWriting(send: () => Promise<request.Response>): Promise<request.Response> {
    const before = await snapshot();
    const res = await send();
    expect(await snapshot()).toEqual(before);
    return res;
  }

  interface JsonRoute {
    name: string;
    method: Method;
    path: () => string;
    auth: 'admin' | 'none';
    body: () => Record<string, unknown>;
    /** Text fields by path, and whether they are one line (names, titles) or paragraphs. */
    text: Record<string, 'line' | 'paragraphs' | 'email' | 'secret'>;
  }

  const eventBody = () => ({
    title: 'Tea and talk',
    kind: 'listening_event',
    description: 'Come and tell us.',
    venueId: ids.venueId,
    ...slot(api, 30),
  });

  const jsonRoutes: JsonRoute[] = [
    {
      name: 'POST /api/v1/auth/login',
      method: 'post',
      path: () => '/api/v1/auth/login',
      auth: 'none',
      body: () => ({ ...ADMIN }),
      text: { email: 'line', password: 'secret' },
    },
    {
      name: 'POST /api/v1/users',
      method: 'post',
      path: () => '/api/v1/users',
      auth: 'admin',
      body: () => ({ email: 'new.user@roundtable.test', name: 'New User', role: 'organiser' }),
      text: { name: 'line', email: 'email' },
    },
    {
      name: 'POST /api/v1/venues',
      method: 'post',
      path: () => '/api/v1/venues',
      auth: 'admin',
      body: () => venueInput(),
      text: { name: 'line', address: 'paragraphs', postcode: 'line' },
    },
    {
      name: 'PATCH /api/v1/venues/:id',
      method: 'patch',
      path: () => `/api/v1/venues/${ids.venueId}`,
      auth: 'admin',
      body: () => ({ name: 'Renamed Library', address: 'High Street', postcode: 'B63 4AZ' }),
      text: { name: 'line', address: 'paragraphs', postcode: 'line' },
    },
    {
      name: 'POST /api/v1/events',
      method: 'post',
      path: () => '/api/v1/events',
      auth: 'admin',
      body: eventBody,
      text: { title: 'line', description: 'paragraphs' },
    },
    {
      name: 'PATCH /api/v1/events/:id',
      method: 'patch',
      path: () => `/api/v1/events/${ids.draftId}`,
      auth: 'admin',
      body: () => ({ title: 'Renamed', description: 'New words' }),
      text: { title: 'line', description: 'paragraphs' },
    },
    {
      name: 'POST /api/v1/events/:id/cancel',
      method: 'post',
      path: () => `/api/v1/events/${ids.publishedId}/cancel`,
      auth: 'admin',
      body: () => ({ reason: 'The venue flooded' }),
      text: { reason: 'paragraphs' },
    },
    {
      name: 'POST /api/v1/events/:id/invitations',
      method: 'post',
      path: () => `/api/v1/events/${ids.publishedId}/invitations`,
      auth: 'admin',
      body: () => ({ contacts: [{ name: 'Sam Jones', email: 'sam.invited@example.org' }] }),
      text: { 'contacts.0.name': 'line', 'contacts.0.email': 'email' },
    },
    {
      name: 'POST /api/v1/public/events/:id/registrations',
      method: 'post',
      path: () => `/api/v1/public/events/${ids.publishedId}/registrations`,
      auth: 'none',
      body: () => ({
        name: 'Sam Jones',
        email: 'sam.registering@example.org',
        role: 'parent_carer',
        accessNeeds: ['other'],
        accessNotes: 'A quiet seat',
      }),
      text: { name: 'line', email: 'email', accessNotes: 'paragraphs' },
    },
    {
      name: 'PATCH /api/v1/public/registrations/:token',
      method: 'patch',
      path: () => `/api/v1/public/registrations/${ids.manageToken}`,
      auth: 'none',
      body: () => ({ accessNeeds: ['other'], accessNotes: 'A quiet seat' }),
      text: { accessNotes: 'paragraphs' },
    },
    {
      name: 'POST /api/v1/public/testimonies',
      method: 'post',
      path: () => '/api/v1/public/testimonies',
      auth: 'none',
      body: () => ({
        role: 'parent-carer',
        area: 'dudley',
        themes: ['ehc-plan-delays'],
        story: 'We waited a year for the plan.',
        consent: { quote: 'count-only', contact: false, shareWithAuthority: false, casework: false },
        name: 'Sam Jones',
        email: 'sam.testimony@example.org',
      }),
      text: { story: 'paragraphs', name: 'line', email: 'email' },
    },
  ];

  const send = (route: JsonRoute, body: unknown) => {
    const req = request(api.http)[route.method](route.path());
    if (route.auth === 'admin') req.set(bearer(admin));
    return typeof body === 'string'
      ? req.set('Content-Type', 'application/json').send(body)
      : req.send(body as object);
  };

  /** The field's name as messages say it ("contacts[0].name"). */
  const named = (path: string) => path.replace(/\.(\d+)\./g, '[$1].');

  describe.each(jsonRoutes.map((route) => [route.name, route] as const))('%s', (_, route) => {
    it.each(Object.keys(route.text))('refuses a NUL in %s', async (field) => {
      const res = await refusedWithoutWriting(() =>
        send(route, withValue(route.body(), field, 'Sam\u0000Jones')),
      );
      expect(messageOf(res)).toMatch(/must not contain NUL characters/);
    });

    it.each(Object.entries(route.text).filter(([, kind]) => kind !== 'secret'))(
      'refuses control characters and direction overrides in %s, naming it',
      async (field, kind) => {
        const attacks =
          kind === 'paragraphs'
            ? ['a\u0007b', 'a\u001b[31mb', 'a\u202Eb', 'a\u2066b\u2069']
            : ['Sam\r\nPay the deposit', 'Sam\tJones', 'Sam\u0085Jones', 'Sam\u202EJones', 'Sam\u200BJones'];
        for (const value of attacks) {
          const res = await refusedWithoutWriting(() => send(route, withValue(route.body(), field, value)));
          const message = messageOf(res);
          // A login email is not checked as an address: it only has to be plain text.
          expect(message).toContain(route.name.includes('login') ? 'email must not contain' : named(field));
        }
      },
    );

    it('refuses JSON nested 5,000 deep before validation', async () => {
      const deep = `{"x":${'['.repeat(5000)}1${']'.repeat(5000)}}`;
      const res = await refusedWithoutWriting(() => send(route, deep));
      expect(messageOf(res)).toMatch(/nested more than 32 levels deep/);
    });

    it.each(Object.keys(route.text))('refuses a boolean, a list or an object as %s', async (field) => {
      for (const value of [true, ['Sam'], { first: 'Sam' }]) {
        const res = await refusedWithoutWriting(() => send(route, withValue(route.body(), field, value)));
        expect(messageOf(res)).toContain(named(field));
      }
    });
  });

  describe('names: a name, nothing more', () => {
    const nameRoutes = jsonRoutes.filter((route) =>
      Object.keys(route.text).some((field) => field.endsWith('name') && !route.name.includes('venues')),
    );
    it.each(nameRoutes.map((route) => [route.name, route] as const))(
      '%s refuses a name carrying a link, an address, digits or a second line',
      async (_, route) => {
        const field = Object.keys(route.text).find((key) => key.endsWith('name'))!;
        const values = [
          'Pay your deposit at pay.example',
          'sam@example.org',
          'https://pay.example',
          'Sam 4',
          'Sam\nPay the deposit',
          'a'.repeat(101),
        ];
        // An invitation may leave the name out ("Hello,"); everywhere else a name is needed.
        if (!field.startsWith('contacts')) values.push('   ');
        for (const value of values) {
          const res = await refusedWithoutWriting(() => send(route, withValue(route.body(), field, value)));
          expect(messageOf(res)).toMatch(
            new RegExp(
              `${named(field).replace(/[[\]]/g, '\\$&')} must (be a name: letters, spaces, hyphens and apostrophes only|not contain control|not be empty|be at most 100)`,
            ),
          );
        }
      },
    );
  });

  describe('numbers and times', () => {
    const byName = (name: string) => jsonRoutes.find((route) => route.name === name)!;

    it.each([
      ['POST /api/v1/venues', true],
      ['POST /api/v1/venues', '40'],
      ['PATCH /api/v1/venues/:id', true],
      ['POST /api/v1/events', true],
      ['POST /api/v1/events', '40'],
      ['PATCH /api/v1/events/:id', false],
      ['POST /api/v1/venues', 100_001],
      ['POST /api/v1/events', 1.5],
    ])('%s refuses capacity %p instead of converting it', async (name, capacity) => {
      const route = byName(name);
      const res = await refusedWithoutWriting(() => send(route, { ...route.body(), capacity }));
      expect(messageOf(res)).toMatch(/^capacity must be (a whole number|at most 100000)$/);
    });

    it.each(['POST /api/v1/events', 'PATCH /api/v1/events/:id'])(
      '%s refuses a whitespace-only or invisible title',
      async (name) => {
        const route = byName(name);
        for (const title of ['   ', '\u00A0\u3000', '\u200B']) {
          const res = await refusedWithoutWriting(() => send(route, { ...route.body(), title }));
          expect(messageOf(res)).toMatch(/^title must not (be empty|contain invisible)/);
        }
      },
    );

    it.each(['POST /api/v1/events', 'PATCH /api/v1/events/:id'])(
      '%s refuses a start in year 10000, before 2000, or more than 5 years ahead',
      async (name) => {
        const route = byName(name);
        for (const [startsAt, endsAt, expected] of [
          ['9999-12-31T23:00:00-05:00', '9999-12-31T23:30:00-05:00', /startsAt must be an ISO 8601 time/],
          ['1999-12-31T10:00:00Z', '1999-12-31T11:00:00Z', /startsAt must be an ISO 8601 time/],
          ['2100-06-01T10:00:00Z', '2100-06-01T11:00:00Z', /startsAt must be at most 5 years from now/],
        ] as const) {
          const res = await refusedWithoutWriting(() => send(route, { ...route.body(), startsAt, endsAt }));
          expect(messageOf(res)).toMatch(expected);
        }
      },
    );

    it.each([
      '/api/v1/events',
      '/api/v1/venues',
      '/api/v1/public/events',
      () => `/api/v1/events/${ids.publishedId}/registrations`,
    ])('%p refuses offsets and limits out of range or not written as whole numbers', async (path) => {
      const base = typeof path === 'function' ? path() : path;
      for (const [query, expected] of [
        ['offset=9223372036854775807', /offset must be (at most 100000|a whole number)/],
        ['offset=100001', /offset must be at most 100000/],
        ['offset=1e3', /offset must be a whole number/],
        ['limit=true', /limit must be a whole number/],
        ['limit=0x10', /limit must be a whole number/],
        ['limit=1&limit=2', /limit must be a whole number/],
      ] as const) {
        const res = await request(api.http).get(`${base}?${query}`).set(bearer(admin));
        expect(messageOf(res)).toMatch(expected);
      }
    });

    it('refuses a NUL in a query string', async () => {
      const res = await request(api.http).get('/api/v1/public/events?area=%00').expect(400);
      expect(messageOf(res)).toMatch(/the query string must not contain NUL characters/);
    });
  });

  describe('page forms', () => {
    /** Loads `formPath` in `agent`, posts `fields` with its CSRF token to `postPath`. */
    async function postForm(
      agent: Agent,
      formPath: string,
      postPath: string,
      fields: Record<string, string | string[]>,
    ): Promise<request.Response> {
      const form = await agent.get(formPath).expect(200);
      return refusedWithoutWriting(() =>
        agent
          .post(postPath)
          .type('form')
          .send({ _csrf: csrfOf(form.text), ...fields }),
      );
    }

    const eventForm = (): Record<string, string> => ({
      title: 'Tea and talk',
      kind: 'listening_event',
      description: 'Come and tell us.',
      'date-day': '20',
      'date-month': '3',
      'date-year': '2026',
      startTime: '10:00',
      endTime: '12:00',
      venueId: ids.venueId,
      onlineUrl: '',
      capacity: '',
    });
    const venueForm = (): Record<string, string | string[]> => ({
      name: 'Cradley Library',
      address: 'High Street\r\nCradley',
      postcode: 'B63 2UL',
      area: 'halesowen-north',
      capacity: '40',
      accessFeatures: [],
    });
    const registerForm = (): Record<string, string | string[]> => ({
      name: 'Sam Jones',
      email: 'sam.form@example.org',
      role: 'parent_carer',
      accessNeeds: ['other'],
      accessNotes: 'A quiet seat',
    });

    interface PageForm {
      name: string;
      agent: () => Agent;
      formPath: () => string;
      postPath?: () => string;
      fields: () => Record<string, string | string[]>;
      /** The fields sent as text (known before the fixtures exist, when the tests are listed). */
      textFields: string[];
      /** Each text field, a control character in it, and the message shown for it. */
      controls: Array<[string, string, RegExp]>;
    }

    const pageForms: PageForm[] = [
      {
        name: 'the sign-in page',
        agent: () => request.agent(api.http),
        formPath: () => '/sign-in',
        fields: () => ({ ...ADMIN }),
        textFields: ['email', 'password'],
        controls: [['email', 'admin@roundtable.test\u202E', /Your email address must not contain invisible/]],
      },
      {
        name: 'the new event form',
        agent: () => staff,
        formPath: () => '/staff/events/new',
        fields: eventForm,
        textFields: [
          'title',
          'kind',
          'description',
          'date-day',
          'startTime',
          'venueId',
          'onlineUrl',
          'capacity',
        ],
        controls: [
          [
            'title',
            'Tea\r\nEND:VEVENT',
            /Title must not contain control characters such as NUL or line breaks/,
          ],
          ['description', 'Come\u0007', /Description must not contain control characters/],
        ],
      },
      {
        name: 'the edit event form',
        agent: () => staff,
        formPath: () => `/staff/events/${ids.draftId}/edit`,
        fields: eventForm,
        textFields: ['title', 'description'],
        controls: [['title', 'Tea\u202E', /Title must not contain invisible formatting characters/]],
      },
      {
        name: 'the new venue form',
        agent: () => staff,
        formPath: () => '/staff/venues/new',
        fields: venueForm,
        textFields: ['name', 'address', 'postcode', 'area', 'capacity'],
        controls: [
          ['name', 'Cradley\nLibrary', /Name must not contain control characters/],
          ['address', 'High Street\u001b', /Address must not contain control characters/],
        ],
      },
      {
        name: 'the public registration form',
        agent: () => request.agent(api.http),
        formPath: () => `/events/${ids.publishedId}/register`,
        fields: registerForm,
        textFields: ['name', 'email', 'role', 'accessNotes'],
        controls: [
          ['name', 'Pay the deposit at pay.example', /Enter your name using only letters/],
          ['name', 'Sam\u0007', /Your name must not contain control characters or line breaks/],
          ['accessNotes', 'Quiet\u202E', /must not contain invisible formatting characters/],
        ],
      },
      {
        name: 'the cancel event form',
        agent: () => staff,
        formPath: () => `/staff/events/${ids.publishedId}/cancel`,
        fields: () => ({ reason: 'The venue flooded' }),
        textFields: ['reason'],
        controls: [
          ['reason', 'Flooded\u0007', /The reason must not contain control characters/],
          ['reason', 'Flooded\u202E', /The reason must not contain invisible formatting characters/],
        ],
      },
      {
        name: 'the arrange access need form',
        agent: () => staff,
        formPath: () => `/staff/events/${ids.publishedId}/access-needs`,
        postPath: () => `/staff/access-tasks/${ids.taskId}/arrange`,
        fields: () => ({ note: 'Sam will meet you at the door' }),
        textFields: ['note'],
        controls: [['note', 'Sam\u001b[31m', /The note must not contain control characters/]],
      },
      {
        name: 'the manage access-needs form',
        agent: () => request.agent(api.http),
        formPath: () => `/manage/${ids.manageToken}/access-needs`,
        fields: () => ({ accessNeeds: ['other'], accessNotes: 'A quiet seat' }),
        textFields: ['accessNotes', 'accessNeeds'],
        controls: [['accessNotes', 'Quiet\u0007', /must not contain control characters/]],
      },
    ];

    describe.each(pageForms.map((form) => [form.name, form] as const))('%s', (_, form) => {
      it.each(form.textFields)('answers a NUL in %s with the error page, not a 500', async (field) => {
        const path = form.formPath();
        const res = await postForm(form.agent(), path, form.postPath?.() ?? path, {
          ...form.fields(),
          [field]: `${form.fields()[field]}\u0000`,
        });
        expect(res.status).toBe(400);
        expect(pageText(res.text)).toContain('must not contain NUL characters');
      });

      it.each(form.controls)(
        'refuses a control character in %s with a message by it',
        async (field, value, message) => {
          const path = form.formPath();
          const res = await postForm(form.agent(), path, form.postPath?.() ?? path, {
            ...form.fields(),
            [field]: value,
          });
          expect(res.status).toBe(400);
          expect(pageText(res.text)).toMatch(message);
        },
      );
    });

    it.each([
      [
        'a name carrying a link',
        'Pay the deposit at pay.example <sam@example.org>',
        /Line 1: the name must be a name/,
      ],
      [
        'a name with a NUL',
        'Sam\u0000 <sam@example.org>',
        /Line 1: the name must not contain control characters/,
      ],
      [
        'an address with a direction override',
        'Sam <sa\u202Em@example.org>',
        /Line 1: .* is not an email address/,
      ],
    ])('the invite page refuses a pasted list with %s, and invites no one', async (_, people, message) => {
      const path = `/staff/events/${ids.publishedId}/invite`;
      const form = await staff.get(path).expect(200);
      const res = await refusedWithoutWriting(() =>
        staff.post(path).field('_csrf', csrfOf(form.text)).field('people', people),
      );
      expect(res.status).toBe(400);
      expect(pageText(res.text)).toMatch(message);
    });
  });
});
