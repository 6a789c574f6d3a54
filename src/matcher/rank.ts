import { INTENT_TARGETS } from './intent.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.ts';
import type { QueryPlan, QueryTerm } from './question.ts';
import { familyStems, type IndexedSentence, type MatcherIndex } from './search-index.ts';

/** A sentence the ranking considered, with why it scored what it did. */
export interface RankedSentence {
  /** Index into `MatcherIndex.sentences`. */
  index: number;
  /** 0–1: the weighted share of the question's terms the sentence accounts for, times penalties. */
  confidence: number;
  /** The weighted share of terms accounted for, before penalties. */
  coverage: number;
  /** Terms found in the sentence itself (or its paragraph, marked `~`). */
  matched: string[];
  /** Terms found neither in the sentence nor its paragraph. */
  missing: string[];
  /** The question wants a type of answer (a date, a number, …) and the sentence has one. */
  typeOk: boolean;
  /** The sentence answers by saying the thing asked for is not known. */
  statesUnknown: boolean;
  /** The sentence holds the opposite of a question word. */
  contradiction: boolean;
  /** A key entity, number or name of the question is missing from the sentence and its paragraph. */
  keyMissing: boolean;
}

/** Inverse document frequency as BM25 defines it, from a document frequency over `n` sentences. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

interface TermHits {
  term: QueryTerm;
  weight: number;
  /** sentence → credit (0–1). */
  sentences: Map<number, number>;
  /** paragraph → credit (0–1). */
  paragraphs: Map<number, number>;
}

function addHits(target: Map<number, number>, postings: Int32Array | undefined, credit: number): void {
  if (!postings) return;
  for (const i of postings) if ((target.get(i) ?? 0) < credit) target.set(i, credit);
}

function intersect(lists: (Int32Array | undefined)[]): Int32Array | undefined {
  if (lists.length === 0 || lists.some((l) => !l)) return undefined;
  const sorted = (lists as Int32Array[]).slice().sort((a, b) => a.length - b.length);
  let out = sorted[0] as Int32Array;
  for (const other of sorted.slice(1)) {
    const set = new Set(other);
    out = out.filter((x) => set.has(x));
  }
  return out;
}

function collectHits(index: MatcherIndex, term: QueryTerm, synonymCredit: number): TermHits {
  const n = index.sentences.length;
  const sentences = new Map<number, number>();
  const paragraphs = new Map<number, number>();
  let df: number;
  if (term.kind === 'entity' && term.concept !== undefined) {
    const bySurface = intersect((term.entityStems ?? []).map((s) => index.sentencePostings.get(s)));
    const byParagraphSurface = intersect((term.entityStems ?? []).map((s) => index.paragraphPostings.get(s)));
    addHits(sentences, index.conceptPostings.get(term.concept), 1);
    addHits(sentences, bySurface, 1);
    addHits(paragraphs, index.conceptParagraphs.get(term.concept), 1);
    addHits(paragraphs, byParagraphSurface, 1);
    df = sentences.size;
  } else {
    addHits(sentences, index.sentencePostings.get(term.stem), 1);
    addHits(paragraphs, index.paragraphPostings.get(term.stem), 1);
    df = sentences.size;
    for (const syn of [...term.synonyms, ...familyStems(index, term.stem)]) {
      addHits(sentences, index.sentencePostings.get(syn), synonymCredit);
      addHits(paragraphs, index.paragraphPostings.get(syn), synonymCredit);
    }
  }
  // Names, numbers and entities carry at least the weight of a rare word: they are what the
  // question is about, even when the article repeats them.
  const floor = term.kind === 'word' ? 0 : idf(Math.max(1, n / 20), n);
  return { term, weight: Math.max(idf(df, n), floor), sentences, paragraphs };
}

function typeEvidence(s: IndexedSentence, plan: QueryPlan): { typeOk: boolean; statesUnknown: boolean } {
  const target = INTENT_TARGETS[plan.intent];
  if (!target) return { typeOk: true, statesUnknown: false };
  if (s.unknown.has(target.unknown)) return { typeOk: true, statesUnknown: true };
  for (const type of target.types) {
    if (type === 'date' || type === 'quantity' || type === 'reason') {
      if (s.types.has(type)) return { typeOk: true, statesUnknown: false };
      continue;
    }
    // The entity that answers "who" must be one the question did not already name.
    for (const [concept, entityType] of s.entities) {
      if (!plan.concepts.has(concept) && (entityType === type || (type === 'organization' && entityType === 'group'))) return { typeOk: true, statesUnknown: false };
    }
  }
  return { typeOk: false, statesUnknown: false };
}

/**
 * Ranks the sentences of the index for a question. Confidence is the IDF-weighted share of
 * the question's terms that a sentence accounts for (a synonym or a paragraph neighbour earns
 * partial credit), times penalties for a missing answer type, a contradiction, or a missing
 * key entity/number/name. Comparable across questions and knowledge sizes. Best first.
 */
export function rankSentences(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS): RankedSentence[] {
  if (plan.terms.length === 0 || index.sentences.length === 0) return [];
  const hits = plan.terms.map((t) => collectHits(index, t, options.synonymCredit));
  const totalWeight = hits.reduce((sum, h) => sum + h.weight, 0);
  if (totalWeight <= 0) return [];

  const candidates = new Set<number>();
  for (const h of hits) for (const i of h.sentences.keys()) candidates.add(i);
  const target = INTENT_TARGETS[plan.intent];
  if (target) {
    // A sentence that says the asked-for thing is unknown may share no word with the question:
    // its paragraph does.
    const touched = new Set<number>();
    for (const i of candidates) touched.add(index.sentences[i]?.paragraph ?? -1);
    for (const p of touched) {
      for (let i = index.paragraphStart[p] ?? 0; i < (index.paragraphEnd[p] ?? 0); i++) {
        if (index.sentences[i]?.unknown.has(target.unknown)) candidates.add(i);
      }
    }
  }

  const ranked: (RankedSentence & { score: number })[] = [];
  for (const i of candidates) {
    const s = index.sentences[i];
    if (!s) continue;
    let matchedWeight = 0;
    let keyMissing = false;
    let contradiction = false;
    const matched: string[] = [];
    const missing: string[] = [];
    for (const h of hits) {
      const inSentence = h.sentences.get(i) ?? 0;
      const inParagraph = (h.paragraphs.get(s.paragraph) ?? 0) * options.paragraphCredit;
      const credit = Math.max(inSentence, inParagraph);
      matchedWeight += h.weight * credit;
      if (inSentence > 0) matched.push(h.term.text);
      else if (inParagraph > 0) matched.push(`~${h.term.text}`);
      else {
        missing.push(h.term.text);
        if (h.term.kind !== 'word') keyMissing = true;
      }
      if (inSentence === 0 && h.term.antonyms.some((a) => s.stems.has(a))) contradiction = true;
    }
    const coverage = matchedWeight / totalWeight;
    const { typeOk, statesUnknown } = typeEvidence(s, plan);
    let confidence = coverage;
    if (!typeOk) confidence *= options.missingTypePenalty;
    if (contradiction) confidence *= options.contradictionPenalty;
    if (keyMissing) confidence *= options.missingKeyPenalty;
    // Ties go to the sentence that matched more in itself, then to the shorter one.
    const direct = matched.filter((m) => !m.startsWith('~')).length / hits.length;
    const score = confidence + 0.01 * direct + 0.001 / (1 + s.length / index.averageLength);
    ranked.push({ index: i, confidence, coverage, matched, missing, typeOk, statesUnknown, contradiction, keyMissing, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, options.limit).map(({ score: _score, ...r }) => r);
}
