import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeConversation } from '../../../answer/reply.ts';
import type { Scope } from '../../../answer/answer.ts';
import { recordWrite } from '../../event-claims.ts';
import { answerContext, render, scopeFor, teamOf, type ListenerDeps } from '../deps.ts';

/** The fields of a `message` event Briefing reads (Bolt's union type spread over its subtypes). */
interface PlainMessage {
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  subtype?: string;
  bot_id?: string;
}

/**
 * Whether a message event can need an answer: a person's message in a DM, or a person's reply in a
 * channel thread (which may be a digest's). Everything else in a channel — top-level chatter, edits,
 * bot posts, our own replies — is ignored before it costs a store write.
 */
export function mayNeedAnswer(message: PlainMessage): boolean {
  if (message.subtype !== undefined || message.bot_id !== undefined) return false;
  if (message.channel_type === 'im') return true;
  return message.thread_ts !== undefined && message.thread_ts !== message.ts;
}

/**
 * A message event: a direct message to the bot is answered in the conversation (in its thread if it
 * was in one); a reply in a digest's thread is answered in that thread, from the digest's story. A
 * reply that mentions the bot is left to the `app_mention` event, so it is answered once.
 */
export function createMessage(deps: ListenerDeps) {
  return async ({ message: event, context, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const message = event as PlainMessage;
    if (!mayNeedAnswer(message)) return;
    const direct = message.channel_type === 'im';
    if (!direct && context.botUserId && (message.text ?? '').includes(`<@${context.botUserId}>`)) {
      logger.debug(`a reply in ${message.channel} mentions the bot: answered as a mention`);
      return;
    }
    try {
      const { teamId } = teamOf(context);
      let scope: Scope | undefined;
      if (direct) scope = await scopeFor(deps, teamId, message.channel, message.thread_ts);
      else {
        const ids = await deps.store.digests.threadStories(teamId, message.channel, message.thread_ts as string);
        if (!ids || ids.length === 0) {
          logger.debug(`a reply in ${message.channel} is not in a digest's thread: not answered`);
          return;
        }
        scope = { articleIds: ids };
      }
      const briefer = await deps.teams.forTeam(teamId);
      const answer = routeConversation(briefer, message.text ?? '', scope);
      const reply = render(briefer, answer, { invocation: direct ? '/briefing' : '@Briefing', ...answerContext(deps, answer, { teamId, channelId: message.channel }, scope) });
      const result = await deps.writer.postMessage({
        ...(context.botToken ? { token: context.botToken } : {}),
        channel: message.channel,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        unfurl_links: false,
        unfurl_media: false,
        ...reply,
      });
      recordWrite(context, result);
      if (result.status !== 'sent') logger.error(`could not answer a ${direct ? 'direct message' : "reply in a digest's thread"}: ${result.reason}`);
    } catch (err) {
      logger.error(`could not answer a message in ${message.channel}: ${(err as Error).message}`);
    }
  };
}
