import request from 'supertest';
import { ADMIN, type TestApi } from './test-app';

/**
 * A surname made of letters for person `n` (0 is "Aa", 1 "Ab", 12 "Abc"…), since a name may not
 * hold digits: tests that register many people tell them apart with it.
 */
export function lettersFor(n: number): string {
  const letters = String(n)
    .split('')
    .map((digit) => 'abcdefghij'[Number(digit)])
    .join('');
  return `A${letters}`;
}

/** The Authorization header for a token. */
export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

/**
 * A time slot `daysAhead` days after the test clock's date, from `hour`:00 UTC for `hours` hours,
 * as the ISO strings the API takes. Tests pick distinct days so their events never clash by accident.
 */
export function slot(
  api: TestApi,
  daysAhead: number,
  hour = 10,
  hours = 2,
): { startsAt: string; endsAt: string } {
  const start = new Date(api.clock.now());
  start.setUTCDate(start.getUTCDate() + daysAhead);
  start.setUTCHours(hour, 0, 0, 0);
  const end = new Date(start.getTime() + hours * 3_600_000);
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}

export const venueInput = (overrides: Record<string, unknown> = {}) => ({
  name: 'Halesowen Library',
  address: 'Queensway, Halesowen',
  postcode: 'B63 4AZ',
  area: 'halesowen-north',
  capacity: 40,
  accessFeatures: ['step_free_access', 'hearing_loop'],
  ...overrides,
});

/** Adds a venue through the API and returns its view. */
export async function createVenue(api: TestApi, token: string, overrides: Record<string, unknown> = {}) {
  const res = await request(api.http).post('/api/v1/venues').set(bearer(token)).send(venueInput(overrides));
  if (res.status !== 201)
    throw new Error(`creating a venue answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Drafts an event through the API (online-only unless a venueId is given) and returns its view. */
export async function createEvent(api: TestApi, token: string, overrides: Record<string, unknown> = {}) {
  const res = await request(api.http)
    .post('/api/v1/events')
    .set(bearer(token))
    .send({
      title: 'Waiting for an EHC plan: a listening event',
      kind: 'listening_event',
      description: 'Tell us what the wait has been like for your family.',
      ...slot(api, 10),
      ...('venueId' in overrides ? {} : { onlineUrl: 'https://meet.example.org/ehc' }),
      ...overrides,
    });
  if (res.status !== 201)
    throw new Error(`creating an event answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Publishes a draft through the API and returns its view. */
export async function publishEvent(api: TestApi, token: string, id: string) {
  const res = await request(api.http).post(`/api/v1/events/${id}/publish`).set(bearer(token));
  if (res.status !== 200) throw new Error(`publishing answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** How many rows a table holds, to show a refused request wrote nothing. */
export async function countRows(
  api: TestApi,
  table:
    | 'users'
    | 'sessions'
    | 'venues'
    | 'events'
    | 'registrations'
    | 'notifications'
    | 'access_tasks'
    | 'campaigns'
    | 'themes'
    | 'testimonies'
    | 'testimony_themes'
    | 'testimony_notes'
    | 'casework_referrals'
    | 'testimony_erasures'
    | 'audit_log'
    | 'testimony_imports'
    | 'testimony_import_mappings',
): Promise<number> {
  const [row] = await api.dataSource.query(`SELECT count(*)::int AS count FROM "${table}"`);
  return row.count;
}

/**
 * The response is API.md's error: the status, its name and a message that says what to fix
 * (a string, or one string per field). Returns the message joined up, for matching.
 */
export function expectError(res: request.Response, status: number): string {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { statusCode: status } });
  expect(typeof res.body.error).toBe('string');
  const message: unknown = res.body.message;
  const messages = Array.isArray(message) ? message : [message];
  expect(messages.length).toBeGreaterThan(0);
  for (const line of messages) {
    expect(typeof line).toBe('string');
    expect((line as string).length).toBeGreaterThan(0);
  }
  return messages.join('\n');
}

/**
 * Runs `work` with the test clock moved to `at`, then puts it back. Sessions expire by that
 * clock, so `work` gets a fresh admin token signed in at the new time.
 */
export async function withClockAt<T>(
  api: TestApi,
  at: Date,
  work: (adminToken: string) => Promise<T>,
): Promise<T> {
  const original = api.clock.now();
  api.clock.set(at);
  try {
    const res = await request(api.http).post('/api/v1/auth/login').send(ADMIN);
    if (res.status !== 200) throw new Error(`signing in at ${at.toISOString()} answered ${res.status}`);
    return await work(res.body.token);
  } finally {
    api.clock.set(original);
  }
}
