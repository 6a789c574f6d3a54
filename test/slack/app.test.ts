import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveShareKey, verifyShareValue } from '../../src/slack/share-value.ts';
import { seedBriefer, seedSentence } from '../helpers/knowledge.ts';
import { interceptPosts, interceptResponseUrl, loopbackOnly, parsePosted as parse, shownText, type Posted } from '../helpers/slack-calls.ts';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  SLACK_API,
  eventEnvelope,
  mentionEvent,
  send,
  sendAction,
  sendCommand,
  sendEvent,
  shareActionPayload,
  sign,
  signedShareValue,
  startTestApp,
  waitFor,
  type TestApp,
} from '../helpers/slack.ts';

let app: TestApp;

loopbackOnly();
beforeEach(async () => {
  app = await startTestApp(seedBriefer(), { timeoutMs: 500 });
});
afterEach(async () => {
  await app.stop();
  nock.cleanAll();
});

describe('/briefing over signed HTTP', () => {
  it('answers "ask who denied the allegations?" through response_url, quoting the denial verbatim', async () => {
    const responses = interceptResponseUrl();
    const res = await sendCommand(app, 'ask who denied the allegations?');
    expect(res.status).toBe(200);
    await waitFor(() => responses.length === 1);
    const reply = responses[0] as Posted;
    expect(reply.response_type).toBe('ephemeral');
    expect(shownText(reply)).toContain(`>${seedSentence('p4.s1')}`);
    expect(seedSentence('p4.s1')).toMatch(/^Iran has denied the U\.S\. allegations/);
    // Ephemeral answers offer to share them.
    // The button carries the request signed for this user, channel and workspace.
    const actions = reply.blocks?.find((b) => b.type === 'actions');
    expect(verifyShareValue(actions?.elements?.[0]?.value ?? '', deriveShareKey(SIGNING_SECRET))).toEqual({ teamId: 'T1', channelId: 'C0CHANNEL1', userId: 'U0ASKER', request: 'ask who denied the allegations?' });
  });

  it('acknowledges with an empty 200 before answering', async () => {
    interceptResponseUrl();
    const res = await sendCommand(app, 'topics');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('gives the briefing for an empty command, with one cited line per topic', async () => {
    const responses = interceptResponseUrl();
    await sendCommand(app, '');
    await waitFor(() => responses.length === 1);
    const text = shownText(responses[0] as Posted);
    expect(text).toContain('The missile transfer');
    expect(text).toContain(seedSentence('p1.s1'));
    expect(text).toContain("Iran's denial");
  });

  it('declines an off-topic question with suggestions and no citation', async () => {
    const responses = interceptResponseUrl();
    await sendCommand(app, 'ask What is the population of Kursk?');
    await waitFor(() => responses.length === 1);
    const text = shownText(responses[0] as Posted);
    expect(text).toContain("doesn't say");
    expect(text).toContain('It does cover');
    expect(text).not.toContain('Source:');
    // A decline cannot be shared; it can be judged (👍 / 👎) and explained.
    const buttons = (responses[0]?.blocks ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []) as { action_id?: string }[];
    expect(buttons.map((b) => b.action_id)).toEqual(['feedback_up', 'feedback_down', 'why_answer']);
  });

  it.each([
    ['help', 'ask &lt;question&gt;'],
    ['sources', '15 sentences in 7 paragraphs'],
    ['digest', 'Questions? Ask'],
    ['topics', 'Biden meets Starmer'],
  ])('answers the %s subcommand', async (sub, expected) => {
    const responses = interceptResponseUrl();
    await sendCommand(app, sub);
    await waitFor(() => responses.length === 1);
    expect(shownText(responses[0] as Posted)).toContain(expected);
  });

  it('treats an unknown subcommand as a question', async () => {
    const responses = interceptResponseUrl();
    await sendCommand(app, 'who denied the allegations');
    await waitFor(() => responses.length === 1);
    expect(shownText(responses[0] as Posted)).toContain(seedSentence('p4.s1'));
  });
});

describe('request verification', () => {
  it('rejects a bad signature with 401 and does nothing', async () => {
    const responses = interceptResponseUrl();
    const res = await sendCommand(app, 'help', { signature: 'v0=deadbeef' });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(responses).toHaveLength(0);
  });

  it('rejects a missing signature with 401', async () => {
    const res = await sendCommand(app, 'help', { signature: null });
    expect(res.status).toBe(401);
  });

  it('rejects a correctly signed request older than five minutes with 401', async () => {
    const responses = interceptResponseUrl();
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await sendCommand(app, 'help', { timestamp: old });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(responses).toHaveLength(0);
  });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'legacy', challenge: 'c-123' });
    const res = await send(app.url, body, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });

  it('answers ssl_check without running any listener, even with a smuggled payload', async () => {
    const responses = interceptResponseUrl();
    const res = await send(app.url, `ssl_check=1&payload=${encodeURIComponent(JSON.stringify(shareActionPayload('ask who denied the allegations?')))}`, 'application/x-www-form-urlencoded', { signature: null });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(responses).toHaveLength(0);
  });
});

describe('@mentions and direct messages', () => {
  it('answers a mention in a thread on the mentioning message', async () => {
    const posts = interceptPosts('/api/chat.postMessage');
    const res = await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?')));
    expect(res.status).toBe(200);
    await waitFor(() => posts.length === 1);
    expect(posts[0]?.channel).toBe('C0CHANNEL1');
    expect(posts[0]?.thread_ts).toBe('1700000000.000100');
    expect(shownText(posts[0] as Posted)).toContain(seedSentence('p4.s1'));
  });

  it('answers a mention inside a thread in that thread', async () => {
    const posts = interceptPosts('/api/chat.postMessage');
    await sendEvent(app, eventEnvelope(mentionEvent('What did Sean Savett warn?', { ts: '1700000000.000300', thread_ts: '1700000000.000001' })));
    await waitFor(() => posts.length === 1);
    expect(posts[0]?.thread_ts).toBe('1700000000.000001');
    expect(shownText(posts[0] as Posted)).toContain(seedSentence('p2.s2'));
  });

  it('gives short help for a bare mention', async () => {
    const posts = interceptPosts('/api/chat.postMessage');
    await sendEvent(app, eventEnvelope(mentionEvent('')));
    await waitFor(() => posts.length === 1);
    expect(shownText(posts[0] as Posted)).toContain('Ask me about the news story');
    expect(shownText(posts[0] as Posted)).toContain('the topics, with a question to ask about each');
  });

  it('answers a direct message in the DM and ignores its own messages', async () => {
    const posts = interceptPosts('/api/chat.postMessage');
    const dm = { type: 'message', channel_type: 'im', channel: 'D0DIRECT1', user: 'U0ASKER', text: 'Who is Biden meeting?', ts: '1700000000.000400', event_ts: '1700000000.000400' };
    await sendEvent(app, eventEnvelope({ ...dm, user: 'UBOT', bot_id: 'BBOT', ts: '1700000000.000401' }));
    await sendEvent(app, eventEnvelope(dm));
    await waitFor(() => posts.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe('D0DIRECT1');
    expect(posts[0]?.thread_ts).toBeUndefined();
    expect(shownText(posts[0] as Posted)).toContain(seedSentence('p7.s1'));
  });

  it('publishes App Home with the briefing', async () => {
    const views = interceptPosts('/api/views.publish');
    await sendEvent(app, eventEnvelope({ type: 'app_home_opened', user: 'U0ASKER', channel: 'D0DIRECT1', tab: 'home', event_ts: '1700000000.5' }));
    await waitFor(() => views.length === 1);
    expect(views[0]?.user_id).toBe('U0ASKER');
    expect(JSON.stringify(views[0]?.view)).toContain('The missile transfer');
  });
});

describe('retries and repeated events', () => {
  it('answers an event once when Slack retries it with the same event_id', async () => {
    const posts = interceptPosts('/api/chat.postMessage');
    const envelope = eventEnvelope(mentionEvent('Who denied the allegations?'), 'EvRETRY1');
    expect((await sendEvent(app, envelope)).status).toBe(200);
    expect((await sendEvent(app, envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    expect((await sendEvent(app, envelope, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    await waitFor(() => posts.length >= 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(posts).toHaveLength(1);
  });
});

describe('hostile and odd input', () => {
  it.each([
    ['<!channel> who denied the allegations?', seedSentence('p4.s1')],
    ['<!here> <!everyone> <!subteam^S123|@team> hi', 'Briefing keeps you briefed'],
    ['   ', 'Ask me about the news story'],
    ['🚀 Кто отрицал обвинения? 谁否认了指控', "doesn't say"],
    ['<#C0CHANNEL1|news> who is Biden meeting? <https://example.com>', seedSentence('p7.s1')],
  ])('replies sensibly to %j without pinging anyone', async (text, expected) => {
    const posts = interceptPosts('/api/chat.postMessage');
    await sendEvent(app, eventEnvelope(mentionEvent(text)));
    await waitFor(() => posts.length === 1);
    const shown = shownText(posts[0] as Posted);
    expect(shown).toContain(expected);
    expect(JSON.stringify(posts[0])).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(posts[0]?.link_names).toBeUndefined();
  });

  it('handles a 40 000-character question within Slack limits', async () => {
    const responses = interceptResponseUrl();
    const long = `ask ${'who denied the allegations? '.repeat(1400)}`.slice(0, 40_000);
    const res = await sendCommand(app, long);
    expect(res.status).toBe(200);
    await waitFor(() => responses.length === 1);
    const reply = responses[0] as Posted;
    for (const b of reply.blocks ?? []) expect((b.text?.text ?? '').length).toBeLessThanOrEqual(3000);
    expect((reply.blocks ?? []).length).toBeLessThanOrEqual(50);
    const button = reply.blocks?.find((b) => b.type === 'actions')?.elements?.[0];
    if (button) expect(button.value?.length ?? 0).toBeLessThanOrEqual(2000);
  });

  it('escapes user text echoed back', async () => {
    const responses = interceptResponseUrl();
    await sendCommand(app, 'ask <@U999> & <b>who</b> denied the allegations?');
    await waitFor(() => responses.length === 1);
    const asked = shownText(responses[0] as Posted);
    expect(asked).not.toContain('<@U999>');
    expect(asked).toContain('&amp;');
  });
});

describe('Web API failures', () => {
  it.each([
    ['channel_not_found', 'channel_not_found'],
    ['not_in_channel', 'invite it'],
    ['invalid_auth', 'check SLACK_BOT_TOKEN'],
  ])('logs %s clearly, does not crash, and answers the next event', async (error, logged) => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: false, error });
    const ok = interceptPosts('/api/chat.postMessage');
    await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?')));
    await waitFor(() => app.logger.lines.some((l) => l.includes(logged)));
    await sendEvent(app, eventEnvelope(mentionEvent('Who is Biden meeting?')));
    await waitFor(() => ok.length === 1);
    expect(shownText(ok[0] as Posted)).toContain(seedSentence('p7.s1'));
  });

  it('retries HTTP 500s, gives up after three tries with a log line, and answers the next event', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').times(3).reply(500, 'oops');
    const ok = interceptPosts('/api/chat.postMessage');
    await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?')));
    await waitFor(() => app.logger.lines.some((l) => l.includes('HTTP 500') && l.includes('after 3 tries')));
    expect(ok).toHaveLength(0);
    await sendEvent(app, eventEnvelope(mentionEvent('Who is Biden meeting?')));
    await waitFor(() => ok.length === 1, 4_000);
  });

  it('does not re-send after a time-out, logs it, and answers the next event', async () => {
    const slow: Posted[] = [];
    nock(SLACK_API)
      .post('/api/chat.postMessage', (b) => {
        slow.push(parse(b));
        return true;
      })
      .delay(1_000)
      .reply(200, { ok: true });
    const ok = interceptPosts('/api/chat.postMessage');
    await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?')));
    await waitFor(() => app.logger.lines.some((l) => l.includes('did not answer within 500 ms')), 4_000);
    await sendEvent(app, eventEnvelope(mentionEvent('Who is Biden meeting?')));
    await waitFor(() => ok.length === 1, 4_000);
    expect(slow).toHaveLength(1);
    expect(shownText(ok[0] as Posted)).toContain(seedSentence('p7.s1'));
  });

  it('retries a rate-limited post after Retry-After', async () => {
    const retrying = await startTestApp(seedBriefer(), { writePolicy: { rateLimitRetries: 2 } });
    try {
      nock(SLACK_API).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
      const ok = interceptPosts('/api/chat.postMessage');
      const started = Date.now();
      await sendEvent(retrying, eventEnvelope(mentionEvent('Who denied the allegations?')));
      await waitFor(() => ok.length === 1, 5_000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(shownText(ok[0] as Posted)).toContain(seedSentence('p4.s1'));
    } finally {
      await retrying.stop();
    }
  });

  it('never writes the bot token or signing secret to the logs', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'invalid_auth' });
    await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?')));
    await sendCommand(app, 'help', { signature: sign('other', 1) });
    await waitFor(() => app.logger.lines.some((l) => l.includes('invalid_auth')));
    const all = app.logger.lines.join('\n');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});

describe('Share in channel', () => {
  it('posts the same answer visibly, credited to the person who shared it', async () => {
    const posts = interceptPosts('/api/chat.postMessage');
    const responses = interceptResponseUrl();
    const res = await sendAction(app, shareActionPayload(signedShareValue('ask who denied the allegations?')));
    expect(res.status).toBe(200);
    await waitFor(() => posts.length === 1 && responses.length === 1);
    expect(posts[0]?.channel).toBe('C0CHANNEL1');
    const shown = shownText(posts[0] as Posted);
    expect(shown).toContain('<@U0SHARER> shared');
    expect(shown).toContain(seedSentence('p4.s1'));
    expect(posts[0]?.blocks?.some((b) => b.type === 'actions')).toBe(false);
    expect(responses[0]?.text).toContain('Shared in');
  });

  it('tells the sharer what to do when the bot is not in the channel', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'not_in_channel' });
    const responses = interceptResponseUrl();
    await sendAction(app, shareActionPayload(signedShareValue('ask who denied the allegations?')));
    await waitFor(() => responses.length === 1);
    expect(responses[0]?.text).toContain('/invite @Briefing');
  });
});
