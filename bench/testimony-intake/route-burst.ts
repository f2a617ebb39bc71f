import autocannon from 'autocannon';
import { spelt } from '../support/spelt';
import { startStack } from '../support/stack';

export interface RouteBurst {
  /** Testimonies stored, counted in the database afterwards. */
  stored: number;
  non2xx: number;
  perSecond: number;
  apiCpuMsPerRow: number;
}

/**
 * The public form's route in the built api process: autocannon POSTs `count` named submissions
 * with an email (so each plans its receipt in the ledger, as a real one does) at `connections`.
 * No worker runs: the receipts wait in the ledger, which is not what is measured.
 */
export async function publicRouteBurst(
  count: number,
  connections: number,
  story: string,
): Promise<RouteBurst> {
  const stack = await startStack('testimony-intake-route', { api: true });
  try {
    let next = 0;
    const cpuBefore = stack.api!.cpuSeconds();
    const started = Date.now();
    const result = await autocannon({
      url: stack.client!.baseUrl,
      connections,
      amount: count,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/public/testimonies',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              role: 'parent-carer',
              area: 'halesowen-north',
              themes: ['ehc-plan-delays', 'funding'],
              story,
              answers: { assessmentWaitWeeks: 30, planWaitWeeks: 45, deadline: 'missed', ageBand: '5-10' },
              consent: {
                quote: 'quote-anonymously',
                contact: false,
                shareWithAuthority: false,
                casework: false,
              },
              // A name may not hold digits: the number spelt in letters keeps each one distinct.
              name: `Parent ${spelt((next += 1))}`,
              email: `parent.${next}@example.org`,
            }),
          }),
        },
      ],
    });
    const seconds = (Date.now() - started) / 1000;
    const [{ n }] = await stack.database.query<{ n: number }>('SELECT count(*)::int AS n FROM testimonies');
    return {
      stored: n,
      non2xx: result.non2xx + result.errors + result.timeouts,
      perSecond: n / seconds,
      apiCpuMsPerRow: ((stack.api!.cpuSeconds() - cpuBefore) * 1000) / Math.max(1, n),
    };
  } finally {
    await stack.close();
  }
}
