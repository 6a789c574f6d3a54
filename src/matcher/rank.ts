import { answerFeatures, computeFeatures, FEATURE_NAMES, questionFacts, type FeatureExplanation, type PreparedTerm, type QuestionFacts, type SpeakerMatcher } from './features.ts';
import { INTENT_TARGETS } from './intent.ts';
import { logit, sigmoid } from './model.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.ts';
import type { QueryPlan } from './question.ts';
import type { MatcherIndex } from './search-index.ts';

/** A sentence the ranking scored, with why. */
export interface RankedSentence {
  /** Index into `MatcherIndex.sentences`. */
  index: number;
  /** 0–1: the answer model's probability that this sentence, ranked where it is, answers the question. */
  confidence: number;
  /** The ranking model's log-odds: the order. */
  score: number;
  /** The features it was scored by, in `FEATURE_NAMES` order. */
  features: Float64Array;
  explanation: FeatureExplanation;
  /** Another sentence that matches the question at least as fully says the opposite (set on the best only). */
  disputed?: boolean;
}

/** How many of the articles a question is most about have every sentence considered. */
const ARTICLES_IN_FULL = 2;

/** Feature positions that are costly to compute (word order, roles, definitions): bounded, not computed, until a sentence may win. */
const COVER = FEATURE_NAMES.flatMap((n, k) => (/^cover|^directShare$/.test(n) ? [k] : []));
const COSTLY = ['roleConflict', 'nameConflict', 'roleSupport', 'definition', 'typeMissing', 'negationMismatch'].map((n) => FEATURE_NAMES.indexOf(n as (typeof FEATURE_NAMES)[number]));

/**
 * Candidates: sentences holding a form of a question term (its stems, related stems, entity or
 * affiliated concepts), those that say the asked-for thing is unknown in the paragraphs touched,
 * and, with `terms`, only the postings of those terms.
 */
function retrieve(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, terms: QuestionFacts['terms']): number[] {
  const seen = new Uint8Array(index.sentences.length);
  const out: number[] = [];
  const add = (postings: Int32Array | undefined): void => {
    if (!postings) return;
    for (const i of postings) {
      if (seen[i]) continue;
      seen[i] = 1;
      out.push(i);
    }
  };
  for (const t of terms) {
    if (t.term.kind === 'entity' && t.term.concept !== undefined) {
      add(index.conceptPostings.get(t.term.concept));
      for (const a of t.affiliated) add(index.conceptPostings.get(a));
      const first = t.term.entityStems?.[0];
      if (first !== undefined) add(index.sentencePostings.get(first));
    } else {
      for (const s of t.exact) add(index.sentencePostings.get(s));
      for (const s of t.related) add(index.sentencePostings.get(s));
    }
  }
  // Every sentence of the articles the question is most about: the answer may share no word
  // with it ("The virus has killed …" for "How many people has Ebola killed?").
  const articleWeight = new Map<number, number>();
  for (const i of out) {
    const a = index.sentences[i]?.article ?? 0;
    if (articleWeight.has(a)) continue;
    const stems = index.articleStems[a] as ReadonlySet<string>;
    const concepts = index.articleSubjects[a] as ReadonlySet<string>;
    let w = 0;
    for (const t of facts.terms) {
      const hit = t.term.kind === 'entity' && t.term.concept !== undefined ? concepts.has(t.term.concept) || (t.term.entityStems ?? []).every((x) => stems.has(x)) : t.exact.some((x) => stems.has(x)) || t.related.some((x) => stems.has(x));
      if (hit) w += t.weight;
    }
    articleWeight.set(a, w);
  }
  const topArticles = [...articleWeight].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, ARTICLES_IN_FULL);
  for (const [a] of topArticles) {
    for (let i = index.articleStart[a] ?? 0; i < (index.articleEnd[a] ?? 0); i++) {
      if (seen[i]) continue;
      seen[i] = 1;
      out.push(i);
    }
  }
  const target = INTENT_TARGETS[plan.intent];
  if (target) {
    // A sentence that says the asked-for thing is unknown may share no word with the question: its paragraph does.
    const paragraphs = new Set(out.map((i) => index.sentences[i]?.paragraph ?? -1));
    for (const p of paragraphs) {
      for (let i = index.paragraphStart[p] ?? 0; i < (index.paragraphEnd[p] ?? 0); i++) {
        if (!seen[i] && index.sentences[i]?.unknown.has(target.unknown)) {
          seen[i] = 1;
          out.push(i);
        }
      }
    }
  }
  return out;
}

/** The most the model's log-odds can be for a sentence missing every one of `missingShare` of the question's weight, all else at its best. */
function bestCase(weights: readonly number[], coveredShare: number): number {
  let z = 0;
  FEATURE_NAMES.forEach((name, k) => {
    const w = weights[k] ?? 0;
    if (name === 'bias') z += w;
    else if (COVER.includes(k)) z += Math.max(0, w) * coveredShare;
    else if (/^(?:inParagraph|viaPronoun|inSubject)$/.test(name)) z += Math.max(0, w);
    else z += Math.max(0, w);
  });
  return z;
}

/**
 * Ranks sentences for a question: retrieve candidates, compute each one's features (the one
 * `computeFeatures`), score them with the model, best first. The pruned path (default) reads
 * the postings of the rarest terms only, as many as a sentence needs to reach the closest-passage
 * floor, and scores in full only sentences whose bound can still enter the top `limit`; it
 * returns the same top sentences as `exhaustive`, which scores every candidate. `within`
 * restricts the ranking to those sentences; `speaks` tells a stance question's speaker's claims.
 */
export function rankSentences(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, exhaustive = false, within?: ReadonlySet<number>, speaks?: SpeakerMatcher): RankedSentence[] {
  if (plan.terms.length === 0 || index.sentences.length === 0) return [];
  const facts = questionFacts(index, plan);
  if (facts.total <= 0) return [];
  const weights = options.model.weights;

  // MaxScore: the rarest terms, enough that a sentence holding none of them cannot reach the floor.
  let terms = facts.terms;
  if (!exhaustive) {
    const byWeight = [...facts.terms].sort((a, b) => b.weight - a.weight);
    let rest = facts.total;
    const needed: PreparedTerm[] = [];
    // The bound is on the ranking score: a sentence that holds none of the rarest terms ranks
    // below any that holds them all, as long as it cannot score above the ranking's own floor.
    const floorScore = options.model.rankFloor;
    for (const t of byWeight) {
      needed.push(t);
      rest -= t.weight;
      if (bestCase(weights, rest / facts.total) < floorScore) break;
    }
    terms = needed;
  }
  let candidates = retrieve(index, plan, facts, terms);
  if (within) candidates = candidates.filter((i) => within.has(i));
  for (const i of within ?? []) if (!candidates.includes(i)) candidates.push(i);

  const full = (i: number): RankedSentence => {
    const f = computeFeatures(index, plan, facts, i, options, speaks);
    const z = logit(weights, f.values);
    return { index: i, confidence: 0, score: z, features: f.values, explanation: f.explanation };
  };
  let scored: RankedSentence[];
  if (exhaustive) scored = candidates.map(full);
  else {
    // A cheap bound per candidate: its coverage features exactly, the costly ones at their best.
    const bounds = candidates.map((i) => {
      const f = computeFeatures(index, plan, facts, i, options, speaks, true);
      let z = logit(weights, f.values);
      for (const k of COSTLY) {
        const w = weights[k] ?? 0;
        z += Math.max(0, w) - w * (f.values[k] ?? 0);
      }
      return { i, z };
    });
    bounds.sort((a, b) => b.z - a.z || a.i - b.i);
    scored = [];
    let kth = -Infinity;
    for (const { i, z } of bounds) {
      if (scored.length >= options.limit && z < kth) break;
      if (scored.length >= options.maxScored) break;
      const r = full(i);
      scored.push(r);
      if (scored.length >= options.limit) kth = [...scored].sort((a, b) => b.score - a.score)[options.limit - 1]?.score ?? -Infinity;
    }
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  // Whether each sentence, were it the best, answers: the answer model, against the next best score.
  scored.forEach((r, k) => {
    const other = k === 0 ? scored[1]?.score : scored[0]?.score;
    r.confidence = sigmoid(logit(options.model.answerWeights, answerFeatures(r, other, plan.intent === 'what')));
  });
  const best = scored[0];
  if (best) {
    // A sentence that matches the question at least as fully as the best one but says the opposite leaves it disputed.
    const coverage = (r: RankedSentence): number => COVER.reduce((sum, k) => sum + (FEATURE_NAMES[k] === 'directShare' ? 0 : (r.features[k] ?? 0)), 0);
    const bestCoverage = coverage(best);
    if (scored.some((r) => r !== best && r.explanation.opposite && coverage(r) >= bestCoverage)) best.disputed = true;
  }
  return scored.slice(0, Math.max(options.limit, 1));
}
