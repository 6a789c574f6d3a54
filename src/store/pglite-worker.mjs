// The embedded store's engine, in a worker thread: PGlite (Postgres compiled to WebAssembly) runs
// its queries on a core of its own and serves them over the Postgres wire protocol on a private
// Unix socket, so the app talks to it through `pg` exactly as to a Postgres server. Plain
// JavaScript, so it starts the same under node, tsx and vitest.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dir, socketPath } = workerData;
let db;
let server;
try {
  db = await PGlite.create(dir);
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 64 });
  await server.start();
  parentPort.postMessage({ ready: true });
} catch (err) {
  parentPort.postMessage({ error: String(err?.message ?? err).split('\n')[0] });
  await db?.close().catch(() => undefined);
}
parentPort.on('message', async (message) => {
  if (message !== 'close') return;
  try {
    await server?.stop();
    await db?.close();
  } finally {
    parentPort.postMessage({ closed: true });
  }
});
