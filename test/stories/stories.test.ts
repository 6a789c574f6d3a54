import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestChanges, digestCoverage } from '../../src/answer/digest-changes.ts';
import { explainAnswer } from '../../src/answer/explain.ts';
import { parseDigestSchedule } from '../../src/digest/schedule-text.ts';
import { exportFeedback } from '../../src/eval/feedback-export.ts';
import { loadNewsSet } from '../../src/eval/datasets.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import { checkDraft, contentHash } from '../../src/stories/article-draft.ts';
import { checkArticleUrl, extractArticle, fetchArticle } from '../../src/stories/fetch-article.ts';
import nock from 'nock';
import { resolveStory, type Story } from '../../src/stories/resolve-story.ts';
import { createStories } from '../../src/stories/stories.ts';
import { createTeamBriefers } from '../../src/stories/team-briefers.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { seedBriefer, seedKnowledge, seedSentence } from '../helpers/knowledge.ts';
import { startSharedPostgres, type SharedPostgres } from '../helpers/shared-postgres.ts';
import { tempDir } from '../helpers/store.ts';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const HARBOUR = [
  'The harbour in Port Avel reopened on Tuesday after Storm Elin closed it for three days, the port authority said.',
  "The fishermen's union has denied the allegations, saying its members moored their boats as instructed.",
  'Harbour master Ines Dorr said 14 fishing boats were damaged.',
].join('\n');
const LIMITS = { maxBytes: 1024 * 1024, fetchMaxBytes: 5 * 1024 * 1024, fetchTimeoutMs: 1_000 };

describe('reading a digest schedule', () => {
  it.each([
    ['every weekday 9:00 Europe/Berlin', '0 9 * * 1-5', 'Europe/Berlin', 'weekdays at 09:00 (Europe/Berlin)'],
    ['every day at 7:30 pm', '30 19 * * *', 'UTC', 'every day at 19:30 (UTC)'],
    ['every mon, thu 17:05 America/New_York', '5 17 * * 1,4', 'America/New_York', 'Mon, Thu at 17:05 (America/New_York)'],
    ['0 8 * * 1 Asia/Tokyo', '0 8 * * 1', 'Asia/Tokyo', 'on the cron schedule `0 8 * * 1` (Asia/Tokyo)'],
  ])('reads "%s"', (text, cron, timezone, description) => {
    expect(parseDigestSchedule(text, 'UTC', 3600)).toEqual({ ok: true, cron, timezone, description });
  });

  it.each([
    ['every weekday', /say at what time/],
    ['every weekday 25:00', /not a time of day/],
    ['every weekday 9:00 Mars/Olympus', /not a time zone/],
    ['0 0 30 2 *', /never fires/],
    ['*/5 * * * *', /every 5 minutes; the least time between digests here is 1 hour/],
  ])('refuses "%s", saying why', (text, message) => {
    const parsed = parseDigestSchedule(text, 'UTC', 3600);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });
});

describe('naming a story', () => {
  const stories: Story[] = [
    { id: 'iran-missiles-russia', title: 'US believes Iran sent short-range ballistic missiles to Russia', bundled: true },
    { id: 'harbour-reopens', title: 'Harbour reopens after storm', bundled: false },
    { id: 'harbour-strike', title: 'Harbour workers strike', bundled: false },
  ];
  it('finds a story by number, id, title or unique title words', () => {
    expect(resolveStory(stories, '2')).toMatchObject({ ok: true, story: { id: 'harbour-reopens' } });
    expect(resolveStory(stories, 'harbour-strike')).toMatchObject({ ok: true, story: { id: 'harbour-strike' } });
    expect(resolveStory(stories, '"Harbour reopens after storm"')).toMatchObject({ ok: true, story: { id: 'harbour-reopens' } });
    expect(resolveStory(stories, 'iran missiles')).toMatchObject({ ok: true, story: { id: 'iran-missiles-russia' } });
  });
  it('says when a name fits several stories, none, or a number out of range', () => {
    expect(resolveStory(stories, 'harbour')).toEqual({ ok: false, message: '“harbour” fits 2 stories; say which by number or id:\n2. Harbour reopens after storm (`harbour-reopens`)\n3. Harbour workers strike (`harbour-strike`)' });
    expect(resolveStory(stories, 'moon <!channel>')).toEqual({ ok: false, message: 'No story matches “moon &lt;!channel&gt;”. `/briefing stories` lists them; follow one by its number or id.' });
    expect(resolveStory(stories, '7')).toEqual({ ok: false, message: 'There is no story number 7: `/briefing stories` lists 3.' });
  });
});

describe('checking an article before it is built', () => {
  it('accepts text or a URL, and refuses neither, binary, oversized or private addresses', () => {
    expect(checkDraft({ text: HARBOUR }, 1024)).toEqual([]);
    expect(checkDraft({ url: 'https://news.example.com/a' }, 1024)).toEqual([]);
    expect(checkDraft({}, 1024).map((p) => p.field)).toEqual(['text']);
    expect(checkDraft({ text: 'GIF89a\u0000\u0001' }, 1024)[0]?.message).toContain('NUL bytes');
    expect(checkDraft({ text: 'x '.repeat(1000) }, 1024)[0]?.message).toContain('The text is 2 KB; Briefing takes articles up to 1 KB');
    expect(() => checkArticleUrl('http://169.254.169.254/latest/meta-data')).toThrow(/private or local address/);
    expect(() => checkArticleUrl('http://localhost:3000/')).toThrow(/private or local address/);
  });
  it('treats the same text with other spacing or case as a duplicate', () => {
    expect(contentHash(HARBOUR)).toBe(contentHash(`\n${HARBOUR.toUpperCase().replace(/ /g, '  ')}\n\n`));
  });
});

describe('extracting the story from a page', () => {
  it('keeps the article body, title, site and date, and leaves navigation, ads and footer out', () => {
    const page = extractArticle(readFileSync('test/fixtures/pages/harbour-storm.html', 'utf8'), 'https://news.example.com/2025/03/harbour');
    expect(page).toMatchObject({ title: 'Port Avel harbour reopens after Storm Elin', source: 'The Coastal Courier', published: '2025-03-14' });
    expect(page.text.split('\n')).toHaveLength(5);
    expect(page.text.split('\n')[0]).toBe('The harbour in Port Avel reopened on Tuesday after Storm Elin closed it for three days, the port authority said.');
    expect(page.text).not.toMatch(/Advertisement|Subscribe|Sign up|Related|rights reserved/);
  });
});

describe('fetching a page a person gave', () => {
  const page = readFileSync('test/fixtures/pages/harbour-storm.html', 'utf8');
  const limits = { maxBytes: 1024 * 1024, timeoutMs: 2_000 };
  const publicDns = async (): Promise<string[]> => ['93.184.215.14'];
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('follows redirects to a public page, checking each address', async () => {
    const scope = nock('https://short.example.com').get('/h').reply(301, '', { location: 'https://news.example.com/2025/03/harbour' });
    const target = nock('https://news.example.com').get('/2025/03/harbour').reply(200, page, { 'content-type': 'text/html' });
    const got = await fetchArticle('https://short.example.com/h', limits, fetch, publicDns);
    expect(got).toMatchObject({ url: 'https://news.example.com/2025/03/harbour', title: 'Port Avel harbour reopens after Storm Elin' });
    expect(scope.isDone() && target.isDone()).toBe(true);
  });

  it('refuses a name that resolves to a private address, and a redirect to one, before requesting it', async () => {
    const inside = nock('https://intranet.example.com').get('/secret').reply(200, page, { 'content-type': 'text/html' });
    await expect(fetchArticle('https://intranet.example.com/secret', limits, fetch, async () => ['10.0.0.5'])).rejects.toThrow(/intranet\.example\.com points to a private or local address \(10\.0\.0\.5\)/);
    expect(inside.isDone()).toBe(false);
    nock('https://news.example.com').get('/r').reply(302, '', { location: 'http://169.254.169.254/latest/meta-data/' });
    const metadata = nock('http://169.254.169.254').get('/latest/meta-data/').reply(200, 'secret', { 'content-type': 'text/plain' });
    await expect(fetchArticle('https://news.example.com/r', limits, fetch, publicDns)).rejects.toThrow(/169\.254\.169\.254 is a private or local address/);
    expect(metadata.isDone()).toBe(false);
  });

  it('stops after five redirects', async () => {
    nock('https://loop.example.com').get('/a').times(10).reply(302, '', { location: '/a' });
    await expect(fetchArticle('https://loop.example.com/a', limits, fetch, publicDns)).rejects.toThrow(/redirected more than 5 times/);
  });
});

describe('what changed since the last digest', () => {
  const harbour = buildKnowledge({ id: 'harbour', text: HARBOUR });
  it('says nothing is new in a first digest, then names new stories and new claims', () => {
    expect(digestChanges([seedKnowledge()], [seedKnowledge()], undefined)).toEqual({ hasPrevious: false, newArticles: [], newClaims: [], newClaimCount: 0 });
    const before = digestCoverage([seedKnowledge()], [seedKnowledge()]);
    const unchanged = digestChanges([seedKnowledge()], [seedKnowledge()], before);
    expect(unchanged).toMatchObject({ hasPrevious: true, newArticles: [], newClaimCount: 0 });
    const after = digestChanges([harbour], [seedKnowledge(), harbour], before);
    expect(after.newArticles.map((a) => a.id)).toEqual(['harbour']);
    expect(after.newClaimCount).toBe(harbour.claims.length);
    expect(after.newClaims[0]?.citation.articleId).toBe('harbour');
  });
});

describe('explaining an answer', () => {
  it('gives the intent, what each term matched, and the confidence against the threshold', () => {
    const x = explainAnswer(seedBriefer(), 'Who denied the allegations?');
    expect(x).toMatchObject({ intent: 'who', answered: true, searched: 'every story', best: { articleId: 'iran-missiles-russia', sentenceId: 'p4.s1' } });
    expect(x.best?.confidence).toBeGreaterThan(x.threshold);
    expect(x.best?.matches).toContainEqual({ term: 'denied', match: 'exact' });
    expect(x.best?.evidence.length).toBeGreaterThan(0);
    const declined = explainAnswer(seedBriefer(), 'What is the population of Kursk?');
    expect(declined.answered).toBe(false);
    expect(declined.best?.confidence ?? 0).toBeLessThanOrEqual(declined.threshold);
  });
});

describe('exporting feedback as a question set', () => {
  it('writes what the news-dev loader reads: right answers, right declines, and the rest for review', () => {
    const now = Date.now();
    const base = { teamId: 'T1', channelId: 'C1', userId: 'U1', scope: [] as string[] };
    const set = exportFeedback(
      [
        { ...base, question: 'Who denied the allegations?', articleId: 'iran-missiles-russia', sentenceId: 'p4.s1', quote: seedSentence('p4.s1'), verdict: 'up', createdAt: new Date(now) },
        { ...base, question: 'Who sent the missiles?', articleId: 'iran-missiles-russia', sentenceId: 'p3.s1', quote: 'x', verdict: 'down', createdAt: new Date(now) },
        { ...base, question: 'What did the CIA say?', articleId: 'iran-missiles-russia', sentenceId: 'p2.s1', quote: 'y', verdict: 'wrong-sentence', createdAt: new Date(now) },
        // A later verdict on the same question replaces the earlier one.
        { ...base, userId: 'U2', question: 'who denied the allegations?', articleId: 'iran-missiles-russia', sentenceId: 'p4.s1', quote: seedSentence('p4.s1'), verdict: 'up', createdAt: new Date(now + 1) },
      ],
      [seedKnowledge()],
    );
    expect(set.questions).toEqual([
      { article: 'iran-missiles-russia', q: 'who denied the allegations?', expect: [seedSentence('p4.s1')] },
      { article: 'iran-missiles-russia', q: 'Who sent the missiles?', expect: [] },
    ]);
    expect(set.review).toEqual([{ article: 'iran-missiles-russia', q: 'What did the CIA say?', verdict: 'wrong-sentence', cited: 'y' }]);
    const dir = tempDir();
    mkdirSync(join(dir, 'articles'));
    for (const a of set.articles) writeFileSync(join(dir, 'articles', `${a.id}.txt`), a.text);
    writeFileSync(join(dir, 'questions.jsonl'), set.questions.map((q) => JSON.stringify(q)).join('\n'));
    const loaded = loadNewsSet(dir);
    expect(loaded.questions.map((q) => q.q)).toEqual(['who denied the allegations?', 'Who sent the missiles?']);
    // The exported article builds to the same sentences.
    expect(buildKnowledge({ id: 'iran-missiles-russia', text: loaded.articles[0]?.text ?? '' }).paragraphs.flatMap((p) => p.sentences.map((s) => s.text))).toEqual(seedKnowledge().paragraphs.flatMap((p) => p.sentences.map((s) => s.text)));
  });
});

describe('stories on replicas sharing one Postgres', () => {
  let pg: SharedPostgres;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    pg = await startSharedPostgres();
    a = await openStore({ dataDir: tempDir(), databaseUrl: pg.url, owner: 'replica-a', warn: () => undefined });
    b = await openStore({ dataDir: tempDir(), databaseUrl: pg.url, owner: 'replica-b', warn: () => undefined });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await pg?.close();
  });

  it('answers from a story added on one replica at once on the other, and stops when it is removed there', async () => {
    const teamsA = createTeamBriefers({ store: a, bundled: seedBriefer() });
    const teamsB = createTeamBriefers({ store: b, bundled: seedBriefer() });
    expect((await teamsB.forTeam('T1')).articles.map((k) => k.article.id)).toEqual(['iran-missiles-russia']);
    const added = await createStories({ store: a, briefers: teamsA, limits: LIMITS }).add({ teamId: 'T1', channelId: 'C1' }, { title: 'Harbour reopens', text: HARBOUR }, 'U1');
    expect(added.status).toBe('added');
    expect((await teamsB.forTeam('T1')).articles.map((k) => k.article.id)).toEqual(['iran-missiles-russia', 'harbour-reopens']);
    expect((await teamsB.forTeam('T2')).articles.map((k) => k.article.id)).toEqual(['iran-missiles-russia']);
    // The same text from the other replica is a duplicate.
    const again = await createStories({ store: b, briefers: teamsB, limits: LIMITS }).add({ teamId: 'T1', channelId: 'C1' }, { text: HARBOUR }, 'U2');
    expect(again).toMatchObject({ status: 'refused' });
    await b.articles.remove('T1', 'harbour-reopens');
    expect((await teamsA.forTeam('T1')).articles.map((k) => k.article.id)).toEqual(['iran-missiles-russia']);
  });
});
