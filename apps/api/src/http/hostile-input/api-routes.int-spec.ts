import request from 'supertest';
import { bearer } from '../../../../../test/support/fixtures';
import { logAnswer } from '../../../../../test/support/hostile/answer-log';
import { timed, writeProfile } from '../../../../../test/support/hostile/profile';
import { answerTo, startHostileApi, type HostileApi } from '../../../../../test/support/hostile/hostile-api';
import {
  answerProblems,
  checkRoute,
  describeAnswer,
  errorShapeProblem,
  failWith,
  hostileSettings,
  unreachedRoutes,
  markupProblems,
  calendarProblems,
  ValidInputRepeats,
} from '../../../../../test/support/hostile/hostile-check';
import {
  bodyFor,
  describePath,
  describeValue,
  urlFor,
  type HostileRequest,
} from '../../../../../test/support/hostile/hostile-request';
import { serialiseJson } from '../../../../../test/support/hostile/hostile-values';
import { WorldSupply } from '../../../../../test/support/hostile/hostile-world';
import {
  apiExamples,
  apiRequestArbitrary,
  apiRoutesOf,
  generatorProblems,
  type ApiRoute,
  type OpenApiDocument,
} from '../../../../../test/support/hostile/openapi-routes';
import { signedInAgent } from '../../../../../test/support/hostile/page-session';
import { storedOutputProblems } from '../../../../../test/support/hostile/stored-output';
import type { SmtpSink } from '../../../../../test/support/smtp-sink';
import { ADMIN, type TestApi } from '../../../../../test/support/test-app';

/**
 * The standing hostile-input suite, JSON API half: every route in the app's own OpenAPI
 * document (so a new route cannot be missed) gets random and hostile paths, query strings and
 * bodies, signed in as staff where the document says so. Each answer must be a 2xx or a 4xx in
 * API.md's error shape, never a 5xx; a 4xx must leave every table as it was. Then the worker
 * sends what the accepted writes queued, and no page, email or calendar may carry the markup,
 * header injections or extra events the suite put in. See README "The hostile-input suite".
 */

const settings = hostileSettings(12);
// About a minute per run across all routes, so HOSTILE_RUNS=1000 is not cut short.
const ROUTE_TIMEOUT_MS = (10 + settings.runs) * 60_000;

/** Routes that end the session they are called with: they get a session of their own each run. */
const SESSION_ENDING_ROUTES = new Set(['POST /api/v1/auth/logout']);

/** Routes that cannot accept anything in the suite's world, and why. */
const NEVER_ACCEPTED_HERE: Record<string, string> = {
  'POST /api/v1/events/{id}/attendance':
    "attendance opens near the event's start; the seeded event is days away",
  'POST /api/v1/events/{id}/walk-ins':
    "walk-ins are recorded from the event's day; the seeded event is days away",
  'POST /api/v1/users/{id}/reactivate':
    "the seeded users are active (deactivating the suite's own would end its session); reactivation is driven by accounts.int-spec.ts",
  'POST /api/v1/auth/password':
    "posted with a wrong current password on purpose, so the suite's own password never changes; a change is driven by accounts.int-spec.ts",
  'POST /api/v1/testimony-imports':
    'a multipart file upload: the suite sends JSON or no body, which must be refused (its own int-spec sends files)',
};

/** An organiser the session-ending routes sign in as, so hostile logins cannot lock them out. */
const SESSION_USER = { email: 'hostile-sessions@roundtable.test', password: 'hostile-sessions-password-1' };

describe('hostile input on every API route', () => {
  let hostile: HostileApi;
  let sink: SmtpSink;
  let api: TestApi;
  let adminToken: string;
  let partnerToken: string;
  let routes: ApiRoute[];
  let worlds: WorldSupply;
  const manageTokens: string[] = [];
  /** Routes that accepted at least one input (2xx/3xx). */
  const accepted = new Set<string>();
  let validRepeats: ValidInputRepeats<HostileRequest>;

  beforeAll(async () => {
    hostile = await startHostileApi('hostile-api', { ...SESSION_USER, name: 'Hostile Sessions' });
    ({ api, sink, adminToken, partnerToken } = hostile);
    const docs = await request(api.http).get('/docs/openapi.json').expect(200);
    routes = apiRoutesOf(docs.body as OpenApiDocument);
    validRepeats = new ValidInputRepeats(
      new Map(
        routes
          .filter((route) => generatorProblems(route).length === 0)
          .map((route) => [route.label, apiExamples(route)[0]!]),
      ),
    );
    worlds = new WorldSupply(api.dataSource);
  });
  afterAll(async () => {
    writeProfile(`api ${new Date().toISOString()}`);
    await timed('close', async () => hostile?.close());
  });

  it('reads every route from the OpenAPI document, and can generate requests for each', () => {
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.flatMap((route) =>
      generatorProblems(route).map((problem) => `${route.label}: ${problem}`),
    );
    expect(missing).toEqual([]);
  });

  /** Sends one generated request in a world and throws what was wrong with the answer. */
  async function send(route: ApiRoute, input: HostileRequest): Promise<void> {
    if (validRepeats.enough(route.label, input)) return;
    const sessionEnding = SESSION_ENDING_ROUTES.has(route.label);
    // The partner routes act for the signed-in user's organisation: staff are refused there.
    const asPartner = route.template.startsWith('/api/v1/partner/');
    const token = sessionEnding ? await freshToken() : asPartner ? partnerToken : adminToken;
    // The change log is read from here on, so the fresh session above is not counted as the request's.
    const { world, aimed, before } = await worlds.next((aim) => ({
      url: urlFor(route.template, input, aim),
      body: bodyFor(input, aim),
    }));
    const { url, body } = aimed;
    let call = request(api.http)[route.method.toLowerCase() as 'get'](url).buffer(true);
    if (route.signedIn) call = call.set(bearer(token));
    if (body !== undefined) call = call.set('Content-Type', 'application/json').send(serialiseJson(body));
    const { answer } = await timed(`request ${route.label}`, () => answerTo(call, url));
    logAnswer(
      `${route.label} ${describeRequest(input).slice(0, 300)} -> ${describeAnswer(answer).slice(0, 300)}`,
    );
    const problems = answerProblems(answer, input.mustRefuse);
    if (route.signedIn && (answer.status === 401 || answer.status === 403))
      problems.push(
        "the suite's own token was refused: if a route ended the session, add it to SESSION_ENDING_ROUTES",
      );
    if (answer.status >= 400 && answer.status < 500) {
      const shape = errorShapeProblem(answer);
      if (shape) problems.push(shape);
    }
    const changed = await worlds.afterAnswer(answer.status, before);
    if (changed.length > 0) problems.push(`a refused request changed ${changed.join(', ')}`);
    if (answer.contentType.startsWith('text/html')) problems.push(...markupProblems(answer.text));
    if (answer.status === 200 && answer.contentType.startsWith('text/calendar'))
      problems.push(...calendarProblems(answer.text));
    if (answer.status < 400) {
      accepted.add(route.label);
      validRepeats.accepted(route.label, input);
    }
    if (answer.status < 300 && url.includes(world.manageToken)) manageTokens.push(world.manageToken);
    if (problems.length > 0)
      throw new Error(
        `${problems.join('; ')} at ${route.method} ${shortUrl(url)}, answered ${describeAnswer(answer)}`,
      );
  }

  async function freshToken(): Promise<string> {
    const res = await request(api.http).post('/api/v1/auth/login').send(SESSION_USER);
    if (res.status !== 200) throw new Error(`the suite could not sign in its session user (${res.status})`);
    return res.body.token;
  }

  it(
    'answers every hostile request with a 2xx or a 4xx in the error shape, and a refused one writes nothing',
    async () => {
      const failures: string[] = [];
      for (const route of routes.filter((candidate) => generatorProblems(candidate).length === 0)) {
        const failure = await timed(`route ${route.label}`, () =>
          checkRoute(
            settings,
            route.label,
            apiRequestArbitrary(route),
            apiExamples(route),
            (input) => send(route, input),
            (input) => describeRequest(input),
          ),
        );
        if (failure) failures.push(failure);
      }
      const tested = routes.filter((candidate) => generatorProblems(candidate).length === 0);
      failures.push(
        ...unreachedRoutes(
          tested.map((route) => route.label),
          accepted,
          NEVER_ACCEPTED_HERE,
        ),
      );
      failWith('Routes that answered a hostile request wrongly', failures);
    },
    ROUTE_TIMEOUT_MS,
  );

  it(
    'lets no stored markup, header injection or extra calendar event out in a page, an email or a feed',
    async () => {
      const staff = await signedInAgent(api, ADMIN.email, ADMIN.password);
      const problems = await timed('stored output', () =>
        storedOutputProblems({ api, sink, staff, adminToken, manageTokens }),
      );
      failWith('Stored hostile input that came back out unsafely', problems);
    },
    ROUTE_TIMEOUT_MS,
  );
});

function describeRequest(input: HostileRequest): string {
  const path = describePath(input.path);
  const query = input.query.map(({ key, value }) => `${key}=${describeValue(value.value)}`).join('&');
  return [
    path && `path ${path}`,
    query && `query ${query}`,
    `body ${describeValue(input.body)}`,
    input.mustRefuse && `(must be refused: ${input.mustRefuse})`,
  ]
    .filter(Boolean)
    .join('; ');
}

function shortUrl(url: string): string {
  return url.length > 200 ? `${url.slice(0, 150)}…(${url.length} characters)` : url;
}
