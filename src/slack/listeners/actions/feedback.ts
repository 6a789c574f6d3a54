import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { storiesOf } from '../../../answer/reply.ts';
import type { Verdict } from '../../../store/index.ts';
import { escapeText, truncate } from '../../format.ts';
import { verifyAnswerRef } from '../../signed-value.ts';
import { teamOf, type ListenerDeps } from '../deps.ts';

const THANKS: Record<Verdict, string> = {
  up: '👍 Thanks: recorded as right',
  down: '👎 Thanks: recorded as wrong',
  'wrong-sentence': 'Thanks: recorded that the article says it, but in another sentence',
};

/**
 * 👍, 👎 or "Wrong sentence" under an answer: stores the question, the cited sentence (its text
 * as the workspace's article has it) and the verdict, one per person and answer (a second click
 * replaces the first). Only a button Briefing signed for this workspace and channel counts.
 */
export function createFeedback(deps: ListenerDeps, verdict: Verdict) {
  return async ({ ack, body, action, logger, context }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const tell = async (text: string): Promise<void> => {
      if (body.response_url) await deps.writer.respond(body.response_url, { response_type: 'ephemeral', replace_original: false, text });
    };
    try {
      const team = teamOf(context);
      const ref = verifyAnswerRef(action.value ?? '', deps.shareKey);
      const channel = body.channel?.id ?? body.container?.channel_id;
      if (!ref || ref.teamId !== team.teamId || ref.channelId !== channel) {
        logger.warn(`refused a feedback button from ${JSON.stringify(body.user.id)}: its value is not one Briefing signed for this workspace and channel`);
        await tell("I can't record that: the button doesn't belong to this conversation.");
        return;
      }
      let quote = '';
      if (ref.articleId) {
        const briefer = await deps.teams.forTeam(team.teamId);
        const [k] = storiesOf(briefer, [ref.articleId]);
        quote = k?.paragraphs.flatMap((p) => p.sentences).find((s) => s.id === ref.sentenceId)?.text ?? '';
      }
      await deps.store.feedback.record({ ...team, channelId: ref.channelId, userId: body.user.id, question: ref.question, articleId: ref.articleId, sentenceId: ref.sentenceId, quote, scope: ref.scope, verdict });
      logger.info(`feedback ${verdict} on “${truncate(ref.question, 80)}” (${ref.articleId ? `${ref.articleId}#${ref.sentenceId}` : 'declined'})`);
      await tell(`${THANKS[verdict]} for _${escapeText(truncate(ref.question, 200))}_. It helps us test Briefing on your questions.`);
    } catch (err) {
      logger.error(`could not record feedback: ${(err as Error).message}`);
      await tell('I could not record that just now; please try again.').catch(() => undefined);
    }
  };
}
