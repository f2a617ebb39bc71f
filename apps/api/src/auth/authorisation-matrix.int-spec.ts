import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  ACCESS,
  MATRIX_ROLES,
  matrixMarkdown,
  matrixPath,
  matrixPathSource,
  outcomeOf,
  MatrixWorldSupply,
  seedMatrixWorld,
  type MatrixPartners,
  type MatrixRef,
  type MatrixRole,
  type MatrixWorld,
  type Row,
} from '../../../../test/support/authorisation-matrix';
import { bearer } from '../../../../test/support/fixtures';
import { startHostileApi, type HostileApi } from '../../../../test/support/hostile/hostile-api';
import {
  apiRoutesOf,
  type ApiRoute,
  type OpenApiDocument,
} from '../../../../test/support/hostile/openapi-routes';
import { seedEvent } from '../../../../test/support/notification-seed';
import { approvedPartner, PARTNER_PASSWORD } from '../../../../test/support/partner-user';
import { ADMIN } from '../../../../test/support/test-app';

/**
 * The authorisation matrix (issue 11): every route in the app's own OpenAPI document, called as
 * anonymous, an organiser, an admin, partner A and partner B, against the expected table below.
 * API.md's rules: no token 401; a role without access 403 (partners on every staff, testimony,
 * casework, report, import and audit route); an event a partner does not co-host, or another
 * partner's data, 404; public routes allowed for all. A documented route missing from the table,
 * or a table row naming a route the document lacks, fails the test, so a new route cannot slip by.
 *
 * Calls do not depend on each other: reads share one seeded world; every other call meets a world
 * no earlier call has changed (a fresh one once a call has written anything: MatrixWorldSupply),
 * so a cancel, erase, retire or approve cannot change what a later call meets, and bodies are empty (an authorised write answers 400) unless a scope check must be reached first.
 * The observed table is printed and written to coverage/authorisation-matrix.md for the note.
 */

const {
  PUBLIC,
  SIGNED_IN,
  STAFF,
  ADMIN: ADMIN_ONLY,
  PARTNER,
  PARTNER_A_EVENT,
  PARTNER_B_EVENT,
  PARTNER_NO_EVENT,
  STAFF_OR_COHOST_A,
  STAFF_OR_NO_COHOST,
  ADMIN_ON_STAFF,
} = ACCESS;

/** Every route, and what each caller must get. Path ids come from the world (see MatrixWorld). */
const EXPECTED: Record<string, Row> = {
  // Identity
  'POST /api/v1/auth/login': PUBLIC,
  'GET /api/v1/auth/me': SIGNED_IN,
  'POST /api/v1/auth/logout': SIGNED_IN,
  // Organisers add partner users; a staff user only an admin may add (403, partner-onboarding.int-spec).
  'POST /api/v1/users': STAFF,
  'GET /api/v1/audit': ADMIN_ONLY,
  // Venues and events
  'POST /api/v1/venues': STAFF,
  'GET /api/v1/venues': STAFF,
  'GET /api/v1/venues/{id}': STAFF,
  'PATCH /api/v1/venues/{id}': STAFF,
  'POST /api/v1/events': STAFF,
  'GET /api/v1/events': STAFF,
  'GET /api/v1/events/{id}': STAFF,
  'PATCH /api/v1/events/{id}': STAFF,
  'POST /api/v1/events/{id}/publish': STAFF,
  'POST /api/v1/events/{id}/cancel': STAFF,
  'GET /api/v1/events/{id}/calendar.ics': PUBLIC,
  'GET /api/v1/public/events': PUBLIC,
  'GET /api/v1/public/events/{id}': PUBLIC,
  // Campaigns
  'POST /api/v1/campaigns': STAFF,
  'GET /api/v1/campaigns': STAFF,
  'GET /api/v1/campaigns/{id}': STAFF,
  'PATCH /api/v1/campaigns/{id}': STAFF,
  'POST /api/v1/campaigns/{id}/publish': STAFF,
  'GET /api/v1/public/campaigns/{id}': PUBLIC,
  // Invitations and registrations (the event is the one partner A co-hosts)
  'POST /api/v1/public/events/{id}/registrations': PUBLIC,
  'POST /api/v1/public/events/{id}/manage-link': PUBLIC,
  'GET /api/v1/public/registrations/{token}': PUBLIC,
  'PATCH /api/v1/public/registrations/{token}': PUBLIC,
  'DELETE /api/v1/public/registrations/{token}': PUBLIC,
  'POST /api/v1/public/registrations/{token}/unsubscribe': PUBLIC,
  'GET /api/v1/events/{id}/registrations': STAFF_OR_COHOST_A,
  'POST /api/v1/events/{id}/invitations': STAFF_OR_COHOST_A,
  'POST /api/v1/events/{id}/invitations/preview': STAFF_OR_COHOST_A,
  'GET /api/v1/events/{id}/notifications': STAFF,
  'POST /api/v1/events/{id}/registrations': STAFF,
  'POST /api/v1/events/{id}/walk-ins': STAFF,
  'POST /api/v1/events/{id}/attendance': STAFF,
  'DELETE /api/v1/events/{id}/attendance/{registrationId}': STAFF,
  'GET /api/v1/events/{id}/access-tasks': STAFF,
  'POST /api/v1/access-tasks/{id}/arrange': STAFF,
  // Themes, testimony, casework, reports, imports: staff only, partners 403
  'GET /api/v1/themes': STAFF,
  'POST /api/v1/themes': STAFF,
  'GET /api/v1/themes/{id}': STAFF,
  'PATCH /api/v1/themes/{id}': STAFF,
  'POST /api/v1/themes/{id}/retire': STAFF,
  'POST /api/v1/themes/{id}/merge': STAFF,
  'GET /api/v1/public/themes': PUBLIC,
  'GET /api/v1/testimonies': STAFF,
  'POST /api/v1/testimonies': STAFF,
  'GET /api/v1/testimonies/{id}': STAFF,
  'PATCH /api/v1/testimonies/{id}': STAFF,
  'GET /api/v1/casework': STAFF,
  'PATCH /api/v1/casework/{id}': STAFF,
  'POST /api/v1/public/testimonies': PUBLIC,
  'GET /api/v1/public/testimonies/{receiptToken}': PUBLIC,
  'PATCH /api/v1/public/testimonies/{receiptToken}': PUBLIC,
  'DELETE /api/v1/public/testimonies/{receiptToken}': PUBLIC,
  'GET /api/v1/reports/testimony': STAFF,
  'POST /api/v1/testimony-imports': STAFF,
  'GET /api/v1/testimony-imports/{id}/preview': STAFF,
  'POST /api/v1/testimony-imports/{id}/preview': STAFF,
  'POST /api/v1/testimony-imports/{id}/commit': STAFF,
  'GET /api/v1/testimony-imports/{id}/commit': STAFF,
  // Operations
  'GET /health': PUBLIC,
  // Issue 11, onboarding (A)
  'POST /api/v1/public/partners': PUBLIC,
  'GET /api/v1/partners': STAFF,
  'GET /api/v1/partners/{id}': STAFF,
  'POST /api/v1/partners/{id}/approve': STAFF,
  'POST /api/v1/partners/{id}/reject': STAFF,
  'POST /api/v1/public/password-links/{token}': PUBLIC,
  // The target is a partner user: organisers may deactivate those (a staff user: see VARIANTS).
  'POST /api/v1/users/{id}/deactivate': STAFF,
  // Issue 12, point 8: staff accounts and passwords. {id} is a partner user: PATCH refuses it (400).
  'GET /api/v1/users': ADMIN_ONLY,
  'PATCH /api/v1/users/{id}': ADMIN_ONLY,
  'POST /api/v1/users/{id}/reactivate': STAFF,
  'POST /api/v1/auth/password': SIGNED_IN,
  'POST /api/v1/public/password-resets': PUBLIC,
  // Issue 11, co-hosting (B)
  'GET /api/v1/events/{id}/cohosts': STAFF,
  'POST /api/v1/events/{id}/cohosts': STAFF,
  'DELETE /api/v1/events/{id}/cohosts': STAFF,
  'DELETE /api/v1/events/{id}/cohosts/{partnerId}': STAFF,
  'GET /api/v1/cohost-requests': STAFF,
  'POST /api/v1/cohost-requests/{id}/accept': STAFF,
  'POST /api/v1/cohost-requests/{id}/decline': STAFF,
  'POST /api/v1/partner/cohost-requests': PARTNER,
  'GET /api/v1/partner/cohost-requests': PARTNER,
  // Issue 11, the portal (C)
  'GET /api/v1/partner/events': PARTNER,
  'GET /api/v1/partner/events/{id}': PARTNER_A_EVENT,
  'GET /api/v1/partner/events/{id}/contacts': PARTNER_A_EVENT,
  'POST /api/v1/partner/calendar-feed': PARTNER,
  'DELETE /api/v1/partner/calendar-feed': PARTNER,
  'GET /partner-feeds/{token}.ics': PUBLIC,
  // Issue 12: the privacy notice's and accessibility statement's text (admins), lists to take along
  'GET /api/v1/site-texts': ADMIN_ONLY,
  'PUT /api/v1/site-texts/{key}': ADMIN_ONLY,
  'DELETE /api/v1/site-texts/{key}': ADMIN_ONLY,
  'GET /api/v1/events/{id}/registrations.csv': STAFF,
  'GET /api/v1/events/{id}/sign-in-sheet': STAFF,
};

/** Extra rows: a route aimed at another row than the world's default (`point` re-points a world value). */
const VARIANTS: Array<{
  label: string;
  route: string;
  point: Partial<Record<MatrixRef, MatrixRef>>;
  expected: Row;
}> = [
  {
    label: 'GET /api/v1/events/{id}/registrations (event nobody co-hosts)',
    route: 'GET /api/v1/events/{id}/registrations',
    point: { eventId: 'uncohostedEventId' },
    expected: STAFF_OR_NO_COHOST,
  },
  {
    label: 'GET /api/v1/partner/events/{id} (event B co-hosts)',
    route: 'GET /api/v1/partner/events/{id}',
    point: { eventId: 'eventBId' },
    expected: PARTNER_B_EVENT,
  },
  {
    label: 'GET /api/v1/partner/events/{id} (event nobody co-hosts)',
    route: 'GET /api/v1/partner/events/{id}',
    point: { eventId: 'uncohostedEventId' },
    expected: PARTNER_NO_EVENT,
  },
  {
    label: 'GET /api/v1/partner/events/{id}/contacts (event B co-hosts)',
    route: 'GET /api/v1/partner/events/{id}/contacts',
    point: { eventId: 'eventBId' },
    expected: PARTNER_B_EVENT,
  },
  {
    label: 'POST /api/v1/users/{id}/deactivate (a staff user)',
    route: 'POST /api/v1/users/{id}/deactivate',
    point: { partnerUserId: 'staffUserId' },
    expected: ADMIN_ON_STAFF,
  },
  {
    label: 'POST /api/v1/users/{id}/reactivate (a staff user)',
    route: 'POST /api/v1/users/{id}/reactivate',
    point: { partnerUserId: 'staffUserId' },
    expected: ADMIN_ON_STAFF,
  },
];

/**
 * Valid bodies where a scope check may sit behind validation: with an empty body a partner
 * without access could get a 400 (counted as allowed) before the 404 it is owed.
 */
const VALID_BODIES: Record<string, (world: MatrixWorld) => unknown> = {
  'POST /api/v1/events/{id}/invitations': (world) => ({
    contacts: [{ name: 'Sam Member', email: world.uniqueEmail }],
  }),
  'POST /api/v1/events/{id}/invitations/preview': (world) => ({
    contacts: [{ name: 'Sam Member', email: world.uniqueEmail }],
  }),
};

/** Routes that end the session they are called with: each call signs in afresh. */
const SESSION_ENDING_ROUTES = new Set(['POST /api/v1/auth/logout']);

interface Callers {
  tokens: Record<Exclude<MatrixRole, 'anonymous'>, string>;
  credentials: Record<Exclude<MatrixRole, 'anonymous'>, { email: string; password: string }>;
}

const ORGANISER = { email: 'matrix-organiser@roundtable.test', password: 'matrix-organiser-password-1' };

describe('authorisation matrix: every documented route × anonymous, organiser, admin, partner A, partner B', () => {
  let hostile: HostileApi;
  let routes: ApiRoute[];
  let documented: Set<string>;
  let partners: MatrixPartners;
  let callers: Callers;
  let readWorld: MatrixWorld;
  let writeWorlds: MatrixWorldSupply;

  beforeAll(async () => {
    hostile = await startHostileApi('authorisation-matrix', { ...ORGANISER, name: 'Mo Organiser' });
    const { api } = hostile;
    const docs = await request(api.http).get('/docs/openapi.json').expect(200);
    routes = apiRoutesOf(docs.body as OpenApiDocument);
    documented = new Set(routes.map((route) => route.label));
    const partnerA = await approvedPartner(api, 'Halesowen Carers');
    const partnerB = await approvedPartner(api, 'Dudley Parent Carer Forum');
    const eventB = await seedEvent(api.dataSource);
    await api.dataSource.query('INSERT INTO event_cohosts (event_id, partner_id) VALUES ($1, $2)', [
      eventB.id,
      partnerB.partnerId,
    ]);
    partners = { partnerAId: partnerA.partnerId, partnerBId: partnerB.partnerId, eventBId: eventB.id };
    const organiserLogin = await request(api.http).post('/api/v1/auth/login').send(ORGANISER).expect(200);
    callers = {
      tokens: {
        organiser: organiserLogin.body.token,
        admin: hostile.adminToken,
        partnerA: partnerA.token,
        partnerB: partnerB.token,
      },
      credentials: {
        organiser: ORGANISER,
        admin: ADMIN,
        partnerA: { email: partnerA.email, password: PARTNER_PASSWORD },
        partnerB: { email: partnerB.email, password: PARTNER_PASSWORD },
      },
    };
    readWorld = await seedMatrixWorld(api.dataSource, partners);
    writeWorlds = new MatrixWorldSupply(api.dataSource, partners);
  });
  afterAll(() => hostile?.close());

  it('has a row for every documented route, and no row for a route the document lacks', () => {
    expect(routes.length).toBeGreaterThan(50);
    const missingRows = [...documented].filter((label) => !(label in EXPECTED));
    const staleRows = Object.keys(EXPECTED).filter((label) => !documented.has(label));
    const unknownVariants = VARIANTS.filter((variant) => !(variant.route in EXPECTED)).map((v) => v.label);
    const unfillable = routes.flatMap((route) =>
      [...route.template.matchAll(/\{(\w+)\}/g)]
        .filter(([, name]) => !matrixPathSource(route.template, name!))
        .map(([, name]) => `${route.label}: {${name}} (add it to MATRIX_PATH_SOURCES)`),
    );
    expect({ missingRows, staleRows, unknownVariants, unfillable }).toEqual({
      missingRows: [],
      staleRows: [],
      unknownVariants: [],
      unfillable: [],
    });
  });

  /** A token for one call: the role's session, or a fresh one for a route that ends it. */
  async function tokenFor(role: MatrixRole, label: string): Promise<string | undefined> {
    if (role === 'anonymous') return undefined;
    if (!SESSION_ENDING_ROUTES.has(label)) return callers.tokens[role];
    const res = await request(hostile.api.http).post('/api/v1/auth/login').send(callers.credentials[role]);
    if (res.status !== 200) throw new Error(`signing ${role} in again for ${label} answered ${res.status}`);
    return res.body.token as string;
  }

  /**
   * What a call needs that the world's rows cannot give: a real calendar-feed token (made by
   * partner B just before, so the call meets a live feed), or a feed for the caller to revoke.
   */
  async function prepare(label: string, role: MatrixRole, world: MatrixWorld): Promise<MatrixWorld> {
    const http = hostile.api.http;
    if (label === 'GET /partner-feeds/{token}.ics') {
      const res = await request(http)
        .post('/api/v1/partner/calendar-feed')
        .set(bearer(callers.tokens.partnerB));
      const token = /partner-feeds\/([^/?.\s"]+)\.ics/.exec(JSON.stringify(res.body))?.[1];
      if (!token)
        throw new Error(
          `POST /api/v1/partner/calendar-feed as partner B answered ${res.status} with no /partner-feeds/<token>.ics URL: ${res.text.slice(0, 300)}`,
        );
      return { ...world, feedToken: token };
    }
    if (label === 'DELETE /api/v1/partner/calendar-feed' && (role === 'partnerA' || role === 'partnerB')) {
      const res = await request(http).post('/api/v1/partner/calendar-feed').set(bearer(callers.tokens[role]));
      if (res.status < 200 || res.status >= 300)
        throw new Error(`making ${role} a feed to revoke answered ${res.status}: ${res.text.slice(0, 300)}`);
    }
    return world;
  }

  /** Calls a route once as a role and returns the observed outcome. */
  async function observe(
    route: ApiRoute,
    role: MatrixRole,
    point: Partial<Record<MatrixRef, MatrixRef>> = {},
  ): Promise<string> {
    const { api } = hostile;
    const reads = route.method === 'GET';
    const world = await prepare(route.label, role, reads ? readWorld : await writeWorlds.next());
    const token = await tokenFor(role, route.label);
    // Marked after the preparation and any fresh sign-in, so only the call's own writes count.
    const before = reads ? undefined : await writeWorlds.before();
    let call = request(api.http)[route.method.toLowerCase() as 'get'](
      matrixPath(route.template, world, point),
    );
    if (token) call = call.set(bearer(token));
    const body = VALID_BODIES[route.label]?.(world) ?? (route.body ? {} : undefined);
    if (body !== undefined) call = call.send(body as object);
    const res = await call;
    if (before) await writeWorlds.afterAnswer(res.status, before);
    return String(outcomeOf(res.status));
  }

  it('answers each caller as the table says (the observed table is printed)', async () => {
    const table: Parameters<typeof matrixMarkdown>[0] = [];
    const mismatches: string[] = [];
    const record = (label: string, expected: Row, observed: Partial<Record<MatrixRole, string>>) => {
      table.push({ label, observed, expected });
      for (const role of MATRIX_ROLES)
        if (observed[role] !== String(expected[role]))
          mismatches.push(`${label} as ${role}: expected ${expected[role]}, got ${observed[role]}`);
    };

    const ordered = [...routes].sort((a, b) => a.label.localeCompare(b.label));
    for (const route of ordered) {
      const row = EXPECTED[route.label];
      if (!row) continue; // reported by the coverage test above
      const observed: Partial<Record<MatrixRole, string>> = {};
      for (const role of MATRIX_ROLES) observed[role] = await observe(route, role);
      record(route.label, row, observed);
      for (const variant of VARIANTS.filter((v) => v.route === route.label)) {
        const seen: Partial<Record<MatrixRole, string>> = {};
        for (const role of MATRIX_ROLES) seen[role] = await observe(route, role, variant.point);
        record(variant.label, variant.expected, seen);
      }
    }

    const markdown = [
      `Authorisation matrix, ${new Date().toISOString()}: ${table.length} rows. "allowed" = past authorisation`,
      '(2xx/3xx, or a 400/409/410/422 about the input or state); bold = differs from the expected table.',
      '',
      matrixMarkdown(table),
      '',
    ].join('\n');
    const file = join(__dirname, '../../../../coverage/authorisation-matrix.md');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, markdown);
    // Printed whole, for the session note: jest's console would prefix and indent it.
    process.stdout.write(`\n${markdown}\n`);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
