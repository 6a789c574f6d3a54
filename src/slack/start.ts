import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { LogLevel, type App, type Logger, webApi } from '@slack/bolt';
import { ConsoleLogger } from '@slack/logger';
import type { Briefer } from '../answer/reply.ts';
import type { Config, SlackMode } from '../config.ts';
import { postDigest } from '../digest/post-digest.ts';
import { startDigestSchedule, type DigestSchedule } from '../digest/scheduler.ts';
import { SlackStartError } from '../errors.ts';
import { importLegacyDigestState, openStore, type Store } from '../store/index.ts';
import { buildClientOptions, createSlackApp } from './app.ts';
import { checkSlackAuth } from './auth-check.ts';
import { createHealthCheck } from './health.ts';
import { BriefingReceiver } from './receiver.ts';
import { deriveShareKey } from './share-value.ts';
import { createSlackWriter, type WritePolicy } from './slack-writer.ts';

/** What starting Briefing for Slack needs; tests pass a logger, a host and a quick policy. */
export interface StartOptions {
  config: Config & { mode: Exclude<SlackMode, { kind: 'terminal' }> };
  briefer: Briefer;
  logger?: Logger;
  /** Interface to listen on. Default: all. */
  host?: string;
  /** This process's name in claims. Default host:pid:random. */
  owner?: string;
  writePolicy?: Partial<WritePolicy>;
  /** `auth.test` tries before giving up, and the first back-off. Defaults 4 and 500 ms. */
  authAttempts?: number;
  authBackoffMs?: number;
  /** Embedded store: how long a dead process's lock lasts. */
  lockStaleMs?: number;
}

/** Briefing running for Slack. */
export interface RunningBriefing {
  app: App;
  store: Store;
  /** The HTTP port (HTTP mode). */
  port?: number;
  /** Stops taking work, finishes what is under way (at most `SHUTDOWN_TIMEOUT_MS`), closes the store. Safe to call twice. */
  stop(reason?: string): Promise<{ unfinished: number }>;
}

const LEVELS = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR } as const;

/**
 * Starts Briefing for Slack, in an order that never leaves it half up: the store (opened and
 * migrated), then `auth.test` (the token works), then the listener; only then "listening", and
 * then the digest schedule. Any failure stops the start with a coded one-line error and closes
 * what was opened.
 */
export async function startBriefing(options: StartOptions): Promise<RunningBriefing> {
  const { config } = options;
  const logger = options.logger ?? new ConsoleLogger();
  logger.setLevel(LEVELS[config.logLevel]);
  logger.setName?.('briefing');
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  const store = await openStore({
    dataDir: config.store.dataDir,
    ...(config.store.databaseUrl ? { databaseUrl: config.store.databaseUrl } : {}),
    owner,
    warn: (m) => logger.warn(m),
    ...(options.lockStaleMs !== undefined ? { lockStaleMs: options.lockStaleMs } : {}),
  });
  try {
    return await startOnStore(options, store, logger, owner);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}

async function startOnStore(options: StartOptions, store: Store, logger: Logger, owner: string): Promise<RunningBriefing> {
  const { config, briefer } = options;
  const { mode } = config;
  const clientSettings = { ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}), timeoutMs: config.slackTimeoutMs };
  const client = new webApi.WebClient(mode.botToken, { ...buildClientOptions(clientSettings), logger });
  const identity = await checkSlackAuth(client, {
    ...(options.authAttempts !== undefined ? { attempts: options.authAttempts } : {}),
    ...(options.authBackoffMs !== undefined ? { backoffMs: options.authBackoffMs } : {}),
    apiUrl: config.slackApiUrl ?? 'https://slack.com/api/',
  });
  await store.installations.save({ ...identity });
  logger.info(`Slack token ok: bot ${identity.botUserId} in workspace ${identity.teamName ?? identity.teamId}; store: ${store.description} (instance ${owner})`);

  const legacy = await importLegacyDigestState(store, config.digest.stateFile, identity.teamId);
  if (legacy.status === 'imported') logger.info(`imported ${legacy.slots} digest slot(s) from ${config.digest.stateFile}; the store keeps them now, and the file can be deleted`);
  if (legacy.status === 'invalid') logger.warn(`${config.digest.stateFile} (DIGEST_STATE_FILE, the old digest state) ${legacy.problem}; nothing imported from it. Digest slots are kept in the store now: delete the file`);

  const writer = createSlackWriter({ client, logger, timeoutMs: config.slackTimeoutMs, ...(options.writePolicy ? { policy: options.writePolicy } : {}) });
  const shareKey = deriveShareKey(mode.kind === 'http' ? mode.signingSecret : (mode.signingSecret ?? mode.appToken));
  const receiver =
    mode.kind === 'http'
      ? new BriefingReceiver({ signingSecret: mode.signingSecret, logger, claimRequest: (sig, until) => store.requests.claim(sig, until), health: createHealthCheck({ store, client }) })
      : undefined;
  const app = createSlackApp({ mode, briefer, store, writer, shareKey, identity, logger, logLevel: config.logLevel, client: clientSettings, ...(receiver ? { receiver } : {}) });

  let port: number | undefined;
  if (receiver && mode.kind === 'http') {
    // The app is initialised in its constructor (the identity is given), so its start is the receiver's.
    await receiver.start(mode.port, options.host);
    port = receiver.port();
    logger.info(`Briefing is listening on port ${port ?? mode.port} at /slack/events (health: GET /healthz)`);
  } else {
    try {
      await app.start();
    } catch (err) {
      throw new SlackStartError(`could not connect in Socket Mode: ${(err as Error).message.split('\n')[0] ?? ''}; check SLACK_APP_TOKEN (an xapp-… token with connections:write)`);
    }
    logger.info('Briefing is connected in Socket Mode');
  }

  let schedule: DigestSchedule | undefined;
  const { channels, cron, timezone } = config.digest;
  if (channels.length > 0) {
    schedule = startDigestSchedule({
      cron,
      timezone,
      run: (slot) => postDigest({ writer, briefer, teamId: identity.teamId, channels, slot, store, logger }),
      onError: (err) => logger.error(`digest run failed: ${(err as Error).message}`),
    });
    logger.info(`digests to ${channels.join(', ')} on "${cron}" (${timezone}); next ${schedule.next()?.toISOString() ?? 'never'}`);
  }

  let stopping: Promise<{ unfinished: number }> | undefined;
  const stop = async (reason = 'stop requested'): Promise<{ unfinished: number }> => {
    const underway = (receiver?.pending() ?? 0) + writer.pending();
    logger.info(`${reason}: taking no new requests; finishing ${underway} under way (at most ${config.shutdownTimeoutMs} ms)`);
    schedule?.stop();
    if (receiver) receiver.stopAccepting();
    else await app.stop().catch((err: unknown) => logger.warn(`closing Socket Mode: ${(err as Error).message}`));
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all([receiver?.drain(), schedule?.drain(), writer.idle()]).then(() => true),
      new Promise<false>((r) => {
        timer = setTimeout(() => r(false), config.shutdownTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    const unfinished = finished ? 0 : writer.pending() + (receiver?.pending() ?? 0);
    if (!finished) logger.warn(`stopping with ${unfinished} request(s) or write(s) unfinished after ${config.shutdownTimeoutMs} ms; they are not sent`);
    if (receiver) await receiver.stop().catch(() => undefined);
    await store.close().catch((err: unknown) => logger.warn(`closing the store: ${(err as Error).message}`));
    logger.info('stopped');
    return { unfinished };
  };
  return {
    app,
    store,
    ...(port !== undefined ? { port } : {}),
    stop: (reason) => (stopping ??= stop(reason)),
  };
}
