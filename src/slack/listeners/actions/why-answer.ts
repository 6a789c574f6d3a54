import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { explainAnswer } from '../../../answer/explain.ts';
import { articlesById, renderExplanation } from '../../blocks.ts';
import { verifyAnswerRef } from '../../signed-value.ts';
import { teamOf, type ListenerDeps } from '../deps.ts';

/** "Why this answer?": an ephemeral explanation, asked exactly as the answer was (the channel's story first). */
export function createWhyAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action, logger, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    if (!body.response_url) return;
    const responseUrl = body.response_url;
    try {
      const { teamId } = teamOf(context);
      const ref = verifyAnswerRef(action.value ?? '', deps.shareKey);
      if (!ref || ref.teamId !== teamId || ref.channelId !== (body.channel?.id ?? body.container?.channel_id)) {
        logger.warn(`refused a "why" button from ${JSON.stringify(body.user.id)}: not signed for this workspace and channel`);
        await deps.writer.respond(responseUrl, { response_type: 'ephemeral', replace_original: false, text: "I can't explain that: the button doesn't belong to this conversation." });
        return;
      }
      const briefer = await deps.teams.forTeam(teamId);
      const explanation = explainAnswer(briefer, ref.question, ref.scope.length > 0 ? { articleIds: ref.scope } : undefined);
      const result = await deps.writer.respond(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderExplanation(explanation, articlesById(briefer.index.articles)) });
      if (result.status !== 'sent') logger.error(`could not send an explanation: ${result.reason}`);
    } catch (err) {
      logger.error(`could not explain an answer: ${(err as Error).message}`);
    }
  };
}
