/**
 * Postgres full-text candidates bench: can a deployment with millions of articles take a
 * question's candidates from Postgres (a GIN index over each sentence's index keys) instead of
 * the in-process posting lists, and what does it cost? Builds the bench corpus of real sentences
 * (bench/corpus.ts) into the matcher's index, loads one row per sentence — its article, its place
 * in the article, and a tsvector of its content stems and entity concepts — into PGlite in a
 * temporary directory (or the Postgres server of --database-url), then for real questions of
 * every intent (bench/fixtures/questions.jsonl) asks for the sentences holding any of the
 * question's retrieval keys (an OR tsquery, `@@`). Reports load time, table and index sizes,
 * per-query latency over every sample, rows returned, whether the rows are exactly the sentences
 * the in-process retriever meets, and whether ranking from those rows gives the same answers;
 * then the same with the rows capped by ts_rank (not exact: what it loses). PGlite is reached as
 * the app reaches it: in a worker thread, over the wire protocol on a Unix socket, with `pg`.
 * Bounded: questions stop after --max-seconds of querying. Run:
 * npm run bench:pg [-- --articles 100000 --questions 400 --reps 3 --cap 2000 --max-seconds 900 --database-url postgres://…]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyseQuestion } from '../src/matcher/question.ts';
import type { QuestionTable } from '../src/matcher/question-table.ts';
import { rankSentences, type RankedSentence } from '../src/matcher/rank.ts';
import { createPostingRetriever, createRowRetriever, retrievalKeys, type RetrievalKeys, type Retriever } from '../src/matcher/retrieve.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../src/matcher/options.ts';
import type { PostingTable } from '../src/matcher/columns.ts';
import { addArticles, compactIndex, createMatcherIndex, type MatcherIndex } from '../src/matcher/search-index.ts';
import { openPgliteClient } from '../src/store/pglite.ts';
import { openPostgresClient } from '../src/store/postgres.ts';
import type { SqlClient } from '../src/store/sql.ts';
import { buildPool, generateCorpus, readPool, readQuestions } from './corpus.ts';
import { percentile, typedArrayBytes } from './measure.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    questions: { type: 'string', default: '400' },
    reps: { type: 'string', default: '3' },
    cap: { type: 'string', default: '2000' },
    'batch-rows': { type: 'string', default: '20000' },
    'max-seconds': { type: 'string', default: '900' },
    'database-url': { type: 'string' },
  },
});
const ARTICLES = Number(values.articles);
const QUESTIONS = Number(values.questions);
const REPS = Number(values.reps);
const CAP = Number(values.cap);
const BATCH_ROWS = Number(values['batch-rows']);
const MAX_SECONDS = Number(values['max-seconds']);
for (const [name, n] of [['articles', ARTICLES], ['questions', QUESTIONS], ['reps', REPS], ['cap', CAP], ['batch-rows', BATCH_ROWS], ['max-seconds', MAX_SECONDS]] as const) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${String(values[name])}`);
}

/** A concept's lexeme: prefixed, so that a concept never meets a stem of the same letters. */
const CONCEPT_PREFIX = 'c:';

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (n: number): string => n.toFixed(2);

/** A lexeme quoted for a tsvector or tsquery literal. */
function quoteLexeme(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Sentence i's index keys as lexemes: its content stems, then its entity concepts. */
function sentenceLexemes(index: MatcherIndex, i: number): string[] {
  const out: string[] = [];
  for (let j = index.sentStemStart[i] as number; j < (index.sentStemStart[i + 1] as number); j++) out.push(index.stems.strings[index.stemIds[j] as number] as string);
  for (let j = index.sentConceptStart[i] as number; j < (index.sentConceptStart[i + 1] as number); j++) out.push(CONCEPT_PREFIX + (index.concepts.strings[index.conceptIds[j] as number] as string));
  return out;
}

/** The OR tsquery of a question's retrieval keys ('' when it has none). */
function keysQuery(index: MatcherIndex, keys: RetrievalKeys): string {
  const lexemes = [...keys.stems.map((id) => index.stems.strings[id] as string), ...keys.concepts.map((id) => CONCEPT_PREFIX + (index.concepts.strings[id] as string))];
  return lexemes.map(quoteLexeme).join(' | ');
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : e.isFile() ? statSync(p).size : 0;
  }
  return total;
}

/** Bytes of the index's typed arrays (their capacity), and of the sentence posting lists among them: what Postgres would take over. */
function indexBytes(index: MatcherIndex): { all: number; postings: number } {
  const tableBytes = (t: PostingTable): number => t.offsets.byteLength + t.entries.byteLength;
  return { all: typedArrayBytes(index), postings: tableBytes(index.sentenceStems) + tableBytes(index.sentenceConcepts) };
}

/** The corpus built into the matcher's index, a batch of articles at a time (the knowledge files are not kept). */
function buildIndex(): { index: MatcherIndex; ms: number } {
  const t0 = performance.now();
  const pool = buildPool(readPool());
  const index = createMatcherIndex();
  let batch = [];
  for (const k of generateCorpus(pool, ARTICLES)) {
    batch.push(k);
    if (batch.length === 2000) {
      addArticles(index, batch);
      batch = [];
    }
  }
  addArticles(index, batch);
  compactIndex(index);
  return { index, ms: performance.now() - t0 };
}

const SCHEMA = `
CREATE TABLE sentence_keys (
  article integer NOT NULL,
  sentence smallint NOT NULL,
  keys tsvector NOT NULL,
  PRIMARY KEY (article, sentence)
)`;

/** Loads one row per sentence that holds a key, in batches (one multi-row INSERT from arrays each), then builds the GIN index. */
async function load(db: SqlClient, index: MatcherIndex): Promise<{ rows: number; insertMs: number; ginMs: number; analyzeMs: number }> {
  await db.query('DROP TABLE IF EXISTS sentence_keys');
  await db.query(SCHEMA);
  let rows = 0;
  const t0 = performance.now();
  let articles: number[] = [];
  let sentences: number[] = [];
  let keys: string[] = [];
  const flush = async (): Promise<void> => {
    if (articles.length === 0) return;
    await db.query('INSERT INTO sentence_keys (article, sentence, keys) SELECT * FROM unnest($1::integer[], $2::smallint[], $3::tsvector[])', [articles, sentences, keys]);
    rows += articles.length;
    articles = [];
    sentences = [];
    keys = [];
  };
  for (let a = 0; a < index.articleCount; a++) {
    const first = index.articleSentStart[a] as number;
    for (let i = first; i < (index.articleSentStart[a + 1] as number); i++) {
      const lexemes = sentenceLexemes(index, i);
      if (lexemes.length === 0) continue;
      articles.push(a);
      sentences.push(i - first);
      keys.push(lexemes.map(quoteLexeme).join(' '));
    }
    if (articles.length >= BATCH_ROWS) await flush();
  }
  await flush();
  const insertMs = performance.now() - t0;
  const t1 = performance.now();
  await db.transaction(async (tx) => {
    await tx.exec("SET LOCAL maintenance_work_mem = '256MB'");
    await tx.exec('CREATE INDEX sentence_keys_gin ON sentence_keys USING gin (keys)');
  });
  const ginMs = performance.now() - t1;
  const t2 = performance.now();
  await db.query('ANALYZE sentence_keys');
  return { rows, insertMs, ginMs, analyzeMs: performance.now() - t2 };
}

/** One retrieval of the in-process ranking: its keys, the sentences it met, and how long it took. */
interface Call {
  keys: RetrievalKeys;
  met: Set<number>;
  micros: number;
}

/** A retriever that records what the posting retriever does, into the list `into()` gives. */
function createRecorder(into: () => Call[]): Retriever {
  const inner = createPostingRetriever();
  return {
    retrieve(index, table: QuestionTable) {
      const t0 = performance.now();
      const got = inner.retrieve(index, table);
      const micros = (performance.now() - t0) * 1000;
      into().push({ keys: retrievalKeys(table), met: new Set(got.sentences.subarray(0, got.count)), micros });
      return got;
    },
  };
}

const EXACT_SQL = 'SELECT article, sentence FROM sentence_keys WHERE keys @@ $1::tsquery';
/** The same rows as two arrays in one row: far less for the client to parse. */
const ARRAYS_SQL = 'SELECT array_agg(article) AS articles, array_agg(sentence) AS sentences FROM sentence_keys WHERE keys @@ $1::tsquery';
/** Only how many: the index and heap work without sending the rows. */
const COUNT_SQL = 'SELECT count(*) AS n FROM sentence_keys WHERE keys @@ $1::tsquery';
const CAPPED_SQL = 'SELECT article, sentence FROM sentence_keys WHERE keys @@ $1::tsquery ORDER BY ts_rank(keys, $1::tsquery) DESC LIMIT $2';

const sameRanking = (a: readonly RankedSentence[], b: readonly RankedSentence[]): boolean => a.length === b.length && a.every((r, k) => r.index === b[k]?.index && r.score === b[k]?.score && r.confidence === b[k]?.confidence);

async function main(): Promise<void> {
  const server = values['database-url'];
  console.log(`Postgres full-text candidates: ${ARTICLES} articles, ${QUESTIONS} questions × ${REPS}, ${server ? 'Postgres server' : 'PGlite (worker thread, wire protocol over a Unix socket)'}`);
  const built = buildIndex();
  const { index } = built;
  const rss = process.memoryUsage().rss;
  console.log(`in-process index: ${index.articleCount} articles, ${index.sentenceCount} sentences, ${index.stems.strings.length} stems, ${index.concepts.strings.length} concepts; built in ${(built.ms / 1000).toFixed(1)} s; RSS ${mb(rss)}`);
  const bytes = indexBytes(index);
  console.log(`  typed arrays ${mb(bytes.all)}, of which the sentence posting lists (stems, concepts) ${mb(bytes.postings)}`);

  const dir = server ? undefined : mkdtempSync(join(tmpdir(), 'briefing-pgfts-'));
  const db = server ? await openPostgresClient({ connectionString: server }) : await openPgliteClient(dir as string);
  try {
    const loaded = await load(db, index);
    console.log(`load: ${loaded.rows} rows (sentences with a key) in ${(loaded.insertMs / 1000).toFixed(1)} s (${Math.round(loaded.rows / (loaded.insertMs / 1000))} rows/s, batches of ${BATCH_ROWS}); GIN index ${(loaded.ginMs / 1000).toFixed(1)} s; ANALYZE ${(loaded.analyzeMs / 1000).toFixed(1)} s`);
    const [size] = await db.query<{ heap: string; gin: string; pkey: string; total: string }>(
      "SELECT pg_table_size('sentence_keys') AS heap, pg_relation_size('sentence_keys_gin') AS gin, pg_relation_size('sentence_keys_pkey') AS pkey, pg_total_relation_size('sentence_keys') AS total",
    );
    if (size) console.log(`size: table ${mb(Number(size.heap))} (with TOAST), GIN ${mb(Number(size.gin))}, primary key ${mb(Number(size.pkey))}, total ${mb(Number(size.total))}${dir ? `; data directory ${mb(dirSize(dir))}` : ''}`);

    const all = readQuestions();
    const stride = Math.max(1, Math.floor(all.length / QUESTIONS));
    const questions = all.filter((_, k) => k % stride === 0).slice(0, QUESTIONS);
    const model = DEFAULT_MATCH_OPTIONS.model;
    let calls: Call[] = [];
    const recorded: MatchOptions = { model, limit: 5, retriever: createRecorder(() => calls), exhaustive: false, rerank: DEFAULT_MATCH_OPTIONS.rerank };
    let fetched: Uint32Array[] = [];
    const fromRows: MatchOptions = { model, limit: 5, retriever: createRowRetriever(() => fetched.shift() ?? new Uint32Array(0)), exhaustive: false, rerank: DEFAULT_MATCH_OPTIONS.rerank };
    // Warm-up, not reported: the first questions once each way.
    for (const { q } of questions.slice(0, 20)) {
      calls = [];
      rankSentences(index, analyseQuestion(q, index), recorded);
      for (const call of calls) {
        const query = keysQuery(index, call.keys);
        if (query !== '') await db.query(EXACT_SQL, [query]);
      }
    }
    const exact: number[] = [];
    const arrays: number[] = [];
    const counted: number[] = [];
    const capped: number[] = [];
    const inProcess: number[] = [];
    const rowCounts: number[] = [];
    let queries = 0;
    let missing = 0;
    let extra = 0;
    let rankedAlike = 0;
    let rankedApart = 0;
    let capTruncated = 0;
    let capLostTop = 0;
    let capTopAnswers = 0;
    const examples: string[] = [];
    const started = performance.now();
    let asked = 0;
    for (const { q } of questions) {
      // Bounded: questions stop when the time is up, and the figures say how many were asked.
      if (performance.now() - started > MAX_SECONDS * 1000) break;
      asked += 1;
      if (asked % 25 === 0) console.error(`  … ${asked} questions, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      calls = [];
      const ranked = rankSentences(index, analyseQuestion(q, index), recorded);
      fetched = [];
      let top: number | undefined;
      for (const call of calls) {
        inProcess.push(call.micros / 1000);
        const query = keysQuery(index, call.keys);
        let got: { article: number; sentence: number }[] = [];
        if (query !== '') {
          queries += 1;
          for (let r = 0; r < REPS; r++) {
            const t0 = performance.now();
            got = await db.query<{ article: number; sentence: number }>(EXACT_SQL, [query]);
            exact.push(performance.now() - t0);
          }
          for (let r = 0; r < REPS; r++) {
            const t0 = performance.now();
            await db.query(COUNT_SQL, [query]);
            counted.push(performance.now() - t0);
          }
          for (let r = 0; r < REPS; r++) {
            const t0 = performance.now();
            const [row] = await db.query<{ articles: number[] | null; sentences: number[] | null }>(ARRAYS_SQL, [query]);
            arrays.push(performance.now() - t0);
            if ((row?.articles?.length ?? 0) !== got.length) throw new Error(`array_agg gave ${row?.articles?.length ?? 0} rows, the plain query ${got.length}`);
          }
          rowCounts.push(got.length);
        }
        const ids = Uint32Array.from(got, (r) => (index.articleSentStart[r.article] as number) + r.sentence);
        fetched.push(ids);
        const seen = new Set(ids);
        let m = 0;
        for (const i of call.met) if (!seen.has(i)) m += 1;
        let x = 0;
        for (const i of seen) if (!call.met.has(i)) x += 1;
        missing += m;
        extra += x;
        if ((m > 0 || x > 0) && examples.length < 5) examples.push(`  "${q}": ${m} missing, ${x} extra of ${call.met.size}`);
        // Capped by ts_rank: cheaper for common words, but may drop the sentence the answer comes from.
        if (query !== '') {
          let top1: { article: number; sentence: number }[] = [];
          for (let r = 0; r < REPS; r++) {
            const t0 = performance.now();
            top1 = await db.query<{ article: number; sentence: number }>(CAPPED_SQL, [query, CAP]);
            capped.push(performance.now() - t0);
          }
          if (got.length > CAP) capTruncated += 1;
          top = ranked[0]?.index;
          if (top !== undefined && call.met.has(top)) {
            capTopAnswers += 1;
            if (!top1.some((r) => (index.articleSentStart[r.article] as number) + r.sentence === top)) capLostTop += 1;
          }
        }
      }
      // Ranking again from the rows alone (a retriever that reads nothing but what Postgres returned).
      if (sameRanking(ranked, rankSentences(index, analyseQuestion(q, index), fromRows))) rankedAlike += 1;
      else {
        rankedApart += 1;
        if (examples.length < 10) examples.push(`  ranked apart: "${q}"`);
      }
    }
    exact.sort((a, b) => a - b);
    arrays.sort((a, b) => a - b);
    counted.sort((a, b) => a - b);
    capped.sort((a, b) => a - b);
    inProcess.sort((a, b) => a - b);
    rowCounts.sort((a, b) => a - b);
    const totalMet = rowCounts.reduce((s, n) => s + n, 0);
    console.log(`\nqueries: ${asked} questions${asked < questions.length ? ` (of ${questions.length}: --max-seconds ${MAX_SECONDS} reached)` : ''}, ${queries} retrievals with keys, ${exact.length} samples each way`);
    console.log(`  ${'candidates from'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
    console.log(`  ${'in-process posting lists'.padEnd(34)} ${ms(percentile(inProcess, 0.5)).padStart(8)} ${ms(percentile(inProcess, 0.99)).padStart(8)} ${ms(inProcess.at(-1) ?? 0).padStart(8)}`);
    console.log(`  ${'Postgres @@ OR tsquery (exact)'.padEnd(34)} ${ms(percentile(exact, 0.5)).padStart(8)} ${ms(percentile(exact, 0.99)).padStart(8)} ${ms(exact.at(-1) ?? 0).padStart(8)}`);
    console.log(`  ${'… count(*) only (no rows sent)'.padEnd(34)} ${ms(percentile(counted, 0.5)).padStart(8)} ${ms(percentile(counted, 0.99)).padStart(8)} ${ms(counted.at(-1) ?? 0).padStart(8)}`);
    console.log(`  ${'… as two arrays (array_agg)'.padEnd(34)} ${ms(percentile(arrays, 0.5)).padStart(8)} ${ms(percentile(arrays, 0.99)).padStart(8)} ${ms(arrays.at(-1) ?? 0).padStart(8)}`);
    console.log(`  ${`… ORDER BY ts_rank LIMIT ${CAP}`.padEnd(34)} ${ms(percentile(capped, 0.5)).padStart(8)} ${ms(percentile(capped, 0.99)).padStart(8)} ${ms(capped.at(-1) ?? 0).padStart(8)}`);
    console.log(`rows per query: p50 ${percentile(rowCounts, 0.5)}, p99 ${percentile(rowCounts, 0.99)}, max ${rowCounts.at(-1) ?? 0}, mean ${Math.round(totalMet / Math.max(1, rowCounts.length))}`);
    console.log(`exactness: ${missing} sentences the in-process retriever meets missing from the rows, ${extra} extra; ranking from the rows alone equals the in-process ranking for ${rankedAlike} of ${rankedAlike + rankedApart} questions`);
    console.log(`cap ${CAP}: ${capTruncated} of ${queries} queries truncated; the top answer's sentence (where it holds a key: ${capTopAnswers}) dropped by the cap in ${capLostTop}`);
    for (const e of examples) console.log(e);
    console.log(`process RSS at the end ${mb(process.memoryUsage().rss)}`);
  } finally {
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
