import request from 'supertest';
import { logAnswer } from '../../../../../test/support/hostile/answer-log';
import { timed, writeProfile } from '../../../../../test/support/hostile/profile';
import { answerTo, startHostileApi, type HostileApi } from '../../../../../test/support/hostile/hostile-api';
import {
  answerProblems,
  checkRoute,
  describeAnswer,
  failWith,
  hostileSettings,
  unreachedRoutes,
  markupProblems,
  ValidInputRepeats,
} from '../../../../../test/support/hostile/hostile-check';
import { describePath, describeValue, urlFor } from '../../../../../test/support/hostile/hostile-request';
import { resolvePlaceholders, WorldSupply } from '../../../../../test/support/hostile/hostile-world';
import {
  encodeForm,
  formExamples,
  formGeneratorProblems,
  formPostArbitrary,
  PAGE_FORMS,
  type FormPost,
  type PageForm,
} from '../../../../../test/support/hostile/page-forms';
import {
  csrfFieldOf,
  pageRoutes,
  signedInAgent,
  type Agent,
} from '../../../../../test/support/hostile/page-session';
import { storedOutputProblems } from '../../../../../test/support/hostile/stored-output';
import type { SmtpSink } from '../../../../../test/support/smtp-sink';
import { ADMIN, type TestApi } from '../../../../../test/support/test-app';

/**
 * The standing hostile-input suite, web-form half: every form the pages post (PAGE_FORMS,
 * checked against the app's real POST routes) gets hostile fields, repeated fields, missing
 * fields, malformed encodings and hostile path segments, posted as a browser would (cookie
 * session and CSRF token for staff, a fresh visitor for public forms). Each answer must be a
 * page (2xx), a redirect (3xx) or a refusal (4xx), never a 5xx; a refusal must leave every table
 * as it was; and no page may echo the suite's markup unescaped. Then the worker sends what the
 * accepted posts queued, and no page, email or calendar may carry it. See README "The hostile-input suite".
 */

const settings = hostileSettings(10);
// About a minute per run across all forms, so HOSTILE_RUNS=1000 is not cut short.
const TIMEOUT_MS = (10 + settings.runs) * 60_000;

/** Forms that cannot accept anything in the suite's world, and why. */
const NEVER_ACCEPTED_HERE: Record<string, string> = {
  'POST /staff/events/:id/check-in': "check-in opens near the event's start; the seeded event is days away",
  'POST /staff/events/:id/check-in/walk-in':
    "walk-ins are recorded from the event's day; the seeded event is days away",
  'POST /staff/events/:id/invite/send':
    'sends a preview the staff user made on the invite page, kept in Redis, which no seeded row names; its valid send is driven by invitation-preview.int-spec.ts',
  'POST /staff/users/:id/reactivate':
    "the seeded staff user is active (deactivating it would end the suite's own session); reactivation is driven by accounts.int-spec.ts",
  'POST /account/password':
    "posted with a wrong current password on purpose, so the suite's own password never changes; a change is driven by accounts.int-spec.ts",
  'POST /partner/events/:id/invite/send':
    'sends a preview the partner user made on the partner invite page, kept in Redis, which no seeded row names; its valid send is driven by partner-invite-pages.int-spec.ts',
};

/** An organiser for the sign-out form, which ends the session it is posted with. */
const SESSION_USER = { email: 'hostile-forms@roundtable.test', password: 'hostile-forms-password-1' };

/** A page of each kind that carries a CSRF token for its visitor. */
const CSRF_PAGE = { staff: '/staff/venues/new', visitor: '/sign-in', partner: '/sign-in' } as const;

describe('hostile input on every web form', () => {
  let hostile: HostileApi;
  let sink: SmtpSink;
  let api: TestApi;
  let adminToken: string;
  let staff: Agent;
  /** The suite's partner user, signed in to the partner pages. */
  let partner: Agent;
  /** One member of the public, posting every public form (as one browser would). */
  let visitor: Agent;
  let worlds: WorldSupply;
  const csrfTokens = new Map<Agent, { name: string; value: string }>();
  const manageTokens: string[] = [];
  /** Forms that accepted at least one post (2xx/3xx). */
  const accepted = new Set<string>();
  const validRepeats = new ValidInputRepeats(
    new Map(PAGE_FORMS.map((form) => [form.route, formExamples(form)[0]!])),
  );

  beforeAll(async () => {
    hostile = await startHostileApi('hostile-forms', { ...SESSION_USER, name: 'Hostile Forms' });
    ({ api, sink, adminToken } = hostile);
    staff = await signedInAgent(api, ADMIN.email, ADMIN.password);
    partner = await signedInAgent(api, hostile.partner.email, hostile.partner.password);
    visitor = request.agent(api.http);
    worlds = new WorldSupply(api.dataSource);
  });
  afterAll(async () => {
    writeProfile(`forms ${new Date().toISOString()}`);
    await timed('close', async () => hostile?.close());
  });

  it('lists every form the app posts, and can generate posts for each', () => {
    const listed = new Set(PAGE_FORMS.map((form) => form.route));
    const real = new Set(pageRoutes(api, 'POST').map((route) => `${route.method} ${route.path}`));
    expect(real.size).toBeGreaterThan(10);
    const problems = [
      ...[...real]
        .filter((route) => !listed.has(route))
        .map(
          (route) =>
            `${route} is a form the suite does not post: add it to PAGE_FORMS in test/support/hostile/page-forms.ts`,
        ),
      ...[...listed]
        .filter((route) => !real.has(route))
        .map((route) => `${route} is in PAGE_FORMS but the app has no such route`),
      ...PAGE_FORMS.flatMap((form) =>
        formGeneratorProblems(form).map((problem) => `${form.route}: ${problem}`),
      ),
    ];
    expect(problems).toEqual([]);
  });

  async function agentFor(form: PageForm): Promise<Agent> {
    if (form.who === 'staff') return staff;
    if (form.who === 'partner') return partner;
    if (form.who === 'own-session') return signedInAgent(api, SESSION_USER.email, SESSION_USER.password);
    if (form.who === 'new-visitor') return request.agent(api.http);
    return visitor;
  }

  /**
   * The agent's CSRF token, read from a page once and kept, as a browser keeps its cookie: the
   * form is posted with it as the page would. A refusal (403) is reported as the suite's fault.
   */
  async function csrfTokenOf(agent: Agent, form: PageForm): Promise<{ name: string; value: string }> {
    const kept = csrfTokens.get(agent);
    if (kept) return kept;
    const signedIn = form.who === 'staff' || form.who === 'own-session';
    const page = await agent.get(
      CSRF_PAGE[form.who === 'partner' ? 'partner' : signedIn ? 'staff' : 'visitor'],
    );
    const csrf = csrfFieldOf(page.text);
    if (!csrf)
      throw new Error(`the suite found no CSRF token to post with (its page answered ${page.status})`);
    csrfTokens.set(agent, csrf);
    return csrf;
  }

  /** Posts one generated form in a world and throws what was wrong with the answer. */
  async function post(form: PageForm, input: FormPost): Promise<void> {
    if (validRepeats.enough(form.route, input)) return;
    const agent = await agentFor(form);
    const csrf = form.csrf ? await csrfTokenOf(agent, form) : undefined;
    const { world, aimed, before } = await worlds.next((aim) => ({
      fields: resolvePlaceholders(input.fields, aim) as Record<string, string | string[]>,
      url: urlFor(form.route.split(' ')[1]!, { path: input.path, query: [] }, aim),
      file: input.file === undefined ? undefined : String(resolvePlaceholders(input.file, aim)),
    }));
    const { fields, url, file } = aimed;
    let call = agent.post(url);
    if (form.multipart) {
      if (csrf) call = call.field(csrf.name, csrf.value);
      for (const [name, value] of Object.entries(fields))
        for (const item of Array.isArray(value) ? value : [value]) call = call.field(name, item);
      if (file !== undefined) call = call.attach('file', Buffer.from(file), 'people.csv');
    } else {
      const withToken = csrf ? { [csrf.name]: csrf.value, ...fields } : fields;
      call = call.type('form').send(encodeForm(withToken, input.rawSuffix));
    }
    const { answer, location } = await timed(`request ${form.route}`, () => answerTo(call, url));
    logAnswer(
      `${form.route} ${describePost(input).slice(0, 300)} -> ${describeAnswer(answer).slice(0, 300)} ${location}`,
    );
    const problems = answerProblems(answer, input.mustRefuse);
    if (answer.status === 403)
      problems.push("the suite's CSRF token or session was refused (403): fix how the suite posts forms");
    if (form.who === 'staff' && answer.status === 303 && location.startsWith('/sign-in'))
      problems.push("the suite's staff session was lost (sent to sign in)");
    const changed = await worlds.afterAnswer(answer.status, before);
    if (changed.length > 0) problems.push(`a refused post changed ${changed.join(', ')}`);
    if (answer.contentType.startsWith('text/html')) problems.push(...markupProblems(answer.text));
    if (answer.status < 400) {
      accepted.add(form.route);
      validRepeats.accepted(form.route, input);
    }
    if (answer.status < 400 && url.includes('/manage/'))
      manageTokens.push(world.manageToken, world.invitedToken);
    if (problems.length > 0)
      throw new Error(
        `${problems.join('; ')} at POST ${url.length > 200 ? `${url.slice(0, 150)}…` : url}, answered ${describeAnswer(answer)}`,
      );
  }

  it(
    'answers every hostile post with a page, a redirect or a refusal, and a refused one writes nothing',
    async () => {
      const failures: string[] = [];
      for (const form of PAGE_FORMS.filter((candidate) => formGeneratorProblems(candidate).length === 0)) {
        const failure = await timed(`route ${form.route}`, () =>
          checkRoute(
            settings,
            form.route,
            formPostArbitrary(form),
            formExamples(form),
            (input) => post(form, input),
            describePost,
          ),
        );
        if (failure) failures.push(failure);
      }
      failures.push(
        ...unreachedRoutes(
          PAGE_FORMS.map((form) => form.route),
          accepted,
          NEVER_ACCEPTED_HERE,
        ),
      );
      failWith('Forms that answered a hostile post wrongly', failures);
    },
    TIMEOUT_MS,
  );

  it(
    'lets no stored markup, header injection or extra calendar event out in a page, an email or a feed',
    async () => {
      const problems = await timed('stored output', () =>
        storedOutputProblems({ api, sink, staff, adminToken, manageTokens }),
      );
      failWith('Stored hostile input that came back out unsafely', problems);
    },
    TIMEOUT_MS,
  );
});

function describePost(input: FormPost): string {
  const path = describePath(input.path);
  return [
    path && `path ${path}`,
    `fields ${describeValue(input.fields)}`,
    input.rawSuffix && `then ${JSON.stringify(input.rawSuffix)}`,
    input.file !== undefined && `file ${describeValue(input.file)}`,
    input.mustRefuse && `(must be refused: ${input.mustRefuse})`,
  ]
    .filter(Boolean)
    .join('; ');
}
