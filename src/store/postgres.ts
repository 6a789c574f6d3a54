import pg from 'pg';
import type { SqlClient } from './sql.ts';

/** "Postgres at db.example.com:5432/briefing": a `DATABASE_URL` without its user or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `Postgres at ${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'Postgres at DATABASE_URL';
  }
}

/** Options of the connection pool. */
export interface PostgresOptions {
  /** Connections per process. Default 10. */
  maxConnections?: number;
  /** Give up connecting after this long. Default 5 000 ms. */
  connectTimeoutMs?: number;
  /** Called when an idle connection fails (a server restart); the pool replaces it. */
  onIdleError?: (err: Error) => void;
}

/** A `pg` pool on a URL (or connection settings), shared by any number of replicas. Connects once to fail early. */
export async function openPostgresClient(target: string | pg.PoolConfig, options: PostgresOptions = {}): Promise<SqlClient> {
  const settings = typeof target === 'string' ? { connectionString: target } : target;
  const pool = new pg.Pool({ ...settings, max: options.maxConnections ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000 });
  // Without a listener, an idle connection's error (the server restarting) would crash the process.
  pool.on('error', (err) => options.onIdleError?.(err));
  try {
    (await pool.connect()).release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const run = async (client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]): Promise<never[]> => (await client.query(text, params ? [...params] : [])).rows as never[];
  return {
    query: (text, params) => run(pool, text, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (text, params) => run(client, text, params),
          exec: async (text) => {
            await client.query(text);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
