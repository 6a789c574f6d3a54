import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeRequest, type Reply } from '../../../answer/reply.ts';
import type { Briefer } from '../../../answer/reply.ts';
import { normaliseQuestion } from '../../../matcher/normalise.ts';
import { describeSlackError } from '../../web-api-errors.ts';
import { render, type ListenerDeps } from '../deps.ts';

/** A conversational request (mention or DM): a bare one gets help, the rest goes through the router. */
export function replyToConversation(briefer: Briefer, text: string): Reply {
  if (normaliseQuestion(text) === '') return routeRequest(briefer, 'help');
  return routeRequest(briefer, text);
}

/** `@Briefing <question>` in a channel: answers in a thread on the mention (or in its thread). */
export function createAppMention(deps: ListenerDeps) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const threadTs = event.thread_ts ?? event.ts;
    try {
      const message = render(deps, replyToConversation(deps.briefer, event.text ?? ''), { invocation: '@Briefing' });
      await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false, ...message });
    } catch (err) {
      logger.error(`could not answer a mention: ${describeSlackError(err, event.channel)}`);
    }
  };
}
