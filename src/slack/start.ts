import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { LogLevel, type App, type Logger, webApi } from '@slack/bolt';
import { ConsoleLogger } from '@slack/logger';
import type { Briefer } from '../answer/reply.ts';
import type { Config, SlackMode } from '../config.ts';
import { composeChannelDigest } from '../digest/compose.ts';
import { postDigest } from '../digest/post-digest.ts';
import { startChannelDigests, type ChannelDigests, type ScheduledChannel } from '../digest/scheduler.ts';
import { SlackStartError } from '../errors.ts';
import { createStories } from '../stories/stories.ts';
import { createTeamBriefers } from '../stories/team-briefers.ts';
import { importLegacyDigestState, openStore, type Store } from '../store/index.ts';
import { buildClientOptions, createSlackApp } from './app.ts';
import { checkSlackAuth } from './auth-check.ts';
import { createAuthorize } from './authorize.ts';
import { createHealthCheck } from './health.ts';
import type { ListenerDeps } from './listeners/deps.ts';
import { createInstallationStore, createOAuthRoutes, type OAuthRoutes } from './oauth.ts';
import { BriefingReceiver } from './receiver.ts';
import { deriveShareKey } from './share-value.ts';
import { createSlackWriter, type WritePolicy } from './slack-writer.ts';
import type { ResolveHost } from '../stories/fetch-article.ts';

/** What starting Briefing for Slack needs; tests pass a logger, a host and a quick policy. */
export interface StartOptions {
  config: Config & { mode: Exclude<SlackMode, { kind: 'terminal' }> };
  /** The stories that come with the app (KNOWLEDGE_DIR); each workspace adds its own. */
  briefer: Briefer;
  /** Fetches article pages (tests pass none: nock intercepts the global fetch). */
  fetch?: typeof fetch;
  /** Resolves article hosts before they are fetched (tests pass a fixed public address: no DNS). */
  resolveHost?: ResolveHost;
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
  const client = new webApi.WebClient(mode.kind === 'oauth' ? undefined : mode.botToken, { ...buildClientOptions(clientSettings), logger });

  let authorize;
  let single: { teamId: string; botToken: string } | undefined;
  let oauthRoutes: OAuthRoutes | undefined;
  const installationStore = createInstallationStore(store);
  if (mode.kind === 'oauth') {
    authorize = createAuthorize({ installations: installationStore });
    oauthRoutes = createOAuthRoutes({ settings: mode.oauth, installationStore, logger, ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}) });
    logger.info(`installing in many workspaces (OAuth): install at /slack/install; store: ${store.description} (instance ${owner})`);
  } else {
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
    single = { teamId: identity.teamId, botToken: mode.botToken };
    authorize = createAuthorize({ single: { teamId: identity.teamId, ...(identity.enterpriseId ? { enterpriseId: identity.enterpriseId } : {}), botToken: mode.botToken, botId: identity.botId, botUserId: identity.botUserId } });
  }

  const writer = createSlackWriter({ client, logger, timeoutMs: config.slackTimeoutMs, ...(options.writePolicy ? { policy: options.writePolicy } : {}) });
  const shareKey = deriveShareKey(mode.kind === 'socket' ? (mode.signingSecret ?? mode.appToken) : mode.signingSecret);
  const teams = createTeamBriefers({ store, bundled: briefer, warn: (m) => logger.warn(m) });
  const stories = createStories({ store, briefers: teams, limits: config.articles, ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}) });
  const isAdmin = async (token: string | undefined, user: string): Promise<boolean> => {
    try {
      const res = await client.users.info({ ...(token ? { token } : {}), user });
      return res.user?.is_admin === true || res.user?.is_owner === true || res.user?.is_primary_owner === true;
    } catch (err) {
      logger.warn(`could not check whether ${user} is an admin (users.info): ${(err as Error).message}`);
      return false;
    }
  };
  const deps: ListenerDeps = { teams, stories, store, writer, shareKey, isAdmin, digestDefaults: { cron: config.digest.cron, timezone: config.digest.timezone, minIntervalSeconds: config.digest.minIntervalSeconds } };
  const receiver =
    mode.kind !== 'socket'
      ? new BriefingReceiver({
          signingSecret: mode.signingSecret,
          logger,
          claimRequest: (sig, until) => store.requests.claim(sig, until),
          health: createHealthCheck({ store, ...(mode.kind === 'http' ? { client } : {}) }),
          ...(oauthRoutes ? { oauth: oauthRoutes } : {}),
        })
      : undefined;
  const installHint = mode.kind === 'oauth' ? 'A workspace admin can install it from the app\'s /slack/install page.' : 'This Briefing serves one workspace (its SLACK_BOT_TOKEN).';
  const app = createSlackApp({ mode, authorize, deps, installHint, logger, logLevel: config.logLevel, client: clientSettings, ...(receiver ? { receiver } : {}) });

  let port: number | undefined;
  if (receiver && mode.kind !== 'socket') {
    // The app is initialised in its constructor (authorize is given), so its start is the receiver's.
    await receiver.start(mode.port, options.host);
    port = receiver.port();
    logger.info(`Briefing is listening on port ${port ?? mode.port} at /slack/events (health: GET /healthz${oauthRoutes ? '; install: GET /slack/install' : ''})`);
  } else {
    try {
      await app.start();
    } catch (err) {
      throw new SlackStartError(`could not connect in Socket Mode: ${(err as Error).message.split('\n')[0] ?? ''}; check SLACK_APP_TOKEN (an xapp-… token with connections:write)`);
    }
    logger.info('Briefing is connected in Socket Mode');
  }

  // Channels with their own schedule (set from Slack, any workspace), and DIGEST_CHANNELS of the bot token's workspace on the defaults.
  const { channels, cron, timezone } = config.digest;
  if (mode.kind === 'oauth' && channels.length > 0) logger.warn('DIGEST_CHANNELS applies to one workspace (SLACK_BOT_TOKEN); with OAuth installs, turn digests on per channel with /briefing digest on');
  const loadSchedules = async (): Promise<ScheduledChannel[]> => {
    const settings = await store.channels.digestSettings();
    const own = new Set(settings.map((s) => `${s.teamId}/${s.channelId}`));
    const scheduled: ScheduledChannel[] = settings.flatMap((s) => ('off' in s ? [] : [s]));
    if (single) for (const channelId of channels) if (!own.has(`${single.teamId}/${channelId}`)) scheduled.push({ teamId: single.teamId, channelId, cron, timezone });
    return scheduled;
  };
  const tokenFor = async (c: ScheduledChannel): Promise<string | undefined> => {
    if (single) return c.teamId === single.teamId ? single.botToken : undefined;
    try {
      const installation = await installationStore.fetchInstallation({ teamId: c.teamId, enterpriseId: c.enterpriseId, isEnterpriseInstall: false } as never);
      return installation.bot?.token;
    } catch {
      return undefined;
    }
  };
  const schedule: ChannelDigests = startChannelDigests({
    load: loadSchedules,
    version: () => store.channels.digestVersion(),
    run: async (c, slot) => {
      const token = await tokenFor(c);
      if (!token) {
        logger.warn(`digest ${slot} for ${c.channelId}: Briefing is not installed in ${c.teamId} any more; not posted`);
        return;
      }
      await postDigest({ writer, briefer, teamId: c.teamId, channels: [c.channelId], slot, store, logger, token, compose: (channelId) => composeChannelDigest({ teams, store, teamId: c.teamId, channelId }) });
    },
    onError: (err) => logger.error(`digest run failed: ${(err as Error).message}`),
  });
  if (channels.length > 0 && single) logger.info(`digests to ${channels.join(', ')} on "${cron}" (${timezone}) unless a channel sets its own; channels set theirs with /briefing digest`);

  let stopping: Promise<{ unfinished: number }> | undefined;
  const stop = async (reason = 'stop requested'): Promise<{ unfinished: number }> => {
    const underway = (receiver?.pending() ?? 0) + writer.pending();
    logger.info(`${reason}: taking no new requests; finishing ${underway} under way (at most ${config.shutdownTimeoutMs} ms)`);
    schedule.stop();
    if (receiver) receiver.stopAccepting();
    else await app.stop().catch((err: unknown) => logger.warn(`closing Socket Mode: ${(err as Error).message}`));
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all([receiver?.drain(), schedule.drain(), writer.idle()]).then(() => true),
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
