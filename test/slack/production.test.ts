import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { seedBriefer, seedSentence } from '../helpers/knowledge.ts';
import { commandBody, eventEnvelope, mentionEvent, send, sendAction, sendEvent, shareActionPayload, sign, signedShareValue, startTestApp, waitFor, type TestApp } from '../helpers/slack.ts';

// Issue 11's reproductions, each through the real receiver with signed requests and a fake Slack
// Web API on loopback (SLACK_API_URL), which can be slow or refuse on purpose.

let fake: FakeSlack;
let app: TestApp | undefined;

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^127\.0\.0\.1/);
});
afterAll(() => {
  nock.enableNetConnect();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await fake.close();
});

async function start(env: Record<string, string> = {}, timeoutMs = 2_000): Promise<TestApp> {
  fake = await startFakeSlack();
  app = await startTestApp(seedBriefer(), { answerAuthTest: false, timeoutMs, env: { SLACK_API_URL: fake.apiUrl, ...env } });
  return app;
}

const posts = (): Record<string, unknown>[] => fake.callsTo('chat.postMessage').map((c) => c.body);
const logged = (a: TestApp, text: string): boolean => a.logger.lines.some((l) => l.includes(text));

describe('malformed but signed bodies (issue 11, defect 4)', () => {
  it.each([
    ['JSON null', 'null', 'application/json', 'the body is null'],
    ['a JSON array', '[1,2]', 'application/json', 'an array'],
    ['a JSON string', '"x"', 'application/json', 'not an object'],
    ['an envelope without a type', '{"token":"x"}', 'application/json', 'has no "type"'],
    ['an event_callback without an event', '{"type":"event_callback","event_id":"Ev1"}', 'application/json', '"event" is missing'],
    ['an event_callback with event: null', '{"type":"event_callback","event_id":"Ev2","event":null}', 'application/json', '"event" is null'],
    ['payload=null', 'payload=null', 'application/x-www-form-urlencoded', 'the payload is null'],
    ['payload=[]', 'payload=%5B%5D', 'application/x-www-form-urlencoded', 'an array'],
    ['a form with no command', 'text=hello', 'application/x-www-form-urlencoded', 'neither "payload" nor a "command"'],
    ['block_actions without actions', `payload=${encodeURIComponent('{"type":"block_actions","user":{"id":"U1"}}')}`, 'application/x-www-form-urlencoded', 'without "actions"'],
  ])('answers %s with 400 and a log line, and keeps answering', async (_name, body, type, reason) => {
    const a = await start();
    const res = await send(a.url, body, type);
    expect(res.status).toBe(400);
    expect(res.headers.get('x-slack-no-retry')).toBe('1');
    expect(a.logger.lines.find((l) => l.includes('malformed body'))).toContain(reason);
    await sendEvent(a, eventEnvelope(mentionEvent('Who denied the allegations?')));
    await waitFor(() => posts().length === 1);
  });
});

describe('a slow Slack (issue 11, defect 2)', () => {
  it('posts one reply to a mention when chat.postMessage answers after the time-out', async () => {
    const a = await start({}, 300);
    fake.on('chat.postMessage', { delayMs: 600 });
    await sendEvent(a, eventEnvelope(mentionEvent('Who denied the allegations?')));
    await waitFor(() => logged(a, 'could not answer a mention: Slack did not answer within 300 ms'));
    expect(posts()).toHaveLength(1);
    expect(JSON.stringify(posts()[0])).toContain(seedSentence('p4.s1').slice(0, 40));
  });

  it('answers a slash command once through a slow response_url', async () => {
    const a = await start({}, 300);
    fake.on('respond', { delayMs: 600 });
    await send(a.url, commandBody('ask who denied the allegations?', { response_url: fake.responseUrl() }), 'application/x-www-form-urlencoded');
    await waitFor(() => logged(a, '/briefing reply not delivered'));
    expect(fake.callsTo('respond')).toHaveLength(1);
  });
});

describe('independent channels (issue 11, defect 5)', () => {
  it('answers a mention elsewhere at once while one channel waits out a Retry-After', async () => {
    const a = await start();
    let limited = 0;
    fake.on('chat.postMessage', (call) => (call.body.channel === 'CSLOW' && limited++ === 0 ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '3' } } : {}));
    await sendEvent(a, eventEnvelope(mentionEvent('Who denied the allegations?', { channel: 'CSLOW' })));
    await waitFor(() => limited === 1);
    const started = Date.now();
    await sendEvent(a, eventEnvelope(mentionEvent('Who is Biden meeting?', { channel: 'CFAST' })));
    await waitFor(() => posts().some((p) => p.channel === 'CFAST'));
    expect(Date.now() - started).toBeLessThan(1_500);
    await waitFor(() => posts().filter((p) => p.channel === 'CSLOW').length === 2, 6_000);
  });
});

describe('replays and forged actions (issue 11, defect 9)', () => {
  it('answers an identical signed slash command once within the window', async () => {
    const a = await start();
    const body = commandBody('ask who denied the allegations?', { response_url: fake.responseUrl() });
    const timestamp = Math.floor(Date.now() / 1000);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await send(a.url, body, 'application/x-www-form-urlencoded', { timestamp })).status);
    expect(statuses).toEqual([200, 200, 200]);
    await waitFor(() => logged(a, 'ignoring a replayed command') && a.logger.lines.filter((l) => l.includes('ignoring a replayed')).length === 2);
    await waitFor(() => fake.callsTo('respond').length >= 1);
    expect(fake.callsTo('respond')).toHaveLength(1);
  });

  it('refuses a signed request whose timestamp is in the future', async () => {
    const a = await start();
    const res = await send(a.url, commandBody('help'), 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) + 3600 });
    expect(res.status).toBe(401);
    expect(logged(a, 'in the future')).toBe(true);
  });

  it.each([
    ['an unsigned value', () => 'ask who denied the allegations?', 'C0CHANNEL1', 'U0SHARER'],
    ['an unsigned "help"', () => 'help', 'C0CHANNEL1', 'U0SHARER'],
    ['a value signed for another channel', () => signedShareValue('ask who denied the allegations?', { channelId: 'C0OTHER' }), 'C0CHANNEL1', 'U0SHARER'],
    ['a value signed for another user, pressed by "U1> <!channel"', () => signedShareValue('ask who denied the allegations?'), 'C0CHANNEL1', 'U1> <!channel'],
    ['a signed value altered', () => signedShareValue('ask who denied the allegations?').replace('who denied', 'who said'), 'C0CHANNEL1', 'U0SHARER'],
    ['a signed digest', () => signedShareValue('digest'), 'C0CHANNEL1', 'U0SHARER'],
  ])('refuses a share action with %s: nothing is posted', async (_name, value, channel, user) => {
    const a = await start();
    const res = await sendAction(a, { ...shareActionPayload(value(), channel, user), response_url: fake.responseUrl() });
    expect(res.status).toBe(200);
    await waitFor(() => fake.callsTo('respond').length === 1);
    expect(JSON.stringify(fake.callsTo('respond')[0]?.body)).toMatch(/can't share|Only cited answers/);
    expect(posts()).toHaveLength(0);
  });

  it('keeps the echo of a long question containing "<"', async () => {
    const a = await start();
    // A "<" with no ">" after it: cutting the raw text at 500 characters used to drop everything from it.
    const question = `ask who denied the allegations when x < y ${'and then more words '.repeat(30)}`;
    await send(a.url, commandBody(question, { response_url: fake.responseUrl() }), 'application/x-www-form-urlencoded');
    await waitFor(() => fake.callsTo('respond').length === 1);
    const blocks = fake.callsTo('respond')[0]?.body.blocks as { type: string; elements?: { text: string }[] }[];
    const echo = blocks.find((b) => b.type === 'context')?.elements?.[0]?.text ?? '';
    expect(echo).toContain('who denied the allegations when x &lt; y and then more words and then more words');
    expect(echo.length).toBeGreaterThan(450);
  });
});

describe('GET /healthz (issue 11: start-up and health)', () => {
  it('reports the store and Slack healthy', async () => {
    const a = await start();
    const res = await fetch(a.url.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: { store: { ok: boolean; detail: string }; slack: { ok: boolean } } };
    expect(body.status).toBe('ok');
    expect(body.checks.store).toEqual({ ok: true, detail: expect.stringContaining('embedded PGlite in') as unknown });
    expect(body.checks.slack.ok).toBe(true);
  });

  it('answers 503 naming Slack when the token stops working', async () => {
    const a = await start();
    fake.on('auth.test', { body: { ok: false, error: 'token_revoked' } });
    const res = await fetch(a.url.replace('/slack/events', '/healthz'));
    expect(res.status).toBe(503);
    expect(JSON.stringify(await res.json())).toContain('token_revoked');
  });
});

describe('signing', () => {
  it('still refuses a request signed with another secret', async () => {
    const a = await start();
    const body = commandBody('help');
    const ts = Math.floor(Date.now() / 1000);
    expect((await send(a.url, body, 'application/x-www-form-urlencoded', { signature: sign(body, ts, 'other-secret'), timestamp: ts })).status).toBe(401);
  });
});
