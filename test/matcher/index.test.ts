import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerQuestion, type Answer } from '../../src/answer/answer.ts';
import { createBriefer, routeRequest } from '../../src/answer/reply.ts';
import { openBriefer } from '../../src/cli/load-briefer.ts';
import { describeArticles, terminalReply } from '../../src/cli/terminal.ts';
import { brieferForSet, loadNewsSet, loadSeedSet, loadSquadSet, type QuestionSet } from '../../src/eval/datasets.ts';
import { decodeIndex, encodeIndex } from '../../src/index-store/index-file.ts';
import { INDEX_FILE, openKnowledgeIndex } from '../../src/index-store/knowledge-index.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import { loadKnowledgeDir } from '../../src/knowledge/load.ts';
import type { Knowledge } from '../../src/knowledge/schema.ts';
import { DEFAULT_MATCH_OPTIONS } from '../../src/matcher/options.ts';
import { analyseQuestion } from '../../src/matcher/question.ts';
import { rankSentences } from '../../src/matcher/rank.ts';
import { internString } from '../../src/matcher/columns.ts';
import { addArticles, buildMatcherIndex, columnLengths, compactIndex, createMatcherIndex, forgetEntities, removeArticles, type ColumnName, type MatcherIndex } from '../../src/matcher/search-index.ts';

/** What a user sees of an answer: answered or not, and the sentences cited, in order. */
function seen(a: Answer): string {
  return `${a.answered ? 'answered' : 'declined'} ${a.citations.map((c) => `${c.articleId}#${c.sentenceId}`).join(' ')}`;
}

const SETS: QuestionSet[] = [
  loadNewsSet('test/fixtures/news-dev'),
  loadNewsSet('test/fixtures/fresh'),
  loadNewsSet('test/fixtures/fresh2'),
  loadSeedSet('test/fixtures/seed-questions.jsonl', 'knowledge/articles/iran-missiles-russia.txt', 'seed'),
  loadSquadSet('test/fixtures/squad/squad2-dev.jsonl'),
];

describe('the pruned ranking', () => {
  it.each(SETS.map((s) => [s.name, s] as const))('gives the answer and the best five of exhaustive scoring on every question of %s', (_name, set) => {
    const { briefer } = brieferForSet(set);
    const exhaustive = { ...DEFAULT_MATCH_OPTIONS, exhaustive: true };
    const differ: string[] = [];
    for (const { q } of set.questions) {
      const plan = analyseQuestion(q, briefer.index);
      const fast = rankSentences(briefer.index, plan, DEFAULT_MATCH_OPTIONS, false).slice(0, 5).map((r) => `${r.index}:${r.score.toFixed(9)}`);
      const full = rankSentences(briefer.index, plan, DEFAULT_MATCH_OPTIONS, true).slice(0, 5).map((r) => `${r.index}:${r.score.toFixed(9)}`);
      const answer = seen(answerQuestion(briefer.index, q, DEFAULT_MATCH_OPTIONS));
      const reference = seen(answerQuestion(briefer.index, q, exhaustive));
      if (fast.join(' ') !== full.join(' ') || answer !== reference) differ.push(`${q}: ${answer} | exhaustive ${reference}`);
    }
    expect(set.questions.length).toBeGreaterThan(0);
    expect(differ).toEqual([]);
  });
});

/** Every question of news-dev answered over an index: what a user would see. */
function answersOver(index: MatcherIndex, set: QuestionSet): string[] {
  return set.questions.map((x) => seen(answerQuestion(index, x.q)));
}

describe('an index changed in place', () => {
  const set = SETS[0] as QuestionSet;
  const { knowledge } = brieferForSet(set);
  const [first, ...rest] = knowledge as [Knowledge, ...Knowledge[]];

  it('answers as one built whole when articles are added to it one by one', () => {
    const whole = answersOver(buildMatcherIndex(knowledge), set);
    const grown = buildMatcherIndex([first]);
    for (const k of rest) addArticles(grown, [k]);
    expect(answersOver(grown, set)).toEqual(whole);
  });

  it('answers as one built without them once articles are removed (their entities forgotten)', () => {
    const kept = knowledge.filter((_, i) => i % 2 === 0);
    const gone = knowledge.filter((_, i) => i % 2 === 1);
    const without = answersOver(buildMatcherIndex(kept), set);
    const index = buildMatcherIndex(knowledge);
    forgetEntities(index, gone);
    removeArticles(index, gone.map((k) => k.article.id));
    expect(answersOver(index, set)).toEqual(without);
    // The names only removed stories gave are no longer recognised in questions.
    const names = (m: MatcherIndex): string[] => [...m.aliases.values()].flat().map((a) => `${a.concept}|${a.norms.join(' ')}`).sort();
    expect(names(index)).toEqual(names(buildMatcherIndex(kept)));
    expect(answersOver(index, set)).not.toEqual(answersOver(buildMatcherIndex(knowledge), set));
  });
});

describe('the persisted index', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const news = loadNewsSet('test/fixtures/news-dev');
  const extra = news.articles.find((a) => a.id === 'ebola-west-africa-2014') as { id: string; text: string };
  const extraKnowledge = buildKnowledge({ id: extra.id, text: extra.text });

  /** A knowledge directory holding the seed article's file. */
  function knowledgeDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-index-'));
    dirs.push(dir);
    copyFileSync('knowledge/iran-missiles-russia.json', join(dir, 'iran-missiles-russia.json'));
    return dir;
  }
  const questions = ['What did the White House say?', 'Did Iran send ballistic missiles to Ukraine?', 'How many people has Ebola killed?', 'Who denied sending missiles?'];
  const fromFiles = (dir: string): string[] => questions.map((q) => seen(answerQuestion(createBriefer(loadKnowledgeDir(dir)).index, q)));

  it('is built and written at the first start, then loaded as written, answering as an index built from the files', () => {
    const dir = knowledgeDir();
    const built = openKnowledgeIndex(dir);
    expect(built).toMatchObject({ how: 'built', reason: 'no index file yet' });
    expect(readFileSync(join(dir, INDEX_FILE)).subarray(0, 8).toString()).toBe('BRIEFIDX');
    const loaded = openKnowledgeIndex(dir);
    expect(loaded.how).toBe('loaded');
    expect(questions.map((q) => seen(answerQuestion(loaded.index, q)))).toEqual(fromFiles(dir));
  });

  it('adds a new knowledge file in place, and the new story is answered at once', () => {
    const dir = knowledgeDir();
    openKnowledgeIndex(dir);
    writeFileSync(join(dir, `${extra.id}.json`), JSON.stringify(extraKnowledge));
    const updated = openKnowledgeIndex(dir);
    expect(updated).toMatchObject({ how: 'updated', reason: '1 new' });
    const answers = questions.map((q) => seen(answerQuestion(updated.index, q)));
    expect(answers).toEqual(fromFiles(dir));
    expect(answers[2]).toMatch(/^answered ebola-west-africa-2014#/);
    expect(openKnowledgeIndex(dir).how).toBe('loaded');
  });

  it('is rebuilt, saying why, when a file was removed or the index file is damaged', () => {
    const dir = knowledgeDir();
    writeFileSync(join(dir, `${extra.id}.json`), JSON.stringify(extraKnowledge));
    openKnowledgeIndex(dir);
    unlinkSync(join(dir, `${extra.id}.json`));
    const removed = openKnowledgeIndex(dir);
    expect(removed).toMatchObject({ how: 'built', reason: `${extra.id}.json was removed` });
    expect(questions.map((q) => seen(answerQuestion(removed.index, q)))[2]).toMatch(/^declined/);
    const bytes = readFileSync(join(dir, INDEX_FILE));
    writeFileSync(join(dir, INDEX_FILE), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const damaged = openKnowledgeIndex(dir);
    expect(damaged.how).toBe('built');
    expect(damaged.reason).toMatch(/could not be read/);
    expect(questions.map((q) => seen(answerQuestion(damaged.index, q)))).toEqual(fromFiles(dir));
    // One byte changed in the header (a stem, a title): its own checksum catches it.
    const header = readFileSync(join(dir, INDEX_FILE));
    header[40] = (header[40] as number) ^ 0x01;
    writeFileSync(join(dir, INDEX_FILE), header);
    expect(openKnowledgeIndex(dir)).toMatchObject({ how: 'built', reason: 'the index file could not be read (its header does not match its checksum (the file is damaged))' });
    // One byte changed in the columns (not the header): the checksum catches it.
    const whole = readFileSync(join(dir, INDEX_FILE));
    whole[whole.length - 3] = (whole[whole.length - 3] as number) ^ 0xff;
    writeFileSync(join(dir, INDEX_FILE), whole);
    expect(openKnowledgeIndex(dir)).toMatchObject({ how: 'built', reason: 'the index file could not be read (its columns do not match their checksum (the file is damaged))' });
    writeFileSync(join(dir, INDEX_FILE), 'not an index at all');
    expect(openKnowledgeIndex(dir)).toMatchObject({ how: 'built', reason: 'the index file could not be read (not an index file)' });
  });
});

describe('the index file', () => {
  it('reads back an index that answers alike, whether its bytes lie aligned or not', () => {
    const set = SETS[3] as QuestionSet;
    const { briefer } = brieferForSet(set);
    const bytes = encodeIndex(briefer.index, []);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const expected = set.questions.map((x) => seen(answerQuestion(briefer.index, x.q)));
    for (const copy of [bytes, shifted.subarray(3)]) expect(set.questions.map((x) => seen(answerQuestion(decodeIndex(copy).index, x.q)))).toEqual(expected);
  });
});

describe('a built index', () => {
  it('keeps each column at the length it holds (no room left over from growing it), and grows again when articles are added', () => {
    const { knowledge } = brieferForSet(SETS[0] as QuestionSet);
    const index = buildMatcherIndex(knowledge.slice(1));
    const lengths = columnLengths(index);
    const spare = (Object.keys(lengths) as ColumnName[]).filter((name) => index[name].length !== lengths[name]);
    expect(spare).toEqual([]);
    addArticles(index, knowledge.slice(0, 1));
    expect(index.sentenceCount).toBe(buildMatcherIndex(knowledge).sentenceCount);
  });
});

describe('the id columns', () => {
  it('hold 16-bit stem and concept ids while the vocabularies fit, and 32-bit ones past 65 536 stems, answering alike in memory and from the file', () => {
    const set = SETS[3] as QuestionSet;
    const { knowledge } = brieferForSet(set);
    const small = buildMatcherIndex(knowledge);
    expect(small.stemIds).toBeInstanceOf(Uint16Array);
    expect(small.conceptIds).toBeInstanceOf(Uint16Array);
    // Stems no sentence holds fill the 16-bit ids, so the articles' own stems need wider ones.
    const big = createMatcherIndex();
    for (let n = 0; n < 0x10000; n++) internString(big.stems, `unheld${n}`);
    addArticles(big, knowledge);
    compactIndex(big);
    expect(big.stemIds).toBeInstanceOf(Uint32Array);
    const expected = set.questions.map((x) => seen(answerQuestion(small, x.q)));
    expect(set.questions.map((x) => seen(answerQuestion(big, x.q)))).toEqual(expected);
    const read = decodeIndex(encodeIndex(big, [])).index;
    expect(read.stemIds).toBeInstanceOf(Uint32Array);
    expect(set.questions.map((x) => seen(answerQuestion(read, x.q)))).toEqual(expected);
  });
});

describe('a briefing over many stories', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const story = (i: number): Knowledge => buildKnowledge({ id: `story-${i}`, text: `---\nTitle: Story ${i}\nPublished: 2026-02-${String(10 + ((i * 7) % 12))}\n---\nThe council of town ${i} met on Monday and approved ${i + 2} new buses.` });
  // Published 10, 17, 12, 19, 14, 21, 16 February: the newest five are 5, 3, 1, 6, 4.
  const NEWEST = ['story-5', 'story-3', 'story-1', 'story-6', 'story-4'];

  it('covers the newest five by publication date, in a briefer built in memory', () => {
    const reply = routeRequest(createBriefer(Array.from({ length: 7 }, (_, i) => story(i))), '');
    expect(reply.kind === 'briefing' && reply.briefings.map((b) => b.article.id)).toEqual(NEWEST);
  });

  it('reads only the stories it covers from a persisted index: an old file damaged since the start does not matter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-many-'));
    dirs.push(dir);
    for (let i = 0; i < 7; i++) writeFileSync(join(dir, `story-${i}.json`), JSON.stringify(story(i)));
    const warnings: string[] = [];
    const { briefer } = openBriefer(dir, (line) => warnings.push(line));
    writeFileSync(join(dir, 'story-0.json'), '{ not json');
    const reply = routeRequest(briefer, '');
    expect(reply.kind === 'briefing' && reply.briefings.map((b) => b.article.id)).toEqual(NEWEST);
    const topics = routeRequest(briefer, 'topics');
    expect(topics.kind === 'topics' && [...new Set(topics.topics.map((t) => t.articleId))]).toEqual(NEWEST);
    // The terminal answers and renders from the index: no story is read for a question. (It names one town: the seven stories give seven counts.)
    expect(terminalReply(briefer, 'How many new buses did the council of town 1 approve?')).toMatch(/approved 3 new buses[\s\S]*Story 1 · paragraph 1/);
    // A covered story whose file goes away (or changes) after the start is left out, said once; the briefing goes on.
    writeFileSync(join(dir, 'story-0.json'), JSON.stringify(story(0)));
    const fresh = openBriefer(dir, (line) => warnings.push(line)).briefer;
    unlinkSync(join(dir, 'story-3.json'));
    writeFileSync(join(dir, 'story-5.json'), JSON.stringify(story(5)).replace('approved', 'voted for'));
    const left = routeRequest(fresh, '');
    expect(left.kind === 'briefing' && left.briefings.map((b) => b.article.id)).toEqual(['story-1', 'story-6', 'story-4']);
    routeRequest(fresh, '');
    expect(warnings.filter((w) => w.startsWith('story '))).toEqual([expect.stringMatching(/^story story-5 left out: .* changed since the start/), expect.stringMatching(/^story story-3 left out: ENOENT/)]);
  });
});

describe('the start banner', () => {
  it('lists a handful of stories by title, and summarises many with the newest', () => {
    const few = buildMatcherIndex([buildKnowledge({ id: 'a', text: '---\nTitle: Harbour reopens\n---\nThe harbour reopened on Monday.' })]);
    expect(describeArticles(few)).toBe('  • Harbour reopens (a)');
    const many = buildMatcherIndex(
      Array.from({ length: 12 }, (_, i) => buildKnowledge({ id: `story-${i}`, text: `---\nTitle: Story ${i}\nPublished: 2026-01-${String(10 + i)}\n---\nThe council met on day ${i}.` })),
    );
    expect(describeArticles(many)).toBe('  12 articles, newest: Story 11 (2026-01-21)');
  });
});
