import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeConversation } from '../../../answer/reply.ts';
import { describeSlackError } from '../../web-api-errors.ts';
import { render, type ListenerDeps } from '../deps.ts';

/** A direct message to the bot: answered in the conversation (in the thread if it was in one). */
export function createDirectMessage(deps: ListenerDeps) {
  return async ({ message, client, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Only plain user messages in a DM: no edits, no bot messages (our own replies included).
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    try {
      const reply = render(deps, routeConversation(deps.briefer, message.text ?? ''), { invocation: '/briefing' });
      await client.chat.postMessage({
        channel: message.channel,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        unfurl_links: false,
        unfurl_media: false,
        ...reply,
      });
    } catch (err) {
      logger.error(`could not answer a direct message: ${describeSlackError(err, message.channel)}`);
    }
  };
}
