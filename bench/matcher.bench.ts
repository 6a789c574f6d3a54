/**
 * Matcher benchmark: questions per second and p50/p99 latency of Briefing's matcher beside a
 * plain BM25 baseline (MiniSearch over sentences), in the same run, on the seed article and on
 * 10 000 generated articles; then both systems' accuracy on the question sets. Ratios, not
 * absolute times, are what compare across machines. Run: npm run bench [-- --articles N]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { answerQuestion } from '../src/answer/answer.ts';
import { createBriefer, type Briefer } from '../src/answer/reply.ts';
import { loadBriefer } from '../src/cli/load-briefer.ts';
import { buildBaseline, type Baseline } from '../src/eval/baseline.ts';
import { evaluate, prepareSquad, readSeedCases } from '../src/eval/run.ts';
import { generateCorpus, generateQuestions } from './synthetic.ts';

interface Timing {
  qps: number;
  p50: number;
  p99: number;
  /** p99 over questions of each question's median time: robust to GC pauses and machine noise. */
  p99median: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function time(questions: readonly string[], ask: (q: string) => unknown, reps: number): Timing {
  for (const q of questions.slice(0, 100)) ask(q); // warm-up
  const samples: number[] = [];
  const medians: number[] = [];
  const started = process.hrtime.bigint();
  for (const q of questions) {
    const own: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = process.hrtime.bigint();
      ask(q);
      own.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    samples.push(...own);
    own.sort((a, b) => a - b);
    medians.push(percentile(own, 0.5));
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  samples.sort((a, b) => a - b);
  medians.sort((a, b) => a - b);
  return { qps: (samples.length / totalMs) * 1000, p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), p99median: percentile(medians, 0.99) };
}

function report(label: string, briefer: Briefer, baseline: Baseline, questions: readonly string[], reps: number): void {
  const ours = time(questions, (q) => answerQuestion(briefer.index, q, briefer.options), reps);
  const base = time(questions, (q) => baseline.search(q), reps);
  const f = (n: number): string => n.toFixed(3).padStart(8);
  console.log(`\n${label}: ${questions.length} questions × ${reps}`);
  console.log(`  ${'system'.padEnd(10)} ${'q/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'p99 of medians'.padStart(15)}`);
  for (const [name, t] of [['Briefing', ours], ['BM25', base]] as const) {
    console.log(`  ${name.padEnd(10)} ${t.qps.toFixed(0).padStart(9)} ${f(t.p50)} ${f(t.p99)} ${f(t.p99median).padStart(15)}`);
  }
  console.log(`  ratio Briefing/BM25: q/s ×${(ours.qps / base.qps).toFixed(2)}, p50 ×${(ours.p50 / base.p50).toFixed(2)}, p99 ×${(ours.p99 / base.p99).toFixed(2)}, p99 of medians ×${(ours.p99median / base.p99median).toFixed(2)}`);
  console.log(`  target p99 ≤ 1 ms: ${ours.p99median <= 1 ? 'met' : 'NOT met'} on per-question medians (${ours.p99median.toFixed(3)} ms); all samples ${ours.p99.toFixed(3)} ms`);
}

function main(): void {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, squad: { type: 'string', default: '../shared/eval/squad2-dev.jsonl' } } });
  const articles = Number(values.articles);

  const seed = loadBriefer('knowledge');
  const seedCases = readSeedCases('test/fixtures/seed-questions.jsonl');
  const seedBaseline = buildBaseline(seed.articles);
  report('seed article', seed, seedBaseline, seedCases.map((c) => c.question), 21);

  let t0 = Date.now();
  const corpus = generateCorpus(articles);
  const sentences = corpus.reduce((n, k) => n + k.paragraphs.reduce((m, p) => m + p.sentences.length, 0), 0);
  console.log(`\ngenerated ${articles} articles, ${sentences} sentences in ${Date.now() - t0} ms`);
  t0 = Date.now();
  const big = createBriefer(corpus);
  const indexMs = Date.now() - t0;
  t0 = Date.now();
  const bigBaseline = buildBaseline(corpus);
  console.log(`index build: Briefing ${indexMs} ms, BM25 ${Date.now() - t0} ms (ratio ×${(indexMs / Math.max(1, Date.now() - t0)).toFixed(2)})`);
  report(`${articles} synthetic articles`, big, bigBaseline, generateQuestions(corpus, 400), 5);

  console.log('\naccuracy (answered right / answerable, declined / unanswerable, overall):');
  console.log(`seed set (test/fixtures/seed-questions.jsonl, ${seedCases.length} questions):`);
  for (const l of evaluate(seed, seedBaseline, seedCases, false).lines) console.log(`  ${l}`);
  if (existsSync(values.squad)) {
    const squad = prepareSquad(values.squad);
    try {
      console.log(`SQuAD 2.0 dev sample (${values.squad}, ${squad.cases.length} questions, ${squad.briefer.articles.length} paragraphs):`);
      for (const l of evaluate(squad.briefer, buildBaseline(squad.briefer.articles), squad.cases, false).lines) console.log(`  ${l}`);
      report('SQuAD paragraphs', squad.briefer, buildBaseline(squad.briefer.articles), squad.cases.map((c) => c.question), 5);
    } finally {
      squad.cleanup();
    }
  } else {
    console.log(`(no ${values.squad}: SQuAD accuracy skipped)`);
  }
}

main();
