import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { routeRequest } from '../../../answer/reply.ts';
import type { SlackMessage } from '../../blocks.ts';
import { signShareValue } from '../../share-value.ts';
import { renderNotice } from '../../story-blocks.ts';
import { answerContext, render, scopeFor, teamOf, type ListenerDeps } from '../deps.ts';
import { addCommand } from './add-command.ts';
import type { CommandCall } from './command-call.ts';
import { digestCommand } from './digest-command.ts';
import { followCommand, removeCommand, storiesCommand, unfollowCommand } from './stories-command.ts';

/** Subcommands that manage stories and digests; anything else is answered (see `routeRequest`). */
const SUBCOMMANDS: Record<string, (call: CommandCall) => Promise<void>> = {
  add: addCommand,
  stories: storiesCommand,
  follow: followCommand,
  unfollow: unfollowCommand,
  remove: removeCommand,
};

/**
 * `/briefing [briefing|topics|ask <question>|digest|sources|help|<question>]`, and the story and
 * digest subcommands (`add`, `stories`, `follow`, `unfollow`, `remove`, `digest <schedule|off>`):
 * acknowledges at once, then answers ephemerally through `response_url`. Questions are asked of
 * the channel's story first; answers carry "Share in channel" (signed for this user, channel and
 * workspace), 👍 / 👎 / wrong sentence and "Why this answer?".
 */
export function createBriefingCommand(deps: ListenerDeps) {
  return async ({ command, ack, logger, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const reply = async (message: SlackMessage): Promise<void> => {
      const result = await deps.writer.respond(command.response_url, { response_type: 'ephemeral', ...message });
      if (result.status !== 'sent') logger.error(`/briefing reply not delivered: ${result.reason}`);
    };
    try {
      const text = (command.text ?? '').trim();
      const [first = '', ...rest] = text.split(/\s+/);
      const sub = first.toLowerCase();
      const args = rest.join(' ').trim();
      const where = { ...teamOf(context), channelId: command.channel_id };
      const inv = command.command || '/briefing';
      const call: CommandCall = { deps, command, where, token: context.botToken, args, inv, logger, reply };
      const handler = SUBCOMMANDS[sub];
      if (handler) return await handler(call);
      if (sub === 'digest' && args !== '') return await digestCommand(call);
      const [briefer, scope] = await Promise.all([deps.teams.forTeam(where.teamId), scopeFor(deps, where.teamId, where.channelId)]);
      const answer = routeRequest(briefer, text, scope);
      const shareRequest = signShareValue({ teamId: command.team_id, channelId: command.channel_id, userId: command.user_id, request: text }, deps.shareKey);
      await reply(render(briefer, answer, { shareRequest, invocation: inv, ...answerContext(deps, answer, where, scope) }));
    } catch (err) {
      logger.error(`/briefing failed: ${(err as Error).message}`);
      await reply(renderNotice('Something went wrong on my side; nothing was changed. Try again in a moment.')).catch(() => undefined);
    }
  };
}
