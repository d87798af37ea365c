import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  /** Answers that were not 2xx, and connection errors or timeouts. */
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second. */
  throughput: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Runs autocannon against one GET path and computes latency percentiles from every response
 * (autocannon's own summary has p90 and p97.5 but no p95).
 */
export async function measureGet(opts: {
  url: string;
  path: string;
  /** More paths after `path`: each connection asks for them in turn (one page's API calls). */
  morePaths?: string[];
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url + opts.path,
        connections: opts.connections,
        duration: opts.durationSeconds,
        headers: opts.headers ?? {},
        ...(opts.morePaths?.length
          ? { requests: [opts.path, ...opts.morePaths].map((path) => ({ method: 'GET' as const, path })) }
          : {}),
        timeout: 30,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    throughput: result.requests.average,
  };
}
