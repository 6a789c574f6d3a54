import type { Context, Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import pLimit from 'p-limit';
import type { Store } from '../store/index.ts';
import type { WriteResult } from './slack-writer.ts';

const RESULT = 'briefingWriteResult';

/** Tells the event's claim how the reply went (call once per event, after writing). */
export function recordWrite(context: Context, result: WriteResult): void {
  context[RESULT] = result;
}

/**
 * Global middleware: an Events API delivery runs only if this process claims its `event_id` in
 * the store first, so Slack's retries and the same event at another replica are answered once.
 * After the listeners: the reply's ts is recorded, or the claim is given back when nothing
 * reached Slack (a redelivery may then try again). If the store is down the event is dropped
 * with a log line: a missed answer is better than a doubled one.
 *
 * Events are acknowledged before this runs; at most `concurrency` are handled at once (default
 * 32) and the rest wait their turn, so a burst never makes the event loop too busy to accept
 * and acknowledge the next requests within Slack's 3 seconds. An event `ignore` says needs nothing
 * (a channel's chatter, for a bot that reads channel messages) is dropped before it costs a claim.
 */
export function createEventClaimMiddleware(store: Store, concurrency = 32, ignore: (event: unknown) => boolean = () => false): Middleware<AnyMiddlewareArgs> {
  const limit = pLimit(concurrency);
  return async (args) => {
    const envelope = args.body as { event_id?: unknown; event?: unknown };
    if (typeof envelope.event_id !== 'string') return args.next();
    if (ignore(envelope.event)) return;
    await limit(() => handleOnce(store, args, envelope.event_id as string));
  };
}

/** Claims the event, runs the listeners if the claim is ours, then records or releases it. */
async function handleOnce(store: Store, { body, context, next, logger }: Parameters<Middleware<AnyMiddlewareArgs>>[0], eventId: string): Promise<void> {
  const envelope = body as { team_id?: unknown };
  let claimed: boolean;
  try {
    claimed = await store.events.claim({ eventId, teamId: typeof envelope.team_id === 'string' ? envelope.team_id : '' });
  } catch (err) {
    logger.error(`the store is unavailable: event ${eventId} not handled, to never answer it twice (${(err as Error).message})`);
    return;
  }
  if (!claimed) {
    logger.info(`ignoring a repeated delivery of ${eventId} (retry ${context.retryNum ?? 0}, ${context.retryReason ?? 'no reason given'}; handled here or by another replica)`);
    return;
  }
  try {
    await next();
  } finally {
    const result = context[RESULT] as WriteResult | undefined;
    const settle =
      result === undefined
        ? store.events.settle(eventId, 'handled')
        : result.status === 'failed'
          ? store.events.release(eventId)
          : result.status === 'sent'
            ? store.events.settle(eventId, 'posted', result.ts)
            : store.events.settle(eventId, 'unknown', result.reason);
    await settle.catch((err: unknown) => logger.warn(`could not record how event ${eventId} ended: ${(err as Error).message}`));
  }
}
