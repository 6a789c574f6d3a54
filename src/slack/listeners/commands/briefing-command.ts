import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { routeRequest } from '../../../answer/reply.ts';
import { describeSlackError } from '../../web-api-errors.ts';
import { render, type ListenerDeps } from '../deps.ts';

/**
 * `/briefing [briefing|topics|ask <question>|digest|sources|help|<question>]`: acknowledges at
 * once, then answers ephemerally through `response_url`; answers carry a "Share in channel" button.
 */
export function createBriefingCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const reply = routeRequest(deps.briefer, command.text ?? '');
      const message = render(deps, reply, { shareRequest: command.text ?? '', invocation: command.command || '/briefing' });
      await respond({ response_type: 'ephemeral', ...message });
    } catch (err) {
      logger.error(`/briefing failed: ${describeSlackError(err)}`);
    }
  };
}
