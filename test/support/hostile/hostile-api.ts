import request from 'supertest';
import { bearer } from '../fixtures';
import { approvedPartner } from '../partner-user';
import { SmtpSink } from '../smtp-sink';
import { createTestApi, type TestApi } from '../test-app';
import type { Answer } from './hostile-check';
import { HOSTILE_SUITE_PARTNER } from './hostile-portal-world';
import { HOSTILE_LOGIN_USER } from './hostile-world';

/** The api a hostile-input suite works against, with the SMTP sink it mails to. */
export interface HostileApi {
  api: TestApi;
  sink: SmtpSink;
  /** The admin the suite works as. */
  adminToken: string;
  /** A partner user the suite works as on the partner routes (/api/v1/partner/…). */
  partnerToken: string;
  /** That partner user's sign-in, for the partner pages. */
  partner: { email: string; password: string };
  close(): Promise<void>;
}

/**
 * The api for one half of the hostile-input suite: rate limits and the per-account lock lifted
 * (they would turn later inputs into 429s unread), the admin signed in, and two organisers made:
 * the suite's own `sessionUser` for what ends a session, and HOSTILE_LOGIN_USER for the sign-in
 * routes' valid bodies, so hostile logins cannot lock out the accounts the suite works as.
 */
export async function startHostileApi(
  label: string,
  sessionUser: { email: string; password: string; name: string },
): Promise<HostileApi> {
  const sink = await SmtpSink.start();
  const api = await createTestApi(label, {
    // The worker reads the real clock; the api must agree with it about what is due.
    now: new Date(),
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Halesowen Constituency Office <office@roundtable.test>',
      PUBLIC_RATE_LIMIT: '1000000',
      LOGIN_RATE_LIMIT: '1000000',
      // Hostile passwords fail: the per-account lock must not turn later inputs into 429s unread.
      LOGIN_ACCOUNT_FAILURE_LIMIT: '1000000',
    },
  }).catch(async (error: unknown) => {
    await sink.stop();
    throw error;
  });
  const close = async () => {
    await api.close();
    await sink.stop();
  };
  try {
    const adminToken = await api.tokenFor('admin');
    for (const user of [sessionUser, { ...HOSTILE_LOGIN_USER, name: 'Hostile Login' }])
      await request(api.http)
        .post('/api/v1/users')
        .set(bearer(adminToken))
        .send({ ...user, role: 'organiser' })
        .expect(201);
    const partner = await approvedPartner(api, HOSTILE_SUITE_PARTNER);
    return {
      api,
      sink,
      adminToken,
      partnerToken: partner.token,
      partner: { email: partner.email, password: 'a-partner-password-1' },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The answer to one hostile request, and where it redirects to (if it does). A request that gets
 * no answer at all (the connection dropped) is the suite's failure, said with its url.
 */
export async function answerTo(
  call: request.Test,
  url: string,
): Promise<{ answer: Answer; location: string }> {
  try {
    const res = await call;
    return {
      answer: {
        status: res.status,
        contentType: String(res.headers['content-type'] ?? ''),
        text: res.text ?? '',
        body: res.body,
      },
      location: String(res.headers.location ?? ''),
    };
  } catch (error) {
    throw new Error(`no answer at ${url}: ${(error as Error).message}`);
  }
}
