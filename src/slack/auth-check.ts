import type { webApi } from '@slack/bolt';
import { SlackStartError } from '../errors.ts';
import type { BotIdentity } from './app.ts';
import { describeSlackError } from './web-api-errors.ts';

/** Who the token belongs to, as `auth.test` tells it. */
export interface AuthResult extends BotIdentity {
  teamName?: string;
  enterpriseId?: string;
}

/** Whether trying `auth.test` again could help (it is read-only, so time-outs may be retried). */
function isPassing(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'slack_webapi_request_error' || code === 'slack_webapi_rate_limited_error' || (code === 'slack_webapi_http_error' && ((err as { statusCode?: number }).statusCode ?? 0) >= 500);
}

/**
 * Calls `auth.test` before anything listens: a refused token or an unreachable Slack stops the
 * start with a one-line `SlackStartError` saying what to do, instead of an app that answers
 * HTTP 200 and nothing else. Passing failures (5xx, network, 429) are tried `attempts` times.
 */
export async function checkSlackAuth(client: webApi.WebClient, options: { attempts?: number; backoffMs?: number; apiUrl?: string } = {}): Promise<AuthResult> {
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 500;
  for (let i = 1; ; i += 1) {
    try {
      const res = await client.auth.test();
      if (!res.team_id || !res.user_id || !res.bot_id) {
        throw new SlackStartError('SLACK_BOT_TOKEN is not a bot token (auth.test names no bot): use the "Bot User OAuth Token" (xoxb-…) from "OAuth & Permissions"');
      }
      return {
        teamId: res.team_id,
        botUserId: res.user_id,
        botId: res.bot_id,
        ...(res.team ? { teamName: res.team } : {}),
        ...(res.enterprise_id ? { enterpriseId: res.enterprise_id } : {}),
      };
    } catch (err) {
      if (err instanceof SlackStartError) throw err;
      if (!isPassing(err)) throw new SlackStartError(`Slack refused the bot token at start-up: ${describeSlackError(err)}`);
      if (i >= attempts) {
        throw new SlackStartError(`could not reach Slack${options.apiUrl ? ` at ${options.apiUrl}` : ''} to check SLACK_BOT_TOKEN after ${attempts} tries (last: ${describeSlackError(err)}); check the network (and SLACK_API_URL if set), then start again`);
      }
      const retryAfter = (err as { retryAfter?: number }).retryAfter;
      await new Promise((r) => setTimeout(r, retryAfter ? retryAfter * 1000 : backoff * 2 ** (i - 1)));
    }
  }
}
