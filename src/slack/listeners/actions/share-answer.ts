import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { routeRequest } from '../../../answer/reply.ts';
import { mentionChannel } from '../../format.ts';
import { verifyShareValue } from '../../share-value.ts';
import { render, scopeFor, teamOf, type ListenerDeps } from '../deps.ts';

/**
 * "Share in channel": posts the answer visibly, credited to the person who shared it. Only a
 * button Briefing signed for this user, channel and workspace is honoured, and only for an answer.
 */
export function createShareAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action, logger, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id;
    const tell = async (text: string): Promise<void> => {
      if (body.response_url) await deps.writer.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text });
    };
    try {
      const ref = verifyShareValue(action.value ?? '', deps.shareKey);
      const { teamId } = teamOf(context);
      const briefer = await deps.teams.forTeam(teamId);
      const scope = ref ? await scopeFor(deps, teamId, ref.channelId) : undefined;
      const reply = ref ? routeRequest(briefer, ref.request, scope) : undefined;
      if (!ref || ref.channelId !== channel || ref.userId !== body.user.id || ref.teamId !== (body.team?.id ?? body.user.team_id)) {
        logger.warn(`refused a share action from ${JSON.stringify(body.user.id)}: its value is not one Briefing signed for this user, channel and workspace`);
        await tell("I can't share that: the button does not belong to this conversation. Ask again with `/briefing ask …`.");
        return;
      }
      if (!reply || reply.kind !== 'answer' || !reply.answer.answered) {
        logger.warn('refused a share action for a reply that is not a cited answer');
        await tell('Only cited answers can be shared.');
        return;
      }
      const message = render(briefer, reply, { sharedBy: body.user.id, ...(scope ? { channelStory: { ids: scope.articleIds } } : {}) });
      const result = await deps.writer.postMessage({ ...(context.botToken ? { token: context.botToken } : {}), channel: ref.channelId, unfurl_links: false, unfurl_media: false, ...message });
      if (result.status === 'sent') {
        await tell(`Shared in ${mentionChannel(ref.channelId)}.`);
      } else {
        logger.error(`could not share an answer: ${result.reason}`);
        if (result.status === 'failed') await tell(`I couldn't share that here (${result.reason.split(':')[0] ?? 'error'}). Invite me with \`/invite @Briefing\` and try again.`);
      }
    } catch (err) {
      logger.error(`could not share an answer: ${(err as Error).message}`);
    }
  };
}
