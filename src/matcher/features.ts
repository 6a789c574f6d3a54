import { INTENT_TARGETS } from './intent.ts';
import type { MatchOptions } from './options.ts';
import { activateTable, articleContextByScan, compileQuestion, createArticleContext, createParagraphScan, EV_COUNTED, EV_ENTITY_TYPE, EV_EVENT_MATCH, EV_HEAD_NEGATED, EV_NAME_NOT_ASKED, EV_PLAN_NEGATED, EV_QUANTITY, hasAllEntityWords, scanParagraph, type ArticleContext, type ParagraphScan, type QuestionTable } from './question-table.ts';
import type { QueryPlan, QueryTerm } from './question.ts';
import { predicateConflict, type PredicateVerdict } from './roles.ts';
import { semanticFeatures, semanticQuestion, type SemanticQuestion } from './semantic.ts';
import { ANAPHORIC, ANSWER_TYPES, MEASURE_SHIFT, averageLength, conceptFrequency, familyStems, misspelledStems, NEGATED, sentenceAt, sentenceNamePairs, sentenceText, stemFrequency, TYPE_SHIFT, UNKNOWN_ASPECTS, UNKNOWN_SHIFT, type ClaimView, type IndexedSentence, type MatcherIndex } from './search-index.ts';
import { stopWordStems, type Token } from '../nlp/text.ts';
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
  'countEvent',
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
  'identity',
  'measureMatch',
  'measureMissing',
  'leadSentence',
  'longArticle',
  'typedIntent',
  'confirmIntent',
  // paraphrase, from word vectors: filled in by the rerank of the best candidates (`rerank` in rank.ts), 0 before
  'semantic',
  'semanticMiss',
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
  'countEvent',
  'statesUnknown',
  'negationMismatch',
  'antonym',
  'roleConflict',
  'nameConflict',
  'roleSupport',
  'identity',
  'measureMatch',
  'measureMissing',
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
  'semantic',
  'semanticMiss',
] as const;

/**
 * Which way each answer feature may weigh, for the fit (`fitLogistic`'s `signs`): +1 is evidence
 * for (the ranking's score and margin, coverage, a matching answer type, support), -1 evidence
 * against (what is missing, what conflicts); the rest (the bias, context shares, intents and their
 * interactions) may weigh either way. A weight that would come out the other way is held at 0, so
 * that a piece of evidence never counts against what it stands for because of what it happens to
 * correlate with in the training sets. Measured: the sets never fitted on gained 0.4 points of
 * balanced accuracy on average with the signs (README, "Stop 20's changes, measured").
 */
const FOR: ReadonlySet<string> = new Set(['rankScore', 'margin', 'coverage', 'typeCounted', 'countEvent', 'statesUnknown', 'roleSupport', 'identity', 'measureMatch', 'semantic']);
const AGAINST: ReadonlySet<string> = new Set(['onlyRelated', 'missingEntity', 'missingNumber', 'missingHead', 'missingVerb', 'maxMissing', 'missingWords', 'missingSelective', 'typeMissing', 'negationMismatch', 'antonym', 'roleConflict', 'nameConflict', 'measureMissing', 'semanticMiss']);
export const ANSWER_FEATURE_SIGNS: readonly number[] = ANSWER_FEATURE_NAMES.map((n) => (FOR.has(n) ? 1 : AGAINST.has(n) ? -1 : 0));

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
    countEvent: f('countEvent'),
    statesUnknown: f('statesUnknown'),
    negationMismatch: f('negationMismatch'),
    antonym: f('antonym'),
    roleConflict: f('roleConflict'),
    nameConflict: f('nameConflict'),
    roleSupport: f('roleSupport'),
    identity: f('identity'),
    measureMatch: f('measureMatch'),
    measureMissing: f('measureMissing'),
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
    semantic: f('semantic'),
    semanticMiss: f('semanticMiss'),
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
  const n = Math.max(1, index.liveSentences);
  return plan.terms.map((term) => {
    let df: number;
    let exact: string[] = [];
    let related: string[] = [];
    let affiliated: string[] = [];
    if (term.kind === 'entity' && term.concept !== undefined) {
      const surface = (term.entityStems ?? []).map((st) => stemFrequency(index, st));
      df = Math.max(conceptFrequency(index, term.concept), surface.length > 0 ? Math.min(...surface) : 0);
      affiliated = [...(index.affiliated.get(term.concept) ?? [])];
    } else {
      exact = [term.stem];
      related = [...new Set([...term.synonyms, ...familyStems(index, term.stem)])];
      df = stemFrequency(index, term.stem);
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
  /** A how-many question's verbs ("died"), for the verb of a figure ("killed 46"): their stems and related stems, their own stems, and whether the question names what it counts. */
  events: { asked: ReadonlySet<string>; verbs: ReadonlySet<string>; counted: boolean };
  /** The question compiled against the index's vocabulary (see `question-table.ts`). */
  table: QuestionTable;
  /** The paragraph last matched against it, an article's context, and room to work out another's. */
  paragraph: ParagraphScan;
  context: ArticleContext;
  work: ParagraphScan;
  /** The question's words with their vectors, worked out when a sentence is first reranked (`fillSemantic`). */
  semantic?: SemanticQuestion;
  /** The full pass's costly checks by content (`paraClass × MAX_MEMO_OFFSET + place in the paragraph`), so that a copy of a paragraph is checked once; unset (the default) to check every sentence, as the exhaustive reference does. */
  costlyByContent?: Map<number, CostlyChecks>;
  /** Sentences' tokens by text, for the word-order checks of the full pass: copies of a sentence (syndicated paragraphs) are tokenised once. */
  tokensByText: Map<string, readonly Token[]>;
  /** The word-vector features by sentence text: copies of a sentence (syndicated paragraphs) are read once. */
  semanticByText?: Map<string, { semantic: number; semanticMiss: number }>;
}

/** Works out a question's facts once. */
export function questionFacts(index: MatcherIndex, plan: QueryPlan): QuestionFacts {
  const terms = prepareTerms(index, plan);
  const head = terms.filter((t) => t.kind === 'head' || (plan.intent === 'how-many' && (t.kind === 'word' || t.kind === 'verb')));
  const asked = new Set(plan.terms.flatMap((t) => [t.stem, ...(t.entityStems ?? [])]));
  const givenNumbers = new Set(plan.terms.filter((t) => t.kind === 'number').flatMap((t) => [t.stem, ...t.synonyms]));
  const countedStems = new Set(head.flatMap((t) => [...t.exact, ...t.related]));
  const eventVerbs = plan.intent === 'how-many' ? terms.filter((t) => t.kind === 'verb') : [];
  const countsNoun = head.some((t) => t.kind !== 'verb');
  const events = { asked: new Set(eventVerbs.flatMap((t) => [...t.exact, ...t.related])), verbs: new Set(eventVerbs.flatMap((t) => t.exact)), counted: countsNoun };
  const shapes = terms.map((t) => ({
    ...(t.term.kind === 'entity' && t.term.concept !== undefined ? { concept: t.term.concept } : {}),
    entityStems: t.term.entityStems ?? [],
    exact: t.exact,
    related: t.related,
    negatedForms: t.term.negatedForms ?? [],
    broader: t.broader,
    affiliated: t.affiliated,
    antonyms: t.term.antonyms,
    ...(t.term.namedNoun !== undefined ? { namedNoun: t.term.namedNoun } : {}),
    kind: t.kind,
    wordKind: t.term.kind,
    stem: t.term.stem,
  }));
  return {
    terms,
    total: terms.reduce((sum, t) => sum + t.weight, 0),
    asked,
    givenNumbers,
    countedStems,
    events,
    table: compileQuestion(index, plan, shapes, asked, givenNumbers, countedStems, events),
    paragraph: createParagraphScan(),
    context: createArticleContext(),
    work: createParagraphScan(),
    tokensByText: new Map(),
  };
}

/** What the full pass's costly checks (word order, roles, definitions) found in one sentence. */
export interface CostlyChecks {
  swapped: boolean;
  nameConflict: boolean;
  predicate: PredicateVerdict;
  definition: boolean;
  identity: boolean;
}

/** Sentences past this place in a paragraph are not remembered by content (`QuestionFacts.costlyByContent`'s key stays an exact integer). */
const MAX_MEMO_OFFSET = 1 << 16;

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
export type SpeakerMatcher = (claims: readonly ClaimView[], s: IndexedSentence) => boolean;

/** Position of each feature in `FEATURE_NAMES`. */
export const F = Object.fromEntries(FEATURE_NAMES.map((n, k) => [n, k])) as Record<FeatureName, number>;

/** How a term was found, as a code: the order of `TermMatch`. */
export const MATCH = { exact: 0, related: 1, broader: 2, pronoun: 3, paragraph: 4, subject: 5, article: 6, none: 7 } as const;
const MATCH_NAMES: readonly TermMatch[] = ['exact', 'related', 'broader', 'pronoun', 'paragraph', 'subject', 'article', 'none'];

/** Evidence of one sentence, as bits (see `fillFeatures`). */
export const EVIDENCE = { typeOk: 1, statesUnknown: 2, negationMismatch: 4, antonym: 8, roleConflict: 16, nameConflict: 32, speakerClaim: 64, opposite: 128, counted: 256 } as const;

const NO_VERDICT: PredicateVerdict = { conflict: false, support: false, contradicts: false };

/** What the full pass found that the cheap one leaves out: the predicate verdict. */
export interface FullEvidence {
  predicate: PredicateVerdict;
}

/**
 * Fills `values` with the features of sentence i (of the scanned paragraph, in the given
 * article context) and `modes` with how each term was found; returns the evidence bits. The cheap pass (`cheap`) leaves the costly
 * checks that read word order (roles, owners, split names, predicates, definitions, a place
 * after a preposition, "the X" for a name's noun) at their defaults: `cheapSlack` bounds what
 * they can add. Pure.
 */
export function fillFeatures(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, scan: ParagraphScan, context: ArticleContext, i: number, cheap: boolean, values: Float64Array, modes: Uint8Array, speaks?: SpeakerMatcher, full?: FullEvidence): number {
  const table = facts.table;
  const o = i - scan.first;
  const W = table.esWords;
  const a = index.sentArticle[i] as number;
  const sFlags = index.sentFlags[i] as number;
  const prev = o - 1;
  const anaphoric = (sFlags & ANAPHORIC) !== 0;
  const wEx = scan.wordExact[o] as number;
  const wRel = scan.wordRelated[o] as number;
  const neg = scan.negatedForm[o] as number;
  const brd = scan.broader[o] as number;
  const ant = scan.antonym[o] as number;
  const cEx = scan.conceptExact[o] as number;
  const cAff = scan.conceptAffiliated[o] as number;
  const nn = scan.namedNoun[o] as number;
  const ev = scan.evidence[o] as number;
  // The sentence's text and words, read only by the costly checks (tsx names every closure, so none are made per call here).
  let lazy: LazySentence | undefined;

  values.fill(0);
  values[F.bias] = 1;
  const total = facts.total > 0 ? facts.total : 1;
  const cover = [0, 0, 0, 0, 0, 0];
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
  const k1 = 1.2;
  const b = 0.75;
  const norm = k1 * (1 - b + (b * (index.sentLength[i] as number)) / Math.max(1, averageLength(index)));
  let bm25 = 0;
  for (let k = 0; k < facts.terms.length; k++) {
    const t = facts.terms[k] as PreparedTerm;
    const bit = 1 << k;
    const conceptTerm = (table.conceptTerms & bit) !== 0;
    let match: number;
    if (conceptTerm) {
      if (cEx & bit) match = MATCH.exact;
      else if (!(table.vacuous & bit) && hasAllEntityWords(table, k, scan.entityWords, o * W)) match = MATCH.exact;
      else if (cAff & bit) match = MATCH.related;
      else match = MATCH.none;
    } else if (wEx & bit) match = MATCH.exact;
    else if ((wRel | neg) & bit) match = MATCH.related;
    else if (t.kind !== 'number' && brd & bit) match = MATCH.broader;
    else match = MATCH.none;
    if (match === MATCH.none && t.kind !== 'number') {
      if (prev >= 0 && anaphoric && table.entityKind & bit && heldBy(table, scan, k, conceptTerm, prev)) match = MATCH.pronoun;
      else if (conceptTerm ? (scan.paraConcepts & bit) !== 0 || hasAllEntityWords(table, k, scan.paraEntityWords, 0) : (scan.paraWords & bit) !== 0) match = MATCH.paragraph;
      else if (conceptTerm ? (context.subjectConcepts & bit) !== 0 : (context.subjectWords & bit) !== 0) match = MATCH.subject;
      else if (conceptTerm ? !(table.vacuous & bit) && hasAllEntityWords(table, k, context.entityWords, 0) : (context.words & bit) !== 0) match = MATCH.article;
    }
    // "In the cycle" stands for "the Rankine cycle" of its paragraph, as a pronoun would.
    if (!cheap && match === MATCH.paragraph && t.term.namedNoun !== undefined && nn & bit && namesDefinitely((lazy ??= new LazySentence(index, i, facts.tokensByText)).words, t.term.namedNoun)) match = MATCH.pronoun;
    modes[k] = match;
    const share = t.weight / total;
    if (match <= MATCH.broader) {
      const c = KIND_INDEX[t.kind];
      cover[c] = (cover[c] as number) + share;
      direct++;
      if (match === MATCH.related) onlyRelated += share;
      if (match === MATCH.broader) onlyBroader += share;
    } else if (match === MATCH.pronoun) viaPronoun += share;
    else if (match === MATCH.paragraph) inParagraph += share;
    else if (match === MATCH.subject) inSubject += share;
    else if (match === MATCH.article) inArticle += share;
    if (match !== MATCH.none) articleCoverage += share;
    const found = match !== MATCH.none && match !== MATCH.article;
    if (!found && t.kind === 'entity') missingEntity = true;
    if (match === MATCH.none && t.kind === 'number') missingNumber = true;
    if ((match === MATCH.none || match === MATCH.paragraph || match === MATCH.subject || match === MATCH.article) && t.kind === 'head') missingHead = true;
    if ((match === MATCH.none || match === MATCH.broader) && t.kind === 'verb') missingVerb = true;
    if (!found && ant & bit) antonym = true;
    // Accounted for: in the sentence, or, for a name, in what the sentence refers back to.
    const inSentence = match === MATCH.exact || match === MATCH.related;
    const accounted = inSentence || (t.kind === 'entity' && (match === MATCH.pronoun || match === MATCH.paragraph || match === MATCH.subject));
    if (!accounted) maxMissing = Math.max(maxMissing, share);
    if (t.kind !== 'entity' && t.kind !== 'number' && t.kind !== 'modifier') {
      contentTerms++;
      if (!inSentence) missingWords++;
    }
    // "the first", "the largest": the word that picks the answer must be said.
    if (t.term.selective && !inSentence) missingSelective = true;
  }
  // BM25's view: the exact matches, saturated and normalised by the sentence's length (summed in term order, after the loop, as ever).
  for (let k = 0; k < facts.terms.length; k++) if (modes[k] === MATCH.exact) bm25 += ((facts.terms[k] as PreparedTerm).weight * (k1 + 1)) / (1 + norm);
  values[F.coverEntity] = cover[0] as number;
  values[F.coverNumber] = cover[1] as number;
  values[F.coverHead] = cover[2] as number;
  values[F.coverVerb] = cover[3] as number;
  values[F.coverWord] = cover[4] as number;
  values[F.coverModifier] = cover[5] as number;
  values[F.onlyRelated] = onlyRelated;
  values[F.onlyBroader] = onlyBroader;
  values[F.inParagraph] = inParagraph;
  values[F.viaPronoun] = viaPronoun;
  values[F.inSubject] = inSubject;
  values[F.inArticle] = inArticle;
  values[F.articleCoverage] = articleCoverage;
  values[F.directShare] = facts.terms.length > 0 ? direct / facts.terms.length : 0;
  values[F.bm25Share] = bm25 / (((k1 + 1) * total) / (1 + k1 * (1 - b)));
  values[F.shortSentence] = Math.max(0, 1 - (index.sentLength[i] as number) / Math.max(1, 2 * averageLength(index)));
  values[F.idfMass] = Math.min(1, Math.log1p(facts.total) / 4);
  values[F.missingEntity] = missingEntity ? 1 : 0;
  values[F.missingNumber] = missingNumber ? 1 : 0;
  values[F.missingHead] = missingHead ? 1 : 0;
  values[F.missingVerb] = missingVerb ? 1 : 0;
  values[F.maxMissing] = maxMissing;
  values[F.missingWords] = contentTerms > 0 ? Math.min(1, missingWords / 3) : 0;
  values[F.missingSelective] = missingSelective ? 1 : 0;

  // The answer's type: a sentence saying the asked-for thing is not known answers too.
  const target = INTENT_TARGETS[plan.intent];
  let typeOk = true;
  let statesUnknown = false;
  let counted = false;
  if (target) {
    if (sFlags & (1 << (UNKNOWN_SHIFT + UNKNOWN_ASPECTS.indexOf(target.unknown)))) statesUnknown = true;
    else {
      typeOk = false;
      for (const type of target.types) {
        if (type === 'quantity') {
          // "How many of the 352 votes …" is not answered by a sentence whose only figure is 352;
          // a count of the thing asked about ("how many sailors" — "46 sailors") counts for more.
          if (sFlags & (TYPE_BIT[type] as number) && ev & EV_QUANTITY) {
            typeOk = true;
            counted = (ev & EV_COUNTED) !== 0;
            break;
          }
        } else if (type === 'date' || type === 'reason') {
          if (sFlags & (TYPE_BIT[type] as number)) {
            typeOk = true;
            break;
          }
        } else if (ev & EV_ENTITY_TYPE) {
          // The entity that answers "who" must be one the question did not already name.
          typeOk = true;
          break;
        }
      }
      if (!typeOk && plan.intent === 'where' && !cheap && placeNamed((lazy ??= new LazySentence(index, i, facts.tokensByText)).words, facts.asked)) typeOk = true;
      if (!typeOk && plan.intent === 'who' && ev & EV_NAME_NOT_ASKED) typeOk = true;
    }
  }
  const typed = target !== undefined;
  values[F.typeMissing] = typed && !typeOk ? 1 : 0;
  values[F.typeCounted] = counted ? 1 : 0;
  // The verb of a figure against the how-many question's verb: "killed 46 sailors" answers "how many died", not "how many survived".
  values[F.countEvent] = facts.events.verbs.size > 0 && ev & EV_EVENT_MATCH ? 1 : 0;
  values[F.statesUnknown] = statesUnknown ? 1 : 0;
  values[F.typedIntent] = typed ? 1 : 0;
  values[F.confirmIntent] = plan.intent === 'confirm' ? 1 : 0;

  let negationMismatch: boolean;
  if (plan.negated) {
    if (plan.negatedStems.size === 0) negationMismatch = (sFlags & NEGATED) === 0;
    // "without pistons" is said by "pistonless".
    else negationMismatch = !(ev & EV_PLAN_NEGATED) && neg === 0;
  } else {
    // "What is fully understood …" is not answered by "… are not fully understood"; yes/no and
    // stance questions are, since the denial is their answer.
    negationMismatch = (ev & EV_HEAD_NEGATED) !== 0 && plan.intent !== 'confirm' && plan.intent !== 'stance' && !statesUnknown;
  }
  values[F.negationMismatch] = negationMismatch ? 1 : 0;
  values[F.antonym] = antonym ? 1 : 0;
  // The costly checks (word order, roles, definitions) are left at 0 on the cheap pass, which bounds them instead.
  let roleConflict = false;
  let nameConflict = false;
  let predicate = NO_VERDICT;
  let definition = false;
  // The kinds of figure the question asks for, against those the sentence's figures give.
  const measure = plan.measures === undefined ? undefined : ((sFlags >>> MEASURE_SHIFT) & plan.measures) !== 0;
  let identity = false;
  if (!cheap) {
    // The checks read only the sentence's words and its paragraph's: a copy of the paragraph (same content class) gives the same.
    const offset = i - (index.paraStart[index.sentParagraph[i] as number] as number);
    const memo = facts.costlyByContent;
    const key = memo && offset < MAX_MEMO_OFFSET ? (index.paraClass[index.sentParagraph[i] as number] as number) * MAX_MEMO_OFFSET + offset : -1;
    let known = key >= 0 ? memo?.get(key) : undefined;
    if (!known) {
      lazy ??= new LazySentence(index, i, facts.tokensByText);
      const s = lazy.view;
      const words = lazy.words;
      const swapped = rolesSwapped(s, plan, facts.asked, words);
      // "Leon's first cabaret" against "Warsaw's first cabaret"; "Paris Philharmony" against "Warsaw Philharmony … Paris"; "Edward's son" with no son.
      const owner = ownerSwapped(s, plan, words) || (plan.namePairs.length > 0 && splitName(s, sentenceNamePairs(s.sentence.text, words()), plan)) || plan.possessives.some(([x, owned]) => s.stems.has(x) && !paragraphHas(index, s.paragraph, owned));
      const verdict = plan.intent === 'confirm' && plan.predicate ? predicateConflict(index, s, words, plan.predicate, plan.predicate.words, facts.terms.filter((t) => t.kind === 'word' || t.kind === 'head').map((t) => [...t.exact, ...t.related, ...t.broader])) : NO_VERDICT;
      known = {
        swapped,
        nameConflict: owner,
        predicate: verdict,
        definition: plan.defines !== undefined && plan.defines.test(s.sentence.text),
        identity: plan.identifies !== undefined && plan.identifies.test(s.sentence.text),
      };
      if (key >= 0) memo?.set(key, known);
    }
    nameConflict = known.nameConflict;
    predicate = known.predicate;
    roleConflict = known.swapped || predicate.conflict;
    definition = known.definition;
    identity = known.identity;
  }
  values[F.nameConflict] = nameConflict ? 1 : 0;
  values[F.roleConflict] = roleConflict ? 1 : 0;
  values[F.roleSupport] = predicate.support ? 1 : 0;
  if (speaks !== undefined) lazy ??= new LazySentence(index, i, facts.tokensByText);
  const speakerClaim = plan.intent === 'stance' && speaks !== undefined && lazy !== undefined && speaks(lazy.view.claims, lazy.view);
  values[F.speakerClaim] = speakerClaim ? 1 : 0;
  values[F.speakerMissing] = plan.intent === 'stance' && !speakerClaim ? 1 : 0;
  values[F.definition] = definition ? 1 : 0;
  values[F.identity] = identity ? 1 : 0;
  values[F.measureMatch] = measure === true ? 1 : 0;
  values[F.measureMissing] = measure === false ? 1 : 0;
  values[F.leadSentence] = i === index.articleSentStart[a] ? 1 : 0;
  // A story of many paragraphs, or one paragraph on its own: how much context surrounds the sentence.
  values[F.longArticle] = Math.min(1, Math.max(0, ((index.articleParaStart[a + 1] as number) - (index.articleParaStart[a] as number) - 1) / 5));
  if (full) full.predicate = predicate;
  // Word-order slots are too rough to dispute another sentence with; a contradicted predicate, an antonym or another owner are not.
  const opposite = antonym || predicate.contradicts || nameConflict || (negationMismatch && !plan.negated);
  return (
    (typeOk ? EVIDENCE.typeOk : 0) |
    (statesUnknown ? EVIDENCE.statesUnknown : 0) |
    (negationMismatch ? EVIDENCE.negationMismatch : 0) |
    (antonym ? EVIDENCE.antonym : 0) |
    (roleConflict ? EVIDENCE.roleConflict : 0) |
    (nameConflict ? EVIDENCE.nameConflict : 0) |
    (speakerClaim ? EVIDENCE.speakerClaim : 0) |
    (opposite ? EVIDENCE.opposite : 0) |
    (counted ? EVIDENCE.counted : 0)
  );
}

const KIND_INDEX: Record<PreparedTerm['kind'], number> = { entity: 0, number: 1, head: 2, verb: 3, word: 4, modifier: 5 };
const TYPE_BIT = Object.fromEntries(ANSWER_TYPES.map((t, k) => [t, 1 << (TYPE_SHIFT + k)])) as Record<(typeof ANSWER_TYPES)[number], number>;

/** A sentence's view and words, made on first use. */
class LazySentence {
  private sentenceView: IndexedSentence | undefined;
  private sentenceWords: SentenceWords | undefined;
  constructor(
    private readonly index: MatcherIndex,
    private readonly i: number,
    /** The question's tokens by sentence text (`QuestionFacts.tokensByText`). */
    private readonly tokens: Map<string, readonly Token[]>,
  ) {}
  get view(): IndexedSentence {
    return (this.sentenceView ??= sentenceAt(this.index, this.i));
  }
  get words(): SentenceWords {
    if (!this.sentenceWords) {
      const text = this.view.sentence.text;
      const known = this.tokens;
      this.sentenceWords = () => {
        let tokens = known.get(text);
        if (!tokens) known.set(text, (tokens = wordsOf(text)()));
        return tokens;
      };
    }
    return this.sentenceWords;
  }
}

/** Whether the scanned sentence at offset q holds term k as a set would (its words, or its concept, or all its entity words). */
function heldBy(table: QuestionTable, scan: ParagraphScan, k: number, conceptTerm: boolean, q: number): boolean {
  const bit = 1 << k;
  if (conceptTerm) return ((scan.conceptExact[q] as number) & bit) !== 0 || hasAllEntityWords(table, k, scan.entityWords, q * table.esWords);
  return (((scan.wordExact[q] as number) | (scan.wordRelated[q] as number)) & bit) !== 0;
}

/** True when a sentence of global paragraph p holds `stem`. */
function paragraphHas(index: MatcherIndex, p: number, stem: string): boolean {
  const id = index.stems.ids.get(stem);
  if (id === undefined) return false;
  for (let i = index.paraStart[p] as number; i < (index.paraStart[p + 1] as number); i++) {
    for (let j = index.sentStemStart[i] as number; j < (index.sentStemStart[i + 1] as number); j++) if (index.stemIds[j] === id) return true;
  }
  return false;
}

/**
 * The most the costly checks the cheap pass leaves out can add to a sentence's score: each
 * costly feature at its best where it can still change, and "the X" turning a paragraph match
 * of a name into a pronoun one. 0 exactly when the full pass can only turn on features with
 * non-positive weights, one at a time (its sum is then never above the cheap one, bit for bit).
 */
export function cheapSlack(plan: QueryPlan, facts: QuestionFacts, weights: readonly number[], values: Float64Array, modes: Uint8Array, scan: ParagraphScan, i: number): number {
  let slack = Math.max(0, weights[F.roleConflict] ?? 0) + Math.max(0, weights[F.nameConflict] ?? 0);
  // A predicate is borne out only by a sentence holding its verb (or a related word), unless that is a stop word, which no stem list holds.
  if (plan.intent === 'confirm' && plan.predicate) {
    const verb = predicateVerbTerm(plan, facts);
    if (predicateVerbUnindexed(plan) || (verb >= 0 && (modes[verb] === MATCH.exact || modes[verb] === MATCH.related))) slack += Math.max(0, weights[F.roleSupport] ?? 0);
  }
  if (plan.defines !== undefined) slack += Math.max(0, weights[F.definition] ?? 0);
  if (plan.identifies !== undefined) slack += Math.max(0, weights[F.identity] ?? 0);
  if (plan.intent === 'where' && values[F.typeMissing] === 1) slack += Math.max(0, -(weights[F.typeMissing] ?? 0));
  const nn = scan.namedNoun[i - scan.first] as number;
  if (nn !== 0) {
    const total = facts.total > 0 ? facts.total : 1;
    for (let k = 0; k < facts.terms.length; k++) {
      const t = facts.terms[k] as PreparedTerm;
      // Two features change at once here, so the full sum may round either way: never a tie-safe bound (hence the EPSILON).
      if (modes[k] === MATCH.paragraph && nn & (1 << k) && t.term.namedNoun !== undefined) slack += Math.max(0, ((weights[F.viaPronoun] ?? 0) - (weights[F.inParagraph] ?? 0)) * (t.weight / total)) + 1e-9;
    }
  }
  return slack;
}

/**
 * Computes the features of one sentence for a question: the one place ranking, pruning bounds
 * and `--explain` take them from. Pure.
 */
export function computeFeatures(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, i: number, options: MatchOptions, speaks?: SpeakerMatcher, cheap = false): SentenceFeatures {
  void options;
  activateTable(index, facts.table);
  const context = articleContextByScan(index, facts.table, index.sentArticle[i] as number, facts.work, facts.context);
  const scan = scanParagraph(index, facts.table, index.sentParagraph[i] as number, facts.paragraph);
  const values = new Float64Array(FEATURE_NAMES.length);
  const modes = new Uint8Array(facts.terms.length);
  const full: FullEvidence = { predicate: NO_VERDICT };
  const ev = fillFeatures(index, plan, facts, scan, context, i, cheap, values, modes, speaks, full);
  if (!cheap) fillSemantic(index, plan, facts, i, values);
  return { values, explanation: explanationOf(facts, modes, ev, full.predicate) };
}

/**
 * Fills in sentence i's word-vector features (`semantic.ts`): the rerank of the best sentences by the
 * other features, and `computeFeatures`, both call it. It reads the sentence's text, so the ranking
 * calls it only for its few best.
 */
export function fillSemantic(index: MatcherIndex, plan: QueryPlan, facts: QuestionFacts, i: number, values: Float64Array): void {
  facts.semantic ??= semanticQuestion(plan);
  facts.semanticByText ??= new Map();
  const text = sentenceText(index, i);
  let known = facts.semanticByText.get(text);
  if (!known) facts.semanticByText.set(text, (known = semanticFeatures(facts.semantic, text)));
  const { semantic, semanticMiss } = known;
  values[F.semantic] = semantic;
  values[F.semanticMiss] = semanticMiss;
}

/** The explanation of evidence bits and term matches. */
export function explanationOf(facts: QuestionFacts, modes: Uint8Array, ev: number, predicate: PredicateVerdict): FeatureExplanation {
  return {
    matches: facts.terms.map((t, k) => ({ term: t.term.text, kind: t.kind, match: MATCH_NAMES[modes[k] as number] as TermMatch })),
    typeOk: (ev & EVIDENCE.typeOk) !== 0,
    statesUnknown: (ev & EVIDENCE.statesUnknown) !== 0,
    negationMismatch: (ev & EVIDENCE.negationMismatch) !== 0,
    antonym: (ev & EVIDENCE.antonym) !== 0,
    roleConflict: (ev & EVIDENCE.roleConflict) !== 0,
    nameConflict: (ev & EVIDENCE.nameConflict) !== 0,
    predicate,
    speakerClaim: (ev & EVIDENCE.speakerClaim) !== 0,
    opposite: (ev & EVIDENCE.opposite) !== 0,
  };
}

/** Which of the question's terms is its predicate's verb (a yes/no question's roles are borne out only by a sentence holding it); -1 for none. */
export function predicateVerbTerm(plan: QueryPlan, facts: QuestionFacts): number {
  const stem = plan.intent === 'confirm' ? plan.predicate?.verb[0] : undefined;
  return stem === undefined ? -1 : facts.terms.findIndex((t) => t.term.stem === stem);
}

/** True when a yes/no question's verb (or a word related to it) is a stop word: a sentence may hold it without its stems saying so ("have"). */
export function predicateVerbUnindexed(plan: QueryPlan): boolean {
  const stops = stopWordStems();
  return plan.predicate?.verb.some((v) => stops.has(v)) ?? false;
}

/** "Paris Philharmony" asked, "Paris" and "Philharmony" both names in the sentence but not together: another Philharmony. */
function splitName(s: IndexedSentence, pairs: ReadonlySet<string>, plan: QueryPlan): boolean {
  const isNameIn = (stem: string): boolean => s.names.has(stem) || [...pairs].some((pair) => pair.startsWith(`${stem} `));
  return plan.namePairs.some(([a, b, pair]) => !pairs.has(pair) && isNameIn(a) && isNameIn(b));
}
