import { App, LogLevel, type Logger, type webApi } from '@slack/bolt';
import type { Briefer } from '../answer/reply.ts';
import type { SlackMode } from '../config.ts';
import type { Store } from '../store/index.ts';
import { registerListeners } from './listeners/index.ts';
import type { BriefingReceiver } from './receiver.ts';
import type { SlackWriter } from './slack-writer.ts';

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
  briefer: Briefer;
  store: Store;
  writer: SlackWriter;
  shareKey: Buffer;
  identity: BotIdentity;
  /** The HTTP receiver (HTTP mode); Socket Mode uses Bolt's own. */
  receiver?: BriefingReceiver;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  logger?: Logger;
  client?: SlackClientOptions;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/**
 * Builds the Bolt app over a checked identity (so Bolt never calls `auth.test` itself) with the
 * listeners. Does not start it. Errors a listener misses are logged, never thrown to Slack.
 */
export function createSlackApp(options: SlackAppOptions): App {
  const { mode } = options;
  const common = {
    token: mode.botToken,
    botId: options.identity.botId,
    botUserId: options.identity.botUserId,
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
  registerListeners(app, { briefer: options.briefer, store: options.store, writer: options.writer, shareKey: options.shareKey });
  app.error(async (error) => {
    // The message only: error objects from the SDK can carry request details.
    app.logger.error(`unhandled error in a listener: ${error.message}`);
  });
  return app;
}
