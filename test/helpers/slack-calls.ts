import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { RESPONSE_URL_HOST, SLACK_API } from './slack.ts';

/** A Block Kit block as a test reads it. */
export interface PostedBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { text?: unknown; value?: string; action_id?: string }[];
}

/** A Web API or response_url call as the test saw it, with `blocks` and `view` parsed. */
export interface Posted {
  channel?: string;
  thread_ts?: string;
  text?: string;
  response_type?: string;
  response_action?: string;
  errors?: Record<string, string>;
  blocks?: PostedBlock[];
  view?: { private_metadata?: string; blocks?: PostedBlock[] };
  [key: string]: unknown;
}

/** Parses a call's body: form fields that hold JSON (`blocks`, `view`) are parsed too. */
export function parsePosted(body: unknown): Posted {
  const b = (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
  if (typeof b.view === 'string') b.view = JSON.parse(b.view) as unknown;
  if (typeof b.blocks === 'string') b.blocks = JSON.parse(b.blocks) as unknown;
  return b as Posted;
}

/** All text a message shows: section and context texts and the fallback. */
export function shownText(p: Posted): string {
  return [p.text ?? '', ...(p.blocks ?? []).flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : ''))])].join('\n');
}

/** Records every call to a Web API method (persisting), answering `reply`. */
export function interceptPosts(path: string, reply: Record<string, unknown> = { ok: true, ts: '1700000000.999' }): Posted[] {
  const got: Posted[] = [];
  nock(SLACK_API)
    .post(path, (body) => {
      got.push(parsePosted(body));
      return true;
    })
    .reply(200, reply)
    .persist();
  return got;
}

/** Records every post to a response_url (persisting). */
export function interceptResponseUrl(): Posted[] {
  const got: Posted[] = [];
  nock(RESPONSE_URL_HOST)
    .post(/.*/, (body) => {
      got.push(parsePosted(body));
      return true;
    })
    .reply(200, { ok: true })
    .persist();
  return got;
}

/** No network for the test file but loopback (the app's own receiver). */
export function loopbackOnly(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^127\.0\.0\.1/);
  });
  afterAll(() => {
    nock.enableNetConnect();
  });
}
