import { isStopWord, tokenize } from '../nlp/text.ts';
import { similarity, vectorId, wordVectors, type WordVectors } from '../nlp/vectors.ts';
import type { QueryPlan } from './question.ts';

/**
 * Paraphrase evidence from word vectors: how near in meaning a sentence's words come to each of the
 * question's words, where the exact, stem and WordNet matches leave off ("strong winds" against
 * "gusts", "killed" against "died"). Only the question's plain words take part; names and numbers are
 * matched by the other features. Two features for the ranking and answer models, both in [0, 1]:
 * - `semantic`: the question's words' mean nearness to their nearest word of the sentence (an exact
 *   word 1), each word weighted by its rarity;
 * - `semanticMiss`: the weighted share of question words with no word of the sentence near them.
 * Pure: the vectors are read-only data.
 */

/** Below this cosine, no word of the sentence stands for a question word (near words score 0.5–0.8: "quake" and "earthquake" 0.77, "killed" and "died" 0.66). */
const NEAR = 0.5;
/** A word's weight grows with the log of its frequency rank: the most frequent words weigh log 2, a word of rank 50 000 about log 1 000. */
const RANK_SCALE = 50;

/** A question's words as the semantic features read them: vector rows and weights, worked out once per question. */
export interface SemanticQuestion {
  vectors: WordVectors;
  words: readonly { norm: string; id: number; weight: number }[];
  total: number;
}

/** The question's content words that have vectors (the words of its word terms, stop words left out). */
export function semanticQuestion(plan: QueryPlan): SemanticQuestion {
  const vectors = wordVectors();
  const seen = new Set<string>();
  const words: { norm: string; id: number; weight: number }[] = [];
  for (const term of plan.terms) {
    // Names and numbers must match as written: their vectors put France next to Germany and 7 next to 8.
    if (term.kind !== 'word') continue;
    for (const t of tokenize(term.text)) {
      if (isStopWord(t.norm) || seen.has(t.norm)) continue;
      seen.add(t.norm);
      const id = vectorId(vectors, t.norm);
      if (id >= 0) words.push({ norm: t.norm, id, weight: Math.log(2 + id / RANK_SCALE) });
    }
  }
  return { vectors, words, total: words.reduce((s, w) => s + w.weight, 0) };
}

/** The two features for a sentence's text; both 0 when no question word has a vector. */
export function semanticFeatures(q: SemanticQuestion, text: string): { semantic: number; semanticMiss: number } {
  if (q.total === 0) return { semantic: 0, semanticMiss: 0 };
  const norms = new Set<string>();
  const ids: number[] = [];
  for (const t of tokenize(text)) {
    if (isStopWord(t.norm) || norms.has(t.norm)) continue;
    norms.add(t.norm);
    const id = vectorId(q.vectors, t.norm);
    if (id >= 0) ids.push(id);
  }
  let near = 0;
  let missed = 0;
  for (const w of q.words) {
    let best = norms.has(w.norm) ? 1 : 0;
    for (let k = 0; k < ids.length && best < 1; k++) best = Math.max(best, similarity(q.vectors, w.id, ids[k] as number));
    near += w.weight * best;
    if (best < NEAR) missed += w.weight;
  }
  return { semantic: near / q.total, semanticMiss: missed / q.total };
}
