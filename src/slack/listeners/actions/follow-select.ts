import type { AllMiddlewareArgs, BlockAction, BlockSuggestion, ExternalSelectAction, SlackActionMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { storyOptions, renderNotice } from '../../story-blocks.ts';
import { followedNotice } from '../commands/stories-command.ts';
import { teamOf, type ListenerDeps } from '../deps.ts';

/** A story picked in the follow picker: the channel follows it. The story must be this workspace's. */
export function createFollowSelect(deps: ListenerDeps) {
  return async ({ ack, body, action, logger, context }: SlackActionMiddlewareArgs<BlockAction<ExternalSelectAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const channelId = body.channel?.id ?? body.container?.channel_id;
      const id = action.selected_option?.value;
      if (!channelId || !id) return;
      const r = await deps.stories.follow({ ...teamOf(context), channelId }, id, body.user.id);
      const message = renderNotice(r.ok ? followedNotice(r.story.title) : `:grey_question: ${r.message}`);
      if (body.response_url) await deps.writer.respond(body.response_url, { response_type: 'ephemeral', replace_original: true, ...message });
    } catch (err) {
      logger.error(`could not follow the picked story: ${(err as Error).message}`);
    }
  };
}

/** The picker's options as the person types: the workspace's stories that match. */
export function createStoryOptions(deps: ListenerDeps) {
  return async ({ ack, body, options, context, logger }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    try {
      const stories = await deps.stories.list(teamOf(context).teamId);
      await ack({ options: storyOptions(stories, (options as BlockSuggestion).value ?? (body as BlockSuggestion).value ?? '') });
    } catch (err) {
      logger.error(`could not list stories for the picker: ${(err as Error).message}`);
      await ack({ options: [] });
    }
  };
}
