import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeConversation } from '../../../answer/reply.ts';
import { describeSlackError } from '../../web-api-errors.ts';
import { render, type ListenerDeps } from '../deps.ts';

/** `@Briefing <question>` in a channel: answers in a thread on the mention (or in its thread). */
export function createAppMention(deps: ListenerDeps) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const threadTs = event.thread_ts ?? event.ts;
    try {
      const message = render(deps, routeConversation(deps.briefer, event.text ?? ''), { invocation: '@Briefing' });
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false, ...message });
    } catch (err) {
      logger.error(`could not answer a mention: ${describeSlackError(err, event.channel)}`);
    }
  };
}
