import { ADMIN } from './environment';

/** The few staff calls a benchmark needs to set up, through the api's own routes. */
export class ApiClient {
  private token = '';

  constructor(readonly baseUrl: string) {}

  async signIn(): Promise<void> {
    const body = await this.call('POST', '/api/v1/auth/login', ADMIN, 200);
    this.token = (body as { token: string }).token;
  }

  async call(
    method: string,
    path: string,
    body?: unknown,
    expected: number | number[] = 201,
  ): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token && { authorization: `Bearer ${this.token}` }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (![expected].flat().includes(res.status)) {
      throw Object.assign(new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`), {
        status: res.status,
      });
    }
    return text ? JSON.parse(text) : undefined;
  }

  /**
   * A venue of its own and a published in-person event on it, `daysAhead` days from now (far
   * enough for all three default reminders to be in the future).
   */
  async publishedEvent(capacity: number, daysAhead: number): Promise<{ id: string }> {
    const venue = (await this.call('POST', '/api/v1/venues', {
      name: `Bench Hall ${daysAhead}`,
      address: 'Queensway, Halesowen',
      postcode: 'B63 4AZ',
      area: 'halesowen-north',
      capacity,
      accessFeatures: ['step_free_access', 'hearing_loop'],
    })) as { id: string };
    const start = new Date(Date.now() + daysAhead * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const event = (await this.call('POST', '/api/v1/events', {
      title: 'Waiting for an EHC plan: a listening event',
      kind: 'listening_event',
      description: 'Tell us what the wait has been like for your family.',
      venueId: venue.id,
      capacity,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    })) as { id: string };
    await this.call('POST', `/api/v1/events/${event.id}/publish`, undefined, 200);
    return event;
  }
}
