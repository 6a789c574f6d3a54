import type { Claim } from '../knowledge/schema.ts';
import { INTENT_TARGETS } from './intent.ts';
import type { MatchOptions } from './options.ts';
import type { QueryPlan, QueryTerm } from './question.ts';
import { predicateConflict, type PredicateVerdict } from './roles.ts';
import { familyStems, misspelledStems, type IndexedSentence, type MatcherIndex } from './search-index.ts';
import { namesDefinitely, ownerSwapped, placeNamed, rolesSwapped, wordsOf, type SentenceWords } from './word-order.ts';

/**
 * The features the model scores a (question, sentence) pair by, in the order of its weights.
 * Each is a number in [0, 1]. Coverage is the share of the question's IDF mass a sentence
 * accounts for, by kind of term and by where and how it was found; the rest is evidence for
 * or against the sentence answering the question.
 */
export const FEATURE_NAMES = [
  'bias',
  // where the question's terms are found, as shares of its IDF mass
  'coverEntity',
  'coverNumber',
  'coverHead',
  'coverVerb',
  'coverWord',
  'coverModifier',
  'onlyRelated',
  'onlyBroader',
  'inParagraph',
  'viaPronoun',
  'inSubject',
  'inArticle',
  'articleCoverage',
  'directShare',
  'bm25Share',
  'shortSentence',
  'idfMass',
  // what is missing
  'missingEntity',
  'missingNumber',
  'missingHead',
  'missingVerb',
  'maxMissing',
  'missingWords',
  'missingSelective',
  // the answer's type
  'typeMissing',
  'typeCounted',
  'statesUnknown',
  // what speaks against it
  'negationMismatch',
  'antonym',
  'roleConflict',
  'nameConflict',
  'roleSupport',
  // attributed speech
  'speakerClaim',
  'speakerMissing',
  // form
  'definition',
  'leadSentence',
  'longArticle',
  'typedIntent',
  'confirmIntent',
] as const;

/** One feature's name. */
export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * The features of the second model, which decides whether the best-ranked sentence answers the
 * question at all: how far ahead of the rest the ranking put it, and the evidence on it.
 */
export const ANSWER_FEATURE_NAMES = [
  'bias',
  'rankScore',
  'margin',
  'coverage',
  'directShare',
  'onlyRelated',
  'inContext',
  'missingEntity',
  'missingNumber',
  'missingHead',
  'missingVerb',
  'maxMissing',
  'missingWords',
  'missingSelective',
  'typeMissing',
  'typeCounted',
  'statesUnknown',
  'negationMismatch',
  'antonym',
  'roleConflict',
  'nameConflict',
  'roleSupport',
  'typedIntent',
  'confirmIntent',
  'whatIntent',
  'typedRankScore',
  'confirmCoverage',
  'longArticle',
  'longArticleCoverage',
  'longArticleRankScore',
  'longArticleWhat',
  'longArticleConfirm',
] as const;

/** The answer model's features, from the ranking's best two scores and the best sentence's features. */
export function answerFeatures(best: { score: number; features: Float64Array }, secondScore: number | undefined, whatIntent: boolean): Float64Array {
  const f = (name: FeatureName): number => best.features[FEATURE_NAMES.indexOf(name)] ?? 0;
  const coverage = f('coverEntity') + f('coverNumber') + f('coverHead') + f('coverVerb') + f('coverWord') + f('coverModifier');
  const margin = secondScore === undefined ? 1 : Math.min(1, Math.max(0, (best.score - secondScore) / 4));
  const values: Record<(typeof ANSWER_FEATURE_NAMES)[number], number> = {
    bias: 1,
    rankScore: Math.max(-1, Math.min(1, best.score / 10)),
    margin,
    coverage,
    directShare: f('directShare'),
    onlyRelated: f('onlyRelated') + f('onlyBroader'),
    inContext: f('inParagraph') + f('viaPronoun') + f('inSubject'),
    missingEntity: f('missingEntity'),
    missingNumber: f('missingNumber'),
    missingHead: f('missingHead'),
    missingVerb: f('missingVerb'),
    maxMissing: f('maxMissing'),
    missingWords: f('missingWords'),
    missingSelective: f('missingSelective'),
    typeMissing: f('typeMissing'),
    typeCounted: f('typeCounted'),
    statesUnknown: f('statesUnknown'),
    negationMismatch: f('negationMismatch'),
    antonym: f('antonym'),
    roleConflict: f('roleConflict'),
    nameConflict: f('nameConflict'),
    roleSupport: f('roleSupport'),
    typedIntent: f('typedIntent'),
    confirmIntent: f('confirmIntent'),
    whatIntent: whatIntent ? 1 : 0,
    typedRankScore: f('typedIntent') * Math.max(-1, Math.min(1, best.score / 10)),
    confirmCoverage: f('confirmIntent') * coverage,
    longArticle: f('longArticle'),
    longArticleCoverage: f('longArticle') * coverage,
    longArticleRankScore: f('longArticle') * Math.max(-1, Math.min(1, best.score / 10)),
    longArticleWhat: f('longArticle') * (whatIntent ? 1 : 0),
    longArticleConfirm: f('longArticle') * f('confirmIntent'),
  };
  return Float64Array.from(ANSWER_FEATURE_NAMES, (n) => values[n]);
}

/** Inverse document frequency as BM25 defines it, from a document frequency over `n` sentences. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** How a question term was found for a sentence, best first. */
export type TermMatch = 'exact' | 'related' | 'broader' | 'pronoun' | 'paragraph' | 'subject' | 'article' | 'none';

/** A question term made ready for matching: its weight and every form that counts for it. */
export interface PreparedTerm {
  term: QueryTerm;
  /** Its IDF over the index's sentences (entities, names and numbers at least a rare word's). */
  weight: number;
  exact: readonly string[];
  related: readonly string[];
  broader: readonly string[];
  /** Concepts that stand in part for an entity term (a capital for its country, a speaker's body). */
  affiliated: readonly string[];
  kind: 'entity' | 'number' | 'head' | 'verb' | 'word' | 'modifier';
}

/** Prepares a question's terms against the index: IDF weights and the stems each matches through. */
export function prepareTerms(index: MatcherIndex, plan: QueryPlan): PreparedTerm[] {
  const n = Math.max(1, index.sentences.length);
  return plan.terms.map((term) => {
    let df: number;
    let exact: string[] = [];
    let related: string[] = [];
    let affiliated: string[] = [];
    if (term.kind === 'entity' && term.concept !== undefined) {
      const surface = (term.entityStems ?? []).map((st) => index.sentencePostings.get(st)?.length ?? 0);
      df = Math.max(index.conceptPostings.get(term.concept)?.length ?? 0, surface.length > 0 ? Math.min(...surface) : 0);
      affiliated = [...(index.affiliated.get(term.concept) ?? [])];
    } else {
      exact = [term.stem];
      related = [...new Set([...term.synonyms, ...familyStems(index, term.stem)])];
      df = index.sentencePostings.get(term.stem)?.length ?? 0;
      if (df === 0) related.push(...misspelledStems(index, term.stem));
    }
    // Names, numbers and entities weigh at least as much as a rare word: they are what the question is about.
    const floor = term.kind === 'word' ? 0 : idf(Math.max(1, n / 20), n);
    const kind = term.kind === 'entity' || term.kind === 'name' ? 'entity' : term.kind === 'number' ? 'number' : term.head ? 'head' : term.verb ? 'verb' : term.modifier ? 'modifier' : 'word';
    return { term, weight: Math.max(idf(df, n), floor), exact, related, broader: term.broader, affiliated, kind };
  });
}

/** What a question's checks need of it, worked out once per question rather than per sentence. */
export interface QuestionFacts {
  terms: readonly PreparedTerm[];
  total: number;
  /** Stems of every word and name the question uses. */
  asked: ReadonlySet<string>;
  /** Stems of the figures the question gives, and their other written forms. */
  givenNumbers: ReadonlySet<string>;
  /** Stems the asked-for count may be of: the head noun and its related forms ("sailors" in "how many sailors"). */
  countedStems: ReadonlySet<string>;
}

/** Works out a question's facts once. */
export function questionFacts(index: MatcherIndex, plan: QueryPlan): QuestionFacts {
  const terms = prepareTerms(index, plan);
  const head = terms.filter((t) => t.kind === 'head' || (plan.intent === 'how-many' && (t.kind === 'word' || t.kind === 'verb')));
  return {
    terms,
    total: terms.reduce((sum, t) => sum + t.weight, 0),
    asked: new Set(plan.terms.flatMap((t) => [t.stem, ...(t.entityStems ?? [])])),
    givenNumbers: new Set(plan.terms.filter((t) => t.kind === 'number').flatMap((t) => [t.stem, ...t.synonyms])),
    countedStems: new Set(head.flatMap((t) => [...t.exact, ...t.related])),
  };
}

function anyIn(stems: readonly string[], set: ReadonlySet<string>): boolean {
  for (const s of stems) if (set.has(s)) return true;
  return false;
}

/** How a term is found in a sentence itself: exactly, through a related word, or a broader one. */
function matchIn(t: PreparedTerm, s: IndexedSentence): TermMatch {
  const term = t.term;
  if (term.kind === 'entity' && term.concept !== undefined) {
    if (s.entities.has(term.concept)) return 'exact';
    const surface = term.entityStems ?? [];
    if (surface.length > 0 && surface.every((x) => s.stems.has(x))) return 'exact';
    for (const a of t.affiliated) if (s.entities.has(a)) return 'related';
    return 'none';
  }
  if (anyIn(t.exact, s.stems)) return 'exact';
  if (anyIn(t.related, s.stems) || term.negatedForms?.some((f) => s.stems.has(f))) return 'related';
  if (t.kind !== 'number' && anyIn(t.broader, s.stems)) return 'broader';
  return 'none';
}

function matchInSet(t: PreparedTerm, stems: ReadonlySet<string>, concepts: { has(key: string): boolean }): boolean {
  const term = t.term;
  if (term.kind === 'entity' && term.concept !== undefined) return concepts.has(term.concept) || (term.entityStems ?? []).every((x) => stems.has(x));
  return anyIn(t.exact, stems) || anyIn(t.related, stems);
}

/** Why a sentence scored what it did: what each term matched, and the evidence. */
export interface FeatureExplanation {
  matches: { term: string; kind: PreparedTerm['kind']; match: TermMatch }[];
  typeOk: boolean;
  statesUnknown: boolean;
  negationMismatch: boolean;
  antonym: boolean;
  roleConflict: boolean;
  nameConflict: boolean;
  /** For a yes/no question with a predicate: whether the sentence bears it out, speaks of another doer or receiver, or says the reverse. */
  predicate: PredicateVerdict;
  speakerClaim: boolean;
  /** The sentence says the opposite of the question: an antonym, swapped roles or owners, or a negated predicate. */
  opposite: boolean;
}

/** A sentence's features for a question, and why. */
export interface SentenceFeatures {
  values: Float64Array;
  explanation: FeatureExplanation;
}

/** The claims of a sentence whose speaker is the question's speaker. */
export type SpeakerMatcher = (claims: readonly Claim[], s: IndexedSentence) => boolean;

/**
 * Computes the features of one sentence for a question: the one place ranking, pruning bounds
 * and `--explain` take them from. Pure.
 */
export function computeFeatures(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, i: number, options: MatchOptions, speaks?: SpeakerMatcher, cheap = false): SentenceFeatures {
  const s = index.sentences[i] as IndexedSentence;
  const values = new Float64Array(FEATURE_NAMES.length);
  const set = (name: FeatureName, value: number): void => {
    values[FEATURE_NAMES.indexOf(name)] = value;
  };
  set('bias', 1);
  const words = wordsOf(s.sentence.text);
  const pStems = index.paragraphStems[s.paragraph] as ReadonlySet<string>;
  const pConcepts = index.paragraphConcepts[s.paragraph] as ReadonlySet<string>;
  const previous = index.sentences[i - 1]?.paragraph === s.paragraph ? index.sentences[i - 1] : undefined;
  const subject = index.articleSubjects[s.article] as ReadonlySet<string>;
  const subjectStems = index.articleSubjectStems[s.article] as ReadonlySet<string>;
  const articleStems = index.articleStems[s.article] as ReadonlySet<string>;
  const total = facts.total > 0 ? facts.total : 1;
  const cover = { entity: 0, number: 0, head: 0, verb: 0, word: 0, modifier: 0 };
  let onlyRelated = 0;
  let onlyBroader = 0;
  let inParagraph = 0;
  let viaPronoun = 0;
  let inSubject = 0;
  let inArticle = 0;
  let articleCoverage = 0;
  let direct = 0;
  let missingEntity = false;
  let missingNumber = false;
  let missingHead = false;
  let missingVerb = false;
  let antonym = false;
  let maxMissing = 0;
  let missingWords = 0;
  let contentTerms = 0;
  let missingSelective = false;
  const matches: FeatureExplanation['matches'] = [];
  for (const t of facts.terms) {
    let match = matchIn(t, s);
    if (match === 'none' && t.kind !== 'number') {
      if (previous && s.anaphoric && t.kind === 'entity' && matchInSet(t, previous.stems, previous.entities)) match = 'pronoun';
      else if (matchInSet(t, pStems, pConcepts)) match = 'paragraph';
      else if (t.term.kind === 'entity' && t.term.concept !== undefined ? subject.has(t.term.concept) : anyIn(t.exact, subjectStems)) match = 'subject';
      else if (t.term.kind === 'entity' && t.term.concept !== undefined ? (t.term.entityStems ?? []).length > 0 && (t.term.entityStems ?? []).every((x) => articleStems.has(x)) : anyIn(t.exact, articleStems) || anyIn(t.related, articleStems)) match = 'article';
    }
    // "In the cycle" stands for "the Rankine cycle" of its paragraph, as a pronoun would.
    if (match === 'paragraph' && t.term.namedNoun !== undefined && s.stems.has(t.term.namedNoun) && namesDefinitely(words, t.term.namedNoun)) match = 'pronoun';
    matches.push({ term: t.term.text, kind: t.kind, match });
    const share = t.weight / total;
    if (match === 'exact' || match === 'related' || match === 'broader') {
      cover[t.kind] += share;
      direct++;
      if (match === 'related') onlyRelated += share;
      if (match === 'broader') onlyBroader += share;
    } else if (match === 'pronoun') viaPronoun += share;
    else if (match === 'paragraph') inParagraph += share;
    else if (match === 'subject') inSubject += share;
    else if (match === 'article') inArticle += share;
    if (match !== 'none') articleCoverage += share;
    const found = match !== 'none' && match !== 'article';
    if (!found && t.kind === 'entity') missingEntity = true;
    if (match === 'none' && t.kind === 'number') missingNumber = true;
    if ((match === 'none' || match === 'paragraph' || match === 'subject' || match === 'article') && t.kind === 'head') missingHead = true;
    if ((match === 'none' || match === 'broader') && t.kind === 'verb') missingVerb = true;
    if (!found && t.term.antonyms.some((a) => s.stems.has(a))) antonym = true;
    // Accounted for: in the sentence, or, for a name, in what the sentence refers back to.
    const inSentence = match === 'exact' || match === 'related';
    const accounted = inSentence || (t.kind === 'entity' && (match === 'pronoun' || match === 'paragraph' || match === 'subject'));
    if (!accounted) maxMissing = Math.max(maxMissing, share);
    if (t.kind !== 'entity' && t.kind !== 'number' && t.kind !== 'modifier') {
      contentTerms++;
      if (!inSentence) missingWords++;
    }
    // "the first", "the largest": the word that picks the answer must be said.
    if (t.term.selective && !inSentence) missingSelective = true;
  }
  set('coverEntity', cover.entity);
  set('coverNumber', cover.number);
  set('coverHead', cover.head);
  set('coverVerb', cover.verb);
  set('coverWord', cover.word);
  set('coverModifier', cover.modifier);
  set('onlyRelated', onlyRelated);
  set('onlyBroader', onlyBroader);
  set('inParagraph', inParagraph);
  set('viaPronoun', viaPronoun);
  set('inSubject', inSubject);
  set('inArticle', inArticle);
  set('articleCoverage', articleCoverage);
  set('directShare', facts.terms.length > 0 ? direct / facts.terms.length : 0);
  // BM25's view: the exact matches, saturated and normalised by the sentence's length.
  const k1 = 1.2;
  const b = 0.75;
  const norm = k1 * (1 - b + (b * s.length) / Math.max(1, index.averageLength));
  let bm25 = 0;
  for (let k = 0; k < facts.terms.length; k++) if (matches[k]?.match === 'exact') bm25 += ((facts.terms[k] as PreparedTerm).weight * (k1 + 1)) / (1 + norm);
  set('bm25Share', bm25 / ((k1 + 1) * total / (1 + k1 * (1 - b))));
  set('shortSentence', Math.max(0, 1 - s.length / Math.max(1, 2 * index.averageLength)));
  set('idfMass', Math.min(1, Math.log1p(facts.total) / 4));
  set('missingEntity', missingEntity ? 1 : 0);
  set('missingNumber', missingNumber ? 1 : 0);
  set('missingHead', missingHead ? 1 : 0);
  set('missingVerb', missingVerb ? 1 : 0);
  set('maxMissing', maxMissing);
  set('missingWords', contentTerms > 0 ? Math.min(1, missingWords / 3) : 0);
  set('missingSelective', missingSelective ? 1 : 0);

  const { typeOk, statesUnknown, counted } = typeEvidence(s, plan, facts, words, cheap);
  const typed = INTENT_TARGETS[plan.intent] !== undefined;
  set('typeMissing', typed && !typeOk ? 1 : 0);
  set('typeCounted', counted ? 1 : 0);
  set('statesUnknown', statesUnknown ? 1 : 0);
  set('typedIntent', typed ? 1 : 0);
  set('confirmIntent', plan.intent === 'confirm' ? 1 : 0);

  const negationMismatch = negationMismatchOf(s, plan, facts, statesUnknown);
  set('negationMismatch', negationMismatch ? 1 : 0);
  set('antonym', antonym ? 1 : 0);
  // The costly checks (word order, roles, definitions) are left at 0 on the cheap pass, which bounds them instead.
  const swapped = !cheap && rolesSwapped(s, plan, facts.asked, words);
  // "Leon's first cabaret" against "Warsaw's first cabaret"; "Paris Philharmony" against "Warsaw Philharmony … Paris"; "Edward's son" with no son.
  const nameConflict = !cheap && (ownerSwapped(s, plan, words) || splitName(s, plan) || plan.possessives.some(([owner, owned]) => s.stems.has(owner) && !pStems.has(owned)));
  set('nameConflict', nameConflict ? 1 : 0);
  const predicate = !cheap && plan.intent === 'confirm' && plan.predicate ? predicateConflict(index, i, plan.predicate, plan.predicate.words, facts.terms.filter((t) => t.kind === 'word' || t.kind === 'head').map((t) => [...t.exact, ...t.related, ...t.broader])) : { conflict: false, support: false, contradicts: false };
  const roleConflict = swapped || predicate.conflict;
  set('roleConflict', roleConflict ? 1 : 0);
  set('roleSupport', predicate.support ? 1 : 0);

  const speakerClaim = plan.intent === 'stance' && speaks !== undefined && speaks(s.claims, s);
  set('speakerClaim', speakerClaim ? 1 : 0);
  set('speakerMissing', plan.intent === 'stance' && !speakerClaim ? 1 : 0);
  set('definition', !cheap && plan.defines !== undefined && plan.defines.test(s.sentence.text) ? 1 : 0);
  const first = index.paragraphStart[s.paragraph] === i && (s.paragraph === 0 || index.sentences[(index.paragraphStart[s.paragraph] ?? 1) - 1]?.article !== s.article);
  set('leadSentence', first ? 1 : 0);
  // A story of many paragraphs, or one paragraph on its own: how much context surrounds the sentence.
  const article = index.articles[s.article];
  set('longArticle', Math.min(1, Math.max(0, ((article?.paragraphs.length ?? 1) - 1) / 5)));
  void options;
  return {
    values,
    explanation: {
      matches,
      typeOk,
      statesUnknown,
      negationMismatch,
      antonym,
      roleConflict,
      nameConflict,
      predicate,
      speakerClaim,
      // Word-order slots are too rough to dispute another sentence with; a contradicted predicate, an antonym or another owner are not.
      opposite: antonym || predicate.contradicts || nameConflict || (negationMismatch && !plan.negated),
    },
  };
}

/** "Paris Philharmony" asked, "Paris" and "Philharmony" both names in the sentence but not together: another Philharmony. */
function splitName(s: IndexedSentence, plan: QueryPlan): boolean {
  const isNameIn = (stem: string): boolean => s.names.has(stem) || [...s.namePairs].some((pair) => pair.startsWith(`${stem} `));
  return plan.namePairs.some(([a, b, pair]) => !s.namePairs.has(pair) && isNameIn(a) && isNameIn(b));
}

function negationMismatchOf(s: IndexedSentence, plan: QueryPlan, facts: QuestionFacts, statesUnknown: boolean): boolean {
  if (plan.negated) {
    if (plan.negatedStems.size === 0) return !s.sentence.negated;
    for (const x of plan.negatedStems) if (s.negatedStems.has(x)) return false;
    // "without pistons" is said by "pistonless".
    return !plan.terms.some((t) => t.negatedForms?.some((f) => s.stems.has(f)));
  }
  // "What is fully understood …" is not answered by "… are not fully understood"; yes/no and
  // stance questions are, since the denial is their answer.
  return s.negatedHeads.size > 0 && plan.intent !== 'confirm' && plan.intent !== 'stance' && !statesUnknown && facts.terms.some((t) => t.term.kind === 'word' && s.negatedHeads.has(t.term.stem));
}

function typeEvidence(s: IndexedSentence, plan: QueryPlan, facts: QuestionFacts, words: SentenceWords, cheap: boolean): { typeOk: boolean; statesUnknown: boolean; counted: boolean } {
  const target = INTENT_TARGETS[plan.intent];
  if (!target) return { typeOk: true, statesUnknown: false, counted: false };
  if (s.unknown.has(target.unknown)) return { typeOk: true, statesUnknown: true, counted: false };
  for (const type of target.types) {
    if (type === 'quantity') {
      // "How many of the 352 votes …" is not answered by a sentence whose only figure is 352.
      if (s.types.has(type) && (s.quantities.length === 0 || s.quantities.some((q) => !facts.givenNumbers.has(q)))) {
        // A count of the thing asked about ("how many sailors" — "46 sailors"), not just any figure.
        let counted = false;
        for (const c of facts.countedStems) if (s.countStems.has(c)) counted = true;
        return { typeOk: true, statesUnknown: false, counted };
      }
      continue;
    }
    if (type === 'date' || type === 'reason') {
      if (s.types.has(type)) return { typeOk: true, statesUnknown: false, counted: false };
      continue;
    }
    // The entity that answers "who" must be one the question did not already name.
    for (const [concept, entityType] of s.entities) {
      if (!plan.concepts.has(concept) && (entityType === type || (type === 'organization' && entityType === 'group'))) return { typeOk: true, statesUnknown: false, counted: false };
    }
  }
  if (plan.intent === 'where' && !cheap && placeNamed(words, facts.asked)) return { typeOk: true, statesUnknown: false, counted: false };
  if (plan.intent === 'who') {
    for (const name of s.names) if (!facts.asked.has(name)) return { typeOk: true, statesUnknown: false, counted: false };
  }
  return { typeOk: false, statesUnknown: false, counted: false };
}
