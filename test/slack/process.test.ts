import { createServer, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { freePort, spawnApp, type AppProcess } from '../helpers/process.ts';
import { BOT_TOKEN, commandBody, eventEnvelope, mentionEvent, send, SIGNING_SECRET, waitFor } from '../helpers/slack.ts';
import { freshDataDir, tempDir } from '../helpers/store.ts';

// The app as `npm start` runs it, in its own process: start-up failures, exit codes, signals.

let fake: FakeSlack | undefined;
const started: AppProcess[] = [];
let blocker: Server | undefined;

afterEach(async () => {
  // Stop what still runs as a person would (it cleans up after itself), and only then for good.
  for (const p of started.splice(0)) {
    if (!p.done()) p.proc.kill('SIGTERM');
    await Promise.race([p.exited, new Promise((r) => setTimeout(r, 5_000))]);
    p.kill();
  }
  await fake?.close();
  fake = undefined;
  await new Promise<void>((r) => (blocker ? blocker.close(() => r()) : r()));
  blocker = undefined;
});

async function run(env: Record<string, string>, how: 'node' | 'npm' = 'node'): Promise<{ app: AppProcess; port: number }> {
  fake ??= await startFakeSlack();
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const app = spawnApp(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATA_DIR: freshDataDir(),
      DIGEST_STATE_FILE: join(tmpdir(), 'briefing-none.json'),
      ...env,
    },
    how,
  );
  started.push(app);
  return { app, port };
}

/** Expects the process to exit 1 with `lines` lines on stderr (one by default), and no stack. */
async function expectOneLineFailure(app: AppProcess, lines = 1): Promise<string> {
  expect(await app.exited).toBe(1);
  expect(app.stderr).toHaveLength(lines);
  expect(app.stderr.join('\n')).not.toMatch(/^\s+at /m);
  expect(app.stdout.join('\n')).not.toContain('listening');
  return app.stderr[0] ?? '';
}

const url = (port: number): string => `http://127.0.0.1:${port}/slack/events`;

describe('start-up (issue 11, defect 1)', () => {
  it('exits with one actionable line, never "listening" and never answering, when auth.test keeps failing with HTTP 500', async () => {
    fake = await startFakeSlack();
    fake.on('auth.test', { status: 500, body: 'oops' });
    const { app, port } = await run({});
    // Knock while auth.test is being retried: nothing may answer (a 200 here was an app that never answers again).
    const answered: number[] = [];
    while (!app.done()) {
      const res = await send(url(port), commandBody('help', { response_url: fake.responseUrl() }), 'application/x-www-form-urlencoded').catch(() => undefined);
      if (res) answered.push(res.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answered).toEqual([]);
    const line = await expectOneLineFailure(app);
    expect(line).toMatch(/^Briefing cannot start: could not reach Slack at http:\/\/127\.0\.0\.1:\d+\/api\/ to check SLACK_BOT_TOKEN after 4 tries \(last: HTTP 500/);
    expect(fake.callsTo('auth.test')).toHaveLength(4);
  });

  it('exits with one line when Slack refuses the token (invalid_auth)', async () => {
    fake = await startFakeSlack();
    fake.on('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const { app } = await run({});
    expect(await expectOneLineFailure(app)).toBe('Briefing cannot start: Slack refused the bot token at start-up: invalid_auth: Slack rejected the bot token; check SLACK_BOT_TOKEN and reinstall the app to the workspace');
  });

  it('takes no request before auth.test succeeds, and then answers every command', async () => {
    fake = await startFakeSlack();
    let calls = 0;
    fake.on('auth.test', () => (++calls <= 2 ? { status: 500, body: 'oops' } : { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } }));
    const { app, port } = await run({});
    // Knock until the port opens: while auth.test is retried, nothing listens.
    let first: Response | undefined;
    for (let i = 0; i < 300 && !first && !app.done(); i += 1) {
      first = await send(url(port), commandBody('help', { response_url: fake.responseUrl('a') }), 'application/x-www-form-urlencoded').catch(() => undefined);
      if (!first) await new Promise((r) => setTimeout(r, 50));
    }
    const answeredAt = Date.now();
    expect(first?.status).toBe(200);
    // The first answer came only after auth.test succeeded (its third call).
    expect(calls).toBe(3);
    expect(answeredAt).toBeGreaterThanOrEqual(fake.callsTo('auth.test')[2]?.at ?? Infinity);
    await send(url(port), commandBody('topics', { response_url: fake.responseUrl('b') }), 'application/x-www-form-urlencoded');
    await waitFor(() => fake?.callsTo('respond').length === 2, 5_000);
    expect(app.stdout.join('\n')).toContain('listening on port');
  });

  it('exits with one line naming the store when DATA_DIR cannot hold it', async () => {
    const file = join(tempDir('briefing-file-'), 'not-a-dir');
    writeFileSync(file, 'x');
    const { app } = await run({ DATA_DIR: join(file, 'sub') });
    expect(await expectOneLineFailure(app)).toMatch(/^Briefing cannot start: cannot open the store \(embedded PGlite in .*not-a-dir\/sub\/pglite\): /);
  });

  it('exits with one line when the port is in use (issue 11, defect 9)', async () => {
    const port = await freePort();
    blocker = createServer();
    await new Promise<void>((r) => blocker?.listen(port, r));
    const { app } = await run({ PORT: String(port) });
    expect(await expectOneLineFailure(app)).toBe(`Briefing cannot start: port ${port} is already in use: stop the program using it or set PORT to a free port`);
  });

  it('refuses a port in hexadecimal, naming it (issue 11, defect 9)', async () => {
    const { app } = await run({ PORT: '0x1F90' });
    await expectOneLineFailure(app, 2);
    expect(app.stderr.join('\n')).toContain('PORT must be a whole number in decimal digits');
  });
});

describe('shutdown (issue 11, defect 6)', () => {
  it('on SIGTERM finishes a reply that waits out a Retry-After, refuses new requests, and exits 0', async () => {
    fake = await startFakeSlack();
    let posts = 0;
    fake.on('chat.postMessage', () => (++posts === 1 ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '2' } } : {}));
    const { app, port } = await run({});
    await waitFor(() => app.stdout.some((l) => l.includes('listening on port')), 15_000);
    await send(url(port), eventEnvelope(mentionEvent('Who denied the allegations?')), 'application/json');
    await waitFor(() => posts === 1);
    app.proc.kill('SIGTERM');
    await waitFor(() => app.stdout.some((l) => l.includes('SIGTERM received')));
    await expect(send(url(port), eventEnvelope(mentionEvent('Who is Biden meeting?')), 'application/json')).rejects.toThrow();
    expect(await app.exited).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(app.stdout.join('\n')).toContain('stopped');
  });

  it('stops at once when SIGTERM is sent to npm alone', async () => {
    const { app, port } = await run({}, 'npm');
    await waitFor(() => app.stdout.some((l) => l.includes('listening on port')), 20_000);
    process.kill(app.proc.pid ?? 0, 'SIGTERM');
    const sent = Date.now();
    // The port closes: the app itself got the signal, not only npm.
    let refused = false;
    while (!refused && Date.now() - sent < 5_000) {
      refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => false,
        () => true,
      );
      if (!refused) await new Promise((r) => setTimeout(r, 50));
    }
    expect(refused).toBe(true);
    expect(Date.now() - sent).toBeLessThan(3_000);
    // npm may exit at once; the app finishes and exits 0 on its own.
    await waitFor(() => app.stdout.some((l) => l.includes('stopped')), 5_000);
  });
});
