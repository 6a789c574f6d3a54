import type { App, BlockAction, BlockButtonAction, ExternalSelectAction } from '@slack/bolt';
import { FEEDBACK_ACTION_IDS, SHARE_ACTION_ID, WHY_ACTION_ID } from '../blocks.ts';
import { createEventClaimMiddleware } from '../event-claims.ts';
import { ADD_VIEW_ID, FOLLOW_SELECT_ACTION_ID } from '../story-blocks.ts';
import { createFeedback } from './actions/feedback.ts';
import { createFollowSelect, createStoryOptions } from './actions/follow-select.ts';
import { createShareAnswer } from './actions/share-answer.ts';
import { createWhyAnswer } from './actions/why-answer.ts';
import { createBriefingCommand } from './commands/briefing-command.ts';
import type { ListenerDeps } from './deps.ts';
import { createAppHomeOpened } from './events/app-home-opened.ts';
import { createAppMention } from './events/app-mention.ts';
import { createMessage, mayNeedAnswer } from './events/message.ts';
import { createUninstalled } from './events/uninstalled.ts';
import { createAddArticleSubmission } from './views/add-article.ts';

/** Wires Slack ids to handlers; nothing else. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  // Retries, redeliveries and other replicas carry the same event_id: handle each event once.
  // Channel messages that cannot need an answer (anything but a reply in a thread) are dropped first.
  const chatter = (event: unknown): boolean => {
    const e = event as { type?: unknown; channel_type?: unknown } | undefined;
    return e?.type === 'message' && e.channel_type !== 'im' && !mayNeedAnswer(e as Parameters<typeof mayNeedAnswer>[0]);
  };
  app.use(createEventClaimMiddleware(deps.store, 32, chatter));
  app.command('/briefing', createBriefingCommand(deps));
  app.event('app_mention', createAppMention(deps));
  app.message(createMessage(deps));
  app.event('app_home_opened', createAppHomeOpened(deps));
  app.event('app_uninstalled', createUninstalled(deps.store));
  app.event('tokens_revoked', createUninstalled(deps.store));
  app.action<BlockButtonAction>({ action_id: SHARE_ACTION_ID }, createShareAnswer(deps));
  app.action<BlockButtonAction>({ action_id: FEEDBACK_ACTION_IDS.up }, createFeedback(deps, 'up'));
  app.action<BlockButtonAction>({ action_id: FEEDBACK_ACTION_IDS.down }, createFeedback(deps, 'down'));
  app.action<BlockButtonAction>({ action_id: FEEDBACK_ACTION_IDS['wrong-sentence'] }, createFeedback(deps, 'wrong-sentence'));
  app.action<BlockButtonAction>({ action_id: WHY_ACTION_ID }, createWhyAnswer(deps));
  app.action<BlockAction<ExternalSelectAction>>({ action_id: FOLLOW_SELECT_ACTION_ID }, createFollowSelect(deps));
  app.options({ action_id: FOLLOW_SELECT_ACTION_ID }, createStoryOptions(deps));
  app.view(ADD_VIEW_ID, createAddArticleSubmission(deps));
}
