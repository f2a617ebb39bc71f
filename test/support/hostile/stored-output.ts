import request from 'supertest';
import { waitUntil } from '../../../tools/local/wait';
import { bearer } from '../fixtures';
import type { SmtpSink } from '../smtp-sink';
import type { TestApi } from '../test-app';
import { TEST_JOB_POLICY } from '../test-job-policy';
import { startWorkerBesideApi } from '../worker-beside-api';
import { calendarProblems, markupProblems } from './hostile-check';
import { CALENDAR_INJECTIONS, HEADER_INJECTIONS, MARKUP_PAYLOADS } from './hostile-values';
import { mailProblems } from './mail-checks';
import { noteFigure, timed } from './profile';
import { pageRoutes, type Agent } from './page-session';

/** How many events and private links the page scan visits: the ones holding the suite's markup first. */
const PAGE_SCAN_LIMIT = 25;

/**
 * Waits until the worker has dealt with every message that was due (sent, failed or superseded),
 * so the sink holds all the mail the hostile writes caused.
 */
export async function waitForDueMail(api: TestApi): Promise<void> {
  try {
    await waitUntil(
      'every due notification sent or given up',
      async () => {
        const [row] = await api.dataSource.query(
          `SELECT count(*)::int AS count FROM notifications
            WHERE status IN ('pending', 'sending') AND send_at <= now()`,
        );
        return row.count === 0;
      },
      // With the test policy a message that keeps failing is given up about a second after its
      // first attempt; the rest is sending thousands of messages on a loaded machine.
      { timeoutMs: 180_000, intervalMs: 250 },
    );
  } catch (error) {
    // Say which messages were still waiting and why, so a failure names its cause.
    const waiting: Array<{
      kind: string;
      status: string;
      attempts: number;
      last_error: string | null;
      count: number;
    }> = await api.dataSource.query(
      `SELECT kind, status, attempts, last_error, count(*)::int AS count FROM notifications
          WHERE status IN ('pending', 'sending') AND send_at <= now()
          GROUP BY kind, status, attempts, last_error ORDER BY count DESC LIMIT 10`,
    );
    const lines = waiting.map(
      (row) =>
        `${row.count} × ${row.kind} ${row.status} after ${row.attempts} attempts: ${row.last_error ?? 'no error'}`,
    );
    throw new Error(`${(error as Error).message}; still waiting:\n${lines.join('\n')}`);
  }
}

/**
 * Events whose own text, venue, registrations or access tasks hold markup the suite sent (a "<"),
 * so the pages that show them are the ones worth reading.
 */
async function eventsHoldingMarkup(api: TestApi): Promise<string[]> {
  const rows: Array<{ id: string }> = await api.dataSource.query(
    `SELECT e.id FROM events e LEFT JOIN venues v ON v.id = e.venue_id
      WHERE e::text LIKE '%<%' OR v::text LIKE '%<%'
         OR EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = e.id AND r::text LIKE '%<%')
         OR EXISTS (SELECT 1 FROM access_tasks a WHERE a.event_id = e.id AND a::text LIKE '%<%')
      ORDER BY e.created_at DESC LIMIT $1`,
    [PAGE_SCAN_LIMIT],
  );
  return rows.map((row) => row.id);
}

/**
 * Property 3 on the pages: every page (public, staff and private-link) that shows an event
 * holding the suite's markup, read as staff or through the link, has none of it unescaped.
 */
export async function pageProblems(api: TestApi, staff: Agent, manageTokens: string[]): Promise<string[]> {
  const eventIds = await eventsHoldingMarkup(api);
  const problems: string[] = [];
  const read = async (path: string, agent: Agent | undefined, route = path) => {
    const res = await timed(`page ${route}`, async () => (agent ?? request.agent(api.http)).get(path));
    if (res.status >= 500) problems.push(`GET ${path}: answered ${res.status}`);
    const type = String(res.headers['content-type'] ?? '');
    if (type.startsWith('text/html'))
      problems.push(...markupProblems(res.text).map((problem) => `GET ${path}: ${problem}`));
  };
  for (const route of pageRoutes(api, 'GET')) {
    const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
    if (params.length === 0) await read(route.path, staff);
    else if (params.length === 1 && params[0] === 'id')
      for (const id of eventIds) await read(route.path.replace(':id', id), staff, route.path);
    else if (params.length === 1 && params[0] === 'token')
      for (const token of manageTokens.slice(-PAGE_SCAN_LIMIT))
        await read(route.path.replace(':token', token), undefined, route.path);
  }
  return problems;
}

/** Property 5 on the feed: every event's calendar.ics parses and holds exactly one VEVENT. */
export async function feedProblems(api: TestApi, adminToken: string): Promise<string[]> {
  const rows: Array<{ id: string; title: string }> = await api.dataSource.query(
    `SELECT id, title FROM events ORDER BY (title ~ '[\\r\\n<;,\\\\]') DESC, created_at DESC LIMIT 200`,
  );
  const problems: string[] = [];
  for (const { id, title } of rows) {
    const path = `/api/v1/events/${id}/calendar.ics`;
    const res = await request(api.http).get(path).set(bearer(adminToken)).buffer(true);
    if (res.status !== 200) {
      if (res.status >= 500) problems.push(`GET ${path}: answered ${res.status}`);
      continue;
    }
    problems.push(
      ...calendarProblems(res.text).map(
        (problem) => `GET ${path} (title ${JSON.stringify(title.slice(0, 120))}): ${problem}`,
      ),
    );
  }
  return problems;
}

/** Properties 3, 4 and 5 on the mail: every message the sink caught, with its subject for reference. */
export function sentMailProblems(sink: SmtpSink): string[] {
  return sink.received.flatMap((mail) =>
    mailProblems(mail).map(
      (problem) =>
        `mail ${mail.notificationId ?? '(no notification id)'} "${String(mail.parsed.subject ?? '').slice(0, 80)}": ${problem}`,
    ),
  );
}

/**
 * Writes that staff and the public make every day, with the suite's markup, header injections
 * and a calendar injection in every text a person types, so the pages, emails and feeds below
 * have something to show whatever the random runs were: a published event (its title goes into
 * every email and calendar), invitations and a public registration. A refusal (4xx) is fine: the
 * rules may forbid some of it. A 5xx is a problem.
 */
export async function writeHostileStories(api: TestApi, adminToken: string): Promise<string[]> {
  const problems: string[] = [];
  const call = async (method: 'post', path: string, body: unknown, signedIn = true) => {
    const req = request(api.http)[method](path);
    const res = await (signedIn ? req.set(bearer(adminToken)) : req).send(body as object);
    if (res.status >= 500)
      problems.push(`${method.toUpperCase()} ${path} (writing the stories): answered ${res.status}`);
    return res;
  };
  const day = (n: number) => new Date(api.clock.now().getTime() + n * 86_400_000);
  const venue = await call('post', '/api/v1/venues', {
    name: `Hall ${MARKUP_PAYLOADS[0]}`,
    address: `1 High Street ${MARKUP_PAYLOADS[1]}`,
    postcode: 'B63 4AZ',
    area: 'halesowen-north',
    capacity: 40,
  });
  const titles = [`Waiting for an EHC plan ${MARKUP_PAYLOADS[0]}`, ...CALENDAR_INJECTIONS];
  for (const [index, title] of titles.entries()) {
    const start = day(40 + index);
    const event = await call('post', '/api/v1/events', {
      title,
      kind: 'listening_event',
      description: `${MARKUP_PAYLOADS[1]}\nA second line ${MARKUP_PAYLOADS[2]}`,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      ...(venue.status === 201
        ? { venueId: venue.body.id }
        : { onlineUrl: 'https://meet.example.org/stories' }),
    });
    if (event.status !== 201) continue;
    const id = event.body.id as string;
    await call('post', `/api/v1/events/${id}/publish`, {});
    await call('post', `/api/v1/events/${id}/invitations`, {
      contacts: [{ name: `Sam ${MARKUP_PAYLOADS[3]}`, email: `story-${index}-a@example.org` }],
    });
    for (const [n, injection] of HEADER_INJECTIONS.entries())
      await call('post', `/api/v1/events/${id}/invitations`, {
        contacts: [{ name: injection, email: `story-${index}-${n}@example.org` }],
      });
    await call(
      'post',
      `/api/v1/public/events/${id}/registrations`,
      {
        name: `Ali ${MARKUP_PAYLOADS[2]}`,
        email: `story-${index}-public@example.org`,
        role: 'parent_carer',
        accessNeeds: ['bsl_interpreter'],
        accessNotes: `${MARKUP_PAYLOADS[0]}`,
      },
      false,
    );
  }
  return problems;
}

/** Where the suite's stored input can come back out, and the means to look. */
export interface StoredOutputSources {
  api: TestApi;
  sink: SmtpSink;
  staff: Agent;
  adminToken: string;
  manageTokens: string[];
}

/**
 * Every stored-output problem, grouped as the report lists them. The worker runs beside the api
 * meanwhile, so it sends what the accepted writes queued.
 */
export async function storedOutputProblems(options: StoredOutputSources): Promise<string[]> {
  // Retries and the sweep shortened: a message the suite made undeliverable is given up in about a
  // second, not after minutes of real backoff, and a row whose job was lost is found at once.
  const worker = await timed('stored output: start worker', () => startWorkerBesideApi(TEST_JOB_POLICY));
  try {
    return await storedOutputProblemsBesideWorker(options);
  } finally {
    await timed('stored output: stop worker', () => worker.close());
  }
}

async function storedOutputProblemsBesideWorker(options: StoredOutputSources): Promise<string[]> {
  const writing = await timed('stored output: write stories', () =>
    writeHostileStories(options.api, options.adminToken),
  );
  const [due] = await options.api.dataSource.query(
    `SELECT count(*)::int AS count FROM notifications WHERE status IN ('pending', 'sending')`,
  );
  noteFigure('messages waiting when the worker started', due.count);
  if (process.env.HOSTILE_PROFILE) {
    const kinds: Array<{ kind: string; count: number }> = await options.api.dataSource.query(
      `SELECT kind, count(*)::int AS count FROM notifications WHERE status IN ('pending', 'sending') GROUP BY kind`,
    );
    for (const { kind, count } of kinds) noteFigure(`  of which ${kind}`, count);
  }
  await timed('stored output: wait for due mail', () => waitForDueMail(options.api));
  noteFigure('emails the sink received', options.sink.received.length);
  // A check that saw nothing proves nothing: staff-typed event titles go into every invitation.
  if (!options.sink.received.some((mail) => (mail.parsed.text ?? '').includes('rt-xss')))
    writing.push("no email carried the suite's markup, so the checks on emails proved nothing");
  return [
    ...writing,
    ...(await timed('stored output: pages', () =>
      pageProblems(options.api, options.staff, options.manageTokens),
    )),
    ...(await timed('stored output: feeds', () => feedProblems(options.api, options.adminToken))),
    ...sentMailProblems(options.sink),
  ];
}
