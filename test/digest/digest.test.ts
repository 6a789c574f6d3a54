import { webApi } from '@slack/bolt';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postDigest } from '../../src/digest/post-digest.ts';
import { slotKey, startDigestSchedule } from '../../src/digest/scheduler.ts';
import { buildClientOptions } from '../../src/slack/app.ts';
import { createSlackWriter, type SlackWriter } from '../../src/slack/slack-writer.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { seedBriefer, seedSentence } from '../helpers/knowledge.ts';
import { createRecordingLogger, SLACK_API, waitFor } from '../helpers/slack.ts';
import { freshDataDir } from '../helpers/store.ts';

const briefer = seedBriefer();
const logger = createRecordingLogger();

/** A writer on the client the app uses (no client retries), with back-offs cut to 10 ms. */
function writer(options: { slackApiUrl?: string; timeoutMs?: number } = {}): SlackWriter {
  const timeoutMs = options.timeoutMs ?? 1_000;
  const client = new webApi.WebClient('xoxb-test-token', buildClientOptions({ ...options, timeoutMs }));
  return createSlackWriter({ client, logger, timeoutMs, policy: { backoffMs: 10 } });
}

function capturePosts(): { channel: string; text: string; blocks: string }[] {
  const got: { channel: string; text: string; blocks: string }[] = [];
  nock(SLACK_API)
    .post('/api/chat.postMessage', (body: { channel: string; text: string; blocks: unknown }) => {
      got.push({ channel: body.channel, text: body.text, blocks: typeof body.blocks === 'string' ? body.blocks : JSON.stringify(body.blocks) });
      return true;
    })
    .reply(200, { ok: true, ts: '1.2' })
    .persist();
  return got;
}

let store: Store;
let fake: FakeSlack;
let slotCounter = 0;
const nextSlot = (): string => `2026-11-24T09:${String(slotCounter++).padStart(2, '0')}:00.000Z`;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^127\.0\.0\.1/);
  store = await openStore({ dataDir: freshDataDir(), owner: 'digest-test', warn: () => undefined });
});
afterAll(async () => {
  nock.enableNetConnect();
  await store.close();
});
afterEach(async () => {
  nock.cleanAll();
  await fake?.close();
});

const run = (w: SlackWriter, channels: string[], slot = nextSlot()) => postDigest({ writer: w, briefer, teamId: 'T1', channels, slot, store, logger });

describe('posting the digest', () => {
  it('posts the headline and every topic with its citation to each channel', async () => {
    const posts = capturePosts();
    const outcomes = await run(writer(), ['C1', 'C2']);
    expect(outcomes.map((o) => o.status)).toEqual(['posted', 'posted']);
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2']);
    expect(posts[0]?.blocks).toContain(JSON.stringify(`>${seedSentence('p4.s1')}`).slice(1, -1));
    expect(posts[0]?.blocks).toContain('Questions? Ask');
    expect(posts[0]?.text).toMatch(/^Digest: /);
  });

  it('logs a failing channel with what to do and still posts to the others', async () => {
    nock(SLACK_API).post('/api/chat.postMessage', (b: { channel: string }) => b.channel === 'CBAD').reply(200, { ok: false, error: 'not_in_channel' });
    nock(SLACK_API).post('/api/chat.postMessage', (b: { channel: string }) => b.channel === 'CGONE').reply(200, { ok: false, error: 'channel_not_found' });
    const posts = capturePosts();
    const outcomes = await run(writer(), ['CBAD', 'CGONE', 'COK']);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'posted']);
    expect(posts.map((p) => p.channel)).toEqual(['COK']);
    expect(logger.lines.join('\n')).toContain('invite it with "/invite @Briefing"');
    expect(logger.lines.join('\n')).toContain('channel_not_found');
  });

  it('retries a rate-limited channel after Retry-After', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    const posts = capturePosts();
    const started = Date.now();
    const outcomes = await run(writer(), ['C1']);
    expect(outcomes[0]?.status).toBe('posted');
    expect(posts).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('says a channel is still rate-limited after its tries, not that the network failed', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').times(4).reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '0' });
    const outcomes = await run(writer(), ['CLIMITED']);
    expect(outcomes[0]).toMatchObject({ status: 'failed' });
    const line = logger.lines.find((l) => l.includes('not posted to CLIMITED')) ?? '';
    expect(line).toContain('still rate-limited after 4 tries');
    expect(line).not.toMatch(/network|could not reach/);
  });

  it('never posts the same slot twice to a channel, even from a second process on the same store', async () => {
    const posts = capturePosts();
    const slot = nextSlot();
    await run(writer(), ['C1'], slot);
    const again = await postDigest({ writer: writer(), briefer, teamId: 'T1', channels: ['C1'], slot, store, logger });
    expect(again[0]?.status).toBe('skipped');
    expect(posts).toHaveLength(1);
  });

  it('gives the slot back after a failure that certainly did not post, so the next run can post it', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });
    const slot = nextSlot();
    await run(writer(), ['C1'], slot);
    expect(await store.digests.claim({ teamId: 'T1', channelId: 'C1', slot })).toBe(true);
  });

  it('posts a slot once when Slack answers after the time-out, and says it may have been posted', async () => {
    fake = await startFakeSlack();
    fake.on('chat.postMessage', { delayMs: 600 });
    const slot = nextSlot();
    const outcomes = await run(writer({ slackApiUrl: fake.apiUrl, timeoutMs: 300 }), ['CSLOW'], slot);
    expect(outcomes[0]?.status).toBe('unknown');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    const line = logger.lines.find((l) => l.includes(`digest ${slot} to CSLOW`)) ?? '';
    expect(line).toContain('may or may not have been posted');
    expect(line).toContain('did not answer within 300 ms');
    // The slot stays taken: a later run does not post it again.
    expect((await run(writer({ slackApiUrl: fake.apiUrl }), ['CSLOW'], slot))[0]?.status).toBe('skipped');
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('posts to other channels at once while one channel waits out a Retry-After', async () => {
    fake = await startFakeSlack();
    fake.on('chat.postMessage', (call) => (call.body.channel === 'CSLOW' && fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CSLOW').length === 1 ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '2' } } : {}));
    const started = Date.now();
    const outcomes = await run(writer({ slackApiUrl: fake.apiUrl }), ['CSLOW', 'CFAST1', 'CFAST2']);
    expect(outcomes.map((o) => o.status)).toEqual(['posted', 'posted', 'posted']);
    const arrival = (ch: string): number => (fake.calls.filter((c) => c.body.channel === ch).at(-1)?.at ?? Infinity) - started;
    expect(arrival('CFAST1')).toBeLessThan(1_000);
    expect(arrival('CFAST2')).toBeLessThan(1_000);
    expect(arrival('CSLOW')).toBeGreaterThanOrEqual(1_900);
  });
});

describe('scheduling', () => {
  it('keys a slot by minute, or by second for a six-field pattern', () => {
    const at = new Date('2026-11-24T09:00:42.123Z');
    expect(slotKey('0 9 * * 1-5', at)).toBe('2026-11-24T09:00:00.000Z');
    expect(slotKey('*/2 * * * * *', at)).toBe('2026-11-24T09:00:42.000Z');
  });

  it('runs on a seconds-level cron and keeps going after a failed run', async () => {
    const slots: string[] = [];
    const errors: unknown[] = [];
    const schedule = startDigestSchedule({
      cron: '* * * * * *',
      timezone: 'UTC',
      run: async (slot: string) => {
        slots.push(slot);
        if (slots.length === 1) throw new Error('first run fails');
      },
      onError: (err) => errors.push(err),
    });
    try {
      await waitFor(() => slots.length >= 2, 4_000);
    } finally {
      schedule.stop();
    }
    expect(errors).toHaveLength(1);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it('reports the next run in the configured time zone', () => {
    const schedule = startDigestSchedule({ cron: '0 9 * * 1-5', timezone: 'Europe/London', run: async () => undefined, onError: () => undefined });
    const next = schedule.next();
    schedule.stop();
    expect(next).toBeInstanceOf(Date);
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(next as Date)).toBe('09:00');
  });
});
