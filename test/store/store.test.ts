import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.ts';
import { importLegacyDigestState, openStore, type Store } from '../../src/store/index.ts';
import { tempDir } from '../helpers/store.ts';

const warnings: string[] = [];
let clock = Date.parse('2026-11-24T09:00:00Z');
const now = (): number => clock;
const tmp = (): string => tempDir('briefing-store-');

let dataDir: string;
let store: Store;

beforeAll(async () => {
  dataDir = tmp();
  // A short stale time keeps the lock test quick: the lock is refreshed every second.
  store = await openStore({ dataDir, owner: 'test-a', warn: (m) => warnings.push(m), now, lockStaleMs: 2_000 });
}, 30_000);
afterAll(async () => {
  await store.close();
});

async function openError(options: Partial<Parameters<typeof openStore>[0]>): Promise<StoreError> {
  try {
    const s = await openStore({ dataDir: tmp(), owner: 'x', warn: () => undefined, ...options });
    await s.close();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return err as StoreError;
  }
  throw new Error('expected the store not to open');
}

describe('event claims', () => {
  it('lets exactly one caller claim an event id', async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.events.claim({ eventId: 'EvONCE', teamId: 'T1' })));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('still knows an event after 10 000 others: it forgets by time, not by count', async () => {
    expect(await store.events.claim({ eventId: 'EvFIRST', teamId: 'T1' })).toBe(true);
    for (let i = 0; i < 10_000; i += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, j) => store.events.claim({ eventId: `EvOTHER${i + j}`, teamId: 'T1' })));
    }
    expect(await store.events.claim({ eventId: 'EvFIRST', teamId: 'T1' })).toBe(false);
  }, 60_000);

  it('forgets an event after an hour, so a claim can be made again', async () => {
    expect(await store.events.claim({ eventId: 'EvOLD', teamId: 'T1' })).toBe(true);
    clock += 59 * 60 * 1000;
    expect(await store.events.claim({ eventId: 'EvOLD', teamId: 'T1' })).toBe(false);
    clock += 2 * 60 * 1000;
    expect(await store.events.claim({ eventId: 'EvOLD', teamId: 'T1' })).toBe(true);
  });

  it('gives a released claim back to the next delivery', async () => {
    expect(await store.events.claim({ eventId: 'EvREL', teamId: 'T1' })).toBe(true);
    await store.events.release('EvREL');
    expect(await store.events.claim({ eventId: 'EvREL', teamId: 'T1' })).toBe(true);
  });
});

describe('the replay guard', () => {
  it('accepts a signature once until it expires', async () => {
    const until = new Date(clock + 5 * 60 * 1000);
    expect(await store.requests.claim('v0=abc', until)).toBe(true);
    expect(await store.requests.claim('v0=abc', until)).toBe(false);
    clock += 6 * 60 * 1000;
    expect(await store.requests.claim('v0=abc', new Date(clock + 5 * 60 * 1000))).toBe(true);
  });
});

describe('digest slots', () => {
  const key = { teamId: 'T1', channelId: 'C1', slot: '2026-11-24T09:00:00.000Z' };

  it('are claimed by one caller per channel and slot; a release after a clean failure frees the slot', async () => {
    const [a, b] = await Promise.all([store.digests.claim(key), store.digests.claim(key)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    await store.digests.release(key);
    expect(await store.digests.claim(key)).toBe(true);
    await store.digests.settle(key, { status: 'posted', ts: '1.2' });
    await store.digests.release(key);
    expect(await store.digests.claim(key)).toBe(false);
    expect(await store.digests.claim({ ...key, channelId: 'C2' })).toBe(true);
  });
});

describe('installations', () => {
  it('records the workspace the bot belongs to, and updates it', async () => {
    await store.installations.save({ teamId: 'T1', botUserId: 'UBOT', botId: 'BBOT' });
    await store.installations.save({ teamId: 'T1', teamName: 'Acme', botUserId: 'UBOT2' });
    expect(await store.installations.get('T1')).toEqual({ teamId: 'T1', teamName: 'Acme', botUserId: 'UBOT2' });
    expect(await store.installations.get('T2')).toBeUndefined();
  });
});

describe('opening the store', () => {
  it('keeps its state across a restart and applies migrations once', async () => {
    const dir = tmp();
    const first = await openStore({ dataDir: dir, owner: 'a', warn: () => undefined });
    await first.events.claim({ eventId: 'EvKEPT', teamId: 'T1' });
    await first.close();
    const second = await openStore({ dataDir: dir, owner: 'b', warn: () => undefined });
    try {
      expect(await second.events.claim({ eventId: 'EvKEPT', teamId: 'T1' })).toBe(false);
    } finally {
      await second.close();
    }
  }, 30_000);

  it('refuses a data directory another process has open, naming it', async () => {
    const err = await openError({ dataDir, lockStaleMs: 2_000 });
    expect(err.message).toContain(`embedded PGlite in ${join(dataDir, 'pglite')}`);
    expect(err.message).toContain('another Briefing process is using it');
  }, 30_000);

  it('refuses a corrupt data directory, naming it and what to do', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'pglite'));
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), 'garbage\n');
    const err = await openError({ dataDir: dir });
    expect(err.message).toContain(join(dir, 'pglite'));
    expect(err.message).toContain('corrupt');
    expect(err.message.split('\n')).toHaveLength(1);
  }, 30_000);

  it('refuses a DATA_DIR that is a file', async () => {
    const file = join(tmp(), 'not-a-dir');
    writeFileSync(file, 'x');
    const err = await openError({ dataDir: file });
    expect(err.message).toContain(file);
  });

  it('refuses an unreachable Postgres server in one line, without the password', async () => {
    const err = await openError({ databaseUrl: 'postgres://briefing:s3cret@127.0.0.1:1/briefing' });
    expect(err.message).toBe('cannot open the store (Postgres at 127.0.0.1:1/briefing): connection refused: is the server running, and are the host and port in DATABASE_URL right?');
  });
});

describe('importing an old digest state file', () => {
  it('imports each channel’s last slot once, as posted', async () => {
    const file = join(tmp(), 'state.json');
    writeFileSync(file, JSON.stringify({ C9: '2026-11-20T09:00:00.000Z' }));
    expect(await importLegacyDigestState(store, file, 'T1')).toEqual({ status: 'imported', slots: 1 });
    expect(await store.digests.claim({ teamId: 'T1', channelId: 'C9', slot: '2026-11-20T09:00:00.000Z' })).toBe(false);
    expect(await importLegacyDigestState(store, file, 'T1')).toEqual({ status: 'already-imported' });
  });

  it.each([
    ['null', 'is not a JSON object'],
    ['"x"', 'is not a JSON object'],
    ['42', 'is not a JSON object'],
    ['{"C1": 5}', 'not a string'],
    ['{oops', 'is not JSON'],
  ])('reports a file holding %s instead of resetting it silently', async (text, problem) => {
    const file = join(tmp(), 'state.json');
    writeFileSync(file, text);
    const result = await importLegacyDigestState(store, file, 'T1');
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.problem).toContain(problem);
  });

  it('reports a path that is a directory, and ignores a missing file', async () => {
    expect((await importLegacyDigestState(store, tmp(), 'T1')).status).toBe('invalid');
    expect(await importLegacyDigestState(store, join(tmp(), 'none.json'), 'T1')).toEqual({ status: 'absent' });
  });
});
