import request from 'supertest';
import { countRows } from '../../../../../test/support/fixtures';
import { seedHostilePartnerWorld } from '../../../../../test/support/hostile/hostile-partner-world';
import { csrfFieldOf, signedInAgent, type Agent } from '../../../../../test/support/hostile/page-session';
import { ADMIN, createTestApi, type TestApi } from '../../../../../test/support/test-app';

const HOSTILE = 'Sam\u0007\u001b[2J\u202eWe work only with organisations in the constituency.';

/**
 * The staff partner pages check what staff type by the API's rules (the same DTOs): control
 * characters and bidi overrides are refused by their field, and nothing is written.
 */
describe('staff partner pages', () => {
  let api: TestApi;
  let agent: Agent;
  let world: Awaited<ReturnType<typeof seedHostilePartnerWorld>>;

  beforeAll(async () => {
    api = await createTestApi('staff-partner-pages');
    agent = await signedInAgent(api, ADMIN.email, ADMIN.password);
    world = await seedHostilePartnerWorld(api.dataSource);
  });
  afterAll(() => api?.close());

  async function post(path: string, fields: Record<string, string>) {
    const page = await agent.get(path.replace(/\/(reject|users)$/, ''));
    const csrf = csrfFieldOf(page.text)!;
    return agent
      .post(path)
      .type('form')
      .send({ [csrf.name]: csrf.value, ...fields });
  }

  it('shows the queue with the pending organisation, and its page', async () => {
    const list = await agent.get('/staff/partners').expect(200);
    expect(list.text).toContain(`/staff/partners/${world.pendingPartnerId}`);
    const detail = await agent.get(`/staff/partners/${world.pendingPartnerId}`).expect(200);
    expect(detail.text).toContain('Approve');
    await request(api.http).get('/staff/partners').expect(303);
  });

  it('refuses a rejection reason with control characters, writing nothing', async () => {
    const res = await post(`/staff/partners/${world.pendingPartnerId}/reject`, { reason: HOSTILE });
    expect(res.status).toBe(400);
    expect(res.text).toContain('govuk-error-summary');
    const [row] = await api.dataSource.query('SELECT status FROM partners WHERE id = $1', [
      world.pendingPartnerId,
    ]);
    expect(row.status).toBe('pending');
  });

  it('refuses a new user whose name or email has control characters, writing nothing', async () => {
    const users = await countRows(api, 'users');
    for (const fields of [
      { userName: HOSTILE.slice(0, 20), userEmail: 'sam@carers.example' },
      { userName: 'Sam Member', userEmail: 'sam\u0007@carers.example' },
    ]) {
      const res = await post(`/staff/partners/${world.approvedPartnerId}/users`, fields);
      expect(res.status).toBe(400);
    }
    expect(await countRows(api, 'users')).toBe(users);
    const ok = await post(`/staff/partners/${world.approvedPartnerId}/users`, {
      userName: 'Sam Member',
      userEmail: 'Sam@Carers.example',
    });
    expect(ok.status).toBe(303);
    const [row] = await api.dataSource.query(`SELECT email FROM users WHERE email = 'sam@carers.example'`);
    expect(row).toBeDefined();
  });
});
