import { answerFeatures, cheapSlack, explanationOf, F, FEATURE_NAMES, fillFeatures, fillSemantic, predicateVerbTerm, predicateVerbUnindexed, questionFacts, type FeatureExplanation, type FullEvidence, type PreparedTerm, type QuestionFacts, type SpeakerMatcher } from './features.ts';
import { INTENT_TARGETS } from './intent.ts';
import { logit, sigmoid } from './model.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.ts';
import { activateTable, articleContextByScan, createArticleContext, hasAllEntityWords, saysNegation, scanParagraph, sentenceMasks, type ArticleContext, type QuestionTable } from './question-table.ts';
import { postingCount } from './columns.ts';
import type { QueryPlan } from './question.ts';
import type { Retrieved } from './retrieve.ts';
import { ANSWER_TYPES, averageLength, MEASURE_SHIFT, NEGATED, TYPE_SHIFT, UNKNOWN_ASPECTS, UNKNOWN_SHIFT, type MatcherIndex } from './search-index.ts';

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

/** Slack for comparing a bound with a score added up in another order: far above rounding, far below any real difference. */
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
 * The exhaustive path reads every article and scores every candidate in full. The pruned path
 * (default) takes what the question's words reach from the retriever (the sentences holding them,
 * and what each article holds), bounds each candidate's score from the terms it holds itself and
 * those its article holds (`SentenceBounds`), and evaluates candidates best bound first: its
 * cheap features (all but word order) plus what word order could add bound it again, and only a
 * sentence that can still enter the best `depth` (the rerank's, at least `limit`) is scored in full. It stops at the first bound
 * below the `limit`-th best score, and returns exactly what the exhaustive path returns.
 */

/** Which articles' every sentence is a candidate: the two holding the most of the question's weight (ties: the first loaded). */
function articlesInFull(facts: QuestionFacts, touched: ArrayLike<number>, count: number, holds: (a: number, k: number) => boolean): Set<number> {
  const best: { a: number; w: number }[] = [];
  for (let x = 0; x < count; x++) {
    const a = touched[x] as number;
    let w = 0;
    for (let k = 0; k < facts.terms.length; k++) if (holds(a, k)) w += (facts.terms[k] as PreparedTerm).weight;
    if (best.length === ARTICLES_IN_FULL && !(w > (best[ARTICLES_IN_FULL - 1] as { w: number }).w || (w === (best[ARTICLES_IN_FULL - 1] as { w: number }).w && a < (best[ARTICLES_IN_FULL - 1] as { a: number }).a))) continue;
    best.push({ a, w });
    best.sort((p, q) => q.w - p.w || p.a - q.a);
    if (best.length > ARTICLES_IN_FULL) best.pop();
  }
  return new Set(best.map((b) => b.a));
}

/** Whether an article weighs in for term k: its sentences hold the term's words, or (an entity) it is a subject or its sentences hold all its words. */
function articleHolds(table: QuestionTable, k: number, words: number, subjectConcepts: number, entityWords: Int32Array, base: number): boolean {
  const bit = 1 << k;
  if (table.conceptTerms & bit) return (subjectConcepts & bit) !== 0 || hasAllEntityWords(table, k, entityWords, base);
  return (words & bit) !== 0;
}

/** The best `limit` so far, best first (score, then lower index). */
class TopList {
  readonly items: RankedSentence[] = [];
  constructor(private readonly limit: number) {}
  get full(): boolean {
    return this.items.length >= this.limit;
  }
  /** The lowest score that can still enter, or -Infinity while there is room. */
  get floor(): number {
    return this.full ? (this.items[this.limit - 1] as RankedSentence).score : -Infinity;
  }
  /** The index of the last of the best (a sentence of equal score and higher index cannot enter). */
  get floorIndex(): number {
    return this.full ? (this.items[this.limit - 1] as RankedSentence).index : Infinity;
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

/** Scores sentences for a question: the cheap pass as a bound, the full pass for those that can still win. */
class Scorer {
  private readonly values = new Float64Array(FEATURE_NAMES.length);
  private readonly modes: Uint8Array;
  /** Scores by content and context (see `memoKey`): a copy of a paragraph scores as the paragraph did, in a like article. */
  private readonly memo = new Map<string, { z: number; slack: number; full?: RankedSentence }>();
  /** Sentences scored cheaply and in full (for tests and the bench). */
  cheaplyScored = 0;
  fullyScored = 0;
  /** What the costly checks could add to the last cheap score (0: they can only lower it). */
  slack = 0;
  constructor(
    private readonly index: MatcherIndex,
    private readonly plan: QueryPlan,
    private readonly facts: QuestionFacts,
    private readonly options: MatchOptions,
    private readonly speaks?: SpeakerMatcher,
    /** Off for the exhaustive reference, so that it checks the memo too. */
    private readonly remember = true,
  ) {
    this.modes = new Uint8Array(facts.terms.length);
  }
  /**
   * What sentence i's features depend on: its paragraph's content class and its place in it (its
   * words, annotations, previous sentence and paragraph), what its article holds of the question,
   * the article's length and whether it leads it. Undefined when not remembering (or a speaker
   * test is given, which reads the sentence's claims).
   */
  private memoKey(i: number, context: ArticleContext): string | undefined {
    if (!this.remember || this.speaks) return undefined;
    const { index } = this;
    const p = index.sentParagraph[i] as number;
    const a = index.sentArticle[i] as number;
    let es = '';
    for (let w = 0; w < this.facts.table.esWords; w++) es += `${context.entityWords[w] as number},`;
    return `${index.paraClass[p] as number}|${i - (index.paraStart[p] as number)}|${context.words}|${es}|${context.subjectConcepts}|${context.subjectWords}|${(index.articleParaStart[a + 1] as number) - (index.articleParaStart[a] as number)}|${i === index.articleSentStart[a] ? 1 : 0}`;
  }
  /** Sentence i's cheap score (its paragraph scanned); sets `slack`. */
  cheap(i: number, context: ArticleContext): number {
    const key = this.memoKey(i, context);
    const known = key === undefined ? undefined : this.memo.get(key);
    if (known && !Number.isNaN(known.z)) {
      this.slack = known.slack;
      return known.z;
    }
    const { index, plan, facts, values, modes } = this;
    const scan = scanParagraph(index, facts.table, index.sentParagraph[i] as number, facts.paragraph);
    fillFeatures(index, plan, facts, scan, context, i, true, values, modes, this.speaks);
    this.cheaplyScored++;
    this.slack = cheapSlack(plan, facts, this.options.model.weights, values, modes, scan, i);
    const z = logit(this.options.model.weights, values);
    if (known) {
      known.z = z;
      known.slack = this.slack;
    } else if (key !== undefined) this.memo.set(key, { z, slack: this.slack });
    return z;
  }
  /** Sentence i scored in full. */
  full(i: number, context: ArticleContext): RankedSentence {
    const key = this.memoKey(i, context);
    const known = key === undefined ? undefined : this.memo.get(key);
    if (known?.full) return { index: i, confidence: 0, score: known.full.score, features: known.full.features, explanation: known.full.explanation };
    const { index, facts } = this;
    const scan = scanParagraph(index, facts.table, index.sentParagraph[i] as number, facts.paragraph);
    const values = new Float64Array(FEATURE_NAMES.length);
    const modes = new Uint8Array(facts.terms.length);
    const evidence: FullEvidence = { predicate: { conflict: false, support: false, contradicts: false } };
    const ev = fillFeatures(index, this.plan, facts, scan, context, i, false, values, modes, this.speaks, evidence);
    this.fullyScored++;
    const r: RankedSentence = { index: i, confidence: 0, score: logit(this.options.model.weights, values), features: values, explanation: explanationOf(facts, modes, ev, evidence.predicate) };
    if (key !== undefined) {
      if (known) known.full = r;
      else this.memo.set(key, { z: Number.NaN, slack: Number.NaN, full: r });
    }
    return r;
  }
  /**
   * Adds sentence i to `top` if it can enter: its cheap score plus slack must reach the floor,
   * and where word order can only lower it (no slack), a score no higher than the floor with a
   * higher index than the floor's cannot enter either (the cheap sum is, bit for bit, no lower
   * than the full one when only features with negative weights can turn on).
   */
  offer(i: number, context: ArticleContext, top: TopList): void {
    if (top.full) {
      const z = this.cheap(i, context);
      const slack = this.slack;
      if (z + slack + EPSILON < top.floor) return;
      if (slack === 0 && (z < top.floor || (z === top.floor && i > top.floorIndex))) return;
    }
    top.add(this.full(i, context));
  }
}

/** The flag bit of sentences saying what a typed question asks for is unknown (0 for other questions). */
function statesUnknownBit(plan: QueryPlan): number {
  const target = INTENT_TARGETS[plan.intent];
  return target ? 1 << (UNKNOWN_SHIFT + UNKNOWN_ASPECTS.indexOf(target.unknown)) : 0;
}

/** What a sentence is known to hold, for its bound. */
export interface Holding {
  /** Terms it may hold itself (an exact or related word, a negated form, a concept, an affiliated concept, an entity's word). */
  direct: number;
  /** Entity terms whose concept (or an affiliated one) it names: held for certain. */
  named: number;
  /** Whether its broader words and antonyms are known (`broader`, `antonym`); if not, any may be there. */
  broaderKnown: boolean;
  broader: number;
  antonym: number;
  /** Terms its paragraph holds as a whole (found through the paragraph or a pronoun), its article's subjects, its article's words (the article mode). */
  paragraph: number;
  subject: number;
  article: number;
}

/**
 * Upper bounds on a candidate's score without reading its words or its paragraph: from what it
 * is known to hold (`Holding`), each term at its best way of being found given that, every
 * penalty that certainly applies (a term found nowhere it could be), and the sentence's own
 * length, lead place, article length and answer-type and negation flags. Valid for any weights:
 * each feature takes the best value the sentence could still have.
 */
export class SentenceBounds {
  private readonly base: number;
  /** Per term, additive parts only: held directly (at best), by a broader word, through the paragraph (or a pronoun), the subject, the article. */
  private readonly direct: Float64Array;
  private readonly broader: Float64Array;
  private readonly paragraph: Float64Array;
  private readonly subject: Float64Array;
  private readonly article: Float64Array;
  private readonly shares: Float64Array;
  /** Terms by share, largest first. */
  private readonly byShare: number[];
  /** Shares, summed by halves of the term mask, for BM25. */
  private readonly lowShare: Float64Array;
  private readonly highShare: Float64Array;
  /** Term masks by kind. */
  private readonly entities: number;
  private readonly numbers: number;
  private readonly heads: number;
  private readonly verbs: number;
  private readonly content: number;
  private readonly selective: number;
  private readonly concepts: number;
  /** Terms a broader word can stand for (plain words and names), and terms with antonyms. */
  private readonly broadened: number;
  private readonly withAntonyms: number;
  private readonly w: readonly number[];
  /** The term the predicate's verb is (a yes/no question's roles are borne out only by a sentence holding it), and whether that verb may be a stop word. */
  private readonly predicateVerb: number;
  private readonly verbUnindexed: boolean;
  /** A negated question mismatches a sentence that is not negated unless (when it negates words) the sentence holds a negated form of a term. */
  private readonly negatedQuestion: boolean;
  private readonly negationForms: number;
  /** A negated question that names what its "not" negates: whether a sentence mismatches it is known once its stems are read (`negation`). */
  private readonly negatedWords: boolean;
  /** The kinds of figure a question asks for (`QueryPlan.measures`), and the weights of a sentence's figures matching them or not. */
  private readonly measures: number | undefined;
  private readonly measureMatch: number;
  private readonly measureMissing: number;
  /** Answer-type bounds: the flag of a sentence stating the asked-for thing unknown, the flags of typed sentences, and the values. */
  private readonly unknownFlag: number = 0;
  private readonly typeFlags: number = 0;
  private readonly typeAny: boolean = true;
  private readonly typeUnknown: number = 0;
  private readonly typeOk: number = 0;
  private readonly typeMissing: number = 0;
  private readonly avg: number;
  /** The weights `statics` reads for every candidate, looked up once (the same values: `penalty`'s and `w[…] ?? 0`). */
  private readonly bm25Weight: number;
  private readonly shortWeight: number;
  private readonly leadBest: number;
  private readonly supportBest: number;
  private readonly mismatchWeight: number;
  constructor(
    private readonly index: MatcherIndex,
    plan: QueryPlan,
    private readonly facts: QuestionFacts,
    weights: readonly number[],
    speaks: boolean,
  ) {
    const w = (this.w = weights);
    const wf = (k: number): number => w[k] ?? 0;
    const n = facts.terms.length;
    const total = facts.total > 0 ? facts.total : 1;
    const table = facts.table;
    this.avg = Math.max(1, averageLength(index));
    this.bm25Weight = wf(F.bm25Share);
    this.shortWeight = wf(F.shortSentence);
    this.leadBest = Math.max(0, wf(F.leadSentence));
    this.supportBest = Math.max(0, wf(F.roleSupport));
    this.mismatchWeight = wf(F.negationMismatch);
    this.direct = new Float64Array(n);
    this.broader = new Float64Array(n);
    this.paragraph = new Float64Array(n);
    this.subject = new Float64Array(n);
    this.article = new Float64Array(n);
    this.shares = new Float64Array(n);
    let base = wf(F.bias) + wf(F.idfMass) * Math.min(1, Math.log1p(facts.total) / 4);
    if (INTENT_TARGETS[plan.intent] !== undefined) base += wf(F.typedIntent);
    if (plan.intent === 'confirm') base += wf(F.confirmIntent);
    base += Math.max(0, wf(F.roleConflict)) + Math.max(0, wf(F.nameConflict));
    const verbTerm = predicateVerbTerm(plan, facts);
    this.predicateVerb = verbTerm >= 0 ? 1 << verbTerm : 0;
    this.verbUnindexed = plan.intent === 'confirm' && plan.predicate !== undefined && predicateVerbUnindexed(plan);
    // A verb that is a stop word ("have") may stand in any sentence: support is always possible.
    if (this.verbUnindexed) base += Math.max(0, wf(F.roleSupport));
    if (plan.defines !== undefined) base += Math.max(0, wf(F.definition));
    if (plan.identifies !== undefined) base += Math.max(0, wf(F.identity));
    if (facts.events.verbs.size > 0) base += Math.max(0, wf(F.countEvent));
    if (plan.intent === 'stance') base += speaks ? Math.max(wf(F.speakerClaim), wf(F.speakerMissing)) : wf(F.speakerMissing);
    this.negatedQuestion = plan.negated;
    this.negatedWords = plan.negated && plan.negatedStems.size > 0;
    this.measures = plan.measures;
    this.measureMatch = wf(F.measureMatch);
    this.measureMissing = wf(F.measureMissing);
    const coverOf = { entity: F.coverEntity, number: F.coverNumber, head: F.coverHead, verb: F.coverVerb, word: F.coverWord, modifier: F.coverModifier } as const;
    let entities = 0;
    let numbers = 0;
    let heads = 0;
    let verbs = 0;
    let content = 0;
    let selective = 0;
    let broadened = 0;
    let withAntonyms = 0;
    let negationForms = 0;
    facts.terms.forEach((t, k) => {
      const bit = 1 << k;
      if (t.kind === 'entity') entities |= bit;
      if (t.kind === 'number') numbers |= bit;
      if (t.kind === 'head') heads |= bit;
      if (t.kind === 'verb') verbs |= bit;
      if (t.kind !== 'entity' && t.kind !== 'number' && t.kind !== 'modifier') content |= bit;
      if (t.term.selective) selective |= bit;
      if (t.kind !== 'number' && !(table.conceptTerms & bit)) broadened |= bit;
      if (t.term.antonyms.length > 0) withAntonyms |= bit;
      if ((t.term.negatedForms ?? []).length > 0) negationForms |= bit;
      const s = t.weight / total;
      this.shares[k] = s;
      const held = wf(coverOf[t.kind]) * s + wf(F.articleCoverage) * s + wf(F.directShare) / n;
      if (t.kind !== 'number') {
        const through = (f: number): number => (wf(f) + wf(F.articleCoverage)) * s;
        this.paragraph[k] = Math.max(0, through(F.inParagraph), table.entityKind & bit ? through(F.viaPronoun) : 0);
        this.subject[k] = Math.max(0, through(F.inSubject));
        this.article[k] = Math.max(0, through(F.inArticle));
      }
      this.broader[k] = broadened & bit ? held + wf(F.onlyBroader) * s : 0;
      // An entity held by some of its words only may turn out found through context, or not at all.
      this.direct[k] = Math.max(held, held + wf(F.onlyRelated) * s, table.conceptTerms & bit ? Math.max(0, this.paragraph[k] as number, this.subject[k] as number, this.article[k] as number) : -Infinity);
    });
    this.entities = entities;
    this.numbers = numbers;
    this.heads = heads;
    this.verbs = verbs;
    this.content = content;
    this.selective = selective;
    this.concepts = table.conceptTerms;
    this.broadened = broadened;
    this.withAntonyms = withAntonyms;
    this.negationForms = negationForms;
    this.byShare = facts.terms.map((_, k) => k).sort((a, b) => (this.shares[b] as number) - (this.shares[a] as number));
    const target = INTENT_TARGETS[plan.intent];
    if (target) {
      this.unknownFlag = 1 << (UNKNOWN_SHIFT + UNKNOWN_ASPECTS.indexOf(target.unknown));
      this.typeFlags = target.types.reduce((f, type) => f | (ANSWER_TYPES.includes(type) ? 1 << (TYPE_SHIFT + ANSWER_TYPES.indexOf(type)) : 0), 0);
      // Who and where may be answered by an entity, a name or a place after a preposition, whatever the build typed.
      this.typeAny = plan.intent === 'who' || plan.intent === 'where';
      this.typeUnknown = wf(F.statesUnknown);
      this.typeMissing = wf(F.typeMissing);
      this.typeOk = Math.max(wf(F.typeMissing), target.types.includes('quantity') ? Math.max(0, wf(F.typeCounted)) : 0);
    }
    this.base = base;
    const half = Math.min(n, 12);
    const sums = (values: Float64Array, from: number, size: number): Float64Array => {
      const out = new Float64Array(1 << size);
      for (let m = 1; m < out.length; m++) {
        const k = 31 - Math.clz32(m);
        out[m] = (out[m ^ (1 << k)] as number) + (values[from + k] as number);
      }
      return out;
    };
    this.lowShare = sums(this.shares, 0, half);
    this.highShare = sums(this.shares, half, Math.max(0, n - half));
  }

  /** The article's part of a bound: the base and its length. */
  articlePart(a: number): number {
    return this.base + (this.w[F.longArticle] ?? 0) * Math.min(1, Math.max(0, ((this.index.articleParaStart[a + 1] as number) - (this.index.articleParaStart[a] as number) - 1) / 5));
  }

  /** Term k's additive best when the sentence does not hold it itself: through context, or, when its broader words are not known, by one. */
  private context(k: number, paragraph: number, subject: number, article: number, broaderKnown: boolean): number {
    const bit = 1 << k;
    let v = 0;
    if (paragraph & bit) v = this.paragraph[k] as number;
    if (subject & bit && (this.subject[k] as number) > v) v = this.subject[k] as number;
    if (article & bit && (this.article[k] as number) > v) v = this.article[k] as number;
    if (!broaderKnown && this.broadened & bit && (this.broader[k] as number) > v) v = this.broader[k] as number;
    return v;
  }

  /** The part of a bound that what the sentence holds sets: every term at its best given that, and every penalty that still may or must apply. */
  private core(h: Holding): number {
    const { w } = this;
    const { direct, paragraph, subject, article, broaderKnown } = h;
    const broader = broaderKnown ? h.broader & ~direct : 0;
    let z = 0;
    for (let k = 0; k < this.facts.terms.length; k++) {
      const bit = 1 << k;
      if (direct & bit) z += this.direct[k] as number;
      else if (broader & bit) z += this.broader[k] as number;
      else z += this.context(k, paragraph, subject, article, broaderKnown);
    }
    // Held for certain, exactly or by a related word: words (their mode is fixed by their own words) and named entities.
    const certain = (direct & ~this.concepts) | h.named;
    const around = paragraph | subject;
    // Found (an entity's penalty lifted): held, by a broader word, or through the paragraph, a pronoun or the subject.
    const foundMaybe = direct | around | (broaderKnown ? broader : this.broadened);
    const foundSure = certain | broader;
    z += this.penalty(F.missingEntity, (this.entities & ~foundMaybe) !== 0, (this.entities & ~foundSure) !== 0);
    z += this.penalty(F.missingNumber, (this.numbers & ~certain) !== 0, (this.numbers & ~certain) !== 0);
    z += this.penalty(F.missingSelective, (this.selective & ~certain) !== 0, (this.selective & ~certain) !== 0);
    // A head is missing unless held or by a broader word; a verb is missing when not held or only by a broader word.
    z += this.penalty(F.missingHead, (this.heads & ~(certain | (broaderKnown ? broader : this.broadened))) !== 0, (this.heads & ~certain) !== 0);
    const verbsLeft = this.verbs & ~certain;
    z += this.penalty(F.missingVerb, (verbsLeft & (broaderKnown ? broader | ~(around | article) : ~(around | article | this.broadened))) !== 0, verbsLeft !== 0);
    // Missing words: content terms not held exactly or by a related word (for words, known for certain).
    let missing = 0;
    for (let b = this.content & ~certain; b !== 0; b &= b - 1) missing++;
    z += (w[F.missingWords] ?? 0) * Math.min(1, missing / 3);
    // The largest share not accounted for: a word not held, an entity not held nor around.
    const wm = w[F.maxMissing] ?? 0;
    const unaccounted = wm < 0 ? ~certain & (~this.entities | ~(direct | around)) : ~certain;
    for (const k of this.byShare) {
      if (!(unaccounted & (1 << k))) continue;
      z += wm * (this.shares[k] as number);
      break;
    }
    const antonym = broaderKnown ? h.antonym : this.withAntonyms;
    if (antonym & ~foundSure) z += Math.max(0, w[F.antonym] ?? 0);
    return z;
  }

  /** The part of a bound the sentence itself sets: its length (and BM25 with it), lead place, the predicate's verb, negation and answer-type flags. */
  private statics(i: number, direct: number): number {
    const { index } = this;
    let z = 0;
    const length = index.sentLength[i] as number;
    const k1 = 1.2;
    const bb = 0.75;
    const bm25 = this.bm25Weight;
    if (bm25 > 0 && direct !== 0) z += (bm25 * ((this.lowShare[direct & 0xfff] as number) + (this.highShare[direct >>> 12] as number)) * (1 + k1 * (1 - bb))) / (1 + k1 * (1 - bb + (bb * length) / this.avg));
    z += this.shortWeight * Math.max(0, 1 - length / (2 * this.avg));
    if (i === index.articleSentStart[index.sentArticle[i] as number]) z += this.leadBest;
    if ((direct & this.predicateVerb) !== 0 && !this.verbUnindexed) z += this.supportBest;
    const flags = index.sentFlags[i] as number;
    // Negation: a negated question against a sentence that is not negated (and holds no negated form); a plain one only against a negated sentence.
    const mismatchSure = this.negatedQuestion && !(flags & NEGATED) && !(direct & this.negationForms);
    const mismatchMaybe = this.negatedQuestion || (flags & NEGATED) !== 0;
    const wn = this.mismatchWeight;
    z += mismatchSure || (mismatchMaybe && wn > 0) ? wn : 0;
    // The kinds of figure the sentence gives are its own flags: whether they are those asked for is known.
    if (this.measures !== undefined) z += ((flags >>> MEASURE_SHIFT) & this.measures) !== 0 ? this.measureMatch : this.measureMissing;
    if (flags & this.unknownFlag) return z + this.typeUnknown;
    return z + (this.typeAny || flags & this.typeFlags ? this.typeOk : this.typeMissing);
  }

  /**
   * What a negated question's mismatch adds to sentence i's bound once its stems are read
   * (`saysNegation`), beyond what `own` counts: its weight when the sentence turns out not to say
   * the question's "not" (a negated sentence, or one that may hold a negated form, that does not),
   * else 0. `own` cannot tell: a term's negated forms and its words are held alike in `direct`.
   */
  negation(i: number, direct: number): number {
    if (!this.negatedWords || this.mismatchWeight >= 0) return 0;
    // `own` counts it already for a sentence that is not negated and may hold no negated form.
    if (!((this.index.sentFlags[i] as number) & NEGATED) && !(direct & this.negationForms)) return 0;
    return saysNegation(this.index, this.facts.table, i) ? 0 : this.mismatchWeight;
  }

  /** The bound for sentence i, given its article's part and what it holds. */
  sentence(i: number, articlePart: number, h: Holding): number {
    return articlePart + this.core(h) + this.statics(i, h.direct);
  }

  /** `sentence` with its own part (`statics` of the sentence and `h.direct`) already worked out: the same sum, bit for bit. */
  sentenceWith(articlePart: number, h: Holding, own: number): number {
    return articlePart + this.core(h) + own;
  }

  /** The part of sentence i's bound that only it and the terms it may hold set (see `sentenceWith`). */
  own(i: number, direct: number): number {
    return this.statics(i, direct);
  }

  /** A 0/1 feature's best: its weight when it holds for certain (`sure`) or may hold and helps; else 0. */
  private penalty(feature: number, sure: boolean, maybe: boolean): number {
    const wk = this.w[feature] ?? 0;
    return sure || (maybe && wk > 0) ? wk : 0;
  }

  /** `core` of a sentence holding `direct` in a context holding every term (an upper bound for any context), by mask. */
  private readonly loose = new Map<number, number>();
  private looseCore(direct: number): number {
    let z = this.loose.get(direct);
    if (z === undefined) {
      z = this.core({ direct, named: 0, broaderKnown: false, broader: 0, antonym: 0, paragraph: -1, subject: -1, article: -1 });
      this.loose.set(direct, z);
    }
    return z;
  }

  /**
   * `looseCore` of a sentence whose broader words and antonyms are known (`broader`, `antonym`),
   * by masks: of the antonyms, `core` only asks whether one stands for a term not surely found,
   * so the key is `direct`, then the broader words it does not hold directly and that one bit
   * (small integers, as map keys: no number boxed per lookup). The map of the last `direct` is
   * kept at hand, since the sentences of one posting list come one after another.
   */
  private readonly known = new Map<number, Map<number, number>>();
  private knownDirect = -1;
  private knownOf = new Map<number, number>();
  private knownCore(direct: number, broader: number, antonym: number): number {
    if (direct !== this.knownDirect) {
      let of = this.known.get(direct);
      if (!of) this.known.set(direct, (of = new Map()));
      this.knownDirect = direct;
      this.knownOf = of;
    }
    const beyond = broader & ~direct;
    const contradicted = (antonym & ~((direct & ~this.concepts) | beyond)) !== 0 ? 1 : 0;
    const key = beyond * 2 + contradicted;
    let z = this.knownOf.get(key);
    if (z === undefined) {
      z = this.core({ direct, named: 0, broaderKnown: true, broader, antonym, paragraph: -1, subject: -1, article: -1 });
      this.knownOf.set(key, z);
    }
    return z;
  }

  /**
   * Bounds every sentence holding a retrieval key, loosely (as if its paragraph and article
   * held every term), into `store` from position 0. Returns how many. With `masks` (the
   * broader-word and antonym masks of the sentences met, by their position in `got`), the loose
   * bound knows them (much tighter for a question of common words). `sentence` gives the tight bound of those that
   * can still make it.
   */
  boundAll(got: Retrieved, store: { ids: Uint32Array; direct: Int32Array; named: Int32Array; tier: Uint8Array; bounds: Float64Array; own: Float64Array }, parts: Float64Array, masks?: { broaderAt: Int32Array; antonymAt: Int32Array }): number {
    const { sentArticle } = this.index;
    const { sentences, keys, direct, named } = got;
    let n = 0;
    let lastMask = -1;
    let lastCore = 0;
    for (let x = 0, count = got.count; x < count; x++) {
      if (keys[x] === 0) continue;
      const i = sentences[x] as number;
      const d = direct[x] as number;
      if (masks) lastCore = this.knownCore(d, masks.broaderAt[x] as number, masks.antonymAt[x] as number);
      else if (d !== lastMask) {
        lastMask = d;
        lastCore = this.looseCore(d);
      }
      store.ids[n] = i;
      store.direct[n] = d;
      store.named[n] = named[x] as number;
      store.tier[n] = 0;
      const own = this.statics(i, d);
      store.own[n] = own;
      const b = (parts[sentArticle[i] as number] as number) + lastCore + own;
      store.bounds[n++] = b;
    }
    return n;
  }
}

/** A binary max-heap of candidates by bound. */
class CandidateHeap {
  private size = 0;
  private bounds = new Float64Array(256);
  private ids = new Uint32Array(256);
  push(id: number, bound: number): void {
    if (this.size === this.ids.length) {
      const b = new Float64Array(this.size * 2);
      b.set(this.bounds);
      this.bounds = b;
      const d = new Uint32Array(this.size * 2);
      d.set(this.ids);
      this.ids = d;
    }
    let i = this.size++;
    const { bounds, ids } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((bounds[parent] as number) >= bound) break;
      bounds[i] = bounds[parent] as number;
      ids[i] = ids[parent] as number;
      i = parent;
    }
    bounds[i] = bound;
    ids[i] = id;
  }
  /** The highest bound left (-Infinity when empty). */
  get top(): number {
    return this.size > 0 ? (this.bounds[0] as number) : -Infinity;
  }
  /** Removes and returns the id with the highest bound. */
  pop(): number {
    const { bounds, ids } = this;
    const id = ids[0] as number;
    const last = --this.size;
    const b = bounds[last] as number;
    const d = ids[last] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const c = r < last && (bounds[r] as number) > (bounds[l] as number) ? r : l;
      if ((bounds[c] as number) <= b) break;
      bounds[i] = bounds[c] as number;
      ids[i] = ids[c] as number;
      i = c;
    }
    bounds[i] = b;
    ids[i] = d;
    return id;
  }
}

/**
 * Ranks sentences for a question: candidates, each one's features (the one `fillFeatures`),
 * the model's score, best first; the best `depth` reranked by the word vectors, then the best `limit`. The pruned path (default) returns the same
 * sentences, scores and features as `exhaustive`, scoring in full only those that can still
 * enter the best `depth`. `within` restricts the candidates to those sentences; `speaks` tells a
 * stance question's speaker's claims.
 */
export function rankSentences(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, exhaustive = false, within?: ReadonlySet<number>, speaks?: SpeakerMatcher): RankedSentence[] {
  return rankWithStats(index, plan, options, exhaustive, within, speaks).ranked;
}

/** What a ranking did: for tests and the bench. */
export interface RankStats {
  ranked: RankedSentence[];
  /** Candidates bounded, scored cheaply, and scored in full. */
  candidates: number;
  cheaplyScored: number;
  fullyScored: number;
}

/** `rankSentences`, with how much work it took. */
export function rankWithStats(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, exhaustive = false, within?: ReadonlySet<number>, speaks?: SpeakerMatcher): RankStats {
  if (plan.terms.length === 0 || index.liveSentences === 0) return { ranked: [], candidates: 0, cheaplyScored: 0, fullyScored: 0 };
  const facts = questionFacts(index, plan);
  if (facts.total <= 0) return { ranked: [], candidates: 0, cheaplyScored: 0, fullyScored: 0 };
  const limit = Math.max(options.limit, 1);
  // The word-match features rank the best `depth`; the word-vector ones then rerank those (`rerank`).
  const depth = Math.max(limit, options.rerank);
  // The exhaustive reference checks every sentence, so that it checks the memos by content too.
  if (!exhaustive) facts.costlyByContent = new Map();
  const scorer = new Scorer(index, plan, facts, options, speaks, !exhaustive);
  activateTable(index, facts.table);
  let scored: RankedSentence[];
  let candidates = 0;
  if (within || exhaustive) {
    // Articles' contexts by reading them (the reference path, and a story's few sentences).
    const contexts = new Map<number, ArticleContext>();
    const contextOf = (a: number): ArticleContext => {
      let c = contexts.get(a);
      if (!c) contexts.set(a, (c = articleContextByScan(index, facts.table, a, facts.work, createArticleContext())));
      return c;
    };
    const list = within ? [...within].sort((x, y) => x - y) : exhaustiveCandidates(index, plan, facts, contextOf);
    candidates = list.length;
    if (exhaustive) scored = list.map((i) => scorer.full(i, contextOf(index.sentArticle[i] as number)));
    else {
      const top = new TopList(depth);
      const bounds = list.map((i) => ({ i, z: scorer.cheap(i, contextOf(index.sentArticle[i] as number)), slack: scorer.slack })).sort((x, y) => y.z + y.slack - (x.z + x.slack) || x.i - y.i);
      for (const { i, z, slack } of bounds) {
        if (z + slack + EPSILON < top.floor) break;
        scorer.offer(i, contextOf(index.sentArticle[i] as number), top);
      }
      scored = top.items;
    }
  } else {
    const result = pruned(index, plan, facts, options, scorer, depth, speaks !== undefined);
    scored = result.top;
    candidates = result.candidates;
  }
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  scored = rerank(index, plan, facts, scored.slice(0, depth), options);
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
  return { ranked: scored.slice(0, limit), candidates, cheaplyScored: scorer.cheaplyScored, fullyScored: scorer.fullyScored };
}

/**
 * Fills in the word-vector features (`semantic.ts`) of the best sentences by the word-match features,
 * rescores them with the whole model, and sorts them again. Only these few are read as text: the
 * vectors bridge paraphrase between sentences that already match the question's words, they do not
 * find new ones.
 */
function rerank(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, best: RankedSentence[], options: MatchOptions): RankedSentence[] {
  for (const r of best) {
    fillSemantic(index, plan, facts, r.index, r.features);
    r.score = logit(options.model.weights, r.features);
  }
  return best.sort((a, b) => b.score - a.score || a.index - b.index);
}

/** Every candidate sentence, by reading every article: the reference the pruned path must equal. */
function exhaustiveCandidates(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, contextOf: (a: number) => ArticleContext): number[] {
  const table = facts.table;
  const touched: number[] = [];
  for (let a = 0; a < index.articleCount; a++) if (!index.removed[a] && contextOf(a).keys !== 0) touched.push(a);
  const inFull = articlesInFull(facts, touched, touched.length, (a, k) => {
    const c = contextOf(a);
    return articleHolds(table, k, c.words, c.subjectConcepts, c.entityWords, 0);
  });
  const unknownBit = statesUnknownBit(plan);
  const out: number[] = [];
  for (const a of touched) {
    for (let p = index.articleParaStart[a] as number; p < (index.articleParaStart[a + 1] as number); p++) {
      const scan = scanParagraph(index, table, p, facts.paragraph);
      for (let o = 0; o < scan.count; o++) {
        const i = scan.first + o;
        if (scan.keys[o] !== 0 || inFull.has(a) || (unknownBit !== 0 && ((index.sentFlags[i] as number) & unknownBit) !== 0 && scan.paraKeys !== 0)) out.push(i);
      }
    }
  }
  return out;
}

/** How many bands of loose bound the candidates are sorted into, to be tightened best band first (see `sortIntoBands`; at most 256, a band is kept in a byte). */
const BANDS = 128;

function pruned(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, options: MatchOptions, scorer: Scorer, limit: number, speaks: boolean): { top: RankedSentence[]; candidates: number } {
  const table = facts.table;
  const got: Retrieved = options.retriever.retrieve(index, table);
  const W = table.esWords;
  // The articles whose every sentence is a candidate: those holding the most of the question's weight.
  const weights = facts.terms.map((t) => t.weight);
  const conceptTerms = table.conceptTerms;
  const allWords: number[] = [];
  for (let k = 0; k < weights.length; k++) if (conceptTerms & (1 << k)) allWords.push(k);
  const bounds = new SentenceBounds(index, plan, facts, options.model.weights, speaks);
  const parts = got.articleScores;
  const articleHeld = got.articleHolds;
  let best1 = -1;
  let best2 = -1;
  let w1 = -Infinity;
  let w2 = -Infinity;
  for (let x = 0; x < got.articleCount; x++) {
    const a = got.articles[x] as number;
    if (!got.touched[a]) continue;
    parts[a] = bounds.articlePart(a);
    // What the article holds through its words (the article mode), and what weighs it in.
    let words = (got.words[a] as number) & ~conceptTerms;
    let holds = words | ((got.subjectConcepts[a] as number) & conceptTerms);
    for (const k of allWords) {
      if (!hasAllEntityWords(table, k, got.entityWords, a * W)) continue;
      holds |= 1 << k;
      if (!(table.vacuous & (1 << k))) words |= 1 << k;
    }
    articleHeld[a] = words;
    let w = 0;
    for (let k = 0; holds >>> k !== 0; k++) if (holds & (1 << k)) w += weights[k] as number;
    if (w > w1 || (w === w1 && a < best1)) {
      best2 = best1;
      w2 = w1;
      best1 = a;
      w1 = w;
    } else if (w > w2 || (w === w2 && a < best2)) {
      best2 = a;
      w2 = w;
    }
  }
  const inFull = new Set([best1, best2].filter((a) => a >= 0));
  const store = candidateStore(index);
  let n = 0;
  store.masksKnown = false;
  // Each candidate's bound: first loose (as if its paragraph and article held every term), then
  // tight from what they hold, then tighter from its own broader words and antonyms.
  const vacuous = table.vacuous;
  // One holding, filled again for each candidate (no allocation per bound).
  const h: Holding = { direct: 0, named: 0, broaderKnown: false, broader: 0, antonym: 0, paragraph: 0, subject: 0, article: 0 };
  const holding = (x: number): Holding => {
    const i = store.ids[x] as number;
    const a = index.sentArticle[i] as number;
    const p = index.sentParagraph[i] as number;
    h.direct = store.direct[x] as number;
    h.named = store.named[x] as number;
    h.broaderKnown = false;
    h.broader = 0;
    h.antonym = 0;
    h.paragraph = (got.paragraphMet[p] === got.epoch ? (got.paragraphHolds[p] as number) : 0) | vacuous;
    h.subject = (got.subjectConcepts[a] as number) | (got.subjectWords[a] as number);
    h.article = articleHeld[a] as number;
    return h;
  };
  const add = (i: number, direct: number, named: number): void => {
    if (n >= store.ids.length) store.grow();
    store.ids[n] = i;
    store.direct[n] = direct;
    store.named[n] = named;
    store.tier[n] = 1;
    const own = bounds.own(i, direct);
    store.own[n] = own;
    const b = bounds.sentenceWith(parts[index.sentArticle[i] as number] as number, holding(n), own);
    store.bounds[n++] = b;
  };
  if (store.ids.length < got.count) store.reserve(got.count);
  // The broader words and antonyms of the sentences met, read from those words' posting lists
  // (the same masks as reading each sentence's stems) before the first bound, so that even the
  // loose bound knows them, when that costs no more than reading every candidate's stems would.
  const stemsPerSentence = (index.sentStemStart[index.sentenceCount] as number) / Math.max(1, index.sentenceCount);
  const marking = broaderPostings(index, table);
  if (marking <= got.count * stemsPerSentence) store.markMasks(index, table, got);
  n = bounds.boundAll(got, store, parts, store.masksKnown ? store : undefined);
  const offered = new Set<number>();
  const extra = (i: number): void => {
    if (offered.has(i)) return;
    offered.add(i);
    if (got.sentenceStamp[i] !== got.epoch) add(i, 0, 0);
    else {
      const at = got.sentencePosition[i] as number;
      if (got.keys[at] === 0) add(i, got.direct[at] as number, got.named[at] as number);
    }
  };
  for (const a of inFull) for (let i = index.articleSentStart[a] as number; i < (index.articleSentStart[a + 1] as number); i++) extra(i);
  const target = INTENT_TARGETS[plan.intent];
  if (target) {
    // Sentences saying the asked-for thing is unknown, in a paragraph the question's words touch.
    const aspect = UNKNOWN_ASPECTS.indexOf(target.unknown);
    const list = index.unknownSentences;
    const visit = (i: number): void => {
      const a = index.sentArticle[i] as number;
      if (!index.removed[a] && (got.paragraphKeyed[index.sentParagraph[i] as number] === got.epoch || inFull.has(a))) extra(i);
    };
    if (aspect + 1 < list.offsets.length) for (let j = list.offsets[aspect] as number; j < (list.offsets[aspect + 1] as number); j++) visit(list.entries[j] as number);
    for (const i of list.delta.get(aspect) ?? []) visit(i);
  }
  const top = new TopList(limit);
  const context = createArticleContext();
  const contextFor = (i: number): ArticleContext => {
    const a = index.sentArticle[i] as number;
    if (context.article !== a) {
      context.article = a;
      context.words = got.words[a] as number;
      context.keys = got.touched[a] ? 1 : 0;
      context.subjectConcepts = got.subjectConcepts[a] as number;
      context.subjectWords = got.subjectWords[a] as number;
      if (context.entityWords.length < W) context.entityWords = new Int32Array(W);
      for (let w = 0; w < W; w++) context.entityWords[w] = got.entityWords[a * W + w] as number;
    }
    return context;
  };
  // Best bound first, over two kinds of bound: a candidate's own (cheap to know), and, once its
  // cheap features are scored, those plus what word order could add (tighter). The highest
  // bound left is worked on next: a candidate gets its cheap score, a cheaply scored sentence its
  // full score. So only sentences that can still enter the best `depth` are scored in full.
  const fresh = new CandidateHeap();
  const scored = new CandidateHeap();
  const cheapZ = store.cheapZ;
  const cheapSlack = store.cheapSlack;
  // A candidate's bound made tight from what its paragraph and article hold, and, if that still
  // reaches the floor, tighter from its own broader words and antonyms (marked, or read from its stems).
  const masks = { broader: 0, antonym: 0 };
  const tighten = (x: number, floor: number): number => {
    const i = store.ids[x] as number;
    const part = parts[index.sentArticle[i] as number] as number;
    const own = store.own[x] as number;
    if (store.tier[x] === 0 && !store.masksKnown) {
      store.tier[x] = 1;
      const tight = bounds.sentenceWith(part, holding(x), own);
      if (tight + EPSILON < floor) return tight;
    }
    if (store.masksKnown && got.sentenceStamp[i] === got.epoch) {
      const at = got.sentencePosition[i] as number;
      masks.broader = store.broaderAt[at] as number;
      masks.antonym = store.antonymAt[at] as number;
    } else sentenceMasks(index, table, i, masks);
    const held = holding(x);
    held.broaderKnown = true;
    held.broader = masks.broader;
    held.antonym = masks.antonym;
    store.tier[x] = 2;
    return bounds.sentenceWith(part, held, own) + bounds.negation(i, held.direct);
  };
  const step = (): boolean => {
    const b1 = fresh.top;
    const b2 = scored.top;
    if ((b1 === -Infinity && b2 === -Infinity) || Math.max(b1, b2) + EPSILON < top.floor) return false;
    if (b2 >= b1) {
      const x = scored.pop();
      const i = store.ids[x] as number;
      const z = cheapZ[x] as number;
      // Word order can only lower it: no higher than the floor, and after it, it cannot enter.
      if (top.full && cheapSlack[x] === 0 && (z < top.floor || (z === top.floor && i > top.floorIndex))) return true;
      top.add(scorer.full(i, contextFor(i)));
    } else {
      const x = fresh.pop();
      const i = store.ids[x] as number;
      if ((store.tier[x] as number) < 2) {
        const floor = top.floor;
        const b = tighten(x, floor);
        if (b + EPSILON >= floor) fresh.push(x, b);
        return true;
      }
      const z = scorer.cheap(i, contextFor(i));
      cheapZ[x] = z;
      cheapSlack[x] = scorer.slack;
      if (z + scorer.slack + EPSILON >= top.floor) scored.push(x, z + scorer.slack);
    }
    return true;
  };
  // Candidates are tightened best loose bound first, a band of loose bounds at a time
  // (sorted into bands by counting, not one by one). Before a band is tightened, every queued
  // candidate whose bound reaches the band's highest is evaluated, so the floor is as high as the
  // candidates above the band can make it; a band whose highest bound is below the floor, and
  // every band after it, is never tightened.
  const { order, bandStart, bandHigh } = store.sortIntoBands(n);
  for (let band = 0; band < BANDS; band++) {
    const from = bandStart[band] as number;
    const to = bandStart[band + 1] as number;
    if (from === to) continue;
    const high = bandHigh[band] as number;
    while (Math.max(fresh.top, scored.top) >= high && step());
    const floor = top.floor;
    if (high + EPSILON < floor) break;
    for (let at = from; at < to; at++) {
      const x = order[at] as number;
      if ((store.bounds[x] as number) + EPSILON < floor) continue;
      const b = tighten(x, floor);
      if (b + EPSILON >= floor) fresh.push(x, b);
    }
  }
  while (step());
  return { top: top.items, candidates: n };
}

/** How many entries the posting lists of the question's broader words and antonyms hold. */
function broaderPostings(index: MatcherIndex, table: QuestionTable): number {
  let count = 0;
  for (let slot = 0; slot < table.stemSlots.length; slot++) if (((table.sBroader[slot] as number) | (table.sAntonym[slot] as number)) !== 0) count += postingCount(index.sentenceStems, table.stemSlots[slot] as number);
  return count;
}

/** Reusable room for a question's candidates and their bounds. */
class CandidateStore {
  /**
   * Whether `markMasks` ran for this question: then a sentence the retriever met has its broader
   * and antonym masks (`sentenceMasks`) at its position in `Retrieved.sentences`, in
   * `broaderAt` and `antonymAt`.
   */
  masksKnown = false;
  broaderAt = new Int32Array(0);
  antonymAt = new Int32Array(0);
  /** The broader and antonym masks of every sentence met, from the posting lists of the stems that carry them. */
  markMasks(index: MatcherIndex, table: QuestionTable, got: Retrieved): void {
    if (this.broaderAt.length < got.count) {
      const size = Math.max(got.count, this.broaderAt.length * 2);
      this.broaderAt = new Int32Array(size);
      this.antonymAt = new Int32Array(size);
    }
    const { broaderAt: broader, antonymAt: antonym } = this;
    broader.fill(0, 0, got.count);
    antonym.fill(0, 0, got.count);
    const { epoch, sentenceStamp, sentencePosition } = got;
    const postings = index.sentenceStems;
    const mark = (i: number, b: number, a: number): void => {
      if (sentenceStamp[i] !== epoch) return;
      const at = sentencePosition[i] as number;
      broader[at] = (broader[at] as number) | b;
      antonym[at] = (antonym[at] as number) | a;
    };
    for (let slot = 0; slot < table.stemSlots.length; slot++) {
      const b = table.sBroader[slot] as number;
      const a = table.sAntonym[slot] as number;
      if ((b | a) === 0) continue;
      const id = table.stemSlots[slot] as number;
      if (id + 1 < postings.offsets.length) {
        const { entries } = postings;
        for (let j = postings.offsets[id] as number, end = postings.offsets[id + 1] as number; j < end; j++) mark(entries[j] as number, b, a);
      }
      for (const i of postings.delta.get(id) ?? []) mark(i, b, a);
    }
    this.masksKnown = true;
  }
  /** Candidates 0..n-1 by band of loose bound (`bounds`), best band first: `order[bandStart[b]..bandStart[b + 1])` holds band b's, in candidate order, and `bandHigh[b]` their highest bound; `band` is each one's. */
  order = new Uint32Array(1024);
  band = new Uint8Array(1024);
  readonly bandStart = new Int32Array(BANDS + 1);
  readonly bandHigh = new Float64Array(BANDS);
  /**
   * Sorts candidates 0..n-1 into BANDS bands of equal width between their highest and lowest
   * loose bound, highest first (a counting sort: two passes).
   */
  sortIntoBands(n: number): { order: Uint32Array; bandStart: Int32Array; bandHigh: Float64Array } {
    const { bounds, bandStart, bandHigh } = this;
    let high = -Infinity;
    let low = Infinity;
    for (let x = 0; x < n; x++) {
      const b = bounds[x] as number;
      if (b > high) high = b;
      if (b < low) low = b;
    }
    if (this.order.length < n) {
      this.order = new Uint32Array(this.ids.length);
      this.band = new Uint8Array(this.ids.length);
    }
    const { order, band: bandOf } = this;
    const scale = high > low ? BANDS / (high - low) : 0;
    bandStart.fill(0);
    bandHigh.fill(-Infinity);
    for (let x = 0; x < n; x++) {
      const b = bounds[x] as number;
      const band = Math.min(BANDS - 1, Math.floor((high - b) * scale));
      bandOf[x] = band;
      bandStart[band + 1] = (bandStart[band + 1] as number) + 1;
      if (b > (bandHigh[band] as number)) bandHigh[band] = b;
    }
    for (let band = 0; band < BANDS; band++) bandStart[band + 1] = (bandStart[band + 1] as number) + (bandStart[band] as number);
    // Filled from each band's end backwards, so that each band keeps candidate order.
    const next = Int32Array.from(bandStart.subarray(1));
    for (let x = n - 1; x >= 0; x--) {
      const band = bandOf[x] as number;
      const at = (next[band] as number) - 1;
      next[band] = at;
      order[at] = x;
    }
    return { order, bandStart, bandHigh };
  }
  /** Makes room for `n` candidates (contents not kept). */
  reserve(n: number): void {
    while (this.ids.length < n) this.grow();
  }
  ids = new Uint32Array(1024);
  direct = new Int32Array(1024);
  named = new Int32Array(1024);
  /** How tight the candidate's bound is: 0 loose (knowing its own broader words and antonyms when `masksKnown`), 1 from its context, 2 from its own words too. */
  tier = new Uint8Array(1024);
  bounds = new Float64Array(1024);
  /** The part of its bound a candidate sets itself (`SentenceBounds.own`). */
  own = new Float64Array(1024);
  cheapZ = new Float64Array(1024);
  cheapSlack = new Float64Array(1024);
  grow(): void {
    const size = this.ids.length * 2;
    const ids = new Uint32Array(size);
    ids.set(this.ids);
    this.ids = ids;
    const direct = new Int32Array(size);
    direct.set(this.direct);
    this.direct = direct;
    const named = new Int32Array(size);
    named.set(this.named);
    this.named = named;
    const tier = new Uint8Array(size);
    tier.set(this.tier);
    this.tier = tier;
    for (const name of ['bounds', 'own', 'cheapZ', 'cheapSlack'] as const) {
      const next = new Float64Array(size);
      next.set(this[name]);
      this[name] = next;
    }
  }
}

const stores = new WeakMap<MatcherIndex, CandidateStore>();

function candidateStore(index: MatcherIndex): CandidateStore {
  let s = stores.get(index);
  if (!s) stores.set(index, (s = new CandidateStore()));
  return s;
}
