import { createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import nock from 'nock';
import type { Briefer } from '../../src/answer/reply.ts';
import { parseConfig } from '../../src/config.ts';
import type { WritePolicy } from '../../src/slack/slack-writer.ts';
import { deriveShareKey, signShareValue } from '../../src/slack/share-value.ts';
import { startBriefing, type RunningBriefing } from '../../src/slack/start.ts';
import { freshDataDir } from './store.ts';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, 'f');
export const BOT_TOKEN = 'xoxb-test-000000000000-secretbottokenvalue';
export const SLACK_API = 'https://slack.com';
export const RESPONSE_URL_HOST = 'https://hooks.slack.com';

/** A logger that records every line, to assert what was logged (and that no secret was). */
export function createRecordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...msg: unknown[]): void => {
      lines.push(`${level} ${msg.map((m) => (m instanceof Error ? `${m.message} ${m.stack ?? ''}` : typeof m === 'string' ? m : JSON.stringify(m))).join(' ')}`);
    };
  let level = LogLevel.DEBUG;
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Signs a raw body the way Slack does: v0=HMAC-SHA256("v0:{ts}:{body}"). */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** A running app on an ephemeral loopback port. */
export interface TestApp {
  app: App;
  running: RunningBriefing;
  url: string;
  logger: ReturnType<typeof createRecordingLogger>;
  dataDir: string;
  stop(): Promise<void>;
}

/** Options of a test app. */
export interface TestAppOptions {
  /** Web API time-out (SLACK_TIMEOUT_MS). Default 2 000. */
  timeoutMs?: number;
  /** Retries after 429 / 5xx; back-offs are shortened to 10 ms. */
  writePolicy?: Partial<WritePolicy>;
  /** More environment (DIGEST_CHANNELS, SLACK_API_URL, DATABASE_URL, …). */
  env?: Record<string, string>;
  /** Answer auth.test with nock (default) or leave it to the test. */
  answerAuthTest?: boolean;
}

/** The environment of a test app: HTTP mode on an ephemeral port, a fresh store. */
export function testEnv(options: TestAppOptions = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    DATA_DIR: freshDataDir(),
    DIGEST_STATE_FILE: join(tmpdir(), `briefing-no-state-${process.pid}.json`),
    SLACK_TIMEOUT_MS: String(options.timeoutMs ?? 2_000),
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...options.env,
  };
}

/** Starts the real app (store, auth.test, receiver) on 127.0.0.1 and an ephemeral port. auth.test is answered. */
export async function startTestApp(briefer: Briefer, options: TestAppOptions = {}): Promise<TestApp> {
  if (options.answerAuthTest !== false) answerAuthTest();
  const logger = createRecordingLogger();
  const env = testEnv(options);
  const config = parseConfig(env);
  if (config.mode.kind !== 'http' && config.mode.kind !== 'oauth') throw new Error('test apps run in HTTP mode');
  const running = await startBriefing({
    config: { ...config, mode: config.mode },
    briefer,
    logger,
    host: '127.0.0.1',
    writePolicy: { backoffMs: 10, ...options.writePolicy },
    authBackoffMs: 10,
    // Article hosts resolve to a public (documentation) address: nock serves the pages, no DNS is asked.
    resolveHost: async () => ['203.0.113.10'],
  });
  const url = `http://127.0.0.1:${running.port ?? 0}/slack/events`;
  return { app: running.app, running, url, logger, dataDir: env.DATA_DIR ?? '', stop: async () => void (await running.stop('test over')) };
}

/** Answers auth.test (persisted) as Slack does for the test bot. */
export function answerAuthTest(): void {
  nock(SLACK_API).post('/api/auth.test').reply(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Acme', user: 'briefing' }).persist();
}

/** Options for a signed request. */
export interface SendOptions {
  timestamp?: number;
  signature?: string | null;
  headers?: Record<string, string>;
}

/** Sends a body to the app signed as Slack would (or with a given/missing signature). */
export async function send(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), ...options.headers };
  if (options.signature !== null) headers['x-slack-signature'] = options.signature ?? sign(body, timestamp);
  return fetch(url, { method: 'POST', headers, body });
}

let triggerCounter = 0;

/** A slash command form body (sent as a string: Bolt compares the content type exactly). */
export function commandBody(text: string, overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: 'C0CHANNEL1',
    channel_name: 'news',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/briefing',
    text,
    api_app_id: 'A1',
    response_url: `${RESPONSE_URL_HOST}/commands/T1/1/abc`,
    // Unique per invocation, as Slack's are: two commands are never the same signed request by accident.
    trigger_id: `1.2.${++triggerCounter}`,
    ...overrides,
  }).toString();
}

/** Sends a signed slash command. */
export function sendCommand(app: TestApp, text: string, options: SendOptions = {}): Promise<Response> {
  return send(app.url, commandBody(text), 'application/x-www-form-urlencoded', options);
}

let eventCounter = 0;

/** An Events API envelope around an event. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++eventCounter}${Date.now()}`): string {
  return JSON.stringify({ token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }], event });
}

/** An app_mention event. */
export function mentionEvent(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', user: 'U0ASKER', text: `<@UBOT> ${text}`, ts: '1700000000.000100', channel: 'C0CHANNEL1', event_ts: '1700000000.000100', ...extra };
}

/** Sends a signed Events API envelope. */
export function sendEvent(app: TestApp, envelope: string, options: SendOptions = {}): Promise<Response> {
  return send(app.url, envelope, 'application/json', options);
}

/** Sends a signed interactivity payload (form body with `payload=`). */
export function sendAction(app: TestApp, payload: Record<string, unknown>, options: SendOptions = {}): Promise<Response> {
  return send(app.url, `payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded', options);
}

/** A Share button's value as Briefing signs it for the test app (user U0SHARER in C0CHANNEL1 by default). */
export function signedShareValue(request: string, ref: { channelId?: string; userId?: string; teamId?: string } = {}): string {
  return signShareValue({ teamId: 'T1', channelId: 'C0CHANNEL1', userId: 'U0SHARER', request, ...ref }, deriveShareKey(SIGNING_SECRET));
}

/** A block_actions payload for the Share button, pressed by `user` in `channel`. */
export function shareActionPayload(value: string, channel = 'C0CHANNEL1', user = 'U0SHARER'): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: user, username: 'sharer', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: channel, is_ephemeral: true },
    trigger_id: `1.2.${++triggerCounter}`,
    channel: { id: channel, name: 'news' },
    response_url: `${RESPONSE_URL_HOST}/actions/T1/1/def`,
    actions: [{ type: 'button', action_id: 'share_answer', block_id: 'b1', value, text: { type: 'plain_text', text: 'Share in channel' }, action_ts: '1700000000.1' }],
  };
}

/** Resolves when `scope` is done (all its interceptors used) or rejects after `ms`. */
export async function waitFor(check: () => boolean, ms = 3_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A view_submission of the add-article form: `values` by block id (url, title, source, published, text). */
export function addFormSubmission(privateMetadata: string, values: Record<string, string>, who: { team?: string; user?: string } = {}): Record<string, unknown> {
  const team = who.team ?? 'T1';
  const state: Record<string, Record<string, unknown>> = {};
  for (const [block, value] of Object.entries(values)) state[block] = { value: block === 'published' ? { type: 'datepicker', selected_date: value } : { type: 'plain_text_input', value } };
  return {
    type: 'view_submission',
    team: { id: team, domain: 'acme' },
    user: { id: who.user ?? 'U0ASKER', username: 'asker', name: 'asker', team_id: team },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `1.2.${++triggerCounter}`,
    view: { id: `V${triggerCounter}`, team_id: team, type: 'modal', callback_id: 'briefing_add_article', private_metadata: privateMetadata, state: { values: state }, hash: 'h1', title: { type: 'plain_text', text: 'Add an article' }, blocks: [], app_id: 'A1', bot_id: 'BBOT', root_view_id: `V${triggerCounter}`, previous_view_id: null, external_id: '', clear_on_close: false, notify_on_close: false, close: null, submit: null, app_installed_team_id: team },
    response_urls: [],
  };
}

/** A block_actions payload for a button (or an external select's choice) under a message in `channel`. */
export function buttonPayload(actionId: string, value: string, where: { channel?: string; user?: string; team?: string; selected?: string } = {}): Record<string, unknown> {
  const team = where.team ?? 'T1';
  const channel = where.channel ?? 'C0CHANNEL1';
  const action = where.selected !== undefined
    ? { type: 'external_select', action_id: actionId, block_id: 'b1', selected_option: { text: { type: 'plain_text', text: where.selected }, value: where.selected }, action_ts: '1700000000.1' }
    : { type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'x' }, action_ts: '1700000000.1' };
  return {
    type: 'block_actions',
    team: { id: team, domain: 'acme' },
    user: { id: where.user ?? 'U0ASKER', username: 'asker', team_id: team },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: channel, is_ephemeral: true },
    trigger_id: `1.2.${++triggerCounter}`,
    channel: { id: channel, name: 'news' },
    response_url: `${RESPONSE_URL_HOST}/actions/${team}/1/${triggerCounter}`,
    actions: [action],
  };
}
