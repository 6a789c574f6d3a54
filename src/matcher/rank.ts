import { INTENT_TARGETS } from './intent.ts';
import { CALENDAR_WORD_RE, PREPOSITIONS } from '../nlp/lexicon.ts';
import { isStopWord, tokenize, type Token } from '../nlp/text.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from './options.ts';
import { possessivesOf, skipSlotWords, type QueryPlan, type QueryTerm } from './question.ts';
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

/** Prepositions before a place: "in Warsaw", "near Kursk", "between P and PSPACE". */
const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'near', 'between', 'inside', 'outside', 'across', 'within']);

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

/** The rarest terms, enough that a sentence holding none of them directly cannot reach the threshold. */
function rarestNeeded(terms: readonly PreparedTerm[], total: number, options: MatchOptions, exhaustive: boolean): Set<PreparedTerm> {
  const byWeight = [...terms].sort((a, b) => b.weight - a.weight);
  let rest = total;
  const needed = new Set<PreparedTerm>();
  for (const t of byWeight) {
    needed.add(t);
    rest -= t.weight;
    if (!exhaustive && rest + options.paragraphCredit * (total - rest) < options.threshold * total) break;
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

function typeEvidence(s: IndexedSentence, plan: QueryPlan): { typeOk: boolean; statesUnknown: boolean } {
  const target = INTENT_TARGETS[plan.intent];
  if (!target) return { typeOk: true, statesUnknown: false };
  if (s.unknown.has(target.unknown)) return { typeOk: true, statesUnknown: true };
  for (const type of target.types) {
    if (type === 'quantity') {
      // "How many of the 352 votes …" is not answered by a sentence whose only figure is 352.
      const given = new Set(plan.terms.filter((t) => t.kind === 'number').flatMap((t) => [t.stem, ...t.synonyms]));
      if (s.types.has(type) && (s.quantities.length === 0 || s.quantities.some((q) => !given.has(q)))) return { typeOk: true, statesUnknown: false };
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
  if (plan.intent === 'where') {
    const asked = new Set(plan.terms.flatMap((t) => [t.stem, ...(t.entityStems ?? [])]));
    const tokens = tokenize(s.sentence.text);
    for (let k = 0; k + 1 < tokens.length; k++) {
      if (!LOCATIVE_PREPOSITIONS.has(tokens[k]?.norm ?? '')) continue;
      const n = tokens[skipSlotWords(tokens, k + 1)];
      if (n && /^\p{Lu}/u.test(n.raw) && !isStopWord(n.norm) && !CALENDAR_WORD_RE.test(n.raw) && !asked.has(n.stem)) return { typeOk: true, statesUnknown: false };
    }
  }
  // A who-question is also answered by a capitalised name the tagger did not know, if the question did not use it.
  if (plan.intent === 'who') {
    const asked = new Set(plan.terms.flatMap((t) => [t.stem, ...(t.entityStems ?? [])]));
    for (const name of s.names) if (!asked.has(name)) return { typeOk: true, statesUnknown: false };
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
 */
export function rankSentences(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, exhaustive = false): RankedSentence[] {
  if (plan.terms.length === 0 || index.sentences.length === 0) return [];
  const terms = plan.terms.map((t) => prepare(index, t, options));
  const total = terms.reduce((sum, t) => sum + t.weight, 0);
  if (total <= 0) return [];

  const needed = rarestNeeded(terms, total, options, exhaustive);
  const { touched, bound } = directMatches(index, needed, total, options);
  const promising = exhaustive ? touched : touched.filter((_, n) => (bound[n] ?? 0) >= options.threshold);
  const fallback =
    promising.length > 0
      ? []
      : topBy(
          touched.map((_, n) => n),
          (n) => bound[n] ?? 0,
          options.limit,
        ).map((n) => touched[n] as number);

  // Exact coverage (penalties only lower it) in a tight loop; details only for what can pass.
  let pool: { i: number; cov: number }[] = [];
  const nearMisses: number[] = [];
  for (const i of promising) {
    const cov = coverageOf(index, terms, i, total, options);
    if (exhaustive || cov >= options.threshold) pool.push({ i, cov });
    else nearMisses.push(i);
  }
  if (pool.length === 0) {
    pool = topBy(nearMisses.length > 0 ? nearMisses : fallback, (i) => coverageOf(index, terms, i, total, options), options.limit).map((i) => ({ i, cov: 1 }));
  }
  pool.sort((a, b) => b.cov - a.cov || a.i - b.i);

  const extra: number[] = [];
  const target = INTENT_TARGETS[plan.intent];
  if (target) {
    // A sentence that says the asked-for thing is unknown may share no word with the question:
    // its paragraph does.
    const inPool = new Set(pool.map((p) => p.i));
    const paragraphs = new Set<number>();
    for (const i of touched) paragraphs.add(index.sentences[i]?.paragraph ?? -1);
    for (const p of paragraphs) {
      for (let i = index.paragraphStart[p] ?? 0; i < (index.paragraphEnd[p] ?? 0); i++) {
        if (index.sentences[i]?.unknown.has(target.unknown) && !inPool.has(i)) extra.push(i);
      }
    }
  }

  // Best coverage first; a score never exceeds coverage plus the definition bonus and the
  // tie-break, so once that falls below the `limit`-th best score, nothing later can enter.
  const ranked = extra.map((i) => explainMatch(index, plan, terms, i, total, options));
  const best: number[] = ranked.map((r) => r.score).sort((a, b) => b - a);
  for (const { i, cov } of pool) {
    if (!exhaustive && best.length >= options.limit && cov + DEFINITION_BONUS + 0.02 < (best[options.limit - 1] ?? 0)) break;
    const r = explainMatch(index, plan, terms, i, total, options);
    ranked.push(r);
    best.push(r.score);
    best.sort((a, b) => b - a);
    if (best.length > options.limit) best.length = options.limit;
  }
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  // A sentence that matches the question at least as fully as the best one, but says the
  // opposite, leaves the question disputed: the article does not settle it.
  const first = ranked[0];
  if (first && ranked.some((r) => r.opposite && r.coverage >= first.coverage)) first.disputed = true;
  return ranked.slice(0, options.limit).map(({ score: _score, ...r }) => r);
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
function coverageOf(index: MatcherIndex, terms: readonly PreparedTerm[], i: number, total: number, options: MatchOptions): number {
  const s = index.sentences[i] as IndexedSentence;
  const pStems = index.paragraphStems[s.paragraph] as ReadonlySet<string>;
  const pConcepts = index.paragraphConcepts[s.paragraph] as ReadonlySet<string>;
  let matched = 0;
  for (const t of terms) {
    const inSentence = creditIn(t, s.stems, s.entities, options.synonymCredit, s.compoundOnly);
    matched += t.weight * (inSentence > 0 || t.term.kind === 'number' ? inSentence : creditIn(t, pStems, pConcepts, options.synonymCredit, index.paragraphCompoundOnly[s.paragraph]) * options.paragraphCredit);
  }
  return matched / total;
}

/** True when the stem is a capitalised word of the sentence past its first, or part of a multi-word name. */
function isNameIn(s: IndexedSentence, stem: string): boolean {
  if (s.names.has(stem)) return true;
  for (const pair of s.namePairs) if (pair.startsWith(`${stem} `)) return true;
  return false;
}

/** Words that may stand between a subject and its verb ("Harvard has since purchased"). */
const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'did', 'does', 'do', 'also', 'then', 'later', 'first', 'now', 'since']);
/** Adverbs that may stand between an auxiliary and its verb ("were first encouraged"); -ly adverbs too. */
const ADVERBS_BEFORE_VERB: ReadonlySet<string> = new Set(['also', 'then', 'later', 'first', 'now', 'since', 'not', 'never', 'soon', 'still', 'already']);
/** Auxiliaries that make "encouraged" passive ("were encouraged … by the Lombards"). */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are']);
/** Lower-case words inside a name ("Edward the Confessor", "Robert of Jumièges"). */
const NAME_JOINERS: ReadonlySet<string> = new Set(['the', 'of', 'de']);

/** The capitalised name that ends right before token `end` (joiners allowed inside), nearest word first. */
function nameBefore(tokens: readonly Token[], end: number): Token[] {
  const run: Token[] = [];
  for (let j = end; j >= 0; j--) {
    const t = tokens[j] as Token;
    // A capitalised pronoun ("He appointed …") is no name: it may well stand for the asked one.
    const capital = /^\p{Lu}/u.test(t.raw) && !isStopWord(t.norm);
    if (!capital && !(run.length > 0 && NAME_JOINERS.has(t.norm) && /^\p{Lu}/u.test(tokens[j - 1]?.raw ?? ''))) break;
    run.push(t);
  }
  return run;
}

/**
 * Swapped roles, read from word order.
 * - A question ending in a preposition asks for the slot after it: "Who did Ardmore sell the
 *   ferry to?". A sentence whose slot holds one of the question's own words ("sold the ferry to
 *   Ardmore") says the reverse.
 * - A word the question follows with a name ("made Robert … earl") that the sentence follows
 *   with another name ("made Ralph … earl"), and never with that one: someone else was meant.
 * - A name the question puts right before a word ("What has Cambridge purchased") where the
 *   sentence has another name doing it ("Harvard has purchased … from Cambridge", or in the
 *   passive "was purchased by Harvard"), and never that one.
 */
function rolesSwapped(s: IndexedSentence, plan: QueryPlan): boolean {
  const gap = plan.gapAfter !== undefined && s.stems.has(plan.gapAfter) ? plan.gapAfter : undefined;
  const slots = plan.slots.filter(([word, name]) => s.stems.has(word) && s.stems.has(name));
  const subjects = plan.subjects.filter(([name, word]) => s.stems.has(word) && s.stems.has(name));
  if (gap === undefined && slots.length === 0 && subjects.length === 0) return false;
  const tokens = tokenize(s.sentence.text);
  const asked = new Set(plan.terms.flatMap((t) => [t.stem, ...(t.entityStems ?? [])]));
  const anotherName = (name: readonly Token[]): boolean => name.length > 0 && !name.some((t) => asked.has(t.stem));
  for (let i = 0; i + 1 < tokens.length && gap !== undefined; i++) {
    if (tokens[i]?.stem !== gap || !PREPOSITIONS.has(tokens[i + 1]?.norm ?? '')) continue;
    let j = i + 2;
    while (tokens[j] !== undefined && isStopWord(tokens[j]?.norm ?? '')) j++;
    if (asked.has(tokens[j]?.stem ?? '')) return true;
  }
  const after = (word: string): Token[][] => tokens.flatMap((t, i) => (t.stem === word ? [nameAt(tokens, skipSlotWords(tokens, i + 1))] : []));
  if (slots.some(([word, name]) => !after(word).some((n) => n.some((t) => t.stem === name)) && after(word).some(anotherName))) return true;
  const doers = (word: string): Token[][] => tokens.flatMap((t, i) => (t.stem === word ? [doerOf(tokens, s.sentence.text, i)] : []));
  // Another doer, even one the question names elsewhere ("What has Russia transferred to Iran?"
  // against "Iran has transferred … to Russia").
  return subjects.some(([name, word]) => !doers(word).some((n) => n.some((t) => t.stem === name)) && doers(word).some((n) => n.length > 0));
}

/** The capitalised name that starts at token `start`, or nothing. */
function nameAt(tokens: readonly Token[], start: number): Token[] {
  const first = tokens[start];
  return first && /^\p{Lu}/u.test(first.raw) && !isStopWord(first.norm) ? [first] : [];
}

/**
 * Who does what the verb at token `i` says: the name right before it ("Harvard has purchased"),
 * or in the passive the name after "by" ("were first encouraged … by the Lombards"). Nothing
 * when no name stands there or a clause break comes between ("…, fighting").
 */
function doerOf(tokens: readonly Token[], text: string, i: number): Token[] {
  let a = i - 1;
  while (a >= 0 && (ADVERBS_BEFORE_VERB.has(tokens[a]?.norm ?? '') || /ly$/.test(tokens[a]?.norm ?? ''))) a--;
  if (PASSIVE_AUXILIARIES.has(tokens[a]?.norm ?? '')) {
    const by = tokens.findIndex((x, k) => k > i && k <= i + 8 && x.norm === 'by');
    return by > 0 ? nameAt(tokens, skipSlotWords(tokens, by + 1)) : [];
  }
  let j = i - 1;
  while (j >= 0 && BETWEEN_SUBJECT_AND_VERB.has(tokens[j]?.norm ?? '')) j--;
  const before = tokens[j];
  if (!before || /[,;:()]/.test(text.slice(before.end, (tokens[i] as Token).start))) return [];
  return nameBefore(tokens, j);
}

/** "Leon's first cabaret" asked, "Warsaw's first cabaret" written (and never Leon's): another owner. */
function ownerSwapped(s: IndexedSentence, plan: QueryPlan): boolean {
  if (!plan.possessives.some(([, owned]) => s.stems.has(owned)) || !/['’]s\b/.test(s.sentence.text)) return false;
  const own = possessivesOf(tokenize(s.sentence.text));
  return plan.possessives.some(([x, y]) => own.some(([z, w]) => w === y && z !== x) && !own.some(([z, w]) => z === x && w === y));
}

/** True when the sentence names the noun with "the" or "this" right before it ("In the cycle, …"). */
function namesDefinitely(s: IndexedSentence, stem: string): boolean {
  const tokens = tokenize(s.sentence.text);
  return tokens.some((t, k) => t.stem === stem && (tokens[k - 1]?.norm === 'the' || tokens[k - 1]?.norm === 'this'));
}

/** Scores one sentence in full, saying which terms matched and which evidence applied. */
function explainMatch(index: MatcherIndex, plan: QueryPlan, terms: readonly PreparedTerm[], i: number, total: number, options: MatchOptions): RankedSentence & { score: number } {
  const s = index.sentences[i] as IndexedSentence;
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
  for (const t of terms) {
    const inSentence = creditIn(t, s.stems, s.entities, options.synonymCredit, s.compoundOnly);
    // A number or year must be in the sentence itself: "in 1598" elsewhere in the paragraph is another fact.
    const inParagraph = inSentence > 0 || t.term.kind === 'number' ? 0 : creditIn(t, pStems, pConcepts, options.synonymCredit, index.paragraphCompoundOnly[s.paragraph]) * options.paragraphCredit;
    // "In the cycle" stands for "the Rankine cycle" of its paragraph, as a pronoun would.
    const refersBack = s.anaphoric || (inParagraph > 0 && t.term.namedNoun !== undefined && s.stems.has(t.term.namedNoun) && namesDefinitely(s, t.term.namedNoun));
    if (inSentence === 0 && inParagraph > 0 && t.term.kind !== 'word' && !refersBack) contextOnly = true;
    matchedWeight += t.weight * Math.max(inSentence, inParagraph);
    if (inSentence > 0) {
      matched.push(t.term.text);
      direct++;
      directWeight += t.weight;
    } else if (inParagraph > 0) matched.push(`~${t.term.text}`);
    else {
      missing.push(t.term.text);
      if (t.term.kind !== 'word') keyMissing = true;
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
  if (coverage >= options.threshold && (rolesSwapped(s, plan) || ownerSwapped(s, plan))) contradiction = true;
  const { typeOk, statesUnknown } = typeEvidence(s, plan);
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
        : ![...plan.negatedStems].some((x) => s.negatedStems.has(x))
      : s.negatedHeads.size > 0 && plan.intent !== 'confirm' && plan.intent !== 'stance' && !statesUnknown && terms.some((t) => t.term.kind === 'word' && s.negatedHeads.has(t.term.stem));
  if (negationMismatch) confidence *= options.negationPenalty;
  // Ties go to the sentence that matched more in itself, then to the shorter one.
  // "What is X?": among sentences that answer, the one that defines X ("X is …") first.
  const defines = plan.defines !== undefined && confidence >= options.threshold && plan.defines.test(s.sentence.text) ? DEFINITION_BONUS : 0;
  const score = confidence + defines + (0.01 * direct) / terms.length + 0.001 / (1 + s.length / index.averageLength);
  return { index: i, confidence, coverage, matched, missing, typeOk, statesUnknown, contradiction: contradiction || negationMismatch, opposite: contradiction || (negationMismatch && !plan.negated), keyMissing, score };
}
