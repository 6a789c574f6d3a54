import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A Postgres database for replicas to share, and a way to read it and drop it. */
export interface SharedPostgres {
  /** DATABASE_URL for the replicas. */
  url: string;
  /** What it is, for test names: "PGlite over the wire protocol" or "Postgres server". */
  kind: string;
  query<R extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * A real Postgres server's fresh database when `BRIEFING_TEST_DATABASE_URL` names the server
 * (`.ci/run` starts Debian's postgresql), otherwise PGlite served over the Postgres wire protocol
 * (pglite-socket) on loopback, so the tests need nothing installed by hand.
 */
export async function startSharedPostgres(): Promise<SharedPostgres> {
  const server = process.env.BRIEFING_TEST_DATABASE_URL;
  if (server) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    const name = `briefing_replica_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(server);
    u.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: u.toString(), max: 2 });
    // DROP DATABASE … WITH (FORCE) ends any connection still open: not an error here.
    pool.on('error', () => undefined);
    return {
      url: u.toString(),
      kind: `a Postgres server (${(await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?'})`,
      query: async (text, params) => (await pool.query(text, params)).rows,
      close: async () => {
        await pool.end();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await admin.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 100 });
  await socket.start();
  return {
    url: `postgres://postgres@${socket.getServerConn()}/postgres`,
    kind: 'PGlite over the wire protocol',
    query: async (text, params) => (await db.query<never>(text, params ?? [])).rows,
    close: async () => {
      await socket.stop();
      await db.close();
    },
  };
}
