import { describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_CRON, parseConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';
import { thrownMessage } from './helpers/errors.ts';

const BOT = 'xoxb-1-2-abcdefsecret';
const SECRET = '0123456789abcdef0123456789abcdef';

const errorOf = (env: Record<string, string>): string => thrownMessage(() => parseConfig(env), ConfigError);

describe('configuration', () => {
  it('runs the terminal mode with no Slack credentials, with documented defaults', () => {
    expect(parseConfig({})).toEqual({
      mode: { kind: 'terminal' },
      slackTimeoutMs: 10_000,
      logLevel: 'info',
      knowledgeDir: 'knowledge',
      digest: { channels: [], cron: DEFAULT_DIGEST_CRON, timezone: 'UTC', stateFile: '.briefing-digest-state.json', minIntervalSeconds: 3600 },
      articles: { maxBytes: 1024 * 1024, fetchMaxBytes: 5 * 1024 * 1024, fetchTimeoutMs: 10_000 },
      store: { dataDir: 'data' },
      shutdownTimeoutMs: 10_000,
    });
  });

  it('uses the HTTP receiver with a bot token and signing secret, on PORT', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' }).mode).toEqual({ kind: 'http', botToken: BOT, signingSecret: SECRET, port: 8080 });
  });

  it('installs in many workspaces (OAuth) with the client id, client secret and state secret', () => {
    const mode = parseConfig({ SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'abc123', SLACK_STATE_SECRET: 'a-long-random-state-secret', SLACK_SIGNING_SECRET: SECRET }).mode;
    expect(mode).toEqual({ kind: 'oauth', signingSecret: SECRET, port: 3000, oauth: { clientId: '123.456', clientSecret: 'abc123', stateSecret: 'a-long-random-state-secret' } });
  });

  it('names what installing in many workspaces is missing, and refuses a bot token beside it', () => {
    expect(errorOf({ SLACK_CLIENT_ID: '123.456', SLACK_SIGNING_SECRET: SECRET })).toContain('SLACK_CLIENT_SECRET, SLACK_STATE_SECRET missing');
    expect(errorOf({ SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'abc', SLACK_STATE_SECRET: 'a-long-random-state-secret', SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT })).toContain('not both');
  });

  it('uses Socket Mode with an app token', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1-abc' }).mode.kind).toBe('socket');
  });

  it('names the missing variable', () => {
    expect(errorOf({ SLACK_BOT_TOKEN: BOT })).toContain('SLACK_SIGNING_SECRET is missing');
    expect(errorOf({ SLACK_SIGNING_SECRET: SECRET })).toContain('SLACK_BOT_TOKEN is missing');
    expect(errorOf({ SLACK_APP_TOKEN: 'xapp-1-abc' })).toContain('SLACK_BOT_TOKEN is missing');
  });

  it('names a malformed variable without echoing its secret value', () => {
    const message = errorOf({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_SIGNING_SECRET: SECRET });
    expect(message).toContain('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"');
    expect(message).not.toContain('xoxp-user-token-secret');
  });

  it('validates the digest settings', () => {
    expect(errorOf({ DIGEST_CRON: 'every morning' })).toContain('DIGEST_CRON must be a cron expression');
    expect(errorOf({ DIGEST_TZ: 'Mars/Olympus' })).toContain('DIGEST_TZ must be an IANA time zone');
    expect(errorOf({ DIGEST_CHANNELS: 'general' })).toContain('DIGEST_CHANNELS');
    expect(parseConfig({ DIGEST_CHANNELS: 'C0123456789, C0987654321 ' }).digest.channels).toEqual(['C0123456789', 'C0987654321']);
  });

  it('rejects a bad port and a bad API URL', () => {
    expect(errorOf({ PORT: 'eighty' })).toContain('PORT');
    expect(errorOf({ PORT: '70000' })).toContain('PORT must be at most 65535');
    expect(errorOf({ SLACK_API_URL: 'not a url' })).toContain('SLACK_API_URL');
  });

  it.each(['0x1F90', '8e3', '80.0', '+80', '0b1'])('takes ports in decimal digits only: PORT=%s is an error', (port) => {
    expect(errorOf({ PORT: port })).toContain('PORT must be a whole number in decimal digits');
  });

  it('refuses a token or secret with a space or line break inside, without echoing it', () => {
    const message = errorOf({ SLACK_BOT_TOKEN: 'xoxb-1-2 secretpart', SLACK_SIGNING_SECRET: SECRET });
    expect(message).toContain('SLACK_BOT_TOKEN must not contain spaces or line breaks');
    expect(message).not.toContain('secretpart');
    expect(errorOf({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: `${SECRET}\nx` })).toContain('SLACK_SIGNING_SECRET');
    expect(errorOf({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1\tabc' })).toContain('SLACK_APP_TOKEN must not contain spaces');
    // Surrounding spaces (a padded .env line) are trimmed, not errors.
    expect(parseConfig({ SLACK_BOT_TOKEN: ` ${BOT} `, SLACK_SIGNING_SECRET: SECRET }).mode).toMatchObject({ botToken: BOT });
  });

  it('refuses a digest schedule that never fires', () => {
    expect(errorOf({ DIGEST_CRON: '0 0 30 2 *' })).toContain('DIGEST_CRON never fires');
    expect(parseConfig({ DIGEST_CRON: '0 0 29 2 *' }).digest.cron).toBe('0 0 29 2 *');
  });

  it('reads the store settings: DATA_DIR, and DATABASE_URL for replicas', () => {
    expect(parseConfig({ DATA_DIR: '/var/lib/briefing' }).store).toEqual({ dataDir: '/var/lib/briefing' });
    expect(parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/briefing' }).store).toEqual({ dataDir: 'data', databaseUrl: 'postgres://u:p@db:5432/briefing' });
    const message = errorOf({ DATABASE_URL: 'mysql://u:hunter2@db/briefing' });
    expect(message).toContain('DATABASE_URL must be a Postgres URL');
    expect(message).not.toContain('hunter2');
    expect(errorOf({ SHUTDOWN_TIMEOUT_MS: '10s' })).toContain('SHUTDOWN_TIMEOUT_MS');
  });
});
