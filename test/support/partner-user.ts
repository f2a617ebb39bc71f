import request from 'supertest';
import { bearer, withClockAt } from './fixtures';
import type { TestApi } from './test-app';

let partners = 0;

/**
 * A signed-in partner user's token, for 403 checks on staff routes. Partner organisations do not
 * exist yet, so the API will not create one: an organiser is made a partner in the database.
 */
export async function partnerToken(api: TestApi): Promise<string> {
  partners += 1;
  const partner = { email: `partner-${partners}@roundtable.test`, password: 'a-partner-password-1' };
  await withClockAt(api, api.clock.now(), (admin) =>
    request(api.http)
      .post('/api/v1/users')
      .set(bearer(admin))
      .send({ ...partner, name: 'Pat Partner', role: 'organiser' })
      .expect(201),
  );
  await api.dataSource.query("UPDATE users SET role = 'partner' WHERE email = $1", [partner.email]);
  const login = await request(api.http).post('/api/v1/auth/login').send(partner).expect(200);
  return login.body.token as string;
}
