/**
 * One system of the matcher bench in a process of its own, so that each system's heap holds only
 * its own index and its GC pauses are its own (in one process, MiniSearch's garbage and the
 * corpus made every system's major GCs long). The parent sends questions in turn to each
 * system's worker; the worker times its own call and keeps every sample.
 * Forked by bench/matcher.bench.ts with: <system> <articles> <pool file>.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { answerQuestion } from '../src/answer/answer.ts';
import { buildBaseline } from '../src/eval/baseline.ts';
import { encodeIndex } from '../src/index-store/index-file.ts';
import type { Knowledge } from '../src/knowledge/schema.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../src/matcher/options.ts';
import { addArticles, buildMatcherIndex, type MatcherIndex } from '../src/matcher/search-index.ts';
import { buildTightBm25 } from './bm25.ts';
import { generateCorpus } from './corpus.ts';
import { collect, heapBytes, Recorder, typedArrayBytes, watchGc } from './measure.ts';
import { relationsOf } from '../src/nlp/wordnet.ts';

/** What the parent asks of a worker. */
export type WorkerRequest =
  | { type: 'ask'; q: string; record: boolean }
  | { type: 'results' }
  | { type: 'check'; questions: string[] }
  | { type: 'add'; count: number }
  | { type: 'write'; file: string };

/** What a worker says when its index is built. */
export interface WorkerReady {
  type: 'ready';
  sentences: number;
  buildMs: number;
  /** Heap and array-buffer bytes the index kept, after a full GC. */
  heapBytes: number;
  /** Bytes of the index's typed arrays (with spare capacity). */
  typedBytes: number;
}

/** A worker's samples and its GC time. */
export interface WorkerResults {
  type: 'results';
  durations: number[];
  gcMs: number;
  gcOutsideMs: number;
  /** RSS after every question (the corpus dropped). */
  rss: number;
}

const [system = '', articlesArg = '', poolFile = ''] = process.argv.slice(2);
const pool = JSON.parse(readFileSync(poolFile, 'utf8')) as Knowledge[];
let corpus: Knowledge[] | undefined = [...generateCorpus(pool, Number(articlesArg))];
const sentences = corpus.reduce((n, k) => n + k.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);

function* texts(of: readonly Knowledge[]): Generator<string> {
  for (const k of of) for (const p of k.paragraphs) for (const s of p.sentences) yield s.text;
}

// WordNet's table is read by every Briefing process at its first question (the question's related words),
// and since stop 19 by the index build too (a figure's verb); it is loaded before the baseline, so the heap
// kept per sentence stays the index's, as before.
if (system === 'Briefing') relationsOf('set');
collect();
const before = heapBytes();
const t0 = performance.now();
let search: (q: string) => unknown;
let index: MatcherIndex | undefined;
let typedBytes = 0;
if (system === 'Briefing') {
  const built = buildMatcherIndex(corpus);
  index = built;
  search = (q) => answerQuestion(built, q);
} else if (system === 'MiniSearch') {
  const mini = buildBaseline(corpus);
  search = (q) => mini.search(q);
} else if (system === 'tight BM25') {
  const bm25 = buildTightBm25(texts(corpus));
  typedBytes = bm25.bytes;
  search = (q) => bm25.search(q);
} else throw new Error(`unknown system "${system}"`);
const buildMs = performance.now() - t0;
collect();
const kept = heapBytes() - before;
if (index) typedBytes = typedArrayBytes(index);
// Serving needs only the index from now on.
corpus = undefined;
collect();

const recorder = new Recorder([system]);
const gc = watchGc();
const send = (m: object): void => {
  process.send?.(m);
};
send({ type: 'ready', sentences, buildMs, heapBytes: kept, typedBytes } satisfies WorkerReady);

process.on('message', (m: WorkerRequest) => {
  void handle(m).then(send, (err: unknown) => send({ type: 'error', message: (err as Error).stack ?? String(err) }));
});

async function handle(m: WorkerRequest): Promise<object> {
  switch (m.type) {
    case 'ask':
      if (m.record) recorder.time(0, () => search(m.q));
      else search(m.q);
      return { type: 'ok' };
    case 'results': {
      const { bySystem, outside } = recorder.gcBySystem(await gc.take());
      gc.stop();
      return { type: 'results', durations: recorder.durations[0] as number[], gcMs: bySystem[0] as number, gcOutsideMs: outside, rss: process.memoryUsage().rss } satisfies WorkerResults;
    }
    case 'check': {
      // The pruned path against the exhaustive one.
      const built = index as MatcherIndex;
      const exhaustive: MatchOptions = { model: DEFAULT_MATCH_OPTIONS.model, limit: DEFAULT_MATCH_OPTIONS.limit, retriever: DEFAULT_MATCH_OPTIONS.retriever, exhaustive: true, rerank: DEFAULT_MATCH_OPTIONS.rerank };
      const differing: { q: string; pruned: string; exhaustive: string }[] = [];
      for (const q of m.questions) {
        const pruned = JSON.stringify(answerQuestion(built, q));
        const full = JSON.stringify(answerQuestion(built, q, exhaustive));
        if (pruned !== full) differing.push({ q, pruned, exhaustive: full });
      }
      return { type: 'checked', checked: m.questions.length, differing };
    }
    case 'write':
      writeFileSync(m.file, encodeIndex(index as MatcherIndex, []));
      return { type: 'written' };
    case 'add': {
      // New articles of the same kind, one at a time (another seed; ids of their own).
      const addMs: number[] = [];
      let n = 0;
      for (const k of generateCorpus(pool, m.count, 1013)) {
        const fresh = { ...k, article: { ...k.article, id: `added-${n++}` } };
        const t = performance.now();
        addArticles(index as MatcherIndex, [fresh]);
        addMs.push(performance.now() - t);
      }
      return { type: 'added', addMs };
    }
  }
}
