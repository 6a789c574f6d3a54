import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import lockfile from 'proper-lockfile';
import { openPostgresClient } from './postgres.ts';
import type { SqlClient } from './sql.ts';

/** Options of the embedded store. */
export interface EmbeddedOptions {
  /** A lock not refreshed for this long belongs to a process that died. Default 10 000 ms (at least 2 000). */
  staleMs?: number;
  /** Called if the lock is lost while running (the directory was removed or taken over). */
  onLockLost?: (err: Error) => void;
  /** Called when a pooled connection fails. */
  onIdleError?: (err: Error) => void;
}

/** The port number pg puts in a Unix socket's name (`.s.PGSQL.5432`). */
const SOCKET_PORT = 5432;

type WorkerMessage = { ready: true } | { error: string } | { closed: true };

function nextMessage(worker: Worker): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`the PGlite worker stopped (exit code ${code})`));
    worker.once('exit', onExit);
    worker.once('error', reject);
    worker.once('message', (m: WorkerMessage) => {
      worker.off('exit', onExit);
      worker.off('error', reject);
      resolve(m);
    });
  });
}

/**
 * Opens (creating it the first time) an embedded Postgres, PGlite, in `dir`. The directory is
 * locked first: PGlite has no lock of its own, and two processes writing one directory corrupt
 * it. PGlite runs in a worker thread and is reached over a private Unix socket with `pg`, so its
 * work never holds up the receiver's acknowledgements, and the SQL path is the server's.
 */
export async function openPgliteClient(dir: string, options: EmbeddedOptions = {}): Promise<SqlClient> {
  mkdirSync(dir, { recursive: true });
  const staleMs = options.staleMs ?? 10_000;
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(dir, {
      lockfilePath: join(dir, 'briefing.lock'),
      stale: staleMs,
      update: Math.max(1_000, Math.floor(staleMs / 2)),
      // Wait out a lock left by a process that was killed: it goes stale after `staleMs`.
      retries: { retries: 6, factor: 1, minTimeout: Math.ceil(staleMs / 4), maxTimeout: Math.ceil(staleMs / 4) },
      onCompromised: (err) => options.onLockLost?.(err),
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') {
      throw new Error('another Briefing process is using it (one process per DATA_DIR; for several replicas set DATABASE_URL to a Postgres server)');
    }
    throw err;
  }
  // A short, private socket path (Unix sockets allow ~100 characters; DATA_DIR may be long).
  const socketDir = mkdtempSync(join(tmpdir(), 'briefing-pglite-'));
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dir, socketPath: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`) } });
  const cleanUp = async (): Promise<void> => {
    await worker.terminate().catch(() => undefined);
    rmSync(socketDir, { recursive: true, force: true });
    await unlock().catch(() => undefined);
  };
  try {
    const first = await nextMessage(worker);
    if ('error' in first) throw new Error(first.error);
    const client = await openPostgresClient({ host: socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' }, { ...(options.onIdleError ? { onIdleError: options.onIdleError } : {}) });
    return {
      ...client,
      async close() {
        try {
          await client.close();
          const closed = nextMessage(worker);
          worker.postMessage('close');
          await closed;
        } finally {
          // A lock taken over meanwhile was already reported through onLockLost.
          await cleanUp();
        }
      },
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}
