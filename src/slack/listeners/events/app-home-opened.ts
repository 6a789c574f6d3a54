import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildBriefing } from '../../../answer/briefing.ts';
import { routeRequest } from '../../../answer/reply.ts';
import { SLACK_LIMITS } from '../../format.ts';
import { describeSlackError } from '../../web-api-errors.ts';
import { render, type ListenerDeps } from '../deps.ts';

/** App Home: how to use the bot, then the briefing. */
export function createAppHomeOpened(deps: ListenerDeps) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      const help = render(deps, routeRequest(deps.briefer, 'help'));
      const briefing = render(deps, { kind: 'briefing', briefings: buildBriefing(deps.briefer.articles) });
      const blocks = [...help.blocks, { type: 'divider' as const }, ...briefing.blocks].slice(0, SLACK_LIMITS.blocksPerView);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    } catch (err) {
      logger.error(`could not publish App Home: ${describeSlackError(err)}`);
    }
  };
}
