/**
 * The bench's corpus: real sentences, recombined. `bench/fixtures/real-text.jsonl` holds 376 real
 * texts (the news-dev, fresh and fresh2 stories, the seed article and the 345 SQuAD 2.0
 * paragraphs of the question sets), each built once with the project's own build; an article of
 * the corpus is a run of paragraphs of one of them, topped up with paragraphs of others to about
 * 14 sentences, with their entities, claims, quantities and dates carried over. Deterministic:
 * the same seed gives the same corpus. `bench/fixtures/questions.jsonl` holds the 3 907 distinct
 * questions of the sets, every intent.
 */
import { readFileSync } from 'node:fs';
import { buildKnowledge } from '../src/knowledge/build.ts';
import type { Knowledge } from '../src/knowledge/schema.ts';

/** A text of the pool: its id, where it comes from, and the text the build reads. */
export interface PoolText {
  id: string;
  source: string;
  text: string;
}

/** A question of the sets, with the set it comes from. */
export interface BenchQuestion {
  set: string;
  q: string;
}

/** Reads a JSON-lines fixture. */
function readLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** The pool of real texts. */
export function readPool(file = 'bench/fixtures/real-text.jsonl'): PoolText[] {
  return readLines<PoolText>(file);
}

/** The questions of every set. */
export function readQuestions(file = 'bench/fixtures/questions.jsonl'): BenchQuestion[] {
  return readLines<BenchQuestion>(file);
}

/** Builds every pool text with the project's build (a few seconds). */
export function buildPool(pool: readonly PoolText[]): Knowledge[] {
  return pool.map((p) => buildKnowledge({ id: p.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''), text: p.text }));
}

/** A small deterministic PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences an article of the corpus aims at. */
const TARGET_SENTENCES = 14;

/** One paragraph of a pool article, by position. */
interface Pick {
  source: Knowledge;
  paragraph: number;
}

/** Copies the picked paragraphs into one knowledge file: sentence ids renumbered, everything that refers to them carried over. */
function compose(id: string, picks: readonly Pick[]): Knowledge {
  const paragraphs: Knowledge['paragraphs'] = [];
  const idMap = new Map<Knowledge, Map<string, string>>();
  picks.forEach((pick, pi) => {
    const p = pick.source.paragraphs[pick.paragraph] as Knowledge['paragraphs'][number];
    const map = idMap.get(pick.source) ?? new Map<string, string>();
    idMap.set(pick.source, map);
    paragraphs.push({
      id: `p${pi + 1}`,
      sentences: p.sentences.map((s, si) => {
        const to = `p${pi + 1}.s${si + 1}`;
        map.set(s.id, to);
        return { ...s, id: to };
      }),
    });
  });
  const entities: Knowledge['entities'] = [];
  const quantities: Knowledge['quantities'] = [];
  const dates: Knowledge['dates'] = [];
  const claims: Knowledge['claims'] = [];
  const topics: Knowledge['topics'] = [];
  let n = 0;
  for (const [source, map] of idMap) {
    const prefix = `s${n++}-`;
    const kept = new Set<string>();
    for (const e of source.entities) {
      const sentenceIds = e.sentenceIds.flatMap((s) => (map.has(s) ? [map.get(s) as string] : []));
      if (sentenceIds.length === 0) continue;
      kept.add(e.id);
      entities.push({ ...e, id: `${prefix}${e.id}`, sentenceIds });
    }
    for (const e of entities) if (e.id.startsWith(prefix)) e.affiliations = e.affiliations.filter((a) => kept.has(a)).map((a) => `${prefix}${a}`);
    for (const q of source.quantities) if (map.has(q.sentenceId)) quantities.push({ ...q, sentenceId: map.get(q.sentenceId) as string });
    for (const d of source.dates) if (map.has(d.sentenceId)) dates.push({ ...d, sentenceId: map.get(d.sentenceId) as string });
    for (const c of source.claims) {
      if (!map.has(c.sentenceId)) continue;
      const { speakerId, ...rest } = c;
      claims.push({ ...rest, id: `c${claims.length + 1}`, sentenceId: map.get(c.sentenceId) as string, ...(speakerId !== undefined && kept.has(speakerId) ? { speakerId: `${prefix}${speakerId}` } : {}) });
    }
    for (const t of source.topics) {
      const sentenceIds = t.sentenceIds.flatMap((s) => (map.has(s) ? [map.get(s) as string] : []));
      if (sentenceIds.length > 0 && map.has(t.sentenceIds[0] as string)) topics.push({ ...t, id: `${prefix}${t.id}`, sentenceIds });
    }
  }
  if (topics.length === 0) topics.push({ id: 'overview', name: 'Overview', sentenceIds: ['p1.s1'], suggestion: 'What happened?' });
  const lead = picks[0]?.source as Knowledge;
  return {
    schemaVersion: 2,
    article: { id, title: lead.article.title, headline: paragraphs[0]?.sentences[0]?.text ?? lead.article.headline },
    paragraphs,
    entities,
    quantities,
    dates,
    claims,
    topics,
  };
}

/**
 * The corpus, one article at a time: `count` articles of about 14 real sentences each, from
 * the built pool. Each opens with a run of one pool text's paragraphs (from a random place),
 * and is topped up with random paragraphs of others.
 */
export function* generateCorpus(pool: readonly Knowledge[], count: number, seed = 13): Generator<Knowledge> {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  for (let a = 0; a < count; a++) {
    const picks: Pick[] = [];
    let sentences = 0;
    const lead = pick(pool);
    const used = new Set<string>();
    for (let p = Math.floor(random() * Math.max(1, lead.paragraphs.length - 3)); p < lead.paragraphs.length && sentences < TARGET_SENTENCES; p++) {
      picks.push({ source: lead, paragraph: p });
      used.add(`${lead.article.id}#${p}`);
      sentences += lead.paragraphs[p]?.sentences.length ?? 0;
    }
    for (let tries = 0; sentences < TARGET_SENTENCES - 2 && tries < 20; tries++) {
      const other = pick(pool);
      const p = Math.floor(random() * other.paragraphs.length);
      const size = other.paragraphs[p]?.sentences.length ?? 0;
      if (used.has(`${other.article.id}#${p}`) || sentences + size > TARGET_SENTENCES + 6) continue;
      picks.push({ source: other, paragraph: p });
      used.add(`${other.article.id}#${p}`);
      sentences += size;
    }
    yield compose(`bench-${String(a).padStart(6, '0')}`, picks);
  }
}
