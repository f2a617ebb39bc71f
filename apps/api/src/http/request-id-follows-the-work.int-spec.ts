import request from 'supertest';
import { createEvent, publishEvent, slot } from '../../../../test/support/fixtures';
import { eventually } from '../../../../test/support/notification-test-bed';
import { SmtpSink } from '../../../../test/support/smtp-sink';
import { ADMIN, createTestApi, type TestApi } from '../../../../test/support/test-app';
import { spawnWorkerMain, type WorkerProcess } from '../../../../test/support/worker-process';

/** The hidden CSRF field of the page's first form. */
function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF field on the page');
  return token;
}

interface LogLine {
  context?: string;
  msg?: string;
  requestId?: string;
}

/**
 * The request id is carried in async context, not passed by hand: a staff page's form post (which
 * passed none before) writes its id on the ledger rows it plans, and the worker (main.ts, as
 * production runs it, pino JSON to stdout) logs that id on its lines for those rows' jobs.
 */
describe('the request id follows the work from a staff page to the worker', () => {
  let sink: SmtpSink;
  let api: TestApi;
  let worker: WorkerProcess;
  let agent: ReturnType<typeof request.agent>;
  let staff: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    // The worker runs on the real clock, so the api's clock starts at the real time too.
    api = await createTestApi('request-id-follows', {
      now: new Date(),
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: 'Halesowen Constituency Office <office@roundtable.test>',
      },
    });
    // Inherits the api's environment: its database, Redis prefix and SMTP sink.
    worker = await spawnWorkerMain({});
    staff = await api.tokenFor('admin');
    agent = request.agent(api.http);
    const signIn = await agent.get('/sign-in');
    await agent
      .post('/sign-in')
      .type('form')
      .send({ email: ADMIN.email, password: ADMIN.password, _csrf: csrfOf(signIn.text) })
      .expect(303);
  }, 120_000);
  afterAll(async () => {
    await worker?.kill();
    await api?.close();
    await sink?.stop();
  });

  const workerLines = (): LogLine[] =>
    worker.output
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  const rowsOf = (eventId: string, kind: string) =>
    api.dataSource.query<Array<{ id: string; request_id: string | null }>>(
      'SELECT id, request_id FROM notifications WHERE event_id = $1 AND kind = $2',
      [eventId, kind],
    );

  /** Waits for the worker's "Sent" line for the row, and returns it. */
  async function sentLine(kind: string, rowId: string): Promise<LogLine> {
    const find = () =>
      workerLines().find(
        (line) =>
          line.context === 'NotificationSender' &&
          line.msg?.startsWith(`Sent ${kind} notification ${rowId},`),
      );
    await eventually(`the worker's line for ${kind} ${rowId}`, async () => find() !== undefined);
    return find()!;
  }

  /**
   * The invite form previews the list first and sends only on confirmation: the send is the
   * request that plans the invitations, so it is the one whose id the rows and the worker carry.
   */
  async function invite(eventId: string, people: string, requestId?: string): Promise<request.Response> {
    const form = await agent.get(`/staff/events/${eventId}/invite`).expect(200);
    const preview = await agent
      .post(`/staff/events/${eventId}/invite`)
      .field('_csrf', csrfOf(form.text))
      .field('people', people)
      .expect(200);
    const previewId = /name="preview" value="([^"]+)"/.exec(preview.text)?.[1];
    if (!previewId) throw new Error('the invite form showed no preview to confirm');
    const send = agent.post(`/staff/events/${eventId}/invite/send`).type('form');
    if (requestId) send.set('X-Request-Id', requestId);
    return send.send({ _csrf: csrfOf(preview.text), preview: previewId });
  }

  it('the invite form and the cancel form: ledger rows and the worker log carry each request id', async () => {
    const event = await createEvent(api, staff, slot(api, 20));
    await publishEvent(api, staff, event.id);

    const invited = await invite(event.id, 'Sam <sam@example.org>');
    expect(invited.status).toBe(303);
    const inviteRequest = invited.headers['x-request-id'];
    expect(inviteRequest).toMatch(/^[0-9a-f-]{36}$/);

    const [invitation] = await rowsOf(event.id, 'invitation');
    expect(invitation.request_id).toBe(inviteRequest);
    const inviteLine = await sentLine('invitation', invitation.id);
    expect(inviteLine.requestId).toBe(inviteRequest);
    expect(inviteLine.msg).toContain(`request ${inviteRequest}`);

    // Sam has the invitation now, so the cancel form plans a cancellation for Sam.
    const cancelPage = await agent.get(`/staff/events/${event.id}/cancel`).expect(200);
    const cancelled = await agent
      .post(`/staff/events/${event.id}/cancel`)
      .type('form')
      .send({ _csrf: csrfOf(cancelPage.text), reason: 'The hall is closed.' });
    expect(cancelled.status).toBe(303);
    const cancelRequest = cancelled.headers['x-request-id'];
    expect(cancelRequest).toMatch(/^[0-9a-f-]{36}$/);
    expect(cancelRequest).not.toBe(inviteRequest);

    const [cancellation] = await rowsOf(event.id, 'cancellation');
    expect(cancellation.request_id).toBe(cancelRequest);
    expect((await sentLine('cancellation', cancellation.id)).requestId).toBe(cancelRequest);
  });

  it('takes the caller’s X-Request-Id when it is safe to echo, and a fresh one when not', async () => {
    const event = await createEvent(api, staff, slot(api, 22));
    await publishEvent(api, staff, event.id);
    const invited = await invite(event.id, 'Kit <kit@example.org>', 'trace-from-the-proxy.1');
    expect(invited.status).toBe(303);
    expect(invited.headers['x-request-id']).toBe('trace-from-the-proxy.1');
    const [invitation] = await rowsOf(event.id, 'invitation');
    expect(invitation.request_id).toBe('trace-from-the-proxy.1');
    expect((await sentLine('invitation', invitation.id)).requestId).toBe('trace-from-the-proxy.1');

    const second = await createEvent(api, staff, slot(api, 24));
    await publishEvent(api, staff, second.id);
    const unsafe = await invite(second.id, 'Kit <kit@example.org>', 'has spaces; and=more');
    expect(unsafe.status).toBe(303);
    const made = unsafe.headers['x-request-id'];
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await rowsOf(second.id, 'invitation');
    expect(row.request_id).toBe(made);
  });
});
