import autocannon from 'autocannon';

export interface FixedRateResult {
  offered: number;
  achieved: number;
  ok: number;
  non2xx: number;
  errors: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  requests: number;
}

/**
 * autocannon offering `rate` GET requests a second to one path for `seconds`, over enough
 * connections that the rate, not the connections, is the limit: what a crowd following one link
 * would do. The achieved rate falls short of the offer only when the server cannot keep up.
 */
export async function fixedRate(url: string, rate: number, seconds: number): Promise<FixedRateResult> {
  const result = await autocannon({
    url,
    connections: 100,
    overallRate: rate,
    duration: seconds,
    timeout: 10,
  });
  return {
    offered: rate,
    achieved: result['2xx'] / result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    latencyMax: result.latency.max,
    requests: result.requests.total,
  };
}
