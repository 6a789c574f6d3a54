import type { Context, Middleware, AnyMiddlewareArgs } from '@slack/bolt';
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
 */
export function createEventClaimMiddleware(store: Store): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next, logger }) => {
    const envelope = body as { event_id?: unknown; team_id?: unknown };
    if (typeof envelope.event_id !== 'string') return next();
    const eventId = envelope.event_id;
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
  };
}
