import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { freePort, spawnApp, type AppProcess } from '../helpers/process.ts';
import { startSharedPostgres, type SharedPostgres } from '../helpers/shared-postgres.ts';
import { BOT_TOKEN, eventEnvelope, mentionEvent, send, SIGNING_SECRET, waitFor } from '../helpers/slack.ts';

// Two app processes share one Postgres: every event is answered once and every digest slot is
// posted once per channel, with Slack fast and slow. Postgres is PGlite over the wire protocol
// here, or a real server when BRIEFING_TEST_DATABASE_URL is set (.ci/run).

const EVENTS = 30;
const DIGEST_CHANNELS = ['C0DIGEST1', 'C0DIGEST2', 'C0DIGEST3'];

let db: SharedPostgres;

beforeAll(async () => {
  db = await startSharedPostgres();
}, 60_000);
afterAll(async () => {
  await db?.close();
});

interface Replica {
  app: AppProcess;
  port: number;
  name: string;
}

async function startReplicas(fake: FakeSlack, slackTimeoutMs: number): Promise<Replica[]> {
  const replicas = await Promise.all(
    ['a', 'b'].map(async (name) => {
      const port = await freePort();
      const app = spawnApp({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        SLACK_TIMEOUT_MS: String(slackTimeoutMs),
        PORT: String(port),
        DATABASE_URL: db.url,
        DIGEST_CHANNELS: DIGEST_CHANNELS.join(','),
        DIGEST_CRON: '* * * * * *',
        DIGEST_STATE_FILE: `/nonexistent/briefing-${name}.json`,
      });
      return { app, port, name };
    }),
  );
  await waitFor(() => replicas.every((r) => r.app.stdout.some((l) => l.includes('listening on port')) || r.app.done()), 30_000);
  for (const r of replicas) expect(r.app.done(), `replica ${r.name} exited: ${r.app.stderr.join('\n')}`).toBe(false);
  return replicas;
}

async function stopReplicas(replicas: Replica[]): Promise<void> {
  for (const r of replicas) r.app.proc.kill('SIGTERM');
  const codes = await Promise.all(replicas.map((r) => r.app.exited));
  expect(codes).toEqual([0, 0]);
}

describe.each([
  ['fast', 0],
  ['slow (answers after the client time-out)', 700],
])('two replicas on one Postgres, Slack %s', (_name, delayMs) => {
  let fake: FakeSlack;
  let replicas: Replica[] = [];

  afterAll(async () => {
    for (const r of replicas) r.app.kill();
    await fake?.close();
  });

  it(`answers each event once and posts each digest slot once per channel`, async () => {
    await db.query('TRUNCATE event_claims, request_claims, digest_posts').catch(() => undefined);
    fake = await startFakeSlack();
    fake.on('chat.postMessage', { delayMs });
    replicas = await startReplicas(fake, delayMs > 0 ? 400 : 5_000);

    // Every event reaches both replicas at once, as a retry sent to another instance would.
    const ids = Array.from({ length: EVENTS }, (_, i) => `EvREPLICA${delayMs}x${i}`);
    await Promise.all(
      ids.map(async (id, i) => {
        // Ten channels: posts to one channel queue behind each other, as Slack's per-channel limit wants.
        const body = eventEnvelope(mentionEvent(`Who denied the allegations? (${i})`, { channel: `C0EVENTS${i % 10}`, ts: `1700000${i}.000100` }), id);
        const statuses = await Promise.all(replicas.map((r) => send(`http://127.0.0.1:${r.port}/slack/events`, body, 'application/json').then((res) => res.status)));
        expect(statuses).toEqual([200, 200]);
      }),
    );
    const ignored = (id: string): number => replicas.filter((r) => r.app.stdout.some((l) => l.includes(`ignoring a repeated delivery of ${id} `))).length;
    const replies = (): Map<string, number> => {
      const byThread = new Map<string, number>();
      for (const c of fake.callsTo('chat.postMessage')) if (String(c.body.channel).startsWith('C0EVENTS')) byThread.set(String(c.body.thread_ts), (byThread.get(String(c.body.thread_ts)) ?? 0) + 1);
      return byThread;
    };
    // Done when each event was posted and the other replica said it skipped it.
    await waitFor(() => replies().size === EVENTS && ids.every((id) => ignored(id) === 1), 30_000);

    // Let the every-second schedule run a few slots on both replicas.
    await waitFor(() => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0DIGEST1').length >= 3, 20_000);
    await stopReplicas(replicas);

    expect([...replies().values()].every((n) => n === 1)).toBe(true);
    expect(replies().size).toBe(EVENTS);

    const rows = await db.query<{ channel_id: string; slot: string; status: string }>("SELECT channel_id, slot, status FROM digest_posts WHERE team_id = 'T1'");
    for (const channel of DIGEST_CHANNELS) {
      const posted = fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel).length;
      const slots = rows.filter((r) => r.channel_id === channel);
      // One post per slot row, and a slot has one row (primary key): never two posts for a slot.
      expect(posted).toBe(slots.length);
      expect(slots.every((r) => r.status === (delayMs > 0 ? 'unknown' : 'posted'))).toBe(true);
    }
    // Both replicas fired the slots: whichever lost the race found the slot claimed and skipped it.
    const skips = replicas.flatMap((r) => r.app.stdout.filter((l) => /digest .* is already claimed/.test(l)));
    expect(skips.length).toBeGreaterThanOrEqual(DIGEST_CHANNELS.length);
  }, 90_000);
});
