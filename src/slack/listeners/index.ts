import type { App, BlockButtonAction } from '@slack/bolt';
import { SHARE_ACTION_ID } from '../blocks.ts';
import { createShareAnswer } from './actions/share-answer.ts';
import { createBriefingCommand } from './commands/briefing-command.ts';
import type { ListenerDeps } from './deps.ts';
import { createAppHomeOpened } from './events/app-home-opened.ts';
import { createAppMention } from './events/app-mention.ts';
import { createDirectMessage } from './events/direct-message.ts';

/** Wires Slack ids to handlers; nothing else. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  // Retries and redeliveries carry the same event_id: handle each event once.
  app.use(async ({ body, context, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && deps.deduper.seen(eventId)) {
      logger.info(`ignoring a repeated delivery of ${eventId} (retry ${context.retryNum ?? 0}, ${context.retryReason ?? 'no reason given'})`);
      return;
    }
    await next();
  });
  app.command('/briefing', createBriefingCommand(deps));
  app.event('app_mention', createAppMention(deps));
  app.message(createDirectMessage(deps));
  app.event('app_home_opened', createAppHomeOpened(deps));
  app.action<BlockButtonAction>({ action_id: SHARE_ACTION_ID }, createShareAnswer(deps));
}
