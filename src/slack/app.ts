import { App, LogLevel, type Logger } from '@slack/bolt';
import type { Briefer } from '../answer/reply.ts';
import type { SlackMode } from '../config.ts';
import { createEventDeduper, type EventDeduper } from './dedupe.ts';
import { registerListeners } from './listeners/index.ts';

/** Options of the Web API client the app uses; tests shorten retries and time-outs. */
export interface SlackClientOptions {
  slackApiUrl?: string;
  /** Retries of 5xx and network failures (rate limits are always retried after Retry-After). Default 3. */
  retries?: number;
  /** Per-call time-out in ms. Default 10 000. */
  timeoutMs?: number;
}

/** Everything the Slack app is made from. */
export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'terminal' }>;
  briefer: Briefer;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  logger?: Logger;
  client?: SlackClientOptions;
  deduper?: EventDeduper;
}

const LOG_LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/**
 * Builds the Bolt app: the HTTP receiver (`/slack/events`) or Socket Mode, the Web API client,
 * and the listeners. Does not start it. Errors a listener misses are logged, never thrown to Slack.
 */
export function createSlackApp(options: SlackAppOptions): App {
  const { mode } = options;
  const clientOptions = {
    ...(options.client?.slackApiUrl ? { slackApiUrl: options.client.slackApiUrl } : {}),
    timeout: options.client?.timeoutMs ?? 10_000,
    retryConfig: { retries: options.client?.retries ?? 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
  };
  const common = {
    token: mode.botToken,
    clientOptions,
    logLevel: LOG_LEVELS[options.logLevel ?? 'info'],
    ...(options.logger ? { logger: options.logger } : {}),
  };
  const app =
    mode.kind === 'socket'
      ? new App({ ...common, appToken: mode.appToken, socketMode: true })
      : new App({ ...common, signingSecret: mode.signingSecret, processBeforeResponse: false });
  registerListeners(app, { briefer: options.briefer, deduper: options.deduper ?? createEventDeduper() });
  app.error(async (error) => {
    // The message only: error objects from the SDK can carry request details.
    app.logger.error(`unhandled error in a listener: ${error.message}`);
  });
  return app;
}
