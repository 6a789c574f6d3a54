import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { SqlClient } from './sql.ts';

/** Options of the embedded store's lock on its directory. */
export interface EmbeddedLockOptions {
  /** A lock not refreshed for this long belongs to a process that died. Default 10 000 ms (at least 2 000). */
  staleMs?: number;
  /** Called if the lock is lost while running (the directory was removed or taken over). */
  onLockLost?: (err: Error) => void;
}

/**
 * Opens (creating it the first time) an embedded Postgres, PGlite, in `dir`, after locking the
 * directory: PGlite has no lock of its own, and two processes writing one directory corrupt it.
 * PGlite is imported here, lazily, so the terminal mode never loads it.
 */
export async function openPgliteClient(dir: string, options: EmbeddedLockOptions = {}): Promise<SqlClient> {
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
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(dir);
    return {
      async query(text, params) {
        return (await db.query<never>(text, params ? [...params] : [])).rows;
      },
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            query: async (text, params) => (await tx.query<never>(text, params ? [...params] : [])).rows,
            exec: async (text) => {
              await tx.exec(text);
            },
          }),
        ),
      async close() {
        try {
          await db.close();
        } finally {
          // A lock taken over meanwhile was already reported through onLockLost.
          await unlock().catch(() => undefined);
        }
      },
    };
  } catch (err) {
    await unlock().catch(() => undefined);
    throw err;
  }
}
