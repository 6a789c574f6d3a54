import { INTENT_TARGETS } from './intent.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.ts';
import type { QueryPlan, QueryTerm } from './question.ts';
import { namesDefinitely, ownerSwapped, placeNamed, rolesSwapped, wordsOf, type SentenceWords } from './word-order.ts';
import { familyStems, misspelledStems, type IndexedSentence, type MatcherIndex } from './search-index.ts';

/** A sentence the ranking considered, with why it scored what it did. */
export interface RankedSentence {
  /** Index into `MatcherIndex.sentences`. */
  index: number;
  /** 0–1: the weighted share of the question's terms the sentence accounts for, times penalties. */
  confidence: number;
  /** The weighted share of terms accounted for, before penalties. */
  coverage: number;
  /** Terms found in the sentence itself (or only in its paragraph, marked `~`). */
  matched: string[];
  /** Terms found neither in the sentence nor its paragraph. */
  missing: string[];
  /** The question wants a type of answer (a date, a number, …) and the sentence has one. */
  typeOk: boolean;
  /** The sentence answers by saying the thing asked for is not known. */
  statesUnknown: boolean;
  /** The sentence holds the opposite of a question word. */
  contradiction: boolean;
  /** The sentence says the opposite of the question: an antonym, swapped roles or owners, a negated predicate. */
  opposite: boolean;
  /** Another sentence matches the question at least as fully but says the opposite (set on the best only). */
  disputed?: boolean;
  /** A key entity, number or name of the question is missing from the sentence and its paragraph (or the "son" of "Edward's son" is), or a multi-word name of the question is split apart in the sentence. */
  keyMissing: boolean;
}

/** Score (not confidence) added to a sentence that defines what a "What is X?" question asks about. */
const DEFINITION_BONUS = 0.05;

/** Inverse document frequency as BM25 defines it, from a document frequency over `n` sentences. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** A question term made ready for matching: its weight and every form that counts for it. */
interface PreparedTerm {
  term: QueryTerm;
  weight: number;
  /** Stems that match at full credit, and at `synonymCredit`. */
  exact: readonly string[];
  related: readonly string[];
}

function prepare(index: MatcherIndex, term: QueryTerm, options: MatchOptions): PreparedTerm {
  const n = index.sentences.length;
  let df: number;
  let exact: string[];
  let related: string[] = [];
  if (term.kind === 'entity' && term.concept !== undefined) {
    exact = [];
    // The entity matches where it is tagged and where its words stand: the rarer bound of the two.
    const surface = (term.entityStems ?? []).map((st) => index.sentencePostings.get(st)?.length ?? 0);
    df = Math.max(index.conceptPostings.get(term.concept)?.length ?? 0, surface.length > 0 ? Math.min(...surface) : 0);
  } else {
    exact = [term.stem];
    related = [...term.synonyms, ...familyStems(index, term.stem)];
    df = index.sentencePostings.get(term.stem)?.length ?? 0;
    if (df === 0) related.push(...misspelledStems(index, term.stem));
  }
  // Names, numbers and entities weigh at least as much as a rare word: they are what the
  // question is about, even when the article repeats them.
  const floor = term.kind === 'word' ? 0 : idf(Math.max(1, n / 20), n);
  const weight = Math.max(idf(df, n), floor) * (term.modifier ? options.modifierWeight : 1) * (term.head ? options.headWeight : 1);
  return { term, weight, exact, related };
}

/** Credit (0–1) a set of stems and concepts gives a term: 1 exact, `synonymCredit` related, 0 none. */
function creditIn(t: PreparedTerm, stems: ReadonlySet<string>, concepts: { has(key: string): boolean }, synonymCredit: number, compoundOnly?: ReadonlySet<string>): number {
  const term = t.term;
  if (term.kind === 'entity' && term.concept !== undefined) {
    if (concepts.has(term.concept)) return 1;
    const surface = term.entityStems ?? [];
    return surface.length > 0 && surface.every((s) => stems.has(s)) ? 1 : 0;
  }
  // "range" is not quite "short-range": half credit for a word the sentence has only inside a compound.
  for (const s of t.exact) if (stems.has(s)) return compoundOnly?.has(s) && !term.compound ? 0.5 : 1;
  for (const s of t.related) if (stems.has(s)) return synonymCredit;
  return 0;
}

/** The rarest terms, enough that a sentence holding none of them directly cannot pass the threshold. */
function rarestNeeded(terms: readonly PreparedTerm[], total: number, options: MatchOptions, exhaustive: boolean): Set<PreparedTerm> {
  const byWeight = [...terms].sort((a, b) => b.weight - a.weight);
  let rest = total;
  const needed = new Set<PreparedTerm>();
  for (const t of byWeight) {
    needed.add(t);
    rest -= t.weight;
    if (!exhaustive && rest + options.paragraphCredit * (total - rest) <= options.threshold * total) break;
  }
  return needed;
}

/**
 * Direct matches of the rarest terms, MaxScore-style: their postings give the candidates, each
 * sentence's matched weight, and each paragraph's, in reused typed arrays. Returns the
 * candidates and an upper bound of each one's coverage (the other terms counted as matched).
 */
function directMatches(index: MatcherIndex, needed: ReadonlySet<PreparedTerm>, total: number, options: MatchOptions): { touched: number[]; bound: Float64Array } {
  const { scratch } = index;
  const { direct, stamp, paragraphDirect, paragraphStamp, paragraphOf } = scratch;
  const touched: number[] = [];
  const touchedParagraphs: number[] = [];
  const credit = (postings: Int32Array | undefined, amount: number, verify?: (i: number) => boolean): void => {
    if (!postings) return;
    for (const i of postings) {
      if (stamp[i] === scratch.epoch || (verify && !verify(i))) continue;
      stamp[i] = scratch.epoch;
      if (direct[i] === 0) touched.push(i);
      direct[i] = (direct[i] ?? 0) + amount;
      const p = paragraphOf[i] as number;
      if (paragraphStamp[p] === scratch.epoch) continue;
      paragraphStamp[p] = scratch.epoch;
      if (paragraphDirect[p] === 0) touchedParagraphs.push(p);
      paragraphDirect[p] = (paragraphDirect[p] ?? 0) + amount;
    }
  };
  let neededWeight = 0;
  for (const t of needed) {
    scratch.epoch++;
    neededWeight += t.weight;
    if (t.term.kind === 'entity' && t.term.concept !== undefined) {
      credit(index.conceptPostings.get(t.term.concept), t.weight);
      const surface = t.term.entityStems ?? [];
      const verify = surface.length > 1 ? (i: number): boolean => surface.every((x) => index.sentences[i]?.stems.has(x)) : undefined;
      if (surface.length > 0) credit(index.sentencePostings.get(surface[0] as string), t.weight, verify);
    } else {
      for (const st of t.exact) credit(index.sentencePostings.get(st), t.weight);
      for (const st of t.related) credit(index.sentencePostings.get(st), t.weight * options.synonymCredit);
    }
  }
  const rest = total - neededWeight;
  const bound = new Float64Array(touched.length);
  for (let n = 0; n < touched.length; n++) {
    const i = touched[n] as number;
    const own = direct[i] ?? 0;
    const around = Math.max(0, (paragraphDirect[paragraphOf[i] as number] ?? 0) - own);
    bound[n] = (own + options.paragraphCredit * around + rest) / total;
    direct[i] = 0;
  }
  for (const p of touchedParagraphs) paragraphDirect[p] = 0;
  return { touched, bound };
}

/** What a question's checks need of it, worked out once per question rather than per sentence. */
interface QuestionFacts {
  /** Stems of every word and name the question uses. */
  asked: ReadonlySet<string>;
  /** Stems of the figures the question gives, and their other written forms. */
  givenNumbers: ReadonlySet<string>;
}

function typeEvidence(s: IndexedSentence, plan: QueryPlan, facts: QuestionFacts, words: SentenceWords): { typeOk: boolean; statesUnknown: boolean } {
  const target = INTENT_TARGETS[plan.intent];
  if (!target) return { typeOk: true, statesUnknown: false };
  if (s.unknown.has(target.unknown)) return { typeOk: true, statesUnknown: true };
  for (const type of target.types) {
    if (type === 'quantity') {
      // "How many of the 352 votes …" is not answered by a sentence whose only figure is 352.
      if (s.types.has(type) && (s.quantities.length === 0 || s.quantities.some((q) => !facts.givenNumbers.has(q)))) return { typeOk: true, statesUnknown: false };
      continue;
    }
    if (type === 'date' || type === 'reason') {
      if (s.types.has(type)) return { typeOk: true, statesUnknown: false };
      continue;
    }
    // The entity that answers "who" must be one the question did not already name.
    for (const [concept, entityType] of s.entities) {
      if (!plan.concepts.has(concept) && (entityType === type || (type === 'organization' && entityType === 'group'))) return { typeOk: true, statesUnknown: false };
    }
  }
  // A where-question is also answered by a name after "in", "at", "near" or "between" that the
  // tagger did not know for a place, if the question did not use it.
  if (plan.intent === 'where' && placeNamed(words, facts.asked)) return { typeOk: true, statesUnknown: false };
  // A who-question is also answered by a capitalised name the tagger did not know, if the question did not use it.
  if (plan.intent === 'who') {
    for (const name of s.names) if (!facts.asked.has(name)) return { typeOk: true, statesUnknown: false };
  }
  return { typeOk: false, statesUnknown: false };
}

/**
 * Ranks the sentences of the index for a question. Confidence is the IDF-weighted share of
 * the question's terms that a sentence accounts for (a synonym, derived form or paragraph
 * neighbour earns partial credit), times penalties for each kind of evidence against it: a
 * missing answer type, a missing key entity/number/name, names only in the context, a
 * contradiction, a negation mismatch (see `MatchOptions`). Comparable across questions and
 * knowledge sizes. Best first.
 * With `exhaustive`, sentences that cannot reach the threshold are ranked too (for explanations).
 * With `within`, only those sentences are ranked (term weights still come from the whole index).
 */
export function rankSentences(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, exhaustive = false, within?: ReadonlySet<number>): RankedSentence[] {
  if (plan.terms.length === 0 || index.sentences.length === 0) return [];
  const terms = plan.terms.map((t) => prepare(index, t, options));
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  if (total <= 0) return [];

  const facts: QuestionFacts = {
    asked: new Set(plan.terms.flatMap((t) => [t.stem, ...(t.entityStems ?? [])])),
    givenNumbers: new Set(plan.terms.filter((t) => t.kind === 'number').flatMap((t) => [t.stem, ...t.synonyms])),
  };
  const needed = rarestNeeded(terms, total, options, exhaustive);
  let { touched, bound } = directMatches(index, needed, total, options);
  if (within) {
    const kept = touched.flatMap((i, n) => (within.has(i) ? [n] : []));
    bound = Float64Array.from(kept, (n) => bound[n] ?? 0);
    touched = kept.map((n) => touched[n] as number);
  }
  const extra: number[] = [];
  const target = INTENT_TARGETS[plan.intent];
  if (target) {
    // A sentence that says the asked-for thing is unknown may share no word with the question:
    // its paragraph does.
    const paragraphs = new Set<number>();
    for (const i of touched) paragraphs.add(index.sentences[i]?.paragraph ?? -1);
    for (const p of paragraphs) {
      for (let i = index.paragraphStart[p] ?? 0; i < (index.paragraphEnd[p] ?? 0); i++) {
        if (index.sentences[i]?.unknown.has(target.unknown)) extra.push(i);
      }
    }
  }
  // Only the best `limit` are kept, and how fully any sentence that says the opposite matched.
  const top: Scored[] = [];
  let opposedCoverage = -1;
  const explain = (i: number): void => {
    const r = explainMatch(index, plan, facts, terms, i, total, options);
    if (r.opposite && r.coverage > opposedCoverage) opposedCoverage = r.coverage;
    let at = top.length;
    while (at > 0 && ((top[at - 1] as Scored).score < r.score || ((top[at - 1] as Scored).score === r.score && (top[at - 1] as Scored).index > r.index))) at--;
    if (at < options.limit) top.splice(at, 0, r);
    if (top.length > options.limit) top.length = options.limit;
  };
  for (const i of extra) explain(i);
  const seen = new Set(extra);
  // A score never exceeds coverage plus the definition bonus and the tie-break, and coverage
  // never exceeds its bound: taken in order of bound, once that falls below the `limit`-th best
  // score, nothing later can enter (nor match as fully as the best, so none can dispute it).
  const cannotEnter = (upper: number): boolean => !exhaustive && top.length >= options.limit && upper + DEFINITION_BONUS + 0.02 < (top[options.limit - 1] as Scored).score;
  const bonus = plan.defines !== undefined ? DEFINITION_BONUS : 0;
  const nearMisses: number[] = [];
  const counted = { direct: 0 };
  let passed = 0;
  const order = byBound(touched, bound, exhaustive ? -Infinity : options.threshold);
  for (const key of order) {
    const n = key % 2 ** 24;
    const i = touched[n] as number;
    if (passed > 0 && cannotEnter(bound[n] ?? 0)) break;
    if (seen.has(i)) continue;
    // Exact coverage (penalties only lower it) first; details only for what can pass.
    const cov = coverageOf(index, terms, i, total, options, counted);
    if (!exhaustive && cov <= options.threshold) {
      nearMisses.push(i);
      continue;
    }
    passed++;
    if (cannotEnter(cov)) continue;
    // One of many that tie: if it cannot say the opposite and its best possible score (no
    // penalty) stays under the `limit`-th, skip it.
    if (!exhaustive && top.length >= options.limit && !mayOppose(index.sentences[i] as IndexedSentence, plan, terms) && cov + bonus + tieBreak(index, i, counted.direct / terms.length) < (top[options.limit - 1] as Scored).score) continue;
    explain(i);
  }
  if (passed === 0 && !exhaustive) {
    // Nothing passes: the nearest misses still explain the decline and suggest questions.
    const near =
      nearMisses.length > 0
        ? nearMisses
        : topBy(
            touched.map((_, n) => n),
            (n) => bound[n] ?? 0,
            options.limit,
          ).map((n) => touched[n] as number);
    for (const i of topBy(near, (i) => coverageOf(index, terms, i, total, options), options.limit)) if (!seen.has(i)) explain(i);
  }
  // A sentence that matches the question at least as fully as the best one, but says the
  // opposite, leaves the question disputed: the article does not settle it.
  const first = top[0];
  if (first && opposedCoverage >= first.coverage) first.disputed = true;
  return top.map(({ score: _score, ...r }) => r);
}

/** What a score adds to break ties: more terms matched in the sentence itself (`directShare`), then a shorter sentence. */
function tieBreak(index: MatcherIndex, i: number, directShare: number): number {
  return 0.01 * directShare + 0.001 / (1 + (index.sentences[i] as IndexedSentence).length / index.averageLength);
}

/** False when the sentence cannot hold the opposite of the question (see `RankedSentence.opposite`): no antonym, no word order to read, no negated predicate. */
function mayOppose(s: IndexedSentence, plan: QueryPlan, terms: readonly PreparedTerm[]): boolean {
  // The word-order checks read only sentences that hold both words of a pair (see word-order.ts).
  if (plan.gapAfter !== undefined && s.stems.has(plan.gapAfter)) return true;
  if (plan.slots.some(([word, name]) => s.stems.has(word) && s.stems.has(name))) return true;
  if (plan.subjects.some(([name, word]) => s.stems.has(word) && s.stems.has(name))) return true;
  if (plan.possessives.some(([, owned]) => s.stems.has(owned))) return true;
  if (!plan.negated && s.negatedHeads.size > 0) return true;
  return terms.some((t) => t.term.antonyms.some((a) => s.stems.has(a)));
}

/** True when the two sets share an item (without copying either). */
function sharesAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** A ranked sentence with the score it is ordered by. */
type Scored = RankedSentence & { score: number };

/**
 * Keys of the positions in `touched` whose bound exceeds `floor`, highest bound first (ties in
 * position order); `key % 2 ** 24` is the position. Sorts packed keys in a typed array.
 */
function byBound(touched: readonly number[], bound: Float64Array, floor: number): Float64Array {
  let count = 0;
  for (let n = 0; n < touched.length; n++) if ((bound[n] ?? 0) > floor) count++;
  const keys = new Float64Array(count);
  let k = 0;
  for (let n = 0; n < touched.length; n++) {
    const b = bound[n] ?? 0;
    if (b > floor) keys[k++] = Math.floor((4 - b) * 2 ** 24) * 2 ** 24 + n;
  }
  return keys.sort();
}

/** The `count` items with the highest `key`, highest first. */
function topBy(items: readonly number[], key: (i: number) => number, count: number): number[] {
  const best: { i: number; k: number }[] = [];
  for (const i of items) {
    const k = key(i);
    if (best.length < count || k > (best[best.length - 1]?.k ?? -Infinity)) {
      best.push({ i, k });
      best.sort((a, b) => b.k - a.k || a.i - b.i);
      if (best.length > count) best.pop();
    }
  }
  return best.map((b) => b.i);
}

/** The weighted share of terms a sentence accounts for, itself or through its paragraph. */
function coverageOf(index: MatcherIndex, terms: readonly PreparedTerm[], i: number, total: number, options: MatchOptions, counted?: { direct: number }): number {
  const s = index.sentences[i] as IndexedSentence;
  const pStems = index.paragraphStems[s.paragraph] as ReadonlySet<string>;
  const pConcepts = index.paragraphConcepts[s.paragraph] as ReadonlySet<string>;
  let matched = 0;
  let direct = 0;
  for (const t of terms) {
    const inSentence = creditIn(t, s.stems, s.entities, options.synonymCredit, s.compoundOnly);
    if (inSentence > 0) direct++;
    matched += t.weight * (inSentence > 0 || t.term.kind === 'number' ? inSentence : creditIn(t, pStems, pConcepts, options.synonymCredit, index.paragraphCompoundOnly[s.paragraph]) * options.paragraphCredit);
  }
  if (counted) counted.direct = direct;
  return matched / total;
}

/** True when the stem is a capitalised word of the sentence past its first, or part of a multi-word name. */
function isNameIn(s: IndexedSentence, stem: string): boolean {
  if (s.names.has(stem)) return true;
  for (const pair of s.namePairs) if (pair.startsWith(`${stem} `)) return true;
  return false;
}

/** Scores one sentence in full, saying which terms matched and which evidence applied. */
function explainMatch(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, terms: readonly PreparedTerm[], i: number, total: number, options: MatchOptions): Scored {
  const s = index.sentences[i] as IndexedSentence;
  const words = wordsOf(s.sentence.text);
  const pStems = index.paragraphStems[s.paragraph] as ReadonlySet<string>;
  const pConcepts = index.paragraphConcepts[s.paragraph] as ReadonlySet<string>;
  let matchedWeight = 0;
  let direct = 0;
  let keyMissing = false;
  let contradiction = false;
  let contextOnly = false;
  let directWeight = 0;
  const matched: string[] = [];
  const missing: string[] = [];
  let negatedByForm = false;
  for (const t of terms) {
    let inSentence = creditIn(t, s.stems, s.entities, options.synonymCredit, s.compoundOnly);
    // "Without pistons" is said by "pistonless": a match, and the negation the question asks for.
    if (inSentence === 0 && t.term.negatedForms?.some((f) => s.stems.has(f))) {
      inSentence = 1;
      negatedByForm = true;
    }
    // A number or year must be in the sentence itself: "in 1598" elsewhere in the paragraph is another fact.
    const inParagraph = inSentence > 0 || t.term.kind === 'number' ? 0 : creditIn(t, pStems, pConcepts, options.synonymCredit, index.paragraphCompoundOnly[s.paragraph]) * options.paragraphCredit;
    // "In the cycle" stands for "the Rankine cycle" of its paragraph, as a pronoun would.
    const refersBack = s.anaphoric || (inParagraph > 0 && t.term.namedNoun !== undefined && s.stems.has(t.term.namedNoun) && namesDefinitely(words, t.term.namedNoun));
    // Entities, names, numbers and the ordinal or superlative that picks the answer are key.
    const key = t.term.kind !== 'word' || t.term.selective === true;
    if (inSentence === 0 && inParagraph > 0 && key && !refersBack) contextOnly = true;
    matchedWeight += t.weight * Math.max(inSentence, inParagraph);
    if (inSentence > 0) {
      matched.push(t.term.text);
      direct++;
      directWeight += t.weight;
    } else if (inParagraph > 0) matched.push(`~${t.term.text}`);
    else {
      missing.push(t.term.text);
      if (key) keyMissing = true;
    }
    if (inSentence === 0 && t.term.antonyms.some((a) => s.stems.has(a))) contradiction = true;
  }
  // "Paris Philharmony" asked, "Paris" and "Philharmony" both names in the sentence but not
  // together: the sentence names another Philharmony, and Paris in another role.
  for (const [a, b, pair] of plan.namePairs) {
    if (!s.namePairs.has(pair) && isNameIn(s, a) && isNameIn(s, b)) keyMissing = true;
  }
  // "Edward's son" asked, only Edward written: the son is what the question is about.
  if (plan.possessives.some(([owner, owned]) => s.stems.has(owner) && !pStems.has(owned))) keyMissing = true;
  const coverage = matchedWeight / total;
  // Word order is read only where it can matter: under the threshold a sentence neither answers
  // nor disputes the best one.
  if (coverage > options.threshold && (rolesSwapped(s, plan, facts.asked, words) || ownerSwapped(s, plan, words))) contradiction = true;
  const { typeOk, statesUnknown } = typeEvidence(s, plan, facts, words);
  let confidence = coverage;
  if (!typeOk) confidence *= options.missingTypePenalty;
  if (contradiction) confidence *= options.contradictionPenalty;
  if (keyMissing) confidence *= options.missingKeyPenalty;
  // Mostly matched through its neighbours, the sentence is about the paragraph's subject, not the question's.
  if (directWeight / total < options.minDirect && !statesUnknown) confidence *= options.contextOnlyPenalty;
  // A sentence saying something is undisclosed refers back to its paragraph by nature.
  if (contextOnly && !statesUnknown) confidence *= options.contextOnlyPenalty;
  // "What is not …" asks about a negated statement: a sentence that does not negate the same
  // thing ("not a problem" against "not really the case") does not answer it.
  // The other way round, "What is fully understood …" is not answered by "… are not fully
  // understood". Yes/no and stance questions are: their answer may well be the denial.
  const negationMismatch =
    plan.negated
      ? plan.negatedStems.size === 0
        ? !s.sentence.negated
        : !negatedByForm && !sharesAny(plan.negatedStems, s.negatedStems)
      : s.negatedHeads.size > 0 && plan.intent !== 'confirm' && plan.intent !== 'stance' && !statesUnknown && terms.some((t) => t.term.kind === 'word' && s.negatedHeads.has(t.term.stem));
  if (negationMismatch) confidence *= options.negationPenalty;
  // "What is X?": among sentences that answer, the one that defines X ("X is …") first.
  const defines = plan.defines !== undefined && confidence > options.threshold && plan.defines.test(s.sentence.text) ? DEFINITION_BONUS : 0;
  // Ties go to the sentence that matched more in itself, then to the shorter one.
  const score = confidence + defines + tieBreak(index, i, direct / terms.length);
  return { index: i, confidence, coverage, matched, missing, typeOk, statesUnknown, contradiction: contradiction || negationMismatch, opposite: contradiction || (negationMismatch && !plan.negated), keyMissing, score };
}
