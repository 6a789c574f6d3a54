import { App, LogLevel, type Authorize, type Logger, type webApi } from '@slack/bolt';
import type { SlackMode } from '../config.ts';
import { createInstallationGate } from './authorize.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import { registerListeners } from './listeners/index.ts';
import type { BriefingReceiver } from './receiver.ts';

/** Options of the Web API client: Briefing retries itself (see slack-writer.ts), so the client never does. */
export interface SlackClientOptions {
  slackApiUrl?: string;
  /** Per-call time-out in ms. Default 10 000. */
  timeoutMs?: number;
}

/** Web API client options with the client's own retries off and rate limits handed back to the caller. */
export function buildClientOptions(options: SlackClientOptions = {}): webApi.WebClientOptions {
  return {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    timeout: options.timeoutMs ?? 10_000,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
}

/** Who the bot is, from `auth.test` at start-up. */
export interface BotIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
}

/** Everything the Slack app is made from. */
export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'terminal' }>;
  /** Which workspace gets which token (see authorize.ts). */
  authorize: Authorize<boolean>;
  deps: ListenerDeps;
  /** Told to requests from a workspace Briefing is not installed in. */
  installHint: string;
  /** The HTTP receiver (HTTP and OAuth modes); Socket Mode uses Bolt's own. */
  receiver?: BriefingReceiver;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  logger?: Logger;
  client?: SlackClientOptions;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/**
 * Builds the Bolt app over an `authorize` (so Bolt never calls `auth.test` itself) with the
 * installation gate and the listeners. Does not start it. Errors a listener misses are logged,
 * never thrown to Slack.
 */
export function createSlackApp(options: SlackAppOptions): App {
  const { mode } = options;
  const common = {
    authorize: options.authorize,
    clientOptions: buildClientOptions(options.client),
    logLevel: LOG_LEVELS[options.logLevel ?? 'info'],
    ...(options.logger ? { logger: options.logger } : {}),
  };
  let app: App;
  if (mode.kind === 'socket') {
    app = new App({ ...common, appToken: mode.appToken, socketMode: true });
  } else {
    if (!options.receiver) throw new Error('HTTP mode needs a receiver');
    app = new App({ ...common, receiver: options.receiver });
  }
  app.use(createInstallationGate(options.deps.writer, options.installHint));
  registerListeners(app, options.deps);
  app.error(async (error) => {
    // The message only: error objects from the SDK can carry request details.
    app.logger.error(`unhandled error in a listener: ${error.message}`);
  });
  return app;
}
