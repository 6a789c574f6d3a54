import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { createBriefer, type Briefer } from '../answer/reply.ts';
import { buildKnowledge } from '../knowledge/build.ts';
import { overlaySchema, type Knowledge, type Overlay } from '../knowledge/schema.ts';
import { existsSync } from 'node:fs';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../matcher/options.ts';
import { readJsonl } from './run.ts';
import { squadArticles, squadItemSchema } from './score.ts';

/** A question of an evaluation set: what a right answer's first citation holds (empty: decline), and the article it is about. */
export interface SetQuestion {
  q: string;
  expect: readonly string[];
  /** The article (or, for SQuAD, the Wikipedia article) it belongs to: the unit of cross-validation folds. */
  group: string;
}

/** An evaluation set: its articles, all asked at once, and its questions. */
export interface QuestionSet {
  name: string;
  articles: { id: string; text: string; overlay?: Overlay }[];
  questions: SetQuestion[];
}

const newsItemSchema = z.object({ article: z.string(), q: z.string(), expect: z.array(z.string()) });

/** A SQuAD 2.0 style file: each paragraph an article; folds by the Wikipedia article it comes from. */
export function loadSquadSet(file: string, name = basename(file, '.jsonl')): QuestionSet {
  const items = readJsonl(file, (v) => squadItemSchema.parse(v));
  return {
    name,
    articles: squadArticles(items).map(({ id, text }) => ({ id, text })),
    questions: items.map((i) => ({ q: i.question, expect: i.is_impossible ? [] : i.answers, group: i.title })),
  };
}

/** A news set as news-dev lays it out: `articles/<slug>.txt` and `questions.jsonl` (`{article, q, expect}`), optionally only some articles' questions. */
export function loadNewsSet(dir: string, name = basename(dir), only?: ReadonlySet<string>): QuestionSet {
  const files = readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.txt')).sort();
  const items = readJsonl(join(dir, 'questions.jsonl'), (v) => newsItemSchema.parse(v));
  return {
    name,
    articles: files.map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, 'articles', f), 'utf8') })),
    questions: items.filter((i) => !only || only.has(i.article)).map((i) => ({ q: i.q, expect: i.expect, group: i.article })),
  };
}

/** The seed question set (`{q, expect}` or `{q, abstain}` lines, or news-style lines) over one article file. */
export function loadSeedSet(file: string, articleFile: string, name = basename(file, '.jsonl')): QuestionSet {
  const items = readJsonl(file, (v) => z.object({ q: z.string(), expect: z.array(z.string()).optional(), abstain: z.boolean().optional() }).parse(v));
  const id = basename(articleFile, '.txt');
  const overlayFile = articleFile.replace(/\.txt$/, '.overlay.json');
  const overlay = existsSync(overlayFile) ? overlaySchema.parse(JSON.parse(readFileSync(overlayFile, 'utf8'))) : undefined;
  return { name, articles: [{ id, text: readFileSync(articleFile, 'utf8'), ...(overlay ? { overlay } : {}) }], questions: items.map((i) => ({ q: i.q, expect: i.expect ?? [], group: id })) };
}

/** Builds every article of a set with the project's own build and makes the briefer that answers over all of them. */
export function brieferForSet(set: QuestionSet, options: MatchOptions = DEFAULT_MATCH_OPTIONS): { briefer: Briefer; knowledge: Knowledge[] } {
  const knowledge = set.articles.map((a) => buildKnowledge({ id: a.id, text: a.text, ...(a.overlay ? { overlay: a.overlay } : {}) }));
  return { briefer: createBriefer(knowledge, options), knowledge };
}
