import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call the fake Slack received: when, where, and its parsed body. */
export interface FakeCall {
  at: number;
  path: string;
  body: Record<string, unknown>;
}

/** How the fake answers one call: status, body, headers, and a delay before answering. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A Slack Web API (and response_url endpoint) on loopback, for slow and failing Slack. */
export interface FakeSlack {
  /** Base URL for SLACK_API_URL: `http://127.0.0.1:port/api/`. */
  apiUrl: string;
  /** A response_url that posts back to this fake. */
  responseUrl(id?: string): string;
  calls: FakeCall[];
  /** Calls to one method or path suffix (`chat.postMessage`, `respond`). */
  callsTo(method: string): FakeCall[];
  /** Sets how a method is answered; `answer` may look at the call. Unset methods answer `{ok: true}`. */
  on(method: string, answer: FakeAnswer | ((call: FakeCall) => FakeAnswer)): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parse(text: string, type: string | undefined): Record<string, unknown> {
  if ((type ?? '').includes('json')) return JSON.parse(text || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    try {
      out[k] = k === 'blocks' || k === 'view' ? (JSON.parse(v) as unknown) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** Starts a fake Slack on 127.0.0.1 and an ephemeral port. Every call is recorded when it arrives, before any delay. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeCall[] = [];
  const answers = new Map<string, FakeAnswer | ((call: FakeCall) => FakeAnswer)>();
  answers.set('auth.test', { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Acme' } });
  let ts = 1700000000;
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const text = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const call: FakeCall = { at: Date.now(), path, body: parse(text, req.headers['content-type']) };
      calls.push(call);
      const method = path.startsWith('/api/') ? path.slice(5) : 'respond';
      const configured = answers.get(method);
      const answer = (typeof configured === 'function' ? configured(call) : configured) ?? {};
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      if (res.destroyed) return;
      const body = answer.body ?? (method === 'chat.postMessage' ? { ok: true, ts: `${++ts}.000100`, channel: call.body.channel } : { ok: true });
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id = 'r1') => `http://127.0.0.1:${port}/respond/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => (method === 'respond' ? c.path.startsWith('/respond/') : c.path === `/api/${method}`)),
    on: (method, answer) => void answers.set(method, answer),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
