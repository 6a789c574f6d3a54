import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeConversation } from '../../../answer/reply.ts';
import { recordWrite } from '../../event-claims.ts';
import { render, type ListenerDeps } from '../deps.ts';

/** A direct message to the bot: answered in the conversation (in the thread if it was in one). */
export function createDirectMessage(deps: ListenerDeps) {
  return async ({ message, context, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Only plain user messages in a DM: no edits, no bot messages (our own replies included).
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    try {
      const reply = render(deps, routeConversation(deps.briefer, message.text ?? ''), { invocation: '/briefing' });
      const result = await deps.writer.postMessage({
        channel: message.channel,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        unfurl_links: false,
        unfurl_media: false,
        ...reply,
      });
      recordWrite(context, result);
      if (result.status !== 'sent') logger.error(`could not answer a direct message: ${result.reason}`);
    } catch (err) {
      logger.error(`could not answer a direct message in ${message.channel}: ${(err as Error).message}`);
    }
  };
}
