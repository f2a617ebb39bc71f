import autocannon from 'autocannon';
import { spelt } from '../support/spelt';

export interface BurstResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
}

/**
 * autocannon POSTs `requests` registrations at `connections` concurrency, each with an email
 * no other request uses, to the public registration route of one event.
 */
export async function registrationBurst(
  baseUrl: string,
  eventId: string,
  requests: number,
  connections: number,
): Promise<BurstResult> {
  let next = 0;
  const started = Date.now();
  const result = await autocannon({
    url: baseUrl,
    connections,
    amount: requests,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: `/api/v1/public/events/${eventId}/registrations`,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          next += 1;
          return {
            ...request,
            body: JSON.stringify({
              // A name may not hold digits: the number spelt in letters keeps each one distinct.
              name: `Burst Carer ${spelt(next)}`,
              email: `burst.${next}@example.org`,
              role: 'parent_carer',
            }),
          };
        },
      },
    ],
  });
  const seconds = (Date.now() - started) / 1000;
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds,
    perSecond: result['2xx'] / seconds,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMax: result.latency.max,
  };
}
