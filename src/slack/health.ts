import type { webApi } from '@slack/bolt';
import type { Store } from '../store/index.ts';
import type { HealthReport } from './receiver.ts';
import { describeSlackError } from './web-api-errors.ts';

/** Options of the health check. */
export interface HealthCheckOptions {
  store: Store;
  /** The bot token's client (one workspace). Absent with OAuth installs: each workspace's token is checked as it is used. */
  client?: webApi.WebClient;
  /** A Slack check this recent is reused, so probes every few seconds do not call Slack each time. Default 30 000 ms. */
  slackCacheMs?: number;
  /** Each check gives up after this long. Default 2 000 ms. */
  timeoutMs?: number;
  now?: () => number;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `GET /healthz` for load balancers: the store answers a query, and Slack accepts the token
 * (`auth.test`, cached). Healthy only when both hold.
 */
export function createHealthCheck(options: HealthCheckOptions): () => Promise<HealthReport> {
  const now = options.now ?? Date.now;
  const cacheMs = options.slackCacheMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 2_000;
  let slack: { at: number; result: Promise<{ ok: boolean; detail?: string }> } | undefined;

  const checkStore = (): Promise<{ ok: boolean; detail?: string }> =>
    withTimeout(options.store.ping(), timeoutMs, 'the store').then(
      () => ({ ok: true, detail: options.store.description }),
      (err: unknown) => ({ ok: false, detail: `${options.store.description}: ${(err as Error).message}` }),
    );
  const checkSlack = (): Promise<{ ok: boolean; detail?: string }> => {
    const client = options.client;
    if (!client) return Promise.resolve({ ok: true, detail: 'installed per workspace (OAuth): tokens are checked as they are used' });
    if (!slack || now() - slack.at > cacheMs) {
      slack = {
        at: now(),
        result: withTimeout(client.auth.test(), timeoutMs, 'Slack').then(
          () => ({ ok: true }),
          (err: unknown) => ({ ok: false, detail: describeSlackError(err) }),
        ),
      };
    }
    return slack.result;
  };

  return async () => {
    const [store, slackResult] = await Promise.all([checkStore(), checkSlack()]);
    return { ok: store.ok && slackResult.ok, checks: { store, slack: slackResult } };
  };
}
