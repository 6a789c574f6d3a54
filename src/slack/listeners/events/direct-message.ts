import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeConversation } from '../../../answer/reply.ts';
import { recordWrite } from '../../event-claims.ts';
import { answerContext, render, scopeFor, teamOf, type ListenerDeps } from '../deps.ts';

/** A direct message to the bot: answered in the conversation (in the thread if it was in one). */
export function createDirectMessage(deps: ListenerDeps) {
  return async ({ message, context, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Only plain user messages in a DM: no edits, no bot messages (our own replies included).
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    try {
      const { teamId } = teamOf(context);
      const [briefer, scope] = await Promise.all([deps.teams.forTeam(teamId), scopeFor(deps, teamId, message.channel, message.thread_ts)]);
      const answer = routeConversation(briefer, message.text ?? '', scope);
      const reply = render(briefer, answer, { invocation: '/briefing', ...answerContext(deps, answer, { teamId, channelId: message.channel }, scope) });
      const result = await deps.writer.postMessage({
        ...(context.botToken ? { token: context.botToken } : {}),
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
