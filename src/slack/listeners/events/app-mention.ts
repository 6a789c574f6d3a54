import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeConversation } from '../../../answer/reply.ts';
import { recordWrite } from '../../event-claims.ts';
import { render, type ListenerDeps } from '../deps.ts';

/** `@Briefing <question>` in a channel: answers in a thread on the mention (or in its thread). */
export function createAppMention(deps: ListenerDeps) {
  return async ({ event, context, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    try {
      const message = render(deps, routeConversation(deps.briefer, event.text ?? ''), { invocation: '@Briefing' });
      const result = await deps.writer.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, unfurl_links: false, unfurl_media: false, ...message });
      recordWrite(context, result);
      if (result.status !== 'sent') logger.error(`could not answer a mention: ${result.reason}`);
    } catch (err) {
      logger.error(`could not answer a mention in ${event.channel}: ${(err as Error).message}`);
    }
  };
}
