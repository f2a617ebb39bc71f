import request from 'supertest';
import { createTestApi, type TestApi } from '../../../../test/support/test-app';

describe('smoke', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi('smoke');
  });
  afterAll(() => api.close());

  it('creates a venue', async () => {
    const token = await api.tokenFor('organiser');
    const res = await request(api.http)
      .post('/api/v1/venues')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'Hall', address: '1 Road', postcode: 'b633ab', area: 'dudley', capacity: 10 });
    expect(res.status).toBe(201);
    expect(res.body.postcode).toBe('B63 3AB');
  });
});
