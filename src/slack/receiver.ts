import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { HTTPModuleFunctions, HTTPResponseAck, verifySlackRequest, type App, type Logger, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { ListenError } from '../errors.ts';
import type { OAuthRoutes } from './oauth.ts';
import { mediaType, parseSlackBody } from './parse-body.ts';

/** What `GET /healthz` reports: 200 when every check is ok, 503 otherwise. */
export interface HealthReport {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

/** Options of the receiver. */
export interface BriefingReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** The replay guard: false if the signature was already served (see `Store.requests`). */
  claimRequest: (signature: string, until: Date) => Promise<boolean>;
  /** Answers `GET /healthz`. */
  health: () => Promise<HealthReport>;
  /** Where Slack posts. Default `/slack/events`. */
  path?: string;
  /** Largest body accepted. Default 10 MB (see `DEFAULT_BODY_LIMIT`). */
  bodyLimit?: number;
  /** The OAuth install routes (installing in many workspaces). */
  oauth?: OAuthRoutes;
  now?: () => number;
}

/**
 * Largest request body: 10 MB. Above Bolt's 4 MB so that an oversized modal submission (a whole
 * article pasted, several MB) still reaches the listener and is refused with a form error the
 * person sees, rather than an HTTP 413 that Slack shows as a failure.
 */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

/** Slack's window for a request's timestamp, either side of now. */
const TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}, body = ''): void {
  if (res.headersSent) return;
  res.writeHead(status, headers);
  res.end(body);
}

/**
 * Bolt's HTTP transport, hardened: signatures and timestamps checked (stale or future), bodies
 * checked before Bolt parses them (400 for anything malformed), replayed commands and actions
 * dropped, `GET /healthz`, and a graceful stop that finishes the requests under way. It only
 * moves requests: listeners do the work.
 */
export class BriefingReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly underway = new Set<Promise<unknown>>();
  private accepting = true;
  private readonly path: string;
  private readonly now: () => number;

  constructor(private readonly options: BriefingReceiverOptions) {
    this.path = options.path ?? '/slack/events';
    this.now = options.now ?? Date.now;
  }

  /** Called by Bolt's `App` with itself. */
  init(app: App): void {
    this.app = app;
  }

  /** Listens on `port` (and `host`); a port in use or not permitted is a `ListenError`. */
  start(port: number, host?: string): Promise<Server> {
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        this.server = undefined;
        if (err.code === 'EADDRINUSE') reject(new ListenError(`port ${port} is already in use: stop the program using it or set PORT to a free port`));
        else if (err.code === 'EACCES') reject(new ListenError(`not permitted to listen on port ${port}: choose a port above 1023 with PORT`));
        else reject(new ListenError(`cannot listen on port ${port}: ${err.message}`));
      });
      server.listen({ port, ...(host ? { host } : {}) }, () => resolve(server));
    });
  }

  /** The port it listens on (useful with port 0). */
  port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  /** Requests being answered or handled (listeners included). */
  pending(): number {
    return this.underway.size;
  }

  /** Stops taking requests: the port is closed, idle connections dropped, new requests on kept-alive ones get 503. */
  stopAccepting(): void {
    if (!this.accepting) return;
    this.accepting = false;
    this.server?.close();
    this.server?.closeIdleConnections();
  }

  /** Resolves once every request taken has been handled, listeners included. */
  async drain(): Promise<void> {
    while (this.underway.size > 0) await Promise.allSettled([...this.underway]);
  }

  /** Stops accepting, waits for the requests under way, then closes every connection. */
  async stop(): Promise<void> {
    this.stopAccepting();
    await this.drain();
    this.server?.closeAllConnections();
    this.server = undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const task = this.route(req, res).catch((err: unknown) => {
      this.options.logger.error(`a request failed inside the receiver: ${(err as Error).message}`);
      // Slack would retry a 5xx; the request was seen, so a retry must not be asked for.
      reply(res, 500, { 'x-slack-no-retry': '1' });
    });
    this.underway.add(task);
    void task.finally(() => this.underway.delete(task));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (!this.accepting) return reply(res, 503, { connection: 'close' });
    if (pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) return this.healthz(res);
    const oauth = this.options.oauth;
    if (oauth && req.method === 'GET' && pathname === oauth.installPath) return oauth.handleInstall(req, res);
    if (oauth && req.method === 'GET' && pathname === oauth.redirectPath) return oauth.handleRedirect(req, res);
    if (pathname !== this.path) return reply(res, 404);
    if (req.method !== 'POST') return reply(res, 405, { allow: 'POST' });

    let buffered;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, this.options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    } catch (err) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && (err as { statusCode: number }).statusCode === 413;
      this.options.logger.warn(tooLarge ? 'refused a request body over the size limit' : `could not read a request body: ${(err as Error).message}`);
      return reply(res, tooLarge ? 413 : 400);
    }
    const raw = buffered.rawBody.toString('utf8');
    const type = mediaType(req.headers['content-type']);
    // Slack's certificate check is unsigned; answer it and run nothing, whatever else it carries.
    if (type === 'application/x-www-form-urlencoded' && parseQuery(raw).ssl_check === '1') return reply(res, 200);

    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    try {
      if (signature === undefined) throw new Error('no x-slack-signature header');
      verifySlackRequest({ signingSecret: this.options.signingSecret, body: raw, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: this.now() });
      // Bolt refuses stale timestamps only; a future one would outlive the replay guard.
      if (timestamp * 1000 > this.now() + TIMESTAMP_WINDOW_MS) throw new Error('x-slack-request-timestamp is in the future');
    } catch (err) {
      this.options.logger.warn(`refused a request that is not correctly signed: ${(err as Error).message}`);
      return reply(res, 401);
    }

    const parsed = parseSlackBody(raw, type);
    if (!parsed.ok) {
      this.options.logger.warn(`refused a signed request with a malformed body (400): ${parsed.reason}`);
      return reply(res, 400, { 'x-slack-no-retry': '1' });
    }
    if (parsed.kind === 'url_verification') return reply(res, 200, { 'content-type': 'application/json' }, JSON.stringify({ challenge: parsed.body.challenge }));

    if (parsed.kind === 'command' || parsed.kind === 'interaction') {
      // An identical signature is the same request again: serve it once.
      const until = new Date(Math.max(this.now(), timestamp * 1000) + TIMESTAMP_WINDOW_MS);
      let first: boolean;
      try {
        first = await this.options.claimRequest(signature, until);
      } catch (err) {
        this.options.logger.error(`the store is unavailable, so a request was not served (to never serve it twice): ${(err as Error).message}`);
        return reply(res, 503, { 'x-slack-no-retry': '1' });
      }
      if (!first) {
        this.options.logger.info(`ignoring a replayed ${parsed.kind} (the same signed request was served within 5 minutes)`);
        return reply(res, 200);
      }
    }
    await this.dispatch(buffered, res, parsed.body);
  }

  private async dispatch(req: IncomingMessage & { rawBody: Buffer }, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    if (!this.app) throw new Error('the receiver was started without an app');
    const ack = new HTTPResponseAck({ logger: this.options.logger, processBeforeResponse: false, httpRequest: req, httpRequestBody: body, httpResponse: res });
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req);
    const event: ReceiverEvent = { body, ack: ack.bind(), ...(retryNum !== undefined ? { retryNum } : {}), ...(retryReason !== undefined ? { retryReason } : {}) };
    try {
      await this.app.processEvent(event);
      if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
    } catch (err) {
      this.options.logger.error(`a listener failed: ${(err as Error).message}`);
      reply(res, 500, { 'x-slack-no-retry': '1' });
    }
  }

  private async healthz(res: ServerResponse): Promise<void> {
    const report = await this.options.health();
    reply(res, report.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify({ status: report.ok ? 'ok' : 'unhealthy', checks: report.checks }));
  }
}
