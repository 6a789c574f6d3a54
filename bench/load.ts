/**
 * Load bench: signed Events API mentions at 10, 50 and 200 in flight against the real app on
 * loopback, with a fake Slack Web API that answers at once. Reports acks per second, p50/p99 ack
 * latency over all requests, and lost or duplicated replies, for: a stock Bolt app (the baseline,
 * measured in the same run), Briefing with its embedded store, and two Briefing replicas sharing
 * one Postgres (PGlite over the wire protocol, or --database-url) with 10 % of events redelivered
 * to the other replica as Slack retries. Each app first gets 300 warm-up requests, not reported.
 * Bounded: --count requests per level, --max-seconds overall.
 * Run: npm run bench:load [-- --count 2000 --levels 10,50,200 --database-url postgres://…]
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeSlack, type FakeSlack } from '../test/helpers/fake-slack.ts';
import { freePort, spawnApp, type AppProcess } from '../test/helpers/process.ts';
import { startSharedPostgres, type SharedPostgres } from '../test/helpers/shared-postgres.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    levels: { type: 'string', default: '10,50,200' },
    'max-seconds': { type: 'string', default: '240' },
    'database-url': { type: 'string' },
  },
});
const COUNT = Number(values.count);
const LEVELS = (values.levels ?? '').split(',').map(Number);
const DEADLINE = Date.now() + Number(values['max-seconds']) * 1000;
const SECRET = '8f742231b10e8888abcd99ffffff85a5';
const TOKEN = 'xoxb-bench-000000000000-benchtoken';
const CHANNELS = 50;
const WARMUP = 300;

interface Result {
  variant: string;
  inFlight: number;
  sent: number;
  acksPerSecond: number;
  p50: number;
  p99: number;
  non200: number;
  lost: number;
  duplicated: number;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const sign = (body: string, ts: number): string => `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function envelope(id: string, i: number): string {
  const ts = `${1700000000 + i}.000100`;
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: id,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_mention', user: 'U0ASKER', text: '<@UBOT> Who denied the allegations?', ts, channel: `C0BENCH${i % CHANNELS}`, event_ts: ts },
  });
}

async function post(url: string, body: string, retry: boolean): Promise<{ status: number; ms: number }> {
  const ts = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) };
  if (retry) Object.assign(headers, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
  const t0 = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', headers, body });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

/** Sends `COUNT` events with `inFlight` outstanding, then waits for their replies. */
async function level(variant: string, urls: string[], fake: FakeSlack, inFlight: number, tag: string, retries: boolean, total = COUNT): Promise<Result> {
  const latencies: number[] = [];
  let non200 = 0;
  let next = 0;
  const ids: string[] = [];
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total && Date.now() < DEADLINE) {
      const i = next++;
      const id = `Ev${tag}${inFlight}x${i}`;
      ids.push(id);
      const body = envelope(id, i);
      const target = urls[i % urls.length] ?? '';
      const sends = [post(target, body, false)];
      // A Slack retry of one event in ten, to the other replica.
      if (retries && urls.length > 1 && i % 10 === 0) sends.push(post(urls[(i + 1) % urls.length] ?? '', body, true));
      for (const r of await Promise.all(sends)) {
        latencies.push(r.ms);
        if (r.status !== 200) non200 += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  const threadOf = new Map(ids.map((id) => [`${1700000000 + Number(id.split('x')[1])}.000100`, id]));
  const count = (): Map<string, number> => {
    const m = new Map<string, number>();
    for (const c of fake.callsTo('chat.postMessage')) {
      const id = threadOf.get(String(c.body.thread_ts));
      if (id) m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  };
  // Replies go out after the ack: wait until every event has one, or nothing new comes for 3 s.
  let seen = -1;
  let quietSince = Date.now();
  while (count().size < ids.length && Date.now() - quietSince < 3_000) {
    const now = fake.callsTo('chat.postMessage').length;
    if (now !== seen) quietSince = Date.now();
    seen = now;
    await sleep(50);
  }
  const replies = count();
  fake.calls.length = 0;
  latencies.sort((a, b) => a - b);
  return {
    variant,
    inFlight,
    sent: ids.length,
    acksPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    non200,
    lost: ids.filter((id) => !replies.has(id)).length,
    duplicated: [...replies.values()].filter((n) => n > 1).length,
  };
}

async function runVariant(variant: string, fake: FakeSlack, envs: Record<string, string>[], script: 'app' | 'stock', retries: boolean): Promise<Result[]> {
  const apps: AppProcess[] = [];
  const urls: string[] = [];
  for (const env of envs) {
    const port = await freePort();
    const app =
      script === 'app'
        ? spawnApp({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), LOG_LEVEL: 'warn', ...env })
        : spawnStock(fake, port);
    apps.push(app);
    urls.push(`http://127.0.0.1:${port}/slack/events`);
  }
  try {
    const ready = async (a: AppProcess): Promise<void> => {
      while (!a.done() && !(await fetch(urls[apps.indexOf(a)] ?? '', { method: 'POST' }).then(() => true, () => false))) await sleep(100);
      if (a.done()) throw new Error(`${variant} did not start: ${a.stderr.join('\n')}`);
    };
    await Promise.all(apps.map(ready));
    // Warm-up (not reported): the first requests pay for lazy loading and the JIT.
    await level(variant, urls, fake, 10, `warm${variant.replace(/\W/g, '')}`, false, WARMUP);
    const results: Result[] = [];
    for (const inFlight of LEVELS) results.push(await level(variant, urls, fake, inFlight, variant.replace(/\W/g, ''), retries));
    return results;
  } finally {
    for (const a of apps) a.proc.kill('SIGTERM');
    await Promise.all(apps.map((a) => Promise.race([a.exited, sleep(15_000)])));
    for (const a of apps) a.kill();
  }
}

function spawnStock(fake: FakeSlack, port: number): AppProcess {
  return spawnApp({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) }, 'node', 'bench/stock-bolt-app.ts');
}

const fake = await startFakeSlack();
let db: SharedPostgres | undefined;
try {
  const results: Result[] = [];
  results.push(...(await runVariant('stock Bolt (baseline)', fake, [{}], 'stock', false)));
  const dataDir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  results.push(...(await runVariant('Briefing, embedded PGlite', fake, [{ DATA_DIR: dataDir }], 'app', false)));
  rmSync(dataDir, { recursive: true, force: true });
  if (values['database-url']) process.env.BRIEFING_TEST_DATABASE_URL = values['database-url'];
  db = await startSharedPostgres();
  results.push(...(await runVariant(`Briefing, 2 replicas on ${db.kind}`, fake, [{ DATABASE_URL: db.url }, { DATABASE_URL: db.url }], 'app', true)));

  const baseline = new Map(results.filter((r) => r.variant.startsWith('stock')).map((r) => [r.inFlight, r.acksPerSecond]));
  console.log(`\n${COUNT} signed app_mention events per level over ${CHANNELS} channels (loopback, fake Slack answering at once)\n`);
  console.log('| variant | in flight | requests | acks/s | × baseline | p50 ack | p99 ack | non-200 | lost | duplicated |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const ratio = (r.acksPerSecond / (baseline.get(r.inFlight) ?? r.acksPerSecond)).toFixed(2);
    console.log(`| ${r.variant} | ${r.inFlight} | ${r.sent} | ${r.acksPerSecond.toFixed(0)} | ×${ratio} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.non200} | ${r.lost} | ${r.duplicated} |`);
  }
  const briefing = results.filter((r) => !r.variant.startsWith('stock'));
  const at200 = briefing.filter((r) => r.inFlight === 200);
  const ok = briefing.every((r) => r.lost === 0 && r.duplicated === 0 && r.non200 === 0) && at200.every((r) => r.p99 < 1000);
  console.log(`\ntargets (0 lost, 0 duplicated, p99 ack < 1 s at 200 in flight): ${ok ? 'met' : 'NOT met'}`);
  if (Date.now() > DEADLINE) console.log('(stopped early at --max-seconds; counts are partial)');
  process.exitCode = ok ? 0 : 1;
} finally {
  await db?.close();
  await fake.close();
}
