import type { App, BlockButtonAction } from '@slack/bolt';
import type { Store } from '../../store/index.ts';
import { SHARE_ACTION_ID } from '../blocks.ts';
import { createEventClaimMiddleware } from '../event-claims.ts';
import { createShareAnswer } from './actions/share-answer.ts';
import { createBriefingCommand } from './commands/briefing-command.ts';
import type { ListenerDeps } from './deps.ts';
import { createAppHomeOpened } from './events/app-home-opened.ts';
import { createAppMention } from './events/app-mention.ts';
import { createDirectMessage } from './events/direct-message.ts';

/** Wires Slack ids to handlers; nothing else. */
export function registerListeners(app: App, deps: ListenerDeps & { store: Store }): void {
  // Retries, redeliveries and other replicas carry the same event_id: handle each event once.
  app.use(createEventClaimMiddleware(deps.store));
  app.command('/briefing', createBriefingCommand(deps));
  app.event('app_mention', createAppMention(deps));
  app.message(createDirectMessage(deps));
  app.event('app_home_opened', createAppHomeOpened(deps));
  app.action<BlockButtonAction>({ action_id: SHARE_ACTION_ID }, createShareAnswer(deps));
}
