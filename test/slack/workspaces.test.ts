import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loopbackOnly } from '../helpers/slack-calls.ts';
import { seedBriefer } from '../helpers/knowledge.ts';
import { commandBody, RESPONSE_URL_HOST, send, SLACK_API, startTestApp, waitFor, type TestApp } from '../helpers/slack.ts';

/** A call Slack received, with the token it carried. */
interface Call {
  token: string;
  /** The ts Slack gave the message. */
  ts: string;
  body: Record<string, unknown> & { channel?: string; text?: string; thread_ts?: string; blocks?: unknown };
}

const PAGE = readFileSync('test/fixtures/pages/harbour-storm.html', 'utf8');
const NEWS = 'https://news.example.com';
const OAUTH_ENV = {
  SLACK_BOT_TOKEN: '',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret-value',
  SLACK_STATE_SECRET: 'state-secret-0123456789',
  DIGEST_MIN_INTERVAL_S: '1',
};

let app: TestApp;
let base: string;
let posts: Call[];
let responses: { url: string; body: Record<string, unknown> }[];
let tsCounter = 0;

function shown(body: Record<string, unknown>): string {
  const blocks = (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : (body.blocks ?? [])) as { text?: { text: string }; elements?: { text?: string }[] }[];
  return [String(body.text ?? ''), ...blocks.flatMap((b) => [b.text?.text ?? '', ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : ''))])].join('\n');
}

/** Every chat.postMessage, with the bearer token it was sent with; each gets its own ts. */
function capturePosts(): Call[] {
  const got: Call[] = [];
  nock(SLACK_API)
    .post('/api/chat.postMessage')
    .reply(function (_uri, body) {
      const b = (typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body) as Call['body'];
      const ts = `1700000100.${String(++tsCounter).padStart(6, '0')}`;
      got.push({ token: String(this.req.headers.authorization ?? '').replace(/^Bearer /, ''), ts, body: b });
      return [200, { ok: true, channel: b.channel, ts }];
    })
    .persist();
  return got;
}

function captureResponses(): { url: string; body: Record<string, unknown> }[] {
  const got: { url: string; body: Record<string, unknown> }[] = [];
  nock(RESPONSE_URL_HOST)
    .post(/.*/, (body) => {
      got.push({ url: '', body: body as Record<string, unknown> });
      return true;
    })
    .reply(200, { ok: true })
    .persist();
  return got;
}

/** Installs Briefing in `team` the way a workspace admin does: /slack/install, Slack's consent, /slack/oauth_redirect. */
async function install(team: string, name: string, token: string): Promise<Response> {
  const start = await fetch(`${base}/slack/install`);
  expect(start.status).toBe(200);
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const state = /[?&]state=([^&"]+)/.exec(await start.text())?.[1] ?? '';
  expect(state).not.toBe('');
  nock(SLACK_API)
    .post('/api/oauth.v2.access', (b: Record<string, string>) => b.code === `code-${team}` && b.client_id === '111.222' && b.client_secret === 'client-secret-value')
    .reply(200, { ok: true, app_id: 'A1', authed_user: { id: `U${team}ADMIN` }, scope: 'commands,app_mentions:read,chat:write,im:history,users:read', token_type: 'bot', access_token: token, bot_user_id: `UBOT${team}`, team: { id: team, name }, enterprise: null, is_enterprise_install: false });
  nock(SLACK_API).post('/api/auth.test').matchHeader('authorization', `Bearer ${token}`).reply(200, { ok: true, team_id: team, team: name, user_id: `UBOT${team}`, bot_id: `B${team}`, url: `https://${name.toLowerCase()}.slack.com/` });
  return fetch(`${base}/slack/oauth_redirect?code=code-${team}&state=${state}`, { headers: { cookie } });
}

function command(team: string, text: string, channel = 'C0NEWS', user = `U${team}ADMIN`): Promise<Response> {
  return send(app.url, commandBody(text, { team_id: team, channel_id: channel, user_id: user, response_url: `${RESPONSE_URL_HOST}/commands/${team}/${Math.random().toString(36).slice(2)}` }), 'application/x-www-form-urlencoded');
}

let eventCounter = 0;
function event(team: string, ev: Record<string, unknown>): Promise<Response> {
  const body = JSON.stringify({ token: 'legacy', team_id: team, api_app_id: 'A1', type: 'event_callback', event_id: `EvW${++eventCounter}${Date.now()}`, event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: team, user_id: `UBOT${team}`, is_bot: true }], event: ev });
  return send(app.url, body, 'application/json');
}

function mention(team: string, text: string, extra: Record<string, unknown> = {}): Promise<Response> {
  const ts = `1700000200.${String(++eventCounter).padStart(6, '0')}`;
  return event(team, { type: 'app_mention', user: `U${team}ADMIN`, text: `<@UBOT${team}> ${text}`, ts, channel: 'C0NEWS', event_ts: ts, ...extra });
}

async function responseMatching(re: RegExp, count = 1): Promise<Record<string, unknown>> {
  await waitFor(() => responses.filter((r) => re.test(shown(r.body))).length >= count, 8_000);
  return responses.filter((r) => re.test(shown(r.body))).at(-1)?.body ?? {};
}

loopbackOnly();
beforeEach(async () => {
  app = await startTestApp(seedBriefer(), { answerAuthTest: false, timeoutMs: 1_000, env: OAUTH_ENV });
  base = app.url.replace(/\/slack\/events$/, '');
  posts = capturePosts();
  responses = captureResponses();
});
afterEach(async () => {
  await app.stop();
  nock.cleanAll();
});

describe('installing in many workspaces', () => {
  it('stores each workspace\'s installation through Bolt\'s installation store, and answers each with its own token', async () => {
    expect((await install('T2', 'Beta', 'xoxb-beta-token')).status).toBe(200);
    const page = await install('T3', 'Gamma', 'xoxb-gamma-token');
    expect(await page.text()).toContain('Briefing is installed in <b>Gamma</b>');
    expect(await app.running.store.installations.fetchOAuth({ teamId: 'T2', isEnterpriseInstall: false })).toMatchObject({ team: { id: 'T2' }, bot: { token: 'xoxb-beta-token', userId: 'UBOTT2', id: 'BT2' } });
    await mention('T3', 'Who denied the allegations?');
    await waitFor(() => posts.length === 1);
    expect(posts[0]?.token).toBe('xoxb-gamma-token');
  });

  it('refuses a callback whose state was not issued by this app, storing nothing', async () => {
    const res = await fetch(`${base}/slack/oauth_redirect?code=code-T2&state=forged`);
    expect(res.status).toBe(400);
    expect(await app.running.store.installations.fetchOAuth({ teamId: 'T2', isEnterpriseInstall: false })).toBeUndefined();
  });

  it("keeps workspaces apart: one workspace's stories, channels and feedback are not another's", async () => {
    await install('T2', 'Beta', 'xoxb-beta-token');
    await install('T3', 'Gamma', 'xoxb-gamma-token');
    nock(NEWS).get('/2025/03/harbour').reply(200, PAGE, { 'content-type': 'text/html' });
    await command('T2', `add ${NEWS}/2025/03/harbour`);
    await responseMatching(/Added/);
    await command('T2', 'follow harbour');
    await responseMatching(/now follows/);

    await command('T3', 'stories');
    const list = shown(await responseMatching(/Stories/));
    expect(list).toContain('US believes Iran');
    expect(list).not.toContain('Port Avel');
    await command('T3', 'follow harbour');
    await responseMatching(/No story matches “harbour”/);
    await mention('T3', 'How many fishing boats were damaged?');
    await mention('T2', 'How many fishing boats were damaged?');
    await waitFor(() => posts.length === 2);
    const byToken = new Map(posts.map((p) => [p.token, shown(p.body)]));
    expect(byToken.get('xoxb-beta-token')).toContain('14 fishing boats were damaged');
    expect(byToken.get('xoxb-gamma-token')).not.toContain('14 fishing boats were damaged');
    expect(await app.running.store.articles.list('T3')).toEqual([]);
    expect(await app.running.store.channels.get('T3', 'C0NEWS')).toBeUndefined();
    expect(await app.running.store.channels.get('T2', 'C0NEWS')).toMatchObject({ articleId: 'port-avel-harbour-reopens-after-storm-elin' });
  });

  it.each([
    ['app_uninstalled', { type: 'app_uninstalled' }],
    ['tokens_revoked', { type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOTT2'] } }],
  ])('deletes the workspace\'s tokens on %s, and then refuses its requests', async (_name, ev) => {
    await install('T2', 'Beta', 'xoxb-beta-token');
    await install('T3', 'Gamma', 'xoxb-gamma-token');
    expect((await event('T2', ev)).status).toBe(200);
    await waitFor(() => app.logger.lines.some((l) => l.includes(`${ev.type}: deleted 1 installation`)));
    expect(await app.running.store.installations.fetchOAuth({ teamId: 'T2', isEnterpriseInstall: false })).toBeUndefined();
    expect(await app.running.store.installations.fetchOAuth({ teamId: 'T3', isEnterpriseInstall: false })).toBeDefined();
    await command('T2', 'stories');
    await responseMatching(/isn't installed in this workspace/);
  });
});

describe('a new workspace, end to end', () => {
  it('installs, adds a story from a URL, follows it, asks about it, and gets its scheduled digest there, without a restart', async () => {
    expect((await install('T7', 'Newsroom', 'xoxb-newsroom-token')).status).toBe(200);

    nock(NEWS).get('/2025/03/harbour').reply(200, PAGE, { 'content-type': 'text/html; charset=utf-8' });
    await command('T7', `add ${NEWS}/2025/03/harbour`);
    expect(shown(await responseMatching(/Added/))).toContain('Port Avel harbour reopens after Storm Elin');

    await command('T7', 'follow 2');
    await responseMatching(/now follows \*Port Avel harbour/);

    await mention('T7', 'How many fishing boats were damaged?');
    await waitFor(() => posts.length === 1);
    expect(posts[0]?.token).toBe('xoxb-newsroom-token');
    expect(posts[0]?.body.channel).toBe('C0NEWS');
    expect(shown(posts[0]?.body ?? {})).toContain('>Harbour master Ines Dorr said 14 fishing boats were damaged and two piers need repairs before the ferry service can resume.');

    await command('T7', 'digest * * * * * * UTC');
    await responseMatching(/Digests in/);
    const digests = (): Call[] => posts.filter((p) => String(p.body.text ?? '').startsWith('Digest: '));
    await waitFor(() => digests().length >= 1, 8_000);
    const first = digests()[0] as Call;
    expect(first.token).toBe('xoxb-newsroom-token');
    expect(first.body.channel).toBe('C0NEWS');
    expect(shown(first.body)).toContain('The first digest in this channel');
    expect(shown(first.body)).toContain('Port Avel harbour reopens after Storm Elin');
    expect(shown(first.body)).not.toContain('US believes Iran');

    // A question in the digest's thread is about the digest's story.
    // (The channel follows nothing now: only the thread says which story; elsewhere the question is the seed article's.)
    const digestTs = first.ts;
    await command('T7', 'unfollow');
    await responseMatching(/follows no story now/);
    const before = posts.length;
    await mention('T7', 'Who denied the allegations?', { thread_ts: digestTs });
    await mention('T7', 'Who denied the allegations?');
    await waitFor(() => posts.slice(before).filter((p) => !String(p.body.text ?? '').startsWith('Digest: ')).length === 2);
    const replies = posts.slice(before).filter((p) => !String(p.body.text ?? '').startsWith('Digest: '));
    expect(shown(replies.find((p) => p.body.thread_ts === digestTs)?.body ?? {})).toContain("The fishermen's union has denied the allegations");
    expect(shown(replies.find((p) => p.body.thread_ts !== digestTs)?.body ?? {})).toContain('Iran has denied the U.S. allegations');

    // A plain reply in the digest's thread is answered there, once, from the digest's story; a reply
    // that also mentions the bot comes as two events and is answered once; a reply in another thread
    // and channel chatter are not answered.
    const channelMessage = (text: string, extra: Record<string, unknown>): Promise<Response> => {
      const ts = `1700000300.${String(++eventCounter).padStart(6, '0')}`;
      return event('T7', { type: 'message', channel_type: 'channel', user: 'UT7READER', text, ts, channel: 'C0NEWS', event_ts: ts, ...extra });
    };
    const answersIn = (thread: string): Call[] => posts.filter((p) => p.body.thread_ts === thread);
    const inThread = answersIn(digestTs).length;
    await channelMessage('Who denied the allegations?', { thread_ts: '1700000000.000001' });
    await channelMessage('Who denied the allegations?', {});
    await waitFor(() => app.logger.lines.some((l) => l.includes("is not in a digest's thread: not answered")));
    await channelMessage('How many fishing boats were damaged?', { thread_ts: digestTs });
    await waitFor(() => answersIn(digestTs).length === inThread + 1);
    expect(shown(answersIn(digestTs).at(-1)?.body ?? {})).toContain('Harbour master Ines Dorr said 14 fishing boats were damaged');
    const mentionTs = `1700000300.${String(++eventCounter).padStart(6, '0')}`;
    await event('T7', { type: 'message', channel_type: 'channel', user: 'UT7READER', text: '<@UBOTT7> Who denied the allegations?', ts: mentionTs, thread_ts: digestTs, channel: 'C0NEWS', event_ts: mentionTs });
    await mention('T7', 'Who denied the allegations?', { thread_ts: digestTs, ts: mentionTs, event_ts: mentionTs });
    await waitFor(() => answersIn(digestTs).length >= inThread + 2 && app.logger.lines.some((l) => l.includes('mentions the bot: answered as a mention')));
    expect(answersIn(digestTs)).toHaveLength(inThread + 2);
    expect(shown(answersIn(digestTs).at(-1)?.body ?? {})).toContain("The fishermen's union has denied the allegations");
    expect(posts.filter((p) => p.body.thread_ts === '1700000000.000001' || (p.body.thread_ts === undefined && !String(p.body.text ?? '').startsWith('Digest: ')))).toHaveLength(0);

    // The next digest says what changed since the last one.
    nock(NEWS).get('/2025/03/ferry').reply(200, PAGE.replace(/Port Avel harbour reopens after Storm Elin/g, 'Island ferry returns').replace('The harbour in Port Avel reopened on Tuesday', 'The island ferry returned on Friday'), { 'content-type': 'text/html' });
    await command('T7', `add ${NEWS}/2025/03/ferry`);
    await responseMatching(/Added/, 2);
    await waitFor(() => digests().some((d) => shown(d.body).includes('New story: *Island ferry returns*')), 8_000);
    await command('T7', 'digest off');
    await responseMatching(/No more digests/);
  });
});
