import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeConversation } from '../../../answer/reply.ts';
import { recordWrite } from '../../event-claims.ts';
import { answerContext, render, scopeFor, teamOf, type ListenerDeps } from '../deps.ts';

/**
 * `@Briefing <question>` in a channel: answers in a thread on the mention (or in its thread),
 * from the channel's story first; in a digest's thread, from that digest's story.
 */
export function createAppMention(deps: ListenerDeps) {
  return async ({ event, context, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    try {
      const { teamId } = teamOf(context);
      const [briefer, scope] = await Promise.all([deps.teams.forTeam(teamId), scopeFor(deps, teamId, event.channel, event.thread_ts)]);
      const reply = routeConversation(briefer, event.text ?? '', scope);
      const message = render(briefer, reply, { invocation: '@Briefing', ...answerContext(deps, reply, { teamId, channelId: event.channel }, scope) });
      const result = await deps.writer.postMessage({ ...(context.botToken ? { token: context.botToken } : {}), channel: event.channel, thread_ts: event.thread_ts ?? event.ts, unfurl_links: false, unfurl_media: false, ...message });
      recordWrite(context, result);
      if (result.status !== 'sent') logger.error(`could not answer a mention: ${result.reason}`);
    } catch (err) {
      logger.error(`could not answer a mention in ${event.channel}: ${(err as Error).message}`);
    }
  };
}
