import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { routeRequest } from '../../../answer/reply.ts';
import { signShareValue } from '../../share-value.ts';
import { render, type ListenerDeps } from '../deps.ts';

/**
 * `/briefing [briefing|topics|ask <question>|digest|sources|help|<question>]`: acknowledges at
 * once, then answers ephemerally through `response_url`; answers carry a "Share in channel"
 * button whose value is signed for this user, channel and workspace.
 */
export function createBriefingCommand(deps: ListenerDeps) {
  return async ({ command, ack, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const text = command.text ?? '';
      const shareRequest = signShareValue({ teamId: command.team_id, channelId: command.channel_id, userId: command.user_id, request: text }, deps.shareKey);
      const message = render(deps, routeRequest(deps.briefer, text), { shareRequest, invocation: command.command || '/briefing' });
      const result = await deps.writer.respond(command.response_url, { response_type: 'ephemeral', ...message });
      if (result.status !== 'sent') logger.error(`/briefing reply not delivered: ${result.reason}`);
    } catch (err) {
      logger.error(`/briefing failed: ${(err as Error).message}`);
    }
  };
}
