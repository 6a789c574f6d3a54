/** What a Web API error means for the person running the bot, and what to do. Never includes a token. */
export function describeSlackError(err: unknown, channel?: string): string {
  const e = err as { code?: string; data?: { error?: string; needed?: string }; retryAfter?: number; statusCode?: number; message?: string };
  const where = channel ? ` in ${channel}` : '';
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      switch (code) {
        case 'not_in_channel':
          return `not_in_channel: the bot is not a member of ${channel ?? 'the channel'}; invite it with "/invite @Briefing" there`;
        case 'channel_not_found':
          return `channel_not_found: ${channel ?? 'the channel'} does not exist or the bot cannot see it (check the id; private channels need an invitation)`;
        case 'is_archived':
          return `is_archived: ${channel ?? 'the channel'} is archived; remove it from DIGEST_CHANNELS or unarchive it`;
        case 'invalid_auth':
        case 'not_authed':
        case 'token_revoked':
        case 'account_inactive':
          return `${code}: Slack rejected the bot token; check SLACK_BOT_TOKEN and reinstall the app to the workspace`;
        case 'missing_scope':
          return `missing_scope: the app lacks the scope "${e.data?.needed ?? '?'}"; add it (see manifest.yml) and reinstall`;
        default:
          return `${code}: Slack refused the call${where}`;
      }
    }
    case 'slack_webapi_rate_limited_error':
      return `ratelimited: Slack asked to wait ${e.retryAfter ?? '?'} s before the next call${where}`;
    case 'slack_webapi_http_error':
      return `HTTP ${e.statusCode ?? '?'} from Slack${where}; it may be a passing outage`;
    case 'slack_webapi_request_error':
      return `could not reach Slack${where} (network error or time-out)`;
    default:
      return `unexpected error${where}: ${e.message ?? String(err)}`;
  }
}
