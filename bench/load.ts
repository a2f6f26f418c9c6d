import http from 'node:http';
import autocannon from 'autocannon';

export interface LoadResult {
  connections: number;
  durationS: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/** The value at quantile `q` of sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Drives `paths` (each connection takes them in turn) with autocannon for `durationS` seconds.
 * Latencies are kept per response, so p95 and p99 are exact rather than histogram buckets.
 */
export async function runLoad(options: {
  baseUrl: string;
  paths: string[];
  cookie: string;
  connections: number;
  durationS: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    headers: { cookie: options.cookie, accept: 'application/json', 'accept-language': 'zh-CN' },
    requests: options.paths.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count;
  return {
    connections: options.connections,
    durationS: result.duration,
    requests: latencies.length,
    rps: latencies.length / (result.duration || options.durationS),
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}

/**
 * Latencies of GETs sent one after another on one kept-alive connection for `ms`: the unloaded
 * endpoint latency, sampled in rounds between SQL replays so both see the same machine load.
 */
export async function sequentialLatencies(options: {
  baseUrl: string;
  paths: string[];
  cookie: string;
  ms: number;
  agent: http.Agent;
}): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  for (let i = 0; performance.now() - started < options.ms; i++) {
    const path = options.paths[i % options.paths.length]!;
    const t0 = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        `${options.baseUrl}${path}`,
        {
          agent: options.agent,
          headers: { cookie: options.cookie, accept: 'application/json', 'accept-language': 'zh-CN' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
    });
    const elapsed = performance.now() - t0;
    if (status >= 200 && status < 300) latencies.push(elapsed);
    else failures++;
  }
  return { latencies, failures };
}

/** A LoadResult from latencies gathered outside autocannon. */
export function summarize(latencies: number[], failures: number, durationS: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    connections: 1,
    durationS,
    requests: sorted.length + failures,
    rps: (sorted.length + failures) / durationS,
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    errors: 0,
    non2xx: failures,
    statusCodes: {},
  };
}
