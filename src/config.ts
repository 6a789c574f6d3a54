import { Cron } from 'croner';
import { z } from 'zod';
import { isTimeZone } from './digest/schedule-text.ts';
import { ConfigError } from './errors.ts';

/** Default digest schedule: weekdays at 09:00. */
export const DEFAULT_DIGEST_CRON = '0 9 * * 1-5';

const optionalText = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** Whether croner reads the pattern at all. */
function isCron(expr: string): boolean {
  try {
    new Cron(expr, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** Whether the pattern ever fires ("0 0 30 2 *", February 30th, never does). */
function firesEver(expr: string): boolean {
  try {
    const cron = new Cron(expr, { paused: true });
    const next = cron.nextRun();
    cron.stop();
    return next !== null;
  } catch {
    return true; // reported by isCron
  }
}

/** A secret or token: trimmed, and then no whitespace inside (a pasted line break or space is a mistake). */
const secretText = optionalText.refine((v) => v === undefined || !/\s/.test(v), 'must not contain spaces or line breaks (check for a pasted space)');

/** A whole number in plain decimal digits: "0x1F90", "8e3" or "80.0" are mistakes, not ports. */
const decimal = (name: string, fallback: number, min: number, max: number) =>
  optionalText
    .refine((v) => v === undefined || /^\d+$/.test(v), `must be a whole number in decimal digits (${name})`)
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/**
 * The environment Briefing reads, parsed once at start-up. Values are never echoed in errors:
 * a malformed token is reported by its variable name only.
 */
export const envSchema = z.object({
  SLACK_BOT_TOKEN: secretText.refine((v) => v === undefined || v.startsWith('xoxb-'), 'must be a bot token starting with "xoxb-"'),
  SLACK_SIGNING_SECRET: secretText.refine((v) => v === undefined || /^[0-9a-f]{16,}$/i.test(v), 'must be the app\'s signing secret (hexadecimal, from "Basic Information")'),
  SLACK_APP_TOKEN: secretText.refine((v) => v === undefined || v.startsWith('xapp-'), 'must be an app-level token starting with "xapp-"'),
  PORT: decimal('a port like 3000', 3000, 0, 65535),
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  LOG_LEVEL: optionalText.pipe(z.enum(['debug', 'info', 'warn', 'error']).default('info')),
  KNOWLEDGE_DIR: optionalText.pipe(z.string().default('knowledge')),
  DIGEST_CHANNELS: optionalText.transform((v) => (v ?? '').split(',').map((c) => c.trim()).filter(Boolean)).pipe(
    z.array(z.string().regex(/^[CGD][A-Z0-9]{6,}$/, 'must be a comma-separated list of channel ids like C0123456789')),
  ),
  DIGEST_CRON: optionalText.pipe(
    z
      .string()
      .default(DEFAULT_DIGEST_CRON)
      .refine(isCron, 'must be a cron expression like "0 9 * * 1-5"')
      .refine(firesEver, 'never fires (no such date, e.g. February 30th): choose a day that exists'),
  ),
  DIGEST_TZ: optionalText.pipe(z.string().default('UTC').refine(isTimeZone, 'must be an IANA time zone like "Europe/London"')),
  DIGEST_STATE_FILE: optionalText.pipe(z.string().default('.briefing-digest-state.json')),
  DATA_DIR: optionalText.pipe(z.string().default('data')),
  DATABASE_URL: secretText.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'must be a Postgres URL like postgres://user:password@host:5432/briefing'),
  SLACK_TIMEOUT_MS: decimal('milliseconds', 10_000, 100, 120_000),
  SHUTDOWN_TIMEOUT_MS: decimal('milliseconds', 10_000, 0, 600_000),
  SLACK_CLIENT_ID: optionalText.refine((v) => v === undefined || /^\d+\.\d+$/.test(v), 'must be the app\'s client id (digits, a dot, digits, from "Basic Information")'),
  SLACK_CLIENT_SECRET: secretText,
  SLACK_STATE_SECRET: secretText.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters (a random string you choose)'),
  SLACK_REDIRECT_URI: optionalText.pipe(z.url().optional()),
  ARTICLE_MAX_BYTES: decimal('bytes', 1024 * 1024, 1024, 50 * 1024 * 1024),
  ARTICLE_FETCH_MAX_BYTES: decimal('bytes', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
  ARTICLE_FETCH_TIMEOUT_MS: decimal('milliseconds', 10_000, 100, 120_000),
  DIGEST_MIN_INTERVAL_S: decimal('seconds', 3600, 1, 7 * 24 * 3600),
});

/** How the app talks to Slack, decided from which credentials are set. */
export type SlackMode =
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret?: string }
  | { kind: 'http'; botToken: string; signingSecret: string; port: number }
  | { kind: 'oauth'; signingSecret: string; port: number; oauth: OAuthSettings }
  | { kind: 'terminal' };

/** Installing in many workspaces (OAuth v2): the app's credentials and the state secret. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** The redirect URL registered with the app, when it has more than one. */
  redirectUri?: string;
}

/** Limits on articles added from Slack or the terminal. */
export interface ArticleLimits {
  /** Largest article text (pasted or extracted), in bytes (`ARTICLE_MAX_BYTES`, default 1 MiB). */
  maxBytes: number;
  /** Largest page downloaded for a URL (`ARTICLE_FETCH_MAX_BYTES`, default 5 MiB). */
  fetchMaxBytes: number;
  /** How long fetching a URL may take, body included (`ARTICLE_FETCH_TIMEOUT_MS`, default 10 000). */
  fetchTimeoutMs: number;
}

/** The parsed configuration. */
export interface Config {
  mode: SlackMode;
  slackApiUrl?: string;
  /** Per-call Web API time-out (`SLACK_TIMEOUT_MS`, default 10 000). */
  slackTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  knowledgeDir: string;
  /** `stateFile`: the old JSON digest state, imported into the store once if present. */
  digest: { channels: string[]; cron: string; timezone: string; stateFile: string; minIntervalSeconds: number };
  articles: ArticleLimits;
  /** The store: a Postgres server (`DATABASE_URL`) or embedded PGlite under `DATA_DIR` (default data). */
  store: { dataDir: string; databaseUrl?: string };
  /** How long a stop waits for replies under way (`SHUTDOWN_TIMEOUT_MS`, default 10 000). */
  shutdownTimeoutMs: number;
}

/**
 * Parses the environment: Socket Mode with `SLACK_APP_TOKEN` (and `SLACK_BOT_TOKEN`), the HTTP
 * receiver with `SLACK_BOT_TOKEN` and `SLACK_SIGNING_SECRET` (one workspace), OAuth with
 * `SLACK_CLIENT_ID`, `SLACK_CLIENT_SECRET`, `SLACK_STATE_SECRET` and `SLACK_SIGNING_SECRET`
 * (many workspaces), the terminal with none.
 * Throws `ConfigError` naming every missing or malformed variable.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${String(i.path[0] ?? 'environment')} ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.map((l) => `  - ${l}`).join('\n')}`);
  }
  const e = result.data;
  let mode: SlackMode;
  const oauthVars = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  if (oauthVars.some((v) => v !== undefined)) {
    const missing = (['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const).filter((_, i) => oauthVars[i] === undefined);
    if (missing.length > 0) throw new ConfigError(`installing in many workspaces needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together; ${missing.join(', ')} missing (from "Basic Information" → "App Credentials"; the state secret is any random string)`);
    if (e.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: use the bot token for one workspace, or the OAuth credentials to install in many (each workspace\'s token is then kept in the store), not both');
    if (e.SLACK_APP_TOKEN) throw new ConfigError('installing in many workspaces (SLACK_CLIENT_ID) needs the HTTP receiver: leave SLACK_APP_TOKEN empty (Socket Mode is for one workspace)');
    if (!e.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_CLIENT_ID is set but SLACK_SIGNING_SECRET is missing: set it from "Basic Information" → "Signing Secret"');
    const oauth: OAuthSettings = { clientId: e.SLACK_CLIENT_ID as string, clientSecret: e.SLACK_CLIENT_SECRET as string, stateSecret: e.SLACK_STATE_SECRET as string, ...(e.SLACK_REDIRECT_URI ? { redirectUri: e.SLACK_REDIRECT_URI } : {}) };
    mode = { kind: 'oauth', signingSecret: e.SLACK_SIGNING_SECRET, port: e.PORT, oauth };
  } else if (e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_APP_TOKEN is set (Socket Mode) but SLACK_BOT_TOKEN is missing: set it to the bot token (xoxb-…) from "OAuth & Permissions"');
    mode = { kind: 'socket', botToken: e.SLACK_BOT_TOKEN, appToken: e.SLACK_APP_TOKEN, ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}) };
  } else if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET) {
    if (!e.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing: set it to the bot token (xoxb-…) from "OAuth & Permissions"');
    if (!e.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is missing: set it from "Basic Information" → "Signing Secret" (or set SLACK_APP_TOKEN for Socket Mode)');
    mode = { kind: 'http', botToken: e.SLACK_BOT_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, port: e.PORT };
  } else {
    mode = { kind: 'terminal' };
  }
  return {
    mode,
    ...(e.SLACK_API_URL ? { slackApiUrl: e.SLACK_API_URL } : {}),
    slackTimeoutMs: e.SLACK_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
    digest: { channels: e.DIGEST_CHANNELS, cron: e.DIGEST_CRON, timezone: e.DIGEST_TZ, stateFile: e.DIGEST_STATE_FILE, minIntervalSeconds: e.DIGEST_MIN_INTERVAL_S },
    articles: { maxBytes: e.ARTICLE_MAX_BYTES, fetchMaxBytes: e.ARTICLE_FETCH_MAX_BYTES, fetchTimeoutMs: e.ARTICLE_FETCH_TIMEOUT_MS },
    store: { dataDir: e.DATA_DIR, ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}) },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
