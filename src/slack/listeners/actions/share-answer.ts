import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { routeRequest } from '../../../answer/reply.ts';
import { describeSlackError } from '../../web-api-errors.ts';
import { render, type ListenerDeps } from '../deps.ts';

/** "Share in channel": posts the same answer visibly, credited to the person who shared it. */
export function createShareAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond, logger }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id;
    if (!channel) return;
    try {
      const reply = routeRequest(deps.briefer, action.value ?? '');
      const message = render(deps, reply, { sharedBy: body.user.id });
      await client.chat.postMessage({ channel, unfurl_links: false, unfurl_media: false, ...message });
      await respond({ response_type: 'ephemeral', replace_original: false, text: `Shared in <#${channel}>.` });
    } catch (err) {
      const why = describeSlackError(err, channel);
      logger.error(`could not share an answer: ${why}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: `I couldn't share that here (${why.split(':')[0]}). Invite me with \`/invite @Briefing\` and try again.` }).catch(() => undefined);
    }
  };
}
