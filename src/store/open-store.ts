import { join } from 'node:path';
import { StoreError } from '../errors.ts';
import { migrate } from './migrations.ts';
import { openPgliteClient } from './pglite.ts';
import { describeDatabaseUrl, openPostgresClient } from './postgres.ts';
import type { SqlClient } from './sql.ts';
import { createSqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

/** Where the store lives and who uses it. */
export interface OpenStoreOptions {
  /** A Postgres server (`postgres://…`) shared by replicas; unset: the embedded store. */
  databaseUrl?: string;
  /** The embedded store's directory parent: PGlite lives in `<dataDir>/pglite`. */
  dataDir: string;
  /** This process's id in claims. */
  owner: string;
  /** Warnings about the store while it runs (a lost lock, a dropped connection). */
  warn: (message: string) => void;
  now?: () => number;
  /** Embedded store: how long a dead process's lock lasts. Default 10 000 ms. */
  lockStaleMs?: number;
}

/** Why opening failed, in one line a person can act on. */
function reason(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: { message?: string }[] };
  if (e.code === 'ECONNREFUSED' || e.errors?.some((x) => /ECONNREFUSED/.test(x.message ?? ''))) return 'connection refused: is the server running, and are the host and port in DATABASE_URL right?';
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return 'the host in DATABASE_URL is not known';
  const message = (e.message ?? String(err)).split('\n')[0] ?? '';
  if (/PGlite failed to initialize/i.test(message)) return `${message}: the directory is corrupt or not a PGlite data directory; move it away (a new one is created) or restore a backup`;
  if (/timeout/i.test(message)) return `${message}: the server did not answer in time`;
  return message;
}

/**
 * Opens the store named by the configuration and brings its schema up to date: a Postgres
 * server when `databaseUrl` is set, otherwise PGlite in `<dataDir>/pglite` (created on first
 * use). Throws `StoreError` naming the store and what is wrong; never prints a password.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const dir = join(options.dataDir, 'pglite');
  const description = options.databaseUrl ? describeDatabaseUrl(options.databaseUrl) : `embedded PGlite in ${dir}`;
  let client: SqlClient;
  try {
    client = options.databaseUrl
      ? await openPostgresClient(options.databaseUrl, { onIdleError: (err) => options.warn(`${description}: a connection failed (${err.message}); it will be replaced`) })
      : await openPgliteClient(dir, {
          ...(options.lockStaleMs !== undefined ? { staleMs: options.lockStaleMs } : {}),
          onLockLost: (err) => options.warn(`${description}: lost the lock on the data directory (${err.message}); stop this process`),
          onIdleError: (err) => options.warn(`${description}: a connection failed (${err.message}); it will be replaced`),
        });
  } catch (err) {
    throw new StoreError(`cannot open the store (${description}): ${reason(err)}`);
  }
  try {
    await client.transaction((tx) => migrate(tx));
  } catch (err) {
    await client.close().catch(() => undefined);
    throw new StoreError(`the store (${description}) cannot be used: ${reason(err)}`);
  }
  return createSqlStore(client, { description, owner: options.owner, ...(options.now ? { now: options.now } : {}) });
}
