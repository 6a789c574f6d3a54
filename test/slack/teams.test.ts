import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFeedback } from '../../src/eval/feedback-export.ts';
import { seedBriefer, seedKnowledge, seedSentence } from '../helpers/knowledge.ts';
import { addFormSubmission, buttonPayload, commandBody, eventEnvelope, mentionEvent, send, sendAction, sendCommand, sendEvent, SLACK_API, startTestApp, waitFor, type TestApp } from '../helpers/slack.ts';
import { interceptPosts, interceptResponseUrl, loopbackOnly, shownText, type Posted, type PostedBlock } from '../helpers/slack-calls.ts';

const blocksOf = (p: Posted): PostedBlock[] => p.blocks ?? [];
const shown = shownText;
const capture = (path: string): Posted[] => interceptPosts(path, { ok: true, ts: '1700000001.000100' });

const HARBOUR = [
  'The harbour in Port Avel reopened on Tuesday after Storm Elin closed it for three days, the port authority said.',
  "The fishermen's union has denied the allegations, saying its members moored their boats as instructed.",
  'Harbour master Ines Dorr said 14 fishing boats were damaged.',
].join('\n');
const PAGE = readFileSync('test/fixtures/pages/harbour-storm.html', 'utf8');
const NEWS = 'https://news.example.com';

let app: TestApp;
let responses: Posted[];

loopbackOnly();
beforeEach(async () => {
  app = await startTestApp(seedBriefer(), { timeoutMs: 1_000, env: { ARTICLE_FETCH_TIMEOUT_MS: '300' } });
  responses = interceptResponseUrl();
});
afterEach(async () => {
  await app.stop();
  nock.cleanAll();
});

const stored = () => app.running.store.articles.list('T1');

/** Runs /briefing add, captures the modal it opens, and returns its private metadata. */
async function openAddForm(): Promise<string> {
  const opens = capture('/api/views.open');
  await sendCommand(app, 'add');
  await waitFor(() => opens.length === 1);
  const view = opens[0]?.view ?? {};
  expect(view.blocks?.map((b) => b.block_id).filter(Boolean)).toEqual(['url', 'title', 'source', 'published', 'text']);
  return view.private_metadata ?? '';
}

/** Submits the form and returns the HTTP answer (the ack's JSON). */
async function submit(metadata: string, values: Record<string, string>, who: { team?: string; user?: string } = {}): Promise<Posted> {
  const res = await sendAction(app, addFormSubmission(metadata, values, who));
  expect(res.status).toBe(200);
  const text = await res.text();
  return text ? (JSON.parse(text) as Posted) : {};
}

/** The last response_url message whose text matches. */
async function responseMatching(re: RegExp, count = 1): Promise<Posted> {
  await waitFor(() => responses.filter((r) => re.test(shown(r))).length >= count, 5_000);
  return responses.filter((r) => re.test(shown(r))).at(-1) as Posted;
}

describe('adding an article from Slack', () => {
  it('stores a pasted article from the modal, confirms it to the adder, and answers from it at once', async () => {
    const updates = capture('/api/views.update');
    const metadata = await openAddForm();
    const ack = await submit(metadata, { title: 'Harbour reopens after storm', source: 'Coastal Courier', published: '2025-03-14', text: HARBOUR });
    expect(ack.response_action).toBe('update');
    const confirmation = await responseMatching(/Added/);
    expect(confirmation.response_type).toBe('ephemeral');
    expect(shown(confirmation)).toMatch(/3 sentences in 3 paragraphs · \d+ entit(y|ies) · \d+ claims?/);
    expect(shown(confirmation)).toContain('/briefing follow harbour-reopens-after-storm');
    // Three suggested questions, each one the matcher answers from this article.
    const suggestions = [...shown(confirmation).matchAll(/`\/briefing ask ([^`]+)`/g)].map((m) => m[1] ?? '');
    expect(suggestions).toHaveLength(3);
    await waitFor(() => updates.length === 1);
    const rows = await stored();
    expect(rows.map((r) => [r.articleId, r.title, r.source, r.published, r.addedBy])).toEqual([['harbour-reopens-after-storm', 'Harbour reopens after storm', 'Coastal Courier', '2025-03-14', 'U0ASKER']]);

    await sendCommand(app, 'ask How many fishing boats were damaged?');
    const answer = await responseMatching(/You asked: _How many fishing boats/);
    expect(shown(answer)).toContain('>Harbour master Ines Dorr said 14 fishing boats were damaged.');
    expect(shown(answer)).toContain('harbour-reopens-after-storm#p3.s1');
    for (const q of suggestions) {
      await sendCommand(app, `ask ${q}`);
      const r = await responseMatching(new RegExp(`You asked: _${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '.')}`));
      expect(shown(r)).toContain('harbour-reopens-after-storm#');
    }
  });

  it('adds the story behind a URL alone, read from the page with Readability', async () => {
    nock(NEWS).get('/2025/03/harbour').reply(200, PAGE, { 'content-type': 'text/html; charset=utf-8' });
    await sendCommand(app, `add <${NEWS}/2025/03/harbour>`);
    const confirmation = await responseMatching(/Added/);
    expect(shown(confirmation)).toContain('Port Avel harbour reopens after Storm Elin');
    expect(shown(confirmation)).toContain('The Coastal Courier · 2025-03-14');
    const rows = await stored();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.url).toBe(`${NEWS}/2025/03/harbour`);
    // The navigation, ads and footer are not part of the story.
    expect(JSON.stringify(rows[0]?.knowledge)).not.toMatch(/Advertisement|Subscribe|All rights reserved/);
  });

  it.each([
    ['empty text and no URL', { text: '   ' }, /Paste the article's text, or give its URL/],
    ['a binary paste', { text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000' }, /NUL bytes \(a binary file pasted\?\)/],
    ['5 MB of text', { text: `${'The harbour reopened after the storm. '.repeat(140_000)}` }, /The text is 5\.\d MB; Briefing takes articles up to 1\.0 MB/],
    ['a URL that is not a web address', { url: 'ftp://files.example.com/story.txt' }, /Only web pages/],
  ])('refuses %s with a form error and stores nothing', async (_name, values, message) => {
    const metadata = await openAddForm();
    const ack = await submit(metadata, values);
    expect(ack.response_action).toBe('errors');
    expect(Object.values(ack.errors ?? {}).join('\n')).toMatch(message);
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['answers 404', () => nock(NEWS).get('/gone').reply(404, 'Not Found', { 'content-type': 'text/html' }), '/gone', /answered HTTP 404/],
    ['is not a web page', () => nock(NEWS).get('/report.pdf').reply(200, '%PDF-1.7', { 'content-type': 'application/pdf' }), '/report.pdf', /not a web page but application\/pdf/],
    ['never answers', () => nock(NEWS).get('/slow').delay(3_000).reply(200, PAGE, { 'content-type': 'text/html' }), '/slow', /did not load within/],
  ])('refuses a URL that %s, saying why, and stores nothing', async (_name, intercept, path, message) => {
    intercept();
    await sendCommand(app, `add ${NEWS}${path}`);
    const refusal = await responseMatching(/Nothing was stored/);
    expect(shown(refusal)).toMatch(message);
    expect(await stored()).toEqual([]);
  });

  it('refuses the same article twice, naming the stored one', async () => {
    nock(NEWS).get('/2025/03/harbour').reply(200, PAGE, { 'content-type': 'text/html' });
    await sendCommand(app, `add ${NEWS}/2025/03/harbour`);
    await responseMatching(/Added/);
    await sendCommand(app, `add ${NEWS}/2025/03/harbour`);
    const refusal = await responseMatching(/Nothing was stored/);
    expect(shown(refusal)).toContain('already stored (same URL) as “Port Avel harbour reopens after Storm Elin”, added by <@U0ASKER>');
    expect(await stored()).toHaveLength(1);
  });

  it('refuses a form submitted from another workspace than it was opened in, storing nothing', async () => {
    const metadata = await openAddForm();
    const ack = await submit(metadata, { text: HARBOUR }, { user: 'U0OTHER' });
    expect(ack.response_action).toBe('errors');
    expect(Object.values(ack.errors ?? {}).join('')).toContain('not opened by you in this workspace');
    expect(await stored()).toEqual([]);
  });

  it('refuses a command carrying a forged team_id: nothing fetched, nothing stored', async () => {
    const page = nock(NEWS).get('/2025/03/harbour').reply(200, PAGE, { 'content-type': 'text/html' });
    await send(app.url, commandBody(`add ${NEWS}/2025/03/harbour`, { team_id: 'T9FORGED' }), 'application/x-www-form-urlencoded');
    const refusal = await responseMatching(/isn't installed in this workspace/);
    expect(refusal.response_type).toBe('ephemeral');
    expect(page.isDone()).toBe(false);
    expect(await stored()).toEqual([]);
    expect(await app.running.store.articles.list('T9FORGED')).toEqual([]);
  });
});

describe('stories per channel', () => {
  async function addHarbour(): Promise<void> {
    const metadata = await openAddForm();
    await submit(metadata, { title: 'Harbour reopens after storm', text: HARBOUR });
    await responseMatching(/Added/);
  }

  it('lists the stories numbered, with who added them and when', async () => {
    await addHarbour();
    await sendCommand(app, 'stories');
    const list = await responseMatching(/Stories/);
    expect(shown(list)).toContain('*1.* US believes Iran sent short-range ballistic missiles to Russia');
    expect(shown(list)).toContain('*2.* Harbour reopens after storm');
    expect(shown(list)).toMatch(/added by <@U0ASKER> on \d{4}-\d{2}-\d{2} · id `harbour-reopens-after-storm`/);
  });

  it("follow makes the channel's story answer first, and an answer from another story names it", async () => {
    await addHarbour();
    const posts = capture('/api/chat.postMessage');
    await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?', { ts: '1700000000.000301' })));
    await waitFor(() => posts.length === 1);
    expect(shown(posts[0] as Posted)).toContain(seedSentence('p4.s1'));

    await sendCommand(app, 'follow 2');
    expect(shown(await responseMatching(/now follows/))).toContain('*Harbour reopens after storm*');
    expect(await app.running.store.channels.get('T1', 'C0CHANNEL1')).toMatchObject({ articleId: 'harbour-reopens-after-storm' });
    await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?', { ts: '1700000000.000302' })));
    await waitFor(() => posts.length === 2);
    expect(shown(posts[1] as Posted)).toContain("The fishermen's union has denied the allegations");
    // Another channel follows nothing: unchanged.
    await sendEvent(app, eventEnvelope(mentionEvent('Who denied the allegations?', { ts: '1700000000.000303', channel: 'C0OTHER' })));
    await waitFor(() => posts.length === 3);
    expect(shown(posts[2] as Posted)).toContain(seedSentence('p4.s1'));
    // A question only another story answers still finds it, and says where it came from.
    await sendEvent(app, eventEnvelope(mentionEvent('How much territory has Ukraine captured in Kursk?', { ts: '1700000000.000304' })));
    await waitFor(() => posts.length === 4);
    expect(shown(posts[3] as Posted)).toContain('the answer comes from another story: *US believes Iran sent short-range ballistic missiles to Russia*');
  });

  it('refuses to follow a story that does not exist, changing nothing', async () => {
    await sendCommand(app, 'follow the moon landing');
    const reply = await responseMatching(/No story matches/);
    expect(shown(reply)).toContain('No story matches “the moon landing”. `/briefing stories` lists them');
    expect(await app.running.store.channels.get('T1', 'C0CHANNEL1')).toBeUndefined();
  });

  it('offers a picker that searches the stories, and follows the one picked', async () => {
    await addHarbour();
    await sendCommand(app, 'follow');
    const picker = await responseMatching(/Pick the story/);
    expect(JSON.stringify(picker.blocks)).toContain('"external_select"');
    const res = await send(app.url, `payload=${encodeURIComponent(JSON.stringify({ type: 'block_suggestion', team: { id: 'T1' }, user: { id: 'U0ASKER', team_id: 'T1' }, api_app_id: 'A1', token: 'legacy', action_id: 'follow_story', block_id: 'b1', value: 'harb', container: { type: 'message', channel_id: 'C0CHANNEL1' }, channel: { id: 'C0CHANNEL1' } }))}`, 'application/x-www-form-urlencoded');
    expect(await res.json()).toEqual({ options: [{ text: { type: 'plain_text', text: '2. Harbour reopens after storm' }, value: 'harbour-reopens-after-storm' }] });
    await sendAction(app, buttonPayload('follow_story', '', { selected: 'harbour-reopens-after-storm' }));
    await responseMatching(/now follows/);
    expect(await app.running.store.channels.get('T1', 'C0CHANNEL1')).toMatchObject({ articleId: 'harbour-reopens-after-storm' });
  });

  it('lets only the adder or an admin remove a story', async () => {
    await addHarbour();
    nock(SLACK_API).post('/api/users.info').reply(200, { ok: true, user: { id: 'U0OTHER', is_admin: false, is_owner: false } });
    await send(app.url, commandBody('remove harbour', { user_id: 'U0OTHER' }), 'application/x-www-form-urlencoded');
    expect(shown(await responseMatching(/Only <@U0ASKER> or a workspace admin/))).toContain('Harbour reopens after storm');
    expect(await stored()).toHaveLength(1);
    await sendCommand(app, 'remove harbour');
    await responseMatching(/Removed \*Harbour reopens after storm\*/);
    expect(await stored()).toEqual([]);
  });
});

describe('digest schedules from Slack', () => {
  it('stores a plain-words schedule and turns it off', async () => {
    await sendCommand(app, 'digest every weekday 9:00 Europe/Berlin');
    expect(shown(await responseMatching(/Digests in/))).toContain('weekdays at 09:00 (Europe/Berlin)');
    expect(await app.running.store.channels.get('T1', 'C0CHANNEL1')).toMatchObject({ digest: { cron: '0 9 * * 1-5', timezone: 'Europe/Berlin' } });
    await sendCommand(app, 'digest off');
    await responseMatching(/No more digests/);
    expect(await app.running.store.channels.get('T1', 'C0CHANNEL1')).toMatchObject({ digest: 'off' });
  });

  it('refuses a schedule more often than the least interval', async () => {
    await sendCommand(app, 'digest * * * * *');
    expect(shown(await responseMatching(/least time between digests/))).toContain('every 1 minutes');
    expect(await app.running.store.channels.get('T1', 'C0CHANNEL1')).toBeUndefined();
  });
});

describe('feedback and explanations on answers', () => {
  async function askForButtons(question: string): Promise<Posted> {
    await sendCommand(app, `ask ${question}`);
    return responseMatching(new RegExp(`You asked: _${question.slice(0, 10)}`));
  }
  const buttonValue = (p: Posted, actionId: string): string => blocksOf(p).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)?.value ?? '';

  it('stores 👍 with the question and the cited sentence, and exports it as a news-dev question', async () => {
    const answer = await askForButtons('Who denied the allegations?');
    await sendAction(app, buttonPayload('feedback_up', buttonValue(answer, 'feedback_up'), { user: 'U0JUDGE' }));
    await responseMatching(/recorded as right/);
    const rows = await app.running.store.feedback.list('T1');
    expect(rows).toMatchObject([{ teamId: 'T1', channelId: 'C0CHANNEL1', userId: 'U0JUDGE', question: 'Who denied the allegations?', articleId: 'iran-missiles-russia', sentenceId: 'p4.s1', quote: seedSentence('p4.s1'), verdict: 'up' }]);
    const decline = await askForButtons('What is the population of Kursk?');
    await sendAction(app, buttonPayload('feedback_up', buttonValue(decline, 'feedback_up'), { user: 'U0JUDGE' }));
    await responseMatching(/recorded as right/, 2);
    const set = exportFeedback(await app.running.store.feedback.list('T1'), [seedKnowledge()]);
    expect(set.questions).toEqual([
      { article: 'iran-missiles-russia', q: 'Who denied the allegations?', expect: [seedSentence('p4.s1')] },
      { article: '', q: 'What is the population of Kursk?', expect: [] },
    ]);
    expect(set.articles.map((a) => a.id)).toEqual(['iran-missiles-russia']);
  });

  it('refuses a forged feedback button, storing nothing', async () => {
    const answer = await askForButtons('Who denied the allegations?');
    const value = buttonValue(answer, 'feedback_down').replace('p4.s1', 'p1.s1');
    await sendAction(app, buttonPayload('feedback_down', value));
    await responseMatching(/can't record that/);
    expect(await app.running.store.feedback.list()).toEqual([]);
  });

  it('explains an answer from the matcher\'s features: intent, terms, confidence against the threshold', async () => {
    const answer = await askForButtons('Who denied the allegations?');
    await sendAction(app, buttonPayload('why_answer', buttonValue(answer, 'why_answer')));
    const why = await responseMatching(/Why this answer/);
    expect(why.response_type).toBe('ephemeral');
    const text = shown(why);
    expect(text).toContain('*Intent:* who');
    expect(text).toContain('`denied` → exact');
    expect(text).toMatch(/confidence \*0\.\d\d\* > threshold 0\.\d\d/);
    expect(text).toContain(seedSentence('p4.s1'));
  });
});
