/**
 * The matcher bench: Briefing against MiniSearch and a tight typed-array BM25 (bench/bm25.ts),
 * in the same run, on a corpus of real sentences recombined (bench/corpus.ts) and the 3 907 real
 * questions of the question sets, every intent. Per question the three systems run in rotating
 * order; every sample is kept and the percentiles are over all of them; GC pauses are charged to
 * the system whose call they fell in. Also: heap and typed-array bytes per sentence, index
 * build and load time, RSS of Briefing serving alone, adding one article, the knowledge build's
 * speed on the real texts, time to first answer of the real start, and disagreements with the
 * exhaustive path. Prints whether each target of issue 13 is met.
 *
 * Run: npm run bench                      1 000 and 10 000 articles
 *      npm run bench -- --full            and 100 000
 *      npm run bench -- --articles 2000   other sizes (comma-separated)
 * Options: --reps N (timed passes over the questions; default 3, 1 at 100 000), --check N
 * (questions compared with the exhaustive path per size; default 300), --start-size N (the size
 * whose real start is timed; default 10000, 0 to skip).
 * Needs node's --expose-gc (the npm script passes it) for the heap figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerQuestion } from '../src/answer/answer.ts';
import { buildBaseline } from '../src/eval/baseline.ts';
import { decodeIndex, encodeIndex } from '../src/index-store/index-file.ts';
import { openKnowledgeIndex } from '../src/index-store/knowledge-index.ts';
import type { Knowledge } from '../src/knowledge/schema.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../src/matcher/options.ts';
import { analyseQuestion } from '../src/matcher/question.ts';
import { addArticles, buildMatcherIndex, type MatcherIndex } from '../src/matcher/search-index.ts';
import { buildTightBm25 } from './bm25.ts';
import { buildPool, generateCorpus, readPool, readQuestions, type BenchQuestion } from './corpus.ts';
import { collect, heapBytes, Recorder, summarise, typedArrayBytes, watchGc, type Summary } from './measure.ts';
import { timeStart, type StartTiming } from './start-time.ts';

const SYSTEMS = ['Briefing', 'MiniSearch', 'tight BM25'] as const;

/** A number as the README writes it: thin groups of three ("137 806"). */
const int = (n: number): string => Math.round(n).toLocaleString('en-GB').replace(/,/g, ' ');
const ms = (n: number, digits = 3): string => n.toFixed(digits);
const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');

interface SizeResult {
  articles: number;
  sentences: number;
  reps: number;
  timing: Summary[];
  gcMs: number[];
  gcOutsideMs: number;
  buildMs: number[];
  heapPerSentence: number[];
  briefingTypedPerSentence: number;
  briefingFilePerSentence: number;
  bm25TypedPerSentence: number;
  decodeMs: number[];
  serve: { decodeMs: number; rss: number; maxRss: number } | undefined;
  addMs: number[];
  disagreements: number;
  checked: number;
  slowest: { q: string; ms: number }[];
  byIntent: Map<string, Summary>;
  start?: { build: number; first: StartTiming; second: StartTiming } | undefined;
}

/** Every sentence text of the corpus, in index order. */
function* sentenceTexts(corpus: readonly Knowledge[]): Generator<string> {
  for (const k of corpus) for (const p of k.paragraphs) for (const s of p.sentences) yield s.text;
}

/** Builds something, timed, with the heap it keeps (after a full GC) — needs --expose-gc. */
function measureBuild<T>(build: () => T): { value: T; ms: number; heap: number } {
  collect();
  const before = heapBytes();
  const t0 = performance.now();
  const value = build();
  const took = performance.now() - t0;
  collect();
  return { value, ms: took, heap: heapBytes() - before };
}

/** Briefing alone serving from the index file, in a child process: its RSS. */
function serveAlone(file: string): SizeResult['serve'] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/serve.ts', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as SizeResult['serve'];
  } catch {
    console.log(`  (serving child failed: ${run.stderr.slice(-300)})`);
    return undefined;
  }
}

async function benchSize(pool: readonly Knowledge[], questions: readonly BenchQuestion[], articles: number, opts: { reps: number; check: number; start: boolean }): Promise<SizeResult> {
  const t0 = performance.now();
  const corpus = [...generateCorpus(pool, articles)];
  const sentences = corpus.reduce((n, k) => n + k.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
  console.log(`\n== ${int(articles)} articles: ${int(sentences)} sentences (corpus made in ${int(performance.now() - t0)} ms)`);

  const briefing = measureBuild(() => buildMatcherIndex(corpus));
  const mini = measureBuild(() => buildBaseline(corpus));
  const bm25 = measureBuild(() => buildTightBm25(sentenceTexts(corpus)));
  const index: MatcherIndex = briefing.value;
  const file = encodeIndex(index, []);
  console.log(`  built: Briefing ${int(briefing.ms)} ms, MiniSearch ${int(mini.ms)} ms, tight BM25 ${int(bm25.ms)} ms`);

  // Timed: per question, the three systems in rotating order; warm-up first (not kept).
  const qs = questions.map((q) => q.q);
  const calls: ((q: string) => unknown)[] = [(q) => answerQuestion(index, q), (q) => mini.value.search(q), (q) => bm25.value.search(q)];
  for (const q of qs.slice(0, 300)) for (const call of calls) call(q);
  const recorder = new Recorder(SYSTEMS);
  const gc = watchGc();
  await gc.take();
  for (let r = 0; r < opts.reps; r++) {
    for (let qi = 0; qi < qs.length; qi++) {
      const q = qs[qi] as string;
      for (let k = 0; k < calls.length; k++) {
        const s = (qi + r + k) % calls.length;
        recorder.time(s, () => (calls[s] as (q: string) => unknown)(q));
      }
    }
  }
  const gcEntries = await gc.take();
  gc.stop();
  const gcTime = recorder.gcBySystem(gcEntries);
  const timing = recorder.durations.map((d) => summarise(d));

  // Briefing's samples by intent, and its slowest questions (sample j is question j mod |questions|).
  const own = recorder.durations[0] as number[];
  const intentOf = qs.map((q) => analyseQuestion(q, index).intent as string);
  const byIntentSamples = new Map<string, number[]>();
  own.forEach((d, j) => {
    const intent = intentOf[j % qs.length] as string;
    const list = byIntentSamples.get(intent) ?? [];
    list.push(d);
    byIntentSamples.set(intent, list);
  });
  const byIntent = new Map([...byIntentSamples].sort((a, b) => b[1].length - a[1].length).map(([k, v]) => [k, summarise(v)]));
  const slowest = own
    .map((d, j) => ({ q: qs[j % qs.length] as string, ms: d }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);

  // The pruned path against the exhaustive one, on questions spread over every set.
  const exhaustive: MatchOptions = { model: DEFAULT_MATCH_OPTIONS.model, limit: DEFAULT_MATCH_OPTIONS.limit, retriever: DEFAULT_MATCH_OPTIONS.retriever, exhaustive: true };
  const step = Math.max(1, Math.floor(qs.length / Math.max(1, opts.check)));
  let disagreements = 0;
  let checked = 0;
  for (let qi = 0; qi < qs.length && checked < opts.check; qi += step, checked++) {
    const q = qs[qi] as string;
    const pruned = JSON.stringify(answerQuestion(index, q));
    const full = JSON.stringify(answerQuestion(index, q, exhaustive));
    if (pruned !== full) {
      disagreements++;
      if (disagreements <= 3) console.log(`  differs from exhaustive: ${q}\n    pruned:     ${pruned.slice(0, 240)}\n    exhaustive: ${full.slice(0, 240)}`);
    }
  }

  // Loading the persisted index: decoded in-process, and Briefing serving alone in a child (its RSS).
  const decodeMs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    decodeIndex(file);
    decodeMs.push(performance.now() - t);
  }
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  let serve: SizeResult['serve'];
  let start: SizeResult['start'];
  try {
    writeFileSync(join(dir, 'matcher-index.bin'), file);
    serve = serveAlone(join(dir, 'matcher-index.bin'));
    if (opts.start) {
      // The real start over knowledge files with the index the build wrote.
      const knowledge = join(dir, 'knowledge');
      mkdirSync(knowledge);
      for (const k of corpus) writeFileSync(join(knowledge, `${k.article.id}.json`), JSON.stringify(k));
      const t = performance.now();
      openKnowledgeIndex(knowledge);
      const build = performance.now() - t;
      const question = 'How many sailors died when the Cheonan went down?';
      const first = await timeStart(knowledge, join(dir, 'data'), question);
      const second = await timeStart(knowledge, join(dir, 'data'), question);
      start = { build, first, second };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Adding one article at a time to the index (new articles of the same kind).
  const addMs: number[] = [];
  let n = 0;
  for (const k of generateCorpus(pool, 20, 1013)) {
    const fresh = { ...k, article: { ...k.article, id: `added-${n++}` } };
    const t = performance.now();
    addArticles(index, [fresh]);
    addMs.push(performance.now() - t);
  }

  return {
    articles,
    sentences,
    reps: opts.reps,
    timing,
    gcMs: gcTime.bySystem,
    gcOutsideMs: gcTime.outside,
    buildMs: [briefing.ms, mini.ms, bm25.ms],
    heapPerSentence: [briefing.heap / sentences, mini.heap / sentences, bm25.heap / sentences],
    briefingTypedPerSentence: typedArrayBytes(index) / sentences,
    briefingFilePerSentence: file.byteLength / sentences,
    bm25TypedPerSentence: bm25.value.bytes / sentences,
    decodeMs,
    serve,
    addMs,
    disagreements,
    checked,
    slowest,
    byIntent,
    start,
  };
}

function printSize(r: SizeResult, questions: number): void {
  console.log(`\n${int(r.articles)} articles, ${int(r.sentences)} sentences; ${int(questions)} questions × ${r.reps} passes = ${int(questions * r.reps)} samples per system, interleaved`);
  const head = ['system', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'mean ms', 'GC ms', 'build s', 'art/s', 'heap B/sent'];
  const rows = SYSTEMS.map((name, s) => {
    const t = r.timing[s] as Summary;
    return [name, ms(t.p50), ms(t.p99), ms(t.p999), ms(t.max), ms(t.mean), ms(r.gcMs[s] as number, 1), ms((r.buildMs[s] as number) / 1000, 1), int(r.articles / ((r.buildMs[s] as number) / 1000)), int(r.heapPerSentence[s] as number)];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] as string).length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join('  ')}`;
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  const [b, m, t] = r.timing as [Summary, Summary, Summary];
  console.log(`  Briefing / tight BM25: p50 ×${(b.p50 / t.p50).toFixed(2)}, p99 ×${(b.p99 / t.p99).toFixed(2)}, p99.9 ×${(b.p999 / t.p999).toFixed(2)}; Briefing / MiniSearch: p50 ×${(b.p50 / m.p50).toFixed(2)}, p99 ×${(b.p99 / m.p99).toFixed(2)}`);
  console.log(`  GC: time of the pauses that began inside each system's calls; ${ms(r.gcOutsideMs, 1)} ms more fell between calls`);
  console.log(`  Briefing index: typed arrays ${int(r.briefingTypedPerSentence)} B/sentence (with spare capacity), index file ${int(r.briefingFilePerSentence)} B/sentence; tight BM25 typed arrays ${int(r.bm25TypedPerSentence)} B/sentence`);
  console.log(`  load: index file decoded in ${r.decodeMs.map((x) => ms(x, 0)).join(' / ')} ms` + (r.serve ? `; Briefing serving alone (child): decoded in ${ms(r.serve.decodeMs, 0)} ms, RSS ${int(r.serve.rss / 2 ** 20)} MB after every question, peak ${int(r.serve.maxRss / 2 ** 20)} MB` : ''));
  const add = summarise(r.addMs);
  console.log(`  adding one article: first ${ms(r.addMs[0] ?? 0, 2)} ms, p50 ${ms(add.p50, 2)} ms, max ${ms(add.max, 2)} ms (${r.addMs.length} articles, one at a time)`);
  console.log(`  exhaustive path: ${r.disagreements} of ${r.checked} questions answered differently`);
  console.log(`  Briefing by intent (questions as the matcher reads them): ${[...r.byIntent].map(([k, v]) => `${k} ${int(v.samples / r.reps)} p50 ${ms(v.p50, 2)} p99 ${ms(v.p99, 2)}`).join('; ')}`);
  console.log(`  Briefing's slowest samples: ${r.slowest.map((s) => `${ms(s.ms, 1)} ms "${s.q}"`).join('; ')}`);
  if (r.start) {
    const s = r.start;
    console.log(`  real start (node --import tsx src/index.ts, terminal mode): index written by the build in ${ms(s.build / 1000, 1)} s; first answer ${ms(s.first.firstAnswerMs / 1000, 2)} s after spawn (banner ${ms(s.first.bannerMs / 1000, 2)} s; ${s.first.indexLine}; new data dir), again ${ms(s.second.firstAnswerMs / 1000, 2)} s (banner ${ms(s.second.bannerMs / 1000, 2)} s; ${s.second.indexLine})`);
    console.log(`    answer: ${s.first.answer.slice(0, 160)}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000,10000' },
      full: { type: 'boolean', default: false },
      reps: { type: 'string' },
      check: { type: 'string', default: '300' },
      'start-size': { type: 'string', default: '10000' },
    },
  });
  const sizes = values.articles.split(',').map(Number);
  if (values.full && !sizes.includes(100_000)) sizes.push(100_000);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--articles must be whole numbers, comma-separated (got "${values.articles}")`);
  if ((globalThis as { gc?: unknown }).gc === undefined) console.log('(node was started without --expose-gc: heap figures include garbage; run it with npm run bench)');

  const texts = readPool();
  const questions = readQuestions();
  let t0 = performance.now();
  const pool = buildPool(texts);
  const coldMs = performance.now() - t0;
  t0 = performance.now();
  buildPool(texts);
  const warmMs = performance.now() - t0;
  const poolSentences = pool.reduce((n, k) => n + k.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
  const sets = new Map<string, number>();
  for (const q of questions) sets.set(q.set, (sets.get(q.set) ?? 0) + 1);
  console.log(`corpus: ${texts.length} real texts (bench/fixtures/real-text.jsonl, ${int(poolSentences)} sentences), recombined into articles of about 14 sentences`);
  console.log(`questions: ${int(questions.length)} (bench/fixtures/questions.jsonl: ${[...sets].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  const buildRate = texts.length / (coldMs / 1000);
  console.log(`knowledge build (src/knowledge/build.ts) on the ${texts.length} real texts: ${ms(coldMs / 1000, 2)} s first pass (${int(buildRate)} articles/s), ${ms(warmMs / 1000, 2)} s again (${int(texts.length / (warmMs / 1000))} articles/s)`);

  const results: SizeResult[] = [];
  for (const n of sizes) {
    const reps = values.reps !== undefined ? Number(values.reps) : n >= 100_000 ? 1 : 3;
    const result = await benchSize(pool, questions, n, { reps, check: Number(values.check), start: n === Number(values['start-size']) });
    printSize(result, questions.length);
    results.push(result);
    collect();
  }

  console.log('\ntargets (issue 13):');
  const at = (n: number): SizeResult | undefined => results.find((r) => r.articles === n);
  const ten = at(10_000);
  if (ten) {
    const [b, , t] = ten.timing as [Summary, Summary, Summary];
    console.log(`  10 000 articles, Briefing p99 ≤ 2 ms over all samples: ${met(b.p99 <= 2)} (${ms(b.p99)} ms)`);
    console.log(`  10 000 articles, Briefing p99 ≤ 2× tight BM25's p99: ${met(b.p99 <= 2 * t.p99)} (×${(b.p99 / t.p99).toFixed(2)}: ${ms(b.p99)} against ${ms(t.p99)} ms)`);
    const add = Math.max(...ten.addMs);
    console.log(`  adding one article to a 10 000-article index ≤ 50 ms: ${met(add <= 50)} (slowest of ${ten.addMs.length}: ${ms(add, 2)} ms)`);
    if (ten.start) console.log(`  start with 10 000 articles, first answer ≤ 3 s: ${met(ten.start.first.firstAnswerMs <= 3000 && ten.start.second.firstAnswerMs <= 3000)} (${ms(ten.start.first.firstAnswerMs / 1000, 2)} s with a new data dir, ${ms(ten.start.second.firstAnswerMs / 1000, 2)} s again)`);
  } else console.log('  10 000-article targets: not run (add 10000 to --articles)');
  const hundred = at(100_000);
  if (hundred) {
    const b = hundred.timing[0] as Summary;
    console.log(`  100 000 articles, Briefing p99 ≤ 5 ms: ${met(b.p99 <= 5)} (${ms(b.p99)} ms)`);
    if (hundred.serve) console.log(`  100 000 articles, RSS ≤ 1 GB (Briefing serving alone, peak): ${met(hundred.serve.maxRss <= 2 ** 30)} (${int(hundred.serve.maxRss / 2 ** 20)} MB)`);
  } else console.log('  100 000-article targets: not run (npm run bench -- --full)');
  console.log(`  knowledge build ≥ 50 articles/s on the real texts: ${met(buildRate >= 50)} (${int(buildRate)} articles/s, first pass)`);
  for (const r of results) console.log(`  answers identical to the exhaustive path at ${int(r.articles)} articles: ${met(r.disagreements === 0)} (${r.disagreements} of ${r.checked} differ)`);
  const perSentence = results.map((r) => `${int(r.briefingTypedPerSentence)} at ${int(r.articles)}`).join(', ');
  console.log(`  index ≤ 400 B per sentence (typed arrays, with spare capacity): ${met(results.every((r) => r.briefingTypedPerSentence <= 400))} (${perSentence}); heap kept by the whole index: ${results.map((r) => `${int(r.heapPerSentence[0] as number)} at ${int(r.articles)}`).join(', ')} B/sentence`);
}

await main();
