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
      logLevel: 'info',
      knowledgeDir: 'knowledge',
      digest: { channels: [], cron: DEFAULT_DIGEST_CRON, timezone: 'UTC', stateFile: '.briefing-digest-state.json' },
    });
  });

  it('uses the HTTP receiver with a bot token and signing secret, on PORT', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' }).mode).toEqual({ kind: 'http', botToken: BOT, signingSecret: SECRET, port: 8080 });
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
    expect(errorOf({ SLACK_API_URL: 'not a url' })).toContain('SLACK_API_URL');
  });
});
