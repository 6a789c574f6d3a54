import { answerFeatures, cheapSlack, explanationOf, F, FEATURE_NAMES, fillFeatures, questionFacts, type FeatureExplanation, type FullEvidence, type PreparedTerm, type QuestionFacts, type SpeakerMatcher } from './features.ts';
import { INTENT_TARGETS } from './intent.ts';
import { logit, sigmoid } from './model.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.ts';
import { activateTable, hasAllEntityWords, scanArticle, type QuestionTable } from './question-table.ts';
import type { QueryPlan } from './question.ts';
import type { RetrievedArticles } from './retrieve.ts';
import { averageLength, UNKNOWN_ASPECTS, UNKNOWN_SHIFT, TYPE_SHIFT, ANSWER_TYPES, type MatcherIndex } from './search-index.ts';

/** A sentence the ranking scored, with why. */
export interface RankedSentence {
  /** Index of the sentence in the index. */
  index: number;
  /** 0–1: the answer model's probability that this sentence, ranked where it is, answers the question. */
  confidence: number;
  /** The ranking model's log-odds: the order. */
  score: number;
  /** The features it was scored by, in `FEATURE_NAMES` order. */
  features: Float64Array;
  explanation: FeatureExplanation;
  /** Another sentence among the best `limit` that matches the question at least as fully says the opposite (set on the best only). */
  disputed?: boolean;
}

/** How many of the articles a question is most about have every sentence considered. */
const ARTICLES_IN_FULL = 2;

/** Slack for comparing a bound with a score computed in another order: bounds are never trusted to the last bit. */
const EPSILON = 1e-9;

/** Feature positions of coverage, for the disputed rule. */
const COVER = FEATURE_NAMES.flatMap((n, k) => (/^cover/.test(n) ? [k] : []));

/*
 * Candidates (the same for both paths): every sentence holding a form of a question term (its
 * exact or related words, its entity's concept, an affiliated concept, the entity's first word);
 * every sentence of the ARTICLES_IN_FULL articles whose sentences and subjects hold the most of
 * the question's weight (the answer may share no word with it: "The virus has killed …" for "How
 * many people has Ebola killed?"); and, for a typed question, the sentences of the paragraphs
 * touched so far that say the asked-for thing is unknown. With `within`, exactly those sentences.
 *
 * The exhaustive path scores every candidate. The pruned path (default) gets the articles that
 * hold any key from the retriever, bounds the best score any sentence of each can reach from
 * what the article holds (`ArticleBounds`), and scores articles best bound first: a sentence's
 * cheap features (all but word order) plus what word order could add bound it again, and only
 * those that can still enter the best `limit` are scored in full. It stops when the next
 * article's bound is below the `limit`-th best score, and returns exactly what the exhaustive
 * path returns.
 */

/** Which articles' every sentence is a candidate: the two holding the most of the question's weight (ties: the first loaded). */
function articlesInFull(index: MatcherIndex, facts: QuestionFacts, touched: ArrayLike<number>, count: number, holds: (a: number, k: number) => boolean): Set<number> {
  const best: { a: number; w: number }[] = [];
  for (let x = 0; x < count; x++) {
    const a = touched[x] as number;
    let w = 0;
    for (let k = 0; k < facts.terms.length; k++) if (holds(a, k)) w += (facts.terms[k] as PreparedTerm).weight;
    best.push({ a, w });
    best.sort((p, q) => q.w - p.w || p.a - q.a);
    if (best.length > ARTICLES_IN_FULL) best.pop();
  }
  return new Set(best.map((b) => b.a));
}

/** The best `limit` so far, best first (score, then lower index). */
class TopList {
  readonly items: RankedSentence[] = [];
  constructor(private readonly limit: number) {}
  /** The lowest score that can still enter, or -Infinity while there is room. */
  get floor(): number {
    return this.items.length >= this.limit ? (this.items[this.limit - 1] as RankedSentence).score : -Infinity;
  }
  add(r: RankedSentence): void {
    let at = this.items.length;
    while (at > 0 && before(r, this.items[at - 1] as RankedSentence)) at--;
    if (at >= this.limit) return;
    this.items.splice(at, 0, r);
    if (this.items.length > this.limit) this.items.pop();
  }
}

function before(a: RankedSentence, b: RankedSentence): boolean {
  return a.score > b.score || (a.score === b.score && a.index < b.index);
}

/** Scores sentences of one article for a question, cheap bound first. */
class Scorer {
  private readonly values = new Float64Array(FEATURE_NAMES.length);
  private readonly modes: Uint8Array;
  /** Sentences scored in full (for tests and the bench). */
  fullyScored = 0;
  constructor(
    private readonly index: MatcherIndex,
    private readonly plan: QueryPlan,
    private readonly facts: QuestionFacts,
    private readonly options: MatchOptions,
    private readonly speaks?: SpeakerMatcher,
  ) {
    this.modes = new Uint8Array(facts.terms.length);
  }
  /** The cheap bound of sentence i (its article scanned). */
  bound(i: number): number {
    const { index, plan, facts, values, modes } = this;
    fillFeatures(index, plan, facts, facts.scan, i, true, values, modes, this.speaks);
    return logit(this.options.model.weights, values) + cheapSlack(plan, facts, this.options.model.weights, values, modes, facts.scan, i);
  }
  /** Sentence i scored in full (its article scanned). */
  full(i: number): RankedSentence {
    const values = new Float64Array(FEATURE_NAMES.length);
    const modes = new Uint8Array(this.facts.terms.length);
    const evidence: FullEvidence = { predicate: { conflict: false, support: false, contradicts: false } };
    const ev = fillFeatures(this.index, this.plan, this.facts, this.facts.scan, i, false, values, modes, this.speaks, evidence);
    this.fullyScored++;
    return { index: i, confidence: 0, score: logit(this.options.model.weights, values), features: values, explanation: explanationOf(this.facts, modes, ev, evidence.predicate) };
  }
}

/** True when sentence i says the thing a typed question asks for is not known. */
function statesUnknownBit(plan: QueryPlan): number {
  const target = INTENT_TARGETS[plan.intent];
  return target ? 1 << (UNKNOWN_SHIFT + UNKNOWN_ASPECTS.indexOf(target.unknown)) : 0;
}

/** Calls `fn` on each candidate sentence of the scanned article. */
function forEachCandidate(index: MatcherIndex, facts: QuestionFacts, unknownBit: number, inFull: boolean, fn: (i: number) => void): void {
  const scan = facts.scan;
  for (let o = 0; o < scan.count; o++) {
    const i = scan.first + o;
    const candidate = scan.keys[o] !== 0 || inFull || (unknownBit !== 0 && ((index.sentFlags[i] as number) & unknownBit) !== 0 && scan.paraKeys[scan.paragraphOf[o] as number] !== 0);
    if (candidate) fn(i);
  }
}

/**
 * Upper bounds on the score of any sentence of an article, from which terms the article can
 * match at all (`reach`): each term at its best way of being found, the penalties for terms it
 * cannot match at all, and the article's own best (length, lead, type evidence). Additive over
 * terms, so an article missing the question's rare words is bounded low.
 */
export class ArticleBounds {
  private readonly gain: Float64Array;
  private readonly share: Float64Array;
  private readonly base: number;
  private readonly w: readonly number[];
  constructor(
    private readonly index: MatcherIndex,
    private readonly plan: QueryPlan,
    private readonly facts: QuestionFacts,
    weights: readonly number[],
    private readonly speaks: boolean,
  ) {
    const w = (this.w = weights);
    const wf = (k: number): number => w[k] ?? 0;
    const n = facts.terms.length;
    const total = facts.total > 0 ? facts.total : 1;
    const table = facts.table;
    this.gain = new Float64Array(n);
    this.share = new Float64Array(n);
    let base = wf(F.bias) + wf(F.idfMass) * Math.min(1, Math.log1p(facts.total) / 4);
    const typed = INTENT_TARGETS[plan.intent] !== undefined;
    if (typed) base += wf(F.typedIntent);
    if (plan.intent === 'confirm') base += wf(F.confirmIntent);
    const coverOf = { entity: F.coverEntity, number: F.coverNumber, head: F.coverHead, verb: F.coverVerb, word: F.coverWord, modifier: F.coverModifier } as const;
    let maxShare = 0;
    const count = (pred: (t: PreparedTerm) => boolean): number => facts.terms.filter(pred).length;
    // A penalty (or bonus) that holds unless every term of a kind is found: at its worst in the base, and each term of the kind takes back an equal part.
    const allOrNothing = (feature: number, members: (t: PreparedTerm) => boolean): void => {
      const m = count(members);
      if (m === 0) return;
      const wk = wf(feature);
      base += wk;
      if (wk < 0) facts.terms.forEach((t, k) => {
        if (members(t)) this.gain[k] = (this.gain[k] as number) - wk / m;
      });
    };
    facts.terms.forEach((t, k) => {
      const share = t.weight / total;
      this.share[k] = share;
      maxShare = Math.max(maxShare, share);
      const bit = 1 << k;
      const direct = wf(coverOf[t.kind]) * share + wf(F.articleCoverage) * share + wf(F.directShare) / n;
      const modes = [0, direct, direct + wf(F.onlyRelated) * share];
      if (t.kind !== 'number') {
        if (!(table.conceptTerms & bit)) modes.push(direct + wf(F.onlyBroader) * share);
        if (table.entityKind & bit) modes.push((wf(F.viaPronoun) + wf(F.articleCoverage)) * share);
        for (const f of [F.inParagraph, F.inSubject, F.inArticle]) modes.push((wf(f) + wf(F.articleCoverage)) * share);
      }
      this.gain[k] = Math.max(...modes);
    });
    allOrNothing(F.missingEntity, (t) => t.kind === 'entity');
    allOrNothing(F.missingNumber, (t) => t.kind === 'number');
    allOrNothing(F.missingHead, (t) => t.kind === 'head');
    allOrNothing(F.missingVerb, (t) => t.kind === 'verb');
    allOrNothing(F.missingSelective, (t) => t.term.selective === true);
    if (facts.terms.some((t) => t.term.antonyms.length > 0)) base += Math.max(0, wf(F.antonym));
    // The most missing share: its worst in the base; finding a term takes back at most its share.
    base += wf(F.maxMissing) * maxShare;
    if (wf(F.maxMissing) < 0) facts.terms.forEach((_, k) => (this.gain[k] = (this.gain[k] as number) - wf(F.maxMissing) * (this.share[k] as number)));
    const content = count((t) => t.kind !== 'entity' && t.kind !== 'number' && t.kind !== 'modifier');
    if (content > 0) {
      base += wf(F.missingWords) * Math.min(1, content / 3);
      if (wf(F.missingWords) < 0) facts.terms.forEach((t, k) => {
        if (t.kind !== 'entity' && t.kind !== 'number' && t.kind !== 'modifier') this.gain[k] = (this.gain[k] as number) - wf(F.missingWords) / 3;
      });
    }
    base += Math.max(0, wf(F.negationMismatch)) + Math.max(0, wf(F.roleConflict)) + Math.max(0, wf(F.nameConflict)) + Math.max(0, wf(F.leadSentence));
    if (plan.intent === 'confirm' && plan.predicate) base += Math.max(0, wf(F.roleSupport));
    if (plan.defines !== undefined) base += Math.max(0, wf(F.definition));
    if (plan.intent === 'stance') base += this.speaks ? Math.max(wf(F.speakerClaim), wf(F.speakerMissing)) : wf(F.speakerMissing);
    this.base = base;
  }

  /** The bound for article a, which can match the terms in `reach`. */
  of(a: number, reach: number): number {
    const { index, facts, w } = this;
    const wf = (k: number): number => w[k] ?? 0;
    let z = this.base;
    let share = 0;
    for (let k = 0; k < facts.terms.length; k++) {
      if (!(reach & (1 << k))) continue;
      z += this.gain[k] as number;
      share += this.share[k] as number;
    }
    const avg = Math.max(1, averageLength(index));
    const k1 = 1.2;
    const b = 0.75;
    const minLength = index.articleMinLength[a] as number;
    const maxLength = index.articleMaxLength[a] as number;
    if (wf(F.bm25Share) > 0) z += wf(F.bm25Share) * share * ((1 + k1 * (1 - b)) / (1 + k1 * (1 - b + (b * minLength) / avg)));
    const short = (len: number): number => Math.max(0, 1 - len / Math.max(1, 2 * averageLength(index)));
    z += wf(F.shortSentence) >= 0 ? wf(F.shortSentence) * short(minLength) : wf(F.shortSentence) * short(maxLength);
    z += wf(F.longArticle) * Math.min(1, Math.max(0, ((index.articleParaStart[a + 1] as number) - (index.articleParaStart[a] as number) - 1) / 5));
    z += this.typeBound(a);
    return z;
  }

  /** The best the answer-type features can do in article a. */
  private typeBound(a: number): number {
    const target = INTENT_TARGETS[this.plan.intent];
    if (!target) return 0;
    const wf = (k: number): number => this.w[k] ?? 0;
    const flags = this.index.articleFlags[a] as number;
    const options = [wf(F.typeMissing)];
    if (flags & (1 << (UNKNOWN_SHIFT + UNKNOWN_ASPECTS.indexOf(target.unknown)))) options.push(wf(F.statesUnknown));
    const hasType = target.types.some((type) => flags & (1 << (TYPE_SHIFT + ANSWER_TYPES.indexOf(type))));
    // Who and where may be answered by a name or a place after a preposition, whatever the build typed.
    if (hasType || this.plan.intent === 'who' || this.plan.intent === 'where') options.push(target.types.includes('quantity') ? Math.max(0, wf(F.typeCounted)) : 0);
    return Math.max(...options);
  }
}

/** Articles by bound, highest first: a binary max-heap over parallel arrays. */
class ArticleHeap {
  /** The bound of the article `pop` returned last. */
  bound = 0;
  private size: number;
  constructor(
    private readonly bounds: Float64Array,
    private readonly ids: Uint32Array,
  ) {
    this.size = ids.length;
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i);
  }
  /** The article with the highest bound left, or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const { bounds, ids } = this;
    this.bound = bounds[0] as number;
    const a = ids[0] as number;
    this.size--;
    bounds[0] = bounds[this.size] as number;
    ids[0] = ids[this.size] as number;
    this.down(0);
    return a;
  }
  private down(start: number): void {
    const { bounds, ids } = this;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) return;
      const r = l + 1;
      const c = r < this.size && (bounds[r] as number) > (bounds[l] as number) ? r : l;
      if ((bounds[c] as number) <= (bounds[i] as number)) return;
      const tb = bounds[i] as number;
      bounds[i] = bounds[c] as number;
      bounds[c] = tb;
      const ti = ids[i] as number;
      ids[i] = ids[c] as number;
      ids[c] = ti;
      i = c;
    }
  }
}

/**
 * Ranks sentences for a question: candidates, each one's features (the one `fillFeatures`),
 * the model's score, best first; the best `limit`. The pruned path (default) returns the same
 * sentences, scores and features as `exhaustive`, scoring in full only those that can still
 * enter the best `limit`. `within` restricts the candidates to those sentences; `speaks` tells a
 * stance question's speaker's claims.
 */
export function rankSentences(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, exhaustive = false, within?: ReadonlySet<number>, speaks?: SpeakerMatcher): RankedSentence[] {
  return rankWithStats(index, plan, options, exhaustive, within, speaks).ranked;
}

/** What a ranking did: for tests and the bench. */
export interface RankStats {
  ranked: RankedSentence[];
  /** Articles whose sentences were matched, and sentences scored in full. */
  articlesScanned: number;
  fullyScored: number;
}

/** `rankSentences`, with how much work it took. */
export function rankWithStats(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, exhaustive = false, within?: ReadonlySet<number>, speaks?: SpeakerMatcher): RankStats {
  if (plan.terms.length === 0 || index.liveSentences === 0) return { ranked: [], articlesScanned: 0, fullyScored: 0 };
  const facts = questionFacts(index, plan);
  if (facts.total <= 0) return { ranked: [], articlesScanned: 0, fullyScored: 0 };
  const limit = Math.max(options.limit, 1);
  const scorer = new Scorer(index, plan, facts, options, speaks);
  let scanned = 0;
  const scan = (a: number): void => {
    activateTable(index, facts.table);
    scanArticle(index, facts.table, a, facts.scan);
    scanned++;
  };
  let scored: RankedSentence[];
  if (within) {
    const byArticle = new Map<number, number[]>();
    for (const i of [...within].sort((x, y) => x - y)) {
      const a = index.sentArticle[i] as number;
      byArticle.set(a, [...(byArticle.get(a) ?? []), i]);
    }
    if (exhaustive) {
      scored = [];
      for (const [a, list] of byArticle) {
        scan(a);
        for (const i of list) scored.push(scorer.full(i));
      }
    } else {
      const bounds: { i: number; a: number; z: number }[] = [];
      for (const [a, list] of byArticle) {
        scan(a);
        for (const i of list) bounds.push({ i, a, z: scorer.bound(i) });
      }
      bounds.sort((x, y) => y.z - x.z || x.i - y.i);
      const top = new TopList(limit);
      for (const { i, a, z } of bounds) {
        if (z + EPSILON < top.floor) break;
        scan(a);
        top.add(scorer.full(i));
      }
      scored = top.items;
    }
  } else if (exhaustive) {
    scored = exhaustiveCandidates(index, plan, facts, scan).map((i) => {
      scan(index.sentArticle[i] as number);
      return scorer.full(i);
    });
  } else {
    scored = pruned(index, plan, facts, options, scorer, scan, limit, speaks !== undefined);
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  // Whether each sentence, were it the best, answers: the answer model, against the next best score.
  scored.forEach((r, k) => {
    const other = k === 0 ? scored[1]?.score : scored[0]?.score;
    r.confidence = sigmoid(logit(options.model.answerWeights, answerFeatures(r, other, plan.intent === 'what')));
  });
  const best = scored[0];
  if (best) {
    // A sentence among the best that matches the question at least as fully as the best one but says the opposite leaves it disputed.
    const coverage = (r: RankedSentence): number => COVER.reduce((sum, k) => sum + (r.features[k] ?? 0), 0);
    const bestCoverage = coverage(best);
    if (scored.slice(0, limit).some((r) => r !== best && r.explanation.opposite && coverage(r) >= bestCoverage)) best.disputed = true;
  }
  return { ranked: scored.slice(0, limit), articlesScanned: scanned, fullyScored: scorer.fullyScored };
}

/** Every candidate sentence, by reading every article: the reference the pruned path must equal. */
function exhaustiveCandidates(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, scan: (a: number) => void): number[] {
  const table = facts.table;
  const touched: number[] = [];
  const holds = new Map<number, number>();
  const entityWords = new Map<number, Int32Array>();
  for (let a = 0; a < index.articleCount; a++) {
    if (index.removed[a]) continue;
    scan(a);
    if (facts.scan.articleKeys === 0) continue;
    touched.push(a);
    holds.set(a, facts.scan.articleWords | facts.scan.subjectConcepts);
    entityWords.set(a, facts.scan.articleEntityWords.slice(0, table.esWords));
  }
  const inFull = articlesInFull(index, facts, touched, touched.length, (a, k) => articleHolds(table, k, holds.get(a) as number, entityWords.get(a) as Int32Array, 0));
  const unknownBit = statesUnknownBit(plan);
  const out: number[] = [];
  for (const a of touched) {
    scan(a);
    forEachCandidate(index, facts, unknownBit, inFull.has(a), (i) => out.push(i));
  }
  return out;
}

/** Whether an article weighs in for term k: its sentences hold the term's words, or (an entity) it is a subject or its sentences hold all its words. */
function articleHolds(table: QuestionTable, k: number, hit: number, entityWords: Int32Array, base: number): boolean {
  const bit = 1 << k;
  if (hit & bit) return true;
  return (table.conceptTerms & bit) !== 0 && hasAllEntityWords(table, k, entityWords, base);
}

function pruned(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, options: MatchOptions, scorer: Scorer, scan: (a: number) => void, limit: number, speaks: boolean): RankedSentence[] {
  const table = facts.table;
  const got: RetrievedArticles = options.retriever.retrieve(index, table);
  const W = table.esWords;
  const inFull = articlesInFull(index, facts, got.touched, got.count, (a, k) => articleHolds(table, k, got.hit[a] as number, got.entityWords, a * W));
  const bounds = new ArticleBounds(index, plan, facts, options.model.weights, speaks);
  const n = got.count;
  const keys = new Float64Array(n);
  const ids = new Uint32Array(n);
  for (let x = 0; x < n; x++) {
    const a = got.touched[x] as number;
    ids[x] = a;
    keys[x] = bounds.of(a, got.reach[a] as number);
  }
  const heap = new ArticleHeap(keys, ids);
  const top = new TopList(limit);
  const unknownBit = statesUnknownBit(plan);
  for (let a = heap.pop(); a >= 0; a = heap.pop()) {
    if (heap.bound + EPSILON < top.floor) break;
    scan(a);
    forEachCandidate(index, facts, unknownBit, inFull.has(a), (i) => {
      if (top.items.length >= limit && scorer.bound(i) + EPSILON < top.floor) return;
      top.add(scorer.full(i));
    });
  }
  return top.items;
}
