/**
 * The matcher bench: Briefing against MiniSearch and a tight typed-array BM25 (bench/bm25.ts),
 * in the same run, on a corpus of real sentences recombined (bench/corpus.ts) and the 3 907 real
 * questions of the question sets, every intent. Each system runs in a process of its own
 * (bench/system-worker.ts), so its heap and GC are its own; per question the three are asked in
 * rotating order; every sample is kept and the percentiles are over all of them; GC time is that
 * of the pauses inside each system's timed calls. Also: heap and typed-array bytes per sentence, index
 * build and load time, RSS of Briefing serving alone, adding one article, the knowledge build's
 * speed on the real texts, time to first answer of the real start, and disagreements with the
 * exhaustive path. Prints whether each target of issue 13 is met.
 *
 * Run: npm run bench                      1 000 and 10 000 articles
 *      npm run bench -- --full            and 100 000
 *      npm run bench -- --articles 2000   other sizes (comma-separated)
 * Options: --reps N (timed passes over the questions; default 3 up to 1 000 articles, 1 above),
 * --questions N (an even spread of N of the questions; default all, 1 000 at 100 000 articles),
 * --check N (questions compared with the exhaustive path; default 300, 100 at 100 000), --start-size
 * N (the size whose real start is timed; default 10000, 0 to skip).
 */
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeIndex } from '../src/index-store/index-file.ts';
import { openKnowledgeIndex } from '../src/index-store/knowledge-index.ts';
import type { Knowledge } from '../src/knowledge/schema.ts';
import { analyseQuestion } from '../src/matcher/question.ts';
import { buildMatcherIndex } from '../src/matcher/search-index.ts';
import { buildPool, generateCorpus, readPool, readQuestions, type BenchQuestion } from './corpus.ts';
import { summarise, type Summary } from './measure.ts';
import type { WorkerReady, WorkerRequest, WorkerResults } from './system-worker.ts';
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
  gcOutsideMs: number[];
  /** Each worker's RSS after every question. */
  rss: number[];
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

/** A system's worker process, asked one thing at a time. */
interface Worker {
  ready: WorkerReady;
  call<T>(m: WorkerRequest): Promise<T>;
  close(): void;
}

/** Forks the worker of one system over the corpus of `articles` articles and waits for its index. */
function startWorker(system: string, articles: number, poolFile: string): Promise<Worker> {
  const child = fork('bench/system-worker.ts', [system, String(articles), poolFile], { execArgv: ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending: { resolve: (m: unknown) => void; reject: (e: Error) => void } | undefined;
  let onReady: ((m: WorkerReady) => void) | undefined;
  const failed = (e: Error): void => {
    const p = pending;
    pending = undefined;
    p?.reject(e);
  };
  child.on('message', (m: { type: string; message?: string }) => {
    if (m.type === 'ready') return onReady?.(m as WorkerReady);
    if (m.type === 'error') return failed(new Error(`${system} worker: ${m.message ?? ''}`));
    const p = pending;
    pending = undefined;
    p?.resolve(m);
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const e = new Error(`the ${system} worker exited (${String(code)})`);
      failed(e);
      reject(e);
    });
    onReady = (ready) =>
      resolve({
        ready,
        call: <T>(m: WorkerRequest) =>
          new Promise<T>((res, rej) => {
            pending = { resolve: res as (m: unknown) => void, reject: rej };
            child.send(m);
          }),
        close: () => {
          child.removeAllListeners('exit');
          child.kill();
        },
      });
  });
}

/** Briefing alone serving from the index file, in a child process: its RSS. */
function serveAlone(file: string, questions: number): SizeResult['serve'] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/serve.ts', file, String(questions)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as SizeResult['serve'];
  } catch {
    console.log(`  (serving child failed: ${run.stderr.slice(-300)})`);
    return undefined;
  }
}

async function benchSize(pool: readonly Knowledge[], poolFile: string, questions: readonly BenchQuestion[], intentOf: readonly string[], articles: number, opts: { reps: number; check: number; start: boolean }): Promise<SizeResult> {
  console.log(`\n== ${int(articles)} articles: building each system's index in its own process`);
  // One at a time: two cores, and each build's time is reported.
  const workers: Worker[] = [];
  for (const name of SYSTEMS) workers.push(await startWorker(name, articles, poolFile));
  const [briefing] = workers as [Worker, Worker, Worker];
  const sentences = briefing.ready.sentences;
  console.log(`  ${int(sentences)} sentences; built: ${SYSTEMS.map((name, s) => `${name} ${int((workers[s] as Worker).ready.buildMs)} ms`).join(', ')}`);

  // Timed: per question, the three systems in rotating order; warm-up first (not kept).
  const qs = questions.map((q) => q.q);
  for (const q of qs.slice(0, 300)) for (const w of workers) await w.call({ type: 'ask', q, record: false });
  const t0 = performance.now();
  for (let r = 0; r < opts.reps; r++) {
    for (let qi = 0; qi < qs.length; qi++) {
      const q = qs[qi] as string;
      for (let k = 0; k < workers.length; k++) await (workers[(qi + r + k) % workers.length] as Worker).call({ type: 'ask', q, record: true });
    }
  }
  console.log(`  timed ${opts.reps} passes in ${int((performance.now() - t0) / 1000)} s`);
  const results: WorkerResults[] = [];
  for (const w of workers) results.push(await w.call<WorkerResults>({ type: 'results' }));
  const timing = results.map((x) => summarise(x.durations));
  // Printed now too: what follows (the exhaustive check above all) is slow at 100 000 articles.
  for (const [s, t] of timing.entries()) console.log(`  ${SYSTEMS[s] as string}: p50 ${ms(t.p50)} p99 ${ms(t.p99)} p99.9 ${ms(t.p999)} max ${ms(t.max)} ms over ${int(t.samples)} samples; GC in calls ${ms((results[s] as WorkerResults).gcMs, 1)} ms`);

  // Briefing's samples by intent, and its slowest questions (sample j is question j mod |questions|).
  const own = (results[0] as WorkerResults).durations;
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
  workers[1]?.close();
  workers[2]?.close();

  // The pruned path against the exhaustive one, on questions spread over every set.
  const step = Math.max(1, Math.floor(qs.length / Math.max(1, opts.check)));
  const sample = qs.filter((_, qi) => qi % step === 0).slice(0, opts.check);
  const checked = await briefing.call<{ checked: number; differing: { q: string; pruned: string; exhaustive: string }[] }>({ type: 'check', questions: sample });
  for (const d of checked.differing.slice(0, 3)) console.log(`  differs from exhaustive: ${d.q}\n    pruned:     ${d.pruned.slice(0, 240)}\n    exhaustive: ${d.exhaustive.slice(0, 240)}`);

  // Loading the persisted index: decoded in-process, and Briefing serving alone in a child (its RSS).
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  let serve: SizeResult['serve'];
  let start: SizeResult['start'];
  const decodeMs: number[] = [];
  let fileBytes = 0;
  let addMs: number[] = [];
  try {
    const indexFile = join(dir, 'matcher-index.bin');
    await briefing.call({ type: 'write', file: indexFile });
    // Adding one article at a time to the index (after it was written).
    addMs = (await briefing.call<{ addMs: number[] }>({ type: 'add', count: 20 })).addMs;
    briefing.close();
    const bytes = readFileSync(indexFile);
    fileBytes = bytes.byteLength;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      decodeIndex(bytes);
      decodeMs.push(performance.now() - t);
    }
    serve = serveAlone(indexFile, qs.length);
    if (opts.start) {
      // The real start over knowledge files with the index the build wrote.
      const knowledge = join(dir, 'knowledge');
      mkdirSync(knowledge);
      for (const k of generateCorpus(pool, articles)) writeFileSync(join(knowledge, `${k.article.id}.json`), JSON.stringify(k));
      const t = performance.now();
      openKnowledgeIndex(knowledge);
      const build = performance.now() - t;
      const question = 'How many sailors died when the Cheonan went down?';
      const first = await timeStart(knowledge, join(dir, 'data'), question);
      const second = await timeStart(knowledge, join(dir, 'data'), question);
      start = { build, first, second };
    }
  } finally {
    for (const w of workers) w.close();
    rmSync(dir, { recursive: true, force: true });
  }

  return {
    articles,
    sentences,
    reps: opts.reps,
    timing,
    gcMs: results.map((x) => x.gcMs),
    gcOutsideMs: results.map((x) => x.gcOutsideMs),
    rss: results.map((x) => x.rss),
    buildMs: workers.map((w) => w.ready.buildMs),
    heapPerSentence: workers.map((w) => w.ready.heapBytes / sentences),
    briefingTypedPerSentence: briefing.ready.typedBytes / sentences,
    briefingFilePerSentence: fileBytes / sentences,
    bm25TypedPerSentence: (workers[2] as Worker).ready.typedBytes / sentences,
    decodeMs,
    serve,
    addMs,
    disagreements: checked.differing.length,
    checked: checked.checked,
    slowest,
    byIntent,
    start,
  };
}

function printSize(r: SizeResult, questions: number): void {
  console.log(`\n${int(r.articles)} articles, ${int(r.sentences)} sentences; ${int(questions)} questions × ${r.reps} passes = ${int(questions * r.reps)} samples per system, interleaved`);
  const head = ['system', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'mean ms', 'GC ms', 'build s', 'art/s', 'heap B/sent', 'RSS MB'];
  const rows = SYSTEMS.map((name, s) => {
    const t = r.timing[s] as Summary;
    return [name, ms(t.p50), ms(t.p99), ms(t.p999), ms(t.max), ms(t.mean), ms(r.gcMs[s] as number, 1), ms((r.buildMs[s] as number) / 1000, 1), int(r.articles / ((r.buildMs[s] as number) / 1000)), int(r.heapPerSentence[s] as number), int((r.rss[s] as number) / 2 ** 20)];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] as string).length)));
  const line = (cells: readonly string[]): string => `  ${cells.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join('  ')}`;
  console.log(line(head));
  for (const row of rows) console.log(line(row));
  const [b, m, t] = r.timing as [Summary, Summary, Summary];
  console.log(`  Briefing / tight BM25: p50 ×${(b.p50 / t.p50).toFixed(2)}, p99 ×${(b.p99 / t.p99).toFixed(2)}, p99.9 ×${(b.p999 / t.p999).toFixed(2)}; Briefing / MiniSearch: p50 ×${(b.p50 / m.p50).toFixed(2)}, p99 ×${(b.p99 / m.p99).toFixed(2)}`);
  console.log(`  each system in its own process; GC: the pauses that began inside its timed calls (${r.gcOutsideMs.map((x) => ms(x, 0)).join(' / ')} ms more fell between them); RSS: each process after every question, its corpus dropped`);
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
      questions: { type: 'string' },
      check: { type: 'string' },
      'start-size': { type: 'string', default: '10000' },
    },
  });
  const sizes = values.articles.split(',').map(Number);
  if (values.full && !sizes.includes(100_000)) sizes.push(100_000);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--articles must be whole numbers, comma-separated (got "${values.articles}")`);

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

  // The built pool, for the workers (each makes the same corpus from it).
  const poolDir = mkdtempSync(join(tmpdir(), 'briefing-bench-pool-'));
  const poolFile = join(poolDir, 'pool.json');
  writeFileSync(poolFile, JSON.stringify(pool));
  const poolIndex = buildMatcherIndex(pool);
  /** An even spread of `count` questions over every set. */
  const spread = (count: number): BenchQuestion[] => {
    if (count >= questions.length) return questions;
    return Array.from({ length: count }, (_, k) => questions[Math.floor((k * questions.length) / count)] as BenchQuestion);
  };

  const results: SizeResult[] = [];
  try {
    for (const n of sizes) {
      const reps = values.reps !== undefined ? Number(values.reps) : n > 1000 ? 1 : 3;
      const asked = spread(values.questions !== undefined ? Number(values.questions) : n >= 100_000 ? 1000 : questions.length);
      const intentOf = asked.map((q) => analyseQuestion(q.q, poolIndex).intent as string);
      const check = values.check !== undefined ? Number(values.check) : n >= 100_000 ? 100 : 300;
      const result = await benchSize(pool, poolFile, asked, intentOf, n, { reps, check, start: n === Number(values['start-size']) });
      printSize(result, asked.length);
      results.push(result);
    }
  } finally {
    rmSync(poolDir, { recursive: true, force: true });
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
  // "Index plus what the matcher needs": everything the index keeps on the heap and in array buffers.
  console.log(`  index plus what the matcher needs ≤ 400 B per sentence (heap and array buffers it keeps): ${met(results.every((r) => (r.heapPerSentence[0] as number) <= 400))} (${results.map((r) => `${int(r.heapPerSentence[0] as number)} at ${int(r.articles)}`).join(', ')}; its typed arrays alone: ${results.map((r) => `${int(r.briefingTypedPerSentence)}`).join(', ')})`);
}

await main();
