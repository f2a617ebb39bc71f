import request from 'supertest';
import { createEvent, createVenue, publishEvent } from '../../../../../test/support/fixtures';
import { createTestApi, type TestApi } from '../../../../../test/support/test-app';
import { createPublishedCampaign } from '../../../../../test/support/published-campaign';

describe('testimony pages', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await createTestApi('testimony-pages', { env: { PUBLIC_RATE_LIMIT: '100000' } });
    token = await api.tokenFor('admin');
  }, 60_000);
  afterAll(() => api?.close());

  it('renders', async () => {
    const campaign = await createPublishedCampaign(api, token);
    const venue = await createVenue(api, token);
    const start = new Date(api.clock.now().getTime() + 5 * 86_400_000);
    const event = await createEvent(api, token, {
      venueId: venue.id,
      campaignId: campaign.id,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
    });
    await publishEvent(api, token, event.id);
    const page = await request(api.http).get(`/campaigns/${campaign.id}`);
    console.log(page.status, page.text.slice(page.text.indexOf('<main'), page.text.indexOf('</main>')));
    const form = await request(api.http).get(`/testimony/new?event=${event.id}`);
    console.log(form.status, form.headers, form.text.slice(form.text.indexOf('<main'), form.text.indexOf('<main') + 3000));
  });
});
