import request from 'supertest';
import { bearer } from './fixtures';
import type { TestApi } from './test-app';

/** A campaign drafted and published through the API, as staff do; returns its id and title. */
export async function createPublishedCampaign(
  api: TestApi,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; title: string }> {
  const created = await request(api.http)
    .post('/api/v1/campaigns')
    .set(bearer(token))
    .send({
      title: 'Waiting for an EHC plan',
      summary: 'What the wait for an education, health and care plan does to families.',
      startsOn: '2026-02-01',
      endsOn: '2026-06-30',
      evidenceUse: 'Read by the MP and two caseworkers; sent, anonymised, to the council.',
      ...overrides,
    })
    .expect(201);
  await request(api.http).post(`/api/v1/campaigns/${created.body.id}/publish`).set(bearer(token)).expect(200);
  return { id: created.body.id, title: created.body.title };
}
