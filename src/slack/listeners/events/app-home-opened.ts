import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { routeRequest } from '../../../answer/reply.ts';
import { recordWrite } from '../../event-claims.ts';
import { SLACK_LIMITS } from '../../format.ts';
import { render, teamOf, type ListenerDeps } from '../deps.ts';

/** App Home: how to use the bot, then the briefing. */
export function createAppHomeOpened(deps: ListenerDeps) {
  return async ({ event, context, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      const briefer = await deps.teams.forTeam(teamOf(context).teamId);
      const help = render(briefer, routeRequest(briefer, 'help'));
      const briefing = render(briefer, routeRequest(briefer, ''));
      const blocks = [...help.blocks, { type: 'divider' as const }, ...briefing.blocks].slice(0, SLACK_LIMITS.blocksPerView);
      const result = await deps.writer.publishView({ ...(context.botToken ? { token: context.botToken } : {}), user_id: event.user, view: { type: 'home', blocks } });
      recordWrite(context, result);
      if (result.status !== 'sent') logger.error(`could not publish App Home: ${result.reason}`);
    } catch (err) {
      logger.error(`could not publish App Home: ${(err as Error).message}`);
    }
  };
}
