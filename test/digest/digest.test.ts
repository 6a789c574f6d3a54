import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFileDigestStore, createMemoryDigestStore } from '../../src/digest/digest-store.ts';
import { postDigest } from '../../src/digest/post-digest.ts';
import { slotKey, startDigestSchedule } from '../../src/digest/scheduler.ts';
import { seedBriefer, seedSentence } from '../helpers/knowledge.ts';
import { createRecordingLogger, SLACK_API, waitFor } from '../helpers/slack.ts';

const briefer = seedBriefer();

function client(retries = 0): webApi.WebClient {
  return new webApi.WebClient('xoxb-test-token', { retryConfig: { retries, minTimeout: 10, maxTimeout: 20 }, timeout: 1_000 });
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

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('posting the digest', () => {
  it('posts the headline and every topic with its citation to each channel', async () => {
    const posts = capturePosts();
    const outcomes = await postDigest({ client: client(), briefer, channels: ['C1', 'C2'], slot: 's1', store: createMemoryDigestStore(), logger: createRecordingLogger() });
    expect(outcomes.map((o) => o.status)).toEqual(['posted', 'posted']);
    expect(posts.map((p) => p.channel)).toEqual(['C1', 'C2']);
    expect(posts[0]?.blocks).toContain(JSON.stringify(`>${seedSentence('p4.s1')}`).slice(1, -1));
    expect(posts[0]?.blocks).toContain('Questions? Ask');
    expect(posts[0]?.text).toMatch(/^Digest: /);
  });

  it('logs a failing channel with what to do and still posts to the others', async () => {
    nock(SLACK_API).post('/api/chat.postMessage', (b: { channel: string }) => b.channel === 'CBAD').reply(200, { ok: false, error: 'not_in_channel' });
    nock(SLACK_API).post('/api/chat.postMessage', (b: { channel: string }) => b.channel === 'CGONE').reply(200, { ok: false, error: 'channel_not_found' });
    const posts = capturePosts();
    const logger = createRecordingLogger();
    const outcomes = await postDigest({ client: client(), briefer, channels: ['CBAD', 'CGONE', 'COK'], slot: 's1', store: createMemoryDigestStore(), logger });
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed', 'posted']);
    expect(posts.map((p) => p.channel)).toEqual(['COK']);
    expect(logger.lines.join('\n')).toContain('invite it with "/invite @Briefing"');
    expect(logger.lines.join('\n')).toContain('channel_not_found');
  });

  it('retries a rate-limited channel after Retry-After', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
    const posts = capturePosts();
    const started = Date.now();
    const outcomes = await postDigest({ client: client(2), briefer, channels: ['C1'], slot: 's1', store: createMemoryDigestStore(), logger: createRecordingLogger() });
    expect(outcomes[0]?.status).toBe('posted');
    expect(posts).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('never posts the same slot twice to a channel, even after a restart', async () => {
    const posts = capturePosts();
    const file = join(mkdtempSync(join(tmpdir(), 'briefing-digest-')), 'state.json');
    const logger = createRecordingLogger();
    await postDigest({ client: client(), briefer, channels: ['C1'], slot: '2026-11-24T09:00:00.000Z', store: createFileDigestStore(file), logger });
    // A "restart": a new store over the same file, in the same minute.
    const again = await postDigest({ client: client(), briefer, channels: ['C1'], slot: '2026-11-24T09:00:00.000Z', store: createFileDigestStore(file), logger });
    expect(again[0]?.status).toBe('skipped');
    expect(posts).toHaveLength(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ C1: '2026-11-24T09:00:00.000Z' });
  });

  it('gives the slot back after a failure so the next run can post it', async () => {
    nock(SLACK_API).post('/api/chat.postMessage').reply(200, { ok: false, error: 'channel_not_found' });
    const store = createMemoryDigestStore();
    await postDigest({ client: client(), briefer, channels: ['C1'], slot: 's1', store, logger: createRecordingLogger() });
    expect(store.claim('C1', 's1')).toBe(true);
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
      run: async (slot) => {
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
