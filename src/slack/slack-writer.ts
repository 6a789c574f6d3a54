import type { Logger, webApi } from '@slack/bolt';
import { describeSlackError } from './web-api-errors.ts';

/**
 * How a write to Slack ended. `unknown` means Slack may have it (a time-out, a dropped
 * connection after sending): it is never sent again, because a second copy would be a double post.
 */
export type WriteResult = { status: 'sent'; ts?: string } | { status: 'failed'; reason: string } | { status: 'unknown'; reason: string };

/** When a failed write is tried again. */
export interface WritePolicy {
  /** Tries after a 429, each after its Retry-After. Default 3. */
  rateLimitRetries: number;
  /** A Retry-After longer than this (seconds) is not waited for. Default 60. */
  maxRetryAfterSeconds: number;
  /** Tries after an HTTP 5xx or a refused connection. Default 2. */
  serverErrorRetries: number;
  /** First back-off after a 5xx or refused connection, doubled each time. Default 500 ms. */
  backoffMs: number;
}

/** Default policy: see `WritePolicy`. */
export const DEFAULT_WRITE_POLICY: WritePolicy = Object.freeze({ rateLimitRetries: 3, maxRetryAfterSeconds: 60, serverErrorRetries: 2, backoffMs: 500 });

/** Everything Briefing writes to Slack goes through one of these. */
export interface SlackWriter {
  /** `chat.postMessage`, queued behind earlier posts to the same channel. */
  postMessage(args: webApi.ChatPostMessageArguments): Promise<WriteResult>;
  /** A reply through a slash command's or action's `response_url`. */
  respond(responseUrl: string, message: Record<string, unknown>): Promise<WriteResult>;
  /** `views.publish` (App Home): idempotent, so a time-out is tried again too. */
  publishView(args: webApi.ViewsPublishArguments): Promise<WriteResult>;
  /** `views.open` (a modal, within 3 s of its trigger): a time-out is not tried again (a second modal). */
  openView(args: webApi.ViewsOpenArguments): Promise<WriteResult>;
  /** `views.update`: idempotent, so a time-out is tried again too. */
  updateView(args: webApi.ViewsUpdateArguments): Promise<WriteResult>;
  /** Writes under way (queued, waiting out a Retry-After, or on the wire). */
  pending(): number;
  /** Resolves once nothing is under way. */
  idle(): Promise<void>;
}

/** What one failed try means for the next. */
type Failure =
  | { kind: 'rate-limited'; retryAfter: number; reason: string }
  | { kind: 'retryable'; reason: string }
  | { kind: 'not-sent'; reason: string }
  | { kind: 'maybe-sent'; reason: string };

/** A `response_url` post that failed, already sorted. */
class RespondError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
  }
}

/** Network errors raised before a request left: nothing reached Slack. */
const NOT_SENT_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_INVALID_URL']);

function networkCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: unknown; name?: unknown };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'TIMEOUT';
  if (typeof e.code === 'string' && !e.code.startsWith('slack_')) return e.code;
  if (e.cause !== undefined && e.cause !== err) return networkCode(e.cause);
  return undefined;
}

function networkFailure(err: unknown, where: string, timeoutMs: number): Failure {
  const code = networkCode(err);
  if (code === 'ECONNREFUSED') return { kind: 'retryable', reason: `connection refused by Slack${where}` };
  if (code !== undefined && NOT_SENT_CODES.has(code)) return { kind: 'not-sent', reason: `could not reach Slack${where} (${code})` };
  if (code === 'TIMEOUT') return { kind: 'maybe-sent', reason: `Slack did not answer within ${timeoutMs} ms${where}; it may have received the message, so it is not sent again` };
  return { kind: 'maybe-sent', reason: `the connection to Slack failed${where} (${code ?? 'network error'}) after the message was sent; it is not sent again` };
}

/** Sorts a Web API client error (retries off, rate limits rejected) into what to do next. */
function classifyWebApiError(err: unknown, channel: string | undefined, timeoutMs: number): Failure {
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; original?: unknown };
  const where = channel ? ` in ${channel}` : '';
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate-limited', retryAfter: e.retryAfter ?? 1, reason: describeSlackError(err, channel) };
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 0) >= 500 ? { kind: 'retryable', reason: describeSlackError(err, channel) } : { kind: 'not-sent', reason: describeSlackError(err, channel) };
    case 'slack_webapi_platform_error':
      return { kind: 'not-sent', reason: describeSlackError(err, channel) };
    case 'slack_webapi_request_error':
      return networkFailure(e.original ?? err, where, timeoutMs);
    default:
      // Anything else (an unreadable answer, say) came after sending: Slack may have it.
      return { kind: 'maybe-sent', reason: describeSlackError(err, channel) };
  }
}

/** Options of the writer. */
export interface SlackWriterOptions {
  /** A Web API client with retries off (`retries: 0`) and `rejectRateLimitedCalls: true`: the writer retries. */
  client: webApi.WebClient;
  logger: Logger;
  /** The client's per-call time-out, for messages; also used for `response_url` posts. */
  timeoutMs: number;
  policy?: Partial<WritePolicy>;
  /** Waits; tests may shorten. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The one way Briefing writes to Slack. Each channel has its own queue, so a channel told to wait
 * (429, Retry-After) delays only its own posts, never other channels or replies elsewhere. A write
 * is tried again only when it certainly did not arrive or Slack asked for it (429, HTTP 5xx,
 * connection refused); never after a time-out, which could post the same message twice.
 */
export function createSlackWriter(options: SlackWriterOptions): SlackWriter {
  const policy: WritePolicy = { ...DEFAULT_WRITE_POLICY, ...options.policy };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const queues = new Map<string, Promise<unknown>>();
  const underway = new Set<Promise<unknown>>();

  const track = <T>(p: Promise<T>): Promise<T> => {
    underway.add(p);
    void p.finally(() => underway.delete(p)).catch(() => undefined);
    return p;
  };

  /** Runs `task` after the earlier tasks with the same key. */
  const inQueue = <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, tail);
    void tail.then(() => {
      if (queues.get(key) === tail) queues.delete(key);
    });
    return run;
  };

  /** Tries `call` under the policy; `idempotent` calls are tried again after a time-out too. */
  const attempt = async (label: string, call: () => Promise<{ ts?: string }>, classify: (err: unknown) => Failure, idempotent: boolean): Promise<WriteResult> => {
    let rateLimited = 0;
    let serverErrors = 0;
    for (;;) {
      try {
        const res = await call();
        return { status: 'sent', ...(res.ts ? { ts: res.ts } : {}) };
      } catch (err) {
        const f = classify(err);
        if (f.kind === 'rate-limited') {
          if (f.retryAfter > policy.maxRetryAfterSeconds) return { status: 'failed', reason: `${f.reason}; longer than ${policy.maxRetryAfterSeconds} s, so not sent` };
          if (rateLimited >= policy.rateLimitRetries) return { status: 'failed', reason: `${f.reason}, still rate-limited after ${rateLimited + 1} tries; not sent` };
          rateLimited += 1;
          options.logger.warn(`${label}: ${f.reason}; waiting before try ${rateLimited + 1}`);
          await sleep(f.retryAfter * 1000);
        } else if (f.kind === 'retryable' || (f.kind === 'maybe-sent' && idempotent)) {
          if (serverErrors >= policy.serverErrorRetries) return { status: f.kind === 'retryable' ? 'failed' : 'unknown', reason: `${f.reason} (after ${serverErrors + 1} tries)` };
          await sleep(policy.backoffMs * 2 ** serverErrors);
          serverErrors += 1;
        } else {
          return { status: f.kind === 'not-sent' ? 'failed' : 'unknown', reason: f.reason };
        }
      }
    }
  };

  const respondFailure = async (res: Response, where: string): Promise<Failure> => {
    const body = (await res.text().catch(() => '')).slice(0, 100);
    if (res.status === 429) {
      const retryAfter = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
      return { kind: 'rate-limited', retryAfter: Number.isNaN(retryAfter) ? 1 : retryAfter, reason: `ratelimited: Slack asked to wait before replying${where}` };
    }
    if (res.status >= 500) return { kind: 'retryable', reason: `HTTP ${res.status} from Slack's response_url${where}` };
    return { kind: 'not-sent', reason: `Slack refused the reply${where} (HTTP ${res.status}${body ? `: ${body}` : ''}; response_urls expire after 30 minutes and 5 uses)` };
  };

  /** A views.* call: not queued per channel; `idempotent` ones are tried again after a time-out. */
  const viewCall = (label: string, call: () => Promise<unknown>, idempotent: boolean): Promise<WriteResult> =>
    track(
      attempt(
        label,
        async () => {
          await call();
          return {};
        },
        (err) => classifyWebApiError(err, undefined, options.timeoutMs),
        idempotent,
      ),
    );

  return {
    postMessage(args) {
      const channel = args.channel;
      return track(
        inQueue(`channel:${channel}`, () =>
          attempt(
            `posting to ${channel}`,
            async () => options.client.chat.postMessage(args),
            (err) => classifyWebApiError(err, channel, options.timeoutMs),
            false,
          ),
        ),
      );
    },
    respond(responseUrl, message) {
      return track(
        inQueue(`response:${responseUrl}`, () =>
          attempt(
            'replying through response_url',
            async () => {
              let res: Response;
              try {
                res = await fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(message), signal: AbortSignal.timeout(options.timeoutMs) });
              } catch (err) {
                throw new RespondError(networkFailure(err, '', options.timeoutMs));
              }
              if (!res.ok) throw new RespondError(await respondFailure(res, ''));
              await res.body?.cancel();
              return {};
            },
            (err) => (err instanceof RespondError ? err.failure : { kind: 'maybe-sent', reason: String(err) }),
            false,
          ),
        ),
      );
    },
    publishView: (args) => viewCall(`publishing App Home for ${args.user_id}`, () => options.client.views.publish(args), true),
    openView: (args) => viewCall('opening a modal', () => options.client.views.open(args), false),
    updateView: (args) => viewCall('updating a modal', () => options.client.views.update(args), true),
    pending: () => underway.size,
    async idle() {
      while (underway.size > 0) await Promise.allSettled([...underway]);
    },
  };
}
