import type { AnswerType, Claim, EntityType, Knowledge, UnknownAspect } from '../knowledge/schema.ts';
import { IRREGULAR_VERBS, UNIT_SYMBOLS } from '../nlp/lexicon.ts';
import { relationsOfForm } from '../nlp/wordnet.ts';
import { contentStems, isRomanNumeral, isStopWord, namePairs, nameKey, negationScope, stemWord, tokenize, type Token } from '../nlp/text.ts';
import { kindOfUnit, measureMask } from './measures.ts';
import { addPosting, compactPostings, createIdColumn, createPostingTable, createVocabulary, ensureCapacity, internString, widenFor, type Column, type IdColumn, type PostingTable, type Vocabulary } from './columns.ts';

/*
 * The matcher's index, compact: every sentence is a few numbers in typed arrays (its article,
 * paragraph, length and flags), its content stems and entity concepts as vocabulary ids, and its
 * text as UTF-8 bytes. Nothing is tokenised again to match or bound a sentence; only the handful
 * a question may still be answered by are, for word order. Posting lists give the sentences that
 * hold each stem and concept, the articles whose subjects they are, and the sentences that say
 * something is not known.
 * Articles can be added and removed in place (`addArticles`, `removeArticles`).
 */

/** Answer types as bits of a sentence's flags (shifted by `TYPE_SHIFT`). */
export const ANSWER_TYPES: readonly AnswerType[] = ['date', 'quantity', 'person', 'organization', 'country', 'place', 'reason'];
/** Unknown aspects as bits of a sentence's flags (shifted by `UNKNOWN_SHIFT`). */
export const UNKNOWN_ASPECTS: readonly UnknownAspect[] = ['quantity', 'time', 'place', 'identity', 'reason'];
/** Entity types by code. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'country', 'place', 'group'];
/** Claim stances by code. */
export const STANCES: readonly Claim['stance'][] = ['says', 'believes', 'alleges', 'denies', 'warns', 'confirms', 'not-confirmed'];

/** Sentence flag: it opens with a pronoun that may stand for a name in its paragraph. */
export const ANAPHORIC = 1;
/** Sentence flag: the build found it negated. */
export const NEGATED = 2;
/** Where answer-type bits start in a sentence's flags. */
export const TYPE_SHIFT = 2;
/** Where unknown-aspect bits start in a sentence's flags. */
export const UNKNOWN_SHIFT = TYPE_SHIFT + ANSWER_TYPES.length;

/**
 * What a sentence's `extraIds` hold, figure by figure, in the low two bits of each code (the stem
 * id is the rest): the first word of a figure, then stems of what it counts, stems of the verb it is
 * the subject or object of ("killed" in "killed 46 sailors"), and stems WordNet relates that verb to
 * (its synonyms, derivations, broader words and gloss: "kill" → "die").
 */
export const EXTRA_FIGURE = 0;
/** See `EXTRA_FIGURE`: a stem of what a figure counts. */
export const EXTRA_COUNTED = 1;
/** See `EXTRA_FIGURE`: a stem of a figure's verb. */
export const EXTRA_EVENT = 2;
/** See `EXTRA_FIGURE`: a stem WordNet relates a figure's verb to. */
export const EXTRA_EVENT_RELATED = 3;

const eventStemCache = new Map<string, { own: readonly string[]; related: readonly string[] }>();

/** The stems of a quantity's verb as written, and the stems WordNet relates it to. Memoised. */
function eventStems(event: string): { own: readonly string[]; related: readonly string[] } {
  const hit = eventStemCache.get(event);
  if (hit) return hit;
  const norm = event.toLowerCase();
  const base = IRREGULAR_VERBS.get(norm);
  const own = [...new Set([stemWord(norm), ...(base ? [stemWord(base)] : [])])];
  const rel = relationsOfForm(norm);
  const related = [...new Set([...rel.synonym, ...rel.derivation, ...rel.hypernym, ...rel.gloss])].filter((st) => !own.includes(st));
  const out = { own, related };
  if (eventStemCache.size < 50_000) eventStemCache.set(event, out);
  return out;
}
/** Where the bits of the kinds of measure its figures give (`MEASURE_KINDS`) start in a sentence's flags. */
export const MEASURE_SHIFT = UNKNOWN_SHIFT + UNKNOWN_ASPECTS.length;

/** Stem-entry flag: the word is capitalised past the sentence's first word (a name). */
export const STEM_NAME = 1;
/** Stem-entry flag: a negation of the sentence negates it (within three content words). */
export const STEM_NEGATED = 2;
/** Stem-entry flag: a predicate negation negates it directly ("is not met"). */
export const STEM_NEGATED_HEAD = 4;


/**
 * How many content words after a sentence's "not" count as negated. Wider than a question's
 * one word, because a statement puts more before its predicate ("not be fully used").
 */
const SENTENCE_NEGATION_REACH = 3;

const ANAPHORS = new Set(['he', 'she', 'it', 'they', 'this', 'these', 'his', 'her', 'its', 'their']);
/** How many of a sentence's first words may be the pronoun that refers back to its paragraph. */
const ANAPHOR_REACH = 4;

/** An alias phrase that names an entity concept, as token norms. */
export interface AliasEntry {
  norms: readonly string[];
  concept: string;
  /** Short acronyms must be written in capitals to count ("US" but not "us"). */
  capitals: boolean;
}

/** An article's metadata and what suggestions it offers. */
export interface ArticleEntry {
  article: Knowledge['article'];
  /** Its topics' suggested questions, in order. */
  suggestions: readonly string[];
}

/** Per-question working memory, reused between questions (one question at a time). */
export interface IndexScratch {
  /** Stem id → the question's slot for it, valid where `stemStamp` equals `epoch`. */
  stemSlot: Int32Array;
  stemStamp: Int32Array;
  conceptSlot: Int32Array;
  conceptStamp: Int32Array;
  epoch: number;
}

/**
 * Everything the matcher needs, built from the loaded knowledge. Sentences, paragraphs and
 * articles are numbered in load order; a removed article keeps its numbers and is skipped.
 * Typed arrays may be longer than the counts they hold.
 */
export interface MatcherIndex {
  articleCount: number;
  paragraphCount: number;
  sentenceCount: number;
  /** Sentences of articles not removed: the N of IDF. */
  liveSentences: number;
  /** Content words of live sentences, for the mean sentence length of BM25. */
  totalLength: number;
  /** Content stems (and every stem an article, a title or a speaker holds). */
  stems: Vocabulary;
  /** Live sentences holding each stem. */
  stemDf: Uint32Array;
  /** Stem ids sorted by their text, each stem once it is held by a sentence (`stemDf` says whether it still is). */
  sortedStems: Uint32Array;
  sortedCount: number;
  /** Entity concept keys (folded names). */
  concepts: Vocabulary;
  /** Live sentences mentioning each concept. */
  conceptDf: Uint32Array;
  /** Display name of each concept: the first entity name that gave it ('' when no entity did). */
  conceptNames: string[];
  /** Entity type code (`ENTITY_TYPES`) of each concept: the first entity's that gave it (-1 when no entity did). */
  conceptKinds: number[];

  /** Per sentence: its article, global paragraph, content length, flags (`ANAPHORIC`, `NEGATED`, types, unknown aspects). */
  sentArticle: Uint32Array;
  sentParagraph: Uint32Array;
  sentLength: Uint16Array;
  sentFlags: Uint32Array;
  /** Sentence i's stems are `stemIds[sentStemStart[i]] …` up to `sentStemStart[i + 1]`, ascending, with `stemFlags` (16-bit ids while the vocabulary allows). */
  sentStemStart: Uint32Array;
  stemIds: IdColumn;
  stemFlags: Uint8Array;
  /** Sentence i's entity concepts (in first-mention order) with their entity type codes. */
  sentConceptStart: Uint32Array;
  conceptIds: IdColumn;
  conceptTypes: Uint8Array;
  /** Sentence i's quantities: each first word's stem id × 2, then the stems of what they count × 2 + 1. */
  sentExtraStart: Uint32Array;
  extraIds: Uint32Array;
  /** Sentence i's text is the UTF-8 `textBytes[sentTextStart[i]] …` up to `sentTextStart[i + 1]`. */
  sentTextStart: Uint32Array;
  textBytes: Uint8Array;

  /** First sentence of each global paragraph (one entry more than paragraphs). */
  paraStart: Uint32Array;
  /**
   * Each paragraph's content class: paragraphs of one class hold the same sentences with the same
   * annotations (syndicated copy, boilerplate), so a question scores them alike in alike articles.
   */
  paraClass: Uint32Array;
  /** Content hash → classes with it, and a paragraph of each class (for paragraphs added from now on; not kept on disk). */
  classes: Map<number, number[]>;
  classExample: number[];
  classCount: number;

  /** First sentence and first paragraph of each article (one entry more than articles). */
  articleSentStart: Uint32Array;
  articleParaStart: Uint32Array;
  articles: ArticleEntry[];
  articleById: Map<string, number>;
  /** Removed articles (1). */
  removed: Uint8Array;
  /** Article a's subject concepts and subject stems (title and lead sentence), ascending. */
  subjectStart: Uint32Array;
  subjectIds: Uint32Array;
  subjectStemStart: Uint32Array;
  subjectStemIds: Uint32Array;
  /** Union of the flags of each article's sentences (types and unknown aspects). */
  articleFlags: Uint16Array;
  /** Shortest and longest sentence of each article, in content words. */
  articleMinLength: Uint16Array;
  articleMaxLength: Uint16Array;

  /** Article a's claims are claims `articleClaimStart[a]` … `articleClaimStart[a + 1] - 1`, in the knowledge file's order. */
  articleClaimStart: Uint32Array;
  claimSentence: Uint32Array;
  claimStance: Uint8Array;
  /** The speaker as the article names them. */
  claimSpeaker: string[];
  /** The speaker's concept, the concepts they speak for, and the stems of their name and role. */
  claimConcept: Uint32Array;
  claimAffStart: Uint32Array;
  claimAffIds: Uint32Array;
  claimStemStart: Uint32Array;
  claimStemIds: Uint32Array;
  claimCount: number;

  /** Stem id → sentences holding it, ascending. */
  sentenceStems: PostingTable;
  /** Concept id → sentences mentioning it. */
  sentenceConcepts: PostingTable;
  /** Stem id → articles whose title or lead sentence holds it; concept id → articles having it as a subject. */
  subjectStems: PostingTable;
  subjectConcepts: PostingTable;
  /** Unknown aspect code → sentences saying that aspect is not known ("the toll is not known"). */
  unknownSentences: PostingTable;
  /** Concept id → claims by it or by someone who speaks for it. */
  speakerConcepts: PostingTable;
  /** Stem id → claims whose speaker's name or role holds it. */
  speakerStems: PostingTable;

  /** First alias token norm → aliases starting with it. */
  aliases: Map<string, AliasEntry[]>;
  /** `concept|norms` → how many articles give the alias (for removal). */
  aliasRefs: Map<string, number>;
  /** Concepts that stand for each other in part: a person and what they speak for, a capital and its country. */
  affiliated: Map<string, Set<string>>;
  /** `a|b` → how many articles affiliate them (for removal). */
  affiliationRefs: Map<string, number>;

  scratch: IndexScratch;
}

/**
 * Words a token implies without saying: a year implies its century ("1564" → "16th",
 * "century"), a decade its century too ("1560s"). So "the 16th century" meets "in 1564".
 */
export function impliedStems(norm: string): string[] {
  const year = /^(1[0-9]|20)(\d)(\d)s?$/.exec(norm);
  if (!year || norm.length < 4) return [];
  const century = Number(year[1]) + 1;
  const suffix = century % 10 === 1 && century !== 11 ? 'st' : century % 10 === 2 && century !== 12 ? 'nd' : century % 10 === 3 && century !== 13 ? 'rd' : 'th';
  return [`${century}${suffix}`, stemWord('century')];
}

/**
 * Words a unit symbol after a figure stands for: "565 °C" → "degree", "celsius"; "40 km" →
 * "kilometr". So "in degrees Celsius" meets "565 °C".
 */
export function unitStems(text: string, tokens: readonly Token[], k: number): string[] {
  const t = tokens[k];
  const before = tokens[k - 1];
  if (!t || !before || !/^\d/.test(before.norm)) return [];
  const degree = /°\s?$/.test(text.slice(before.end, t.start));
  const words = UNIT_SYMBOLS.get(degree ? `°${t.norm}` : t.norm);
  return words ? contentStems(words) : [];
}

/** The key that unifies one entity across articles: its folded name. */
export const conceptKey = nameKey;

/** An empty index, ready for `addArticles`. */
export function createMatcherIndex(): MatcherIndex {
  const u32 = (): Uint32Array => new Uint32Array(16);
  return {
    articleCount: 0,
    paragraphCount: 0,
    sentenceCount: 0,
    liveSentences: 0,
    totalLength: 0,
    stems: createVocabulary(),
    stemDf: u32(),
    sortedStems: u32(),
    sortedCount: 0,
    concepts: createVocabulary(),
    conceptDf: u32(),
    conceptNames: [],
    conceptKinds: [],
    sentArticle: u32(),
    sentParagraph: u32(),
    sentLength: new Uint16Array(16),
    sentFlags: new Uint32Array(16),
    sentStemStart: new Uint32Array(17),
    stemIds: createIdColumn(),
    stemFlags: new Uint8Array(16),
    sentConceptStart: new Uint32Array(17),
    conceptIds: createIdColumn(),
    conceptTypes: new Uint8Array(16),
    sentExtraStart: new Uint32Array(17),
    extraIds: u32(),
    sentTextStart: new Uint32Array(17),
    textBytes: new Uint8Array(1024),
    paraStart: new Uint32Array(17),
    paraClass: new Uint32Array(16),
    classes: new Map(),
    classExample: [],
    classCount: 0,
    articleSentStart: new Uint32Array(17),
    articleParaStart: new Uint32Array(17),
    articles: [],
    articleById: new Map(),
    removed: new Uint8Array(16),
    subjectStart: new Uint32Array(17),
    subjectIds: u32(),
    subjectStemStart: new Uint32Array(17),
    subjectStemIds: u32(),
    articleFlags: new Uint16Array(16),
    articleMinLength: new Uint16Array(16),
    articleMaxLength: new Uint16Array(16),
    articleClaimStart: new Uint32Array(17),
    claimSentence: u32(),
    claimStance: new Uint8Array(16),
    claimSpeaker: [],
    claimConcept: u32(),
    claimAffStart: new Uint32Array(17),
    claimAffIds: u32(),
    claimStemStart: new Uint32Array(17),
    claimStemIds: u32(),
    claimCount: 0,
    sentenceStems: createPostingTable(),
    sentenceConcepts: createPostingTable(),
    subjectStems: createPostingTable(),
    subjectConcepts: createPostingTable(),
    unknownSentences: createPostingTable(),
    speakerConcepts: createPostingTable(),
    speakerStems: createPostingTable(),
    aliases: new Map(),
    aliasRefs: new Map(),
    affiliated: new Map(),
    affiliationRefs: new Map(),
    scratch: createScratch(0, 0),
  };
}

/** Working memory for a vocabulary of the given sizes. */
export function createScratch(stems: number, concepts: number): IndexScratch {
  return { stemSlot: new Int32Array(stems), stemStamp: new Int32Array(stems), conceptSlot: new Int32Array(concepts), conceptStamp: new Int32Array(concepts), epoch: 0 };
}

/** The scratch sized for the index's vocabularies (grown when articles brought new words). */
export function scratchOf(index: MatcherIndex): IndexScratch {
  const s = index.scratch;
  if (s.stemSlot.length < index.stems.strings.length || s.conceptSlot.length < index.concepts.strings.length) {
    index.scratch = createScratch(Math.ceil(index.stems.strings.length * 1.25) + 64, Math.ceil(index.concepts.strings.length * 1.25) + 64);
    index.scratch.epoch = s.epoch;
  }
  return index.scratch;
}

/** The index's typed columns (posting tables aside). */
export type ColumnName =
  | 'stemDf' | 'sortedStems' | 'conceptDf' | 'sentArticle' | 'sentParagraph' | 'sentLength' | 'sentFlags' | 'sentStemStart' | 'stemIds' | 'stemFlags'
  | 'sentConceptStart' | 'conceptIds' | 'conceptTypes' | 'sentExtraStart' | 'extraIds' | 'sentTextStart' | 'textBytes' | 'paraStart' | 'paraClass'
  | 'articleSentStart' | 'articleParaStart' | 'removed' | 'subjectStart' | 'subjectIds' | 'subjectStemStart' | 'subjectStemIds' | 'articleFlags'
  | 'articleMinLength' | 'articleMaxLength' | 'articleClaimStart' | 'claimSentence' | 'claimStance' | 'claimConcept' | 'claimAffStart' | 'claimAffIds'
  | 'claimStemStart' | 'claimStemIds';

/** How many items of each column the index holds (the arrays may be longer). */
export function columnLengths(index: MatcherIndex): Record<ColumnName, number> {
  const N = index.sentenceCount;
  const A = index.articleCount;
  const C = index.claimCount;
  return {
    stemDf: index.stems.strings.length,
    sortedStems: index.sortedCount,
    conceptDf: index.concepts.strings.length,
    sentArticle: N,
    sentParagraph: N,
    sentLength: N,
    sentFlags: N,
    sentStemStart: N + 1,
    stemIds: index.sentStemStart[N] as number,
    stemFlags: index.sentStemStart[N] as number,
    sentConceptStart: N + 1,
    conceptIds: index.sentConceptStart[N] as number,
    conceptTypes: index.sentConceptStart[N] as number,
    sentExtraStart: N + 1,
    extraIds: index.sentExtraStart[N] as number,
    sentTextStart: N + 1,
    textBytes: index.sentTextStart[N] as number,
    paraStart: index.paragraphCount + 1,
    paraClass: index.paragraphCount,
    articleSentStart: A + 1,
    articleParaStart: A + 1,
    removed: A,
    subjectStart: A + 1,
    subjectIds: index.subjectStart[A] as number,
    subjectStemStart: A + 1,
    subjectStemIds: index.subjectStemStart[A] as number,
    articleFlags: A,
    articleMinLength: A,
    articleMaxLength: A,
    articleClaimStart: A + 1,
    claimSentence: C,
    claimStance: C,
    claimConcept: C,
    claimAffStart: C + 1,
    claimAffIds: index.claimAffStart[C] as number,
    claimStemStart: C + 1,
    claimStemIds: index.claimStemStart[C] as number,
  };
}

/**
 * Cuts every column down to what it holds: a build grows its columns by half again at a time, so
 * up to a third of each would be spare for good. Articles added later grow them again.
 */
export function trimIndex(index: MatcherIndex): void {
  const lengths = columnLengths(index);
  const columns = index as unknown as Record<ColumnName, Column>;
  for (const name of Object.keys(lengths) as ColumnName[]) {
    if (columns[name].length > lengths[name]) columns[name] = columns[name].slice(0, lengths[name]);
  }
}

/** Builds the matcher's index over every loaded article. Pure; O(total words). */
export function buildMatcherIndex(articles: readonly Knowledge[]): MatcherIndex {
  const index = createMatcherIndex();
  addArticles(index, articles);
  compactIndex(index);
  trimIndex(index);
  return index;
}

function stemId(index: MatcherIndex, stem: string): number {
  const id = internString(index.stems, stem);
  if (id >= index.stemDf.length) index.stemDf = ensureCapacity(index.stemDf, id + 1);
  index.stemIds = widenFor(index.stemIds, id);
  return id;
}

/**
 * The id of a concept, added when new; an entity's `name` and `type` become the concept's display
 * name and kind unless another entity gave them first.
 */
function conceptId(index: MatcherIndex, concept: string, name?: string, type?: EntityType): number {
  const id = internString(index.concepts, concept);
  if (id >= index.conceptDf.length) index.conceptDf = ensureCapacity(index.conceptDf, id + 1);
  index.conceptIds = widenFor(index.conceptIds, id);
  while (index.conceptNames.length <= id) index.conceptNames.push('');
  while (index.conceptKinds.length <= id) index.conceptKinds.push(-1);
  if (name !== undefined && index.conceptNames[id] === '') index.conceptNames[id] = name;
  if (type !== undefined && index.conceptKinds[id] === -1) index.conceptKinds[id] = ENTITY_TYPES.indexOf(type);
  return id;
}

function bitOf<T>(list: readonly T[], value: T): number {
  const k = list.indexOf(value);
  return k < 0 ? 0 : 1 << k;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Adds articles to the index in place, after those it holds: their sentences, stems, concepts,
 * aliases, claims and postings. An article whose id the index already holds replaces it (the old
 * one is removed first). O(words of the new articles), plus a merge of the sorted vocabulary.
 */
export function addArticles(index: MatcherIndex, articles: readonly Knowledge[]): void {
  const replaced = articles.map((k) => k.article.id).filter((id) => index.articleById.has(id));
  if (replaced.length > 0) removeArticles(index, replaced);
  const newlyHeld: number[] = [];
  for (const k of articles) appendArticle(index, k, newlyHeld);
  mergeSortedStems(index, newlyHeld);
}

function appendArticle(index: MatcherIndex, k: Knowledge, newlyHeld: number[]): void {
  const ai = index.articleCount;
  const firstSentence = index.sentenceCount;
  const sentenceCount = k.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
  const nextSentences = firstSentence + sentenceCount;
  const nextParagraphs = index.paragraphCount + k.paragraphs.length;
  index.sentArticle = ensureCapacity(index.sentArticle, nextSentences);
  index.sentParagraph = ensureCapacity(index.sentParagraph, nextSentences);
  index.sentLength = ensureCapacity(index.sentLength, nextSentences);
  index.sentFlags = ensureCapacity(index.sentFlags, nextSentences);
  index.sentStemStart = ensureCapacity(index.sentStemStart, nextSentences + 1);
  index.sentConceptStart = ensureCapacity(index.sentConceptStart, nextSentences + 1);
  index.sentExtraStart = ensureCapacity(index.sentExtraStart, nextSentences + 1);
  index.sentTextStart = ensureCapacity(index.sentTextStart, nextSentences + 1);
  index.paraStart = ensureCapacity(index.paraStart, nextParagraphs + 1);
  for (const name of ['articleSentStart', 'articleParaStart', 'subjectStart', 'subjectStemStart', 'articleClaimStart'] as const) index[name] = ensureCapacity(index[name], ai + 2);
  index.removed = ensureCapacity(index.removed, ai + 1);
  index.articleFlags = ensureCapacity(index.articleFlags, ai + 1);
  index.articleMinLength = ensureCapacity(index.articleMinLength, ai + 1);
  index.articleMaxLength = ensureCapacity(index.articleMaxLength, ai + 1);

  // Entities: concepts, their mentions by sentence (a later entity of the same concept gives the type), aliases.
  const mentionsBySentence = new Map<string, Map<number, number>>();
  const seenAliasHere = new Set<string>();
  for (const e of k.entities) {
    const concept = conceptKey(e.name);
    const cid = conceptId(index, concept, e.name, e.type);
    for (const id of e.sentenceIds) {
      let m = mentionsBySentence.get(id);
      if (!m) mentionsBySentence.set(id, (m = new Map()));
      m.set(cid, ENTITY_TYPES.indexOf(e.type));
    }
    for (const alias of [e.name, ...e.aliases]) {
      const toks = tokenize(alias);
      const first = toks[0];
      if (!first) continue;
      const norms = toks.map((t) => t.norm);
      const dedupe = `${concept}|${norms.join(' ')}`;
      if (seenAliasHere.has(dedupe)) continue;
      seenAliasHere.add(dedupe);
      const refs = index.aliasRefs.get(dedupe) ?? 0;
      index.aliasRefs.set(dedupe, refs + 1);
      if (refs > 0) continue;
      const capitals = norms.join('').length <= 3 && /^\p{Lu}+$/u.test(alias.replace(/[.\s]/g, ''));
      const list = index.aliases.get(first.norm) ?? [];
      list.push({ norms, concept, capitals });
      index.aliases.set(first.norm, list);
    }
  }
  const entityConcept = (id: string): string | undefined => {
    const e = k.entities.find((x) => x.id === id);
    return e ? conceptKey(e.name) : undefined;
  };
  const seenPairHere = new Set<string>();
  for (const e of k.entities) {
    for (const id of e.affiliations) {
      const other = entityConcept(id);
      if (other !== undefined) affiliate(index, conceptKey(e.name), other, seenPairHere);
    }
  }

  // Per sentence, each figure's codes in turn: the figure, then what it counts and its verb (see `EXTRA_FIGURE`).
  const extrasBySentence = new Map<string, [string, number][]>();
  const measuresBySentence = new Map<string, number>();
  for (const q of k.quantities) {
    const kind = q.unit ? kindOfUnit(q.unit) : undefined;
    if (kind) measuresBySentence.set(q.sentenceId, (measuresBySentence.get(q.sentenceId) ?? 0) | measureMask([kind]));
    const first = tokenize(q.text)[0];
    if (!first) continue;
    const codes = extrasBySentence.get(q.sentenceId) ?? [];
    codes.push([first.stem, EXTRA_FIGURE]);
    for (const st of new Set(contentStems(`${q.counts ?? ''} ${q.unit ?? ''}`))) codes.push([st, EXTRA_COUNTED]);
    if (q.event) {
      const event = eventStems(q.event);
      for (const st of event.own) codes.push([st, EXTRA_EVENT]);
      for (const st of event.related) codes.push([st, EXTRA_EVENT_RELATED]);
    }
    extrasBySentence.set(q.sentenceId, codes);
  }

  // What the article is about: its title's and lead paragraph's entities, and the two it names most.
  const subject = new Set<string>();
  const lead = new Set(k.paragraphs[0]?.sentences.map((s) => s.id) ?? []);
  const byMentions = [...k.entities].sort((a, b) => b.sentenceIds.length - a.sentenceIds.length);
  const titleStems = contentStems(k.article.title).join(' ');
  for (const e of k.entities) if (e.sentenceIds.some((id) => lead.has(id)) || titleStems.includes(contentStems(e.name).join(' '))) subject.add(conceptKey(e.name));
  for (const e of byMentions.slice(0, 2)) subject.add(conceptKey(e.name));
  const subjectIds = [...new Set([...subject].map((c) => index.concepts.ids.get(c) as number))].sort((a, b) => a - b);
  const subjectStems = [...new Set(contentStems(`${k.article.title} ${k.paragraphs[0]?.sentences[0]?.text ?? ''}`).map((s) => stemId(index, s)))].sort((a, b) => a - b);
  index.subjectIds = appendIds(index.subjectIds, index.subjectStart[ai] as number, subjectIds);
  index.subjectStart[ai + 1] = (index.subjectStart[ai] as number) + subjectIds.length;
  index.subjectStemIds = appendIds(index.subjectStemIds, index.subjectStemStart[ai] as number, subjectStems);
  index.subjectStemStart[ai + 1] = (index.subjectStemStart[ai] as number) + subjectStems.length;

  // Claims, in the file's order, each with its speaker's concept, affiliations and stems.
  const sentenceOf = new Map<string, number>();
  {
    let i = firstSentence;
    for (const p of k.paragraphs) for (const s of p.sentences) sentenceOf.set(s.id, i++);
  }
  const claimStart = index.claimCount;
  for (const claim of k.claims) {
    const at = sentenceOf.get(claim.sentenceId);
    if (at === undefined) continue;
    appendClaim(index, k, claim, at);
  }
  index.articleClaimStart[ai + 1] = index.claimCount;
  index.articleClaimStart[ai] = claimStart;

  // Sentences.
  for (const id of subjectStems) addPosting(index.subjectStems, id, ai);
  for (const id of subjectIds) addPosting(index.subjectConcepts, id, ai);
  let flagsUnion = 0;
  let minLength = 0xffff;
  let maxLength = 0;
  index.articleSentStart[ai] = firstSentence;
  index.articleParaStart[ai] = index.paragraphCount;
  let i = firstSentence;
  for (const p of k.paragraphs) {
    const pIndex = index.paragraphCount++;
    index.paraStart[pIndex] = i;
    for (const s of p.sentences) {
      const tokens = tokenize(s.text);
      const stems = new Map<number, number>();
      let length = 0;
      let anaphoric = false;
      const names = new Set<string>();
      for (const [kk, t] of tokens.entries()) {
        if (kk > 0 && /^\p{Lu}/u.test(t.raw) && !isStopWord(t.norm)) names.add(t.stem);
        // "He appointed …", "In 1998 they …": a pronoun that opens the sentence refers back to
        // its paragraph; one later on ("…, and it continued") to the sentence's own subject.
        if (ANAPHORS.has(t.norm) && kk < ANAPHOR_REACH) anaphoric = true;
        if (isStopWord(t.norm) && !isRomanNumeral(tokens, kk)) continue;
        length++;
        for (const stem of [t.stem, ...impliedStems(t.norm), ...unitStems(s.text, tokens, kk)]) {
          const id = stemId(index, stem);
          if (!stems.has(id)) stems.set(id, 0);
        }
      }
      const mark = (set: ReadonlySet<string>, flag: number): void => {
        for (const stem of set) {
          const id = index.stems.ids.get(stem);
          if (id !== undefined && stems.has(id)) stems.set(id, (stems.get(id) as number) | flag);
        }
      };
      mark(names, STEM_NAME);
      if (s.negated) {
        mark(negationScope(s.text, tokens, SENTENCE_NEGATION_REACH), STEM_NEGATED);
        mark(negationScope(s.text, tokens, 1, true), STEM_NEGATED_HEAD);
      }
      const ids = [...stems.keys()].sort((a, b) => a - b);
      const stemAt = index.sentStemStart[i] as number;
      index.stemIds = ensureCapacity(index.stemIds, stemAt + ids.length);
      index.stemFlags = ensureCapacity(index.stemFlags, stemAt + ids.length);
      ids.forEach((id, j) => {
        index.stemIds[stemAt + j] = id;
        index.stemFlags[stemAt + j] = stems.get(id) as number;
        if (index.stemDf[id] === 0) newlyHeld.push(id);
        index.stemDf[id] = (index.stemDf[id] as number) + 1;
        addPosting(index.sentenceStems, id, i);
      });
      index.sentStemStart[i + 1] = stemAt + ids.length;

      const mentions = mentionsBySentence.get(s.id) ?? new Map<number, number>();
      const conceptAt = index.sentConceptStart[i] as number;
      index.conceptIds = ensureCapacity(index.conceptIds, conceptAt + mentions.size);
      index.conceptTypes = ensureCapacity(index.conceptTypes, conceptAt + mentions.size);
      let c = conceptAt;
      for (const [cid, type] of mentions) {
        index.conceptIds[c] = cid;
        index.conceptTypes[c++] = type;
        index.conceptDf[cid] = (index.conceptDf[cid] as number) + 1;
        addPosting(index.sentenceConcepts, cid, i);
      }
      index.sentConceptStart[i + 1] = c;

      const extras = (extrasBySentence.get(s.id) ?? []).map(([st, kind]) => stemId(index, st) * 4 + kind);
      const extraAt = index.sentExtraStart[i] as number;
      index.extraIds = appendIds(index.extraIds, extraAt, extras);
      index.sentExtraStart[i + 1] = extraAt + extras.length;

      const bytes = encoder.encode(s.text);
      const textAt = index.sentTextStart[i] as number;
      index.textBytes = ensureCapacity(index.textBytes, textAt + bytes.length);
      index.textBytes.set(bytes, textAt);
      index.sentTextStart[i + 1] = textAt + bytes.length;

      const flags = (anaphoric ? ANAPHORIC : 0) | (s.negated ? NEGATED : 0) | (s.types.reduce((f, t) => f | bitOf(ANSWER_TYPES, t), 0) << TYPE_SHIFT) | (s.unknown.reduce((f, u) => f | bitOf(UNKNOWN_ASPECTS, u), 0) << UNKNOWN_SHIFT) | ((measuresBySentence.get(s.id) ?? 0) << MEASURE_SHIFT);
      index.sentArticle[i] = ai;
      index.sentParagraph[i] = pIndex;
      index.sentLength[i] = Math.min(length, 0xffff);
      index.sentFlags[i] = flags;
      for (const code of new Set(s.unknown.map((u) => UNKNOWN_ASPECTS.indexOf(u)))) if (code >= 0) addPosting(index.unknownSentences, code, i);
      flagsUnion |= flags;
      minLength = Math.min(minLength, length);
      maxLength = Math.max(maxLength, length);
      index.totalLength += length;
      i++;
    }
    index.paraStart[pIndex + 1] = i;
    index.paraClass = ensureCapacity(index.paraClass, pIndex + 1);
    index.paraClass[pIndex] = classify(index, pIndex);
  }
  index.paraStart[index.paragraphCount] = i;
  index.sentenceCount = i;
  index.liveSentences += sentenceCount;
  index.articleSentStart[ai + 1] = i;
  index.articleParaStart[ai + 1] = index.paragraphCount;
  index.articleFlags[ai] = flagsUnion;
  index.articleMinLength[ai] = sentenceCount > 0 ? Math.min(minLength, 0xffff) : 0;
  index.articleMaxLength[ai] = Math.min(maxLength, 0xffff);
  index.removed[ai] = 0;
  index.articles.push({ article: k.article, suggestions: k.topics.map((t) => t.suggestion) });
  index.articleById.set(k.article.id, ai);
  index.articleCount = ai + 1;
}

/** A paragraph's sentences' ranges in the columns that make up its content. */
function contentRanges(index: MatcherIndex, p: number): [ArrayLike<number>, number, number][] {
  const from = index.paraStart[p] as number;
  const to = index.paraStart[p + 1] as number;
  return [
    [index.textBytes, index.sentTextStart[from] as number, index.sentTextStart[to] as number],
    [index.sentTextStart, from, to + 1],
    [index.conceptIds, index.sentConceptStart[from] as number, index.sentConceptStart[to] as number],
    [index.conceptTypes, index.sentConceptStart[from] as number, index.sentConceptStart[to] as number],
    [index.sentConceptStart, from, to + 1],
    [index.extraIds, index.sentExtraStart[from] as number, index.sentExtraStart[to] as number],
    [index.sentExtraStart, from, to + 1],
    [index.sentFlags, from, to],
  ];
}

/** The content class of paragraph p: that of an earlier paragraph with the very same content, or a new one. */
function classify(index: MatcherIndex, p: number): number {
  const ranges = contentRanges(index, p);
  let h = 0x811c9dc5;
  for (const [column, from, to] of ranges) {
    const origin = column === index.sentTextStart || column === index.sentConceptStart || column === index.sentExtraStart ? (column[from] as number) : 0;
    h = Math.imul(h ^ (to - from), 0x01000193);
    for (let j = from; j < to; j++) h = Math.imul(h ^ ((column[j] as number) - origin), 0x01000193);
  }
  const list = index.classes.get(h) ?? [];
  for (const c of list) {
    const other = contentRanges(index, index.classExample[c] as number);
    const same = ranges.every(([column, from, to], r) => {
      const [, oFrom, oTo] = other[r] as [ArrayLike<number>, number, number];
      if (to - from !== oTo - oFrom) return false;
      const origin = column === index.sentTextStart || column === index.sentConceptStart || column === index.sentExtraStart;
      const d = origin ? (column[from] as number) : 0;
      const od = origin ? (column[oFrom] as number) : 0;
      for (let j = 0; j < to - from; j++) if ((column[from + j] as number) - d !== (column[oFrom + j] as number) - od) return false;
      return true;
    });
    if (same) return c;
  }
  const c = index.classCount++;
  index.classExample.push(p);
  list.push(c);
  index.classes.set(h, list);
  return c;
}

function appendIds(column: Uint32Array, at: number, ids: readonly number[]): Uint32Array {
  const out = ensureCapacity(column, at + ids.length);
  out.set(ids, at);
  return out;
}

function affiliate(index: MatcherIndex, a: string, b: string, seen: Set<string>): void {
  if (a === b) return;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  if (seen.has(key)) return;
  seen.add(key);
  index.affiliationRefs.set(key, (index.affiliationRefs.get(key) ?? 0) + 1);
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const set = index.affiliated.get(x) ?? new Set<string>();
    set.add(y);
    index.affiliated.set(x, set);
  }
}

function appendClaim(index: MatcherIndex, k: Knowledge, claim: Claim, sentence: number): void {
  const c = index.claimCount++;
  const entity = k.entities.find((e) => e.id === claim.speakerId);
  const affiliations = [...new Set((entity?.affiliations ?? []).map((id) => {
    const other = k.entities.find((e) => e.id === id);
    return conceptId(index, conceptKey(other?.name ?? id));
  }))];
  const stems = [...new Set(contentStems(`${claim.speaker} ${entity?.name ?? ''} ${entity?.role ?? ''}`).map((s) => stemId(index, s)))];
  index.claimSentence = ensureCapacity(index.claimSentence, c + 1);
  index.claimStance = ensureCapacity(index.claimStance, c + 1);
  index.claimConcept = ensureCapacity(index.claimConcept, c + 1);
  index.claimAffStart = ensureCapacity(index.claimAffStart, c + 2);
  index.claimStemStart = ensureCapacity(index.claimStemStart, c + 2);
  index.claimSentence[c] = sentence;
  index.claimStance[c] = STANCES.indexOf(claim.stance);
  index.claimSpeaker[c] = claim.speaker;
  const concept = conceptId(index, conceptKey(entity?.name ?? claim.speaker));
  index.claimConcept[c] = concept;
  index.claimAffIds = appendIds(index.claimAffIds, index.claimAffStart[c] as number, affiliations);
  index.claimAffStart[c + 1] = (index.claimAffStart[c] as number) + affiliations.length;
  index.claimStemIds = appendIds(index.claimStemIds, index.claimStemStart[c] as number, stems);
  index.claimStemStart[c + 1] = (index.claimStemStart[c] as number) + stems.length;
  for (const id of new Set([concept, ...affiliations])) addPosting(index.speakerConcepts, id, c);
  for (const id of stems) addPosting(index.speakerStems, id, c);
}

/** Adds newly held stems to the sorted vocabulary: one merge. */
function mergeSortedStems(index: MatcherIndex, newlyHeld: readonly number[]): void {
  if (newlyHeld.length === 0) return;
  const strings = index.stems.strings;
  const present = new Set<number>();
  for (let k = 0; k < index.sortedCount; k++) present.add(index.sortedStems[k] as number);
  const fresh = [...new Set(newlyHeld)].filter((id) => !present.has(id)).sort((a, b) => compare(strings[a] as string, strings[b] as string));
  if (fresh.length === 0) return;
  const out = new Uint32Array(index.sortedCount + fresh.length);
  let x = 0;
  let y = 0;
  let o = 0;
  while (x < index.sortedCount || y < fresh.length) {
    const a = index.sortedStems[x];
    const b = fresh[y];
    if (b === undefined || (x < index.sortedCount && compare(strings[a as number] as string, strings[b] as string) <= 0)) {
      out[o++] = a as number;
      x++;
    } else {
      out[o++] = b;
      y++;
    }
  }
  index.sortedStems = out;
  index.sortedCount = out.length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Removes articles by id: their sentences are skipped from then on, and the counts that weigh
 * every question's terms (sentences, lengths, how many sentences hold each stem and concept)
 * drop theirs, as a build without them would have them. Aliases and affiliations only they
 * gave go too. Unknown ids are ignored. O(words of the removed articles).
 */
export function removeArticles(index: MatcherIndex, ids: readonly string[]): void {
  for (const id of ids) {
    const a = index.articleById.get(id);
    if (a === undefined || index.removed[a]) continue;
    index.removed[a] = 1;
    index.articleById.delete(id);
    const start = index.articleSentStart[a] as number;
    const end = index.articleSentStart[a + 1] as number;
    for (let i = start; i < end; i++) {
      for (let j = index.sentStemStart[i] as number; j < (index.sentStemStart[i + 1] as number); j++) {
        const s = index.stemIds[j] as number;
        index.stemDf[s] = (index.stemDf[s] as number) - 1;
      }
      for (let j = index.sentConceptStart[i] as number; j < (index.sentConceptStart[i + 1] as number); j++) {
        const c = index.conceptIds[j] as number;
        index.conceptDf[c] = (index.conceptDf[c] as number) - 1;
      }
      index.totalLength -= index.sentLength[i] as number;
    }
    index.liveSentences -= end - start;
  }
}

/**
 * The alias and affiliation bookkeeping of removed articles, given their knowledge: an alias or
 * affiliation no remaining article gives is dropped. Pure in its inputs; used by `removeArticles`
 * callers that still hold the removed knowledge.
 */
export function forgetEntities(index: MatcherIndex, removed: readonly Knowledge[]): void {
  for (const k of removed) {
    const seen = new Set<string>();
    for (const e of k.entities) {
      const concept = conceptKey(e.name);
      for (const alias of [e.name, ...e.aliases]) {
        const toks = tokenize(alias);
        const first = toks[0];
        if (!first) continue;
        const norms = toks.map((t) => t.norm).join(' ');
        const dedupe = `${concept}|${norms}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const refs = (index.aliasRefs.get(dedupe) ?? 0) - 1;
        if (refs > 0) {
          index.aliasRefs.set(dedupe, refs);
          continue;
        }
        index.aliasRefs.delete(dedupe);
        const list = (index.aliases.get(first.norm) ?? []).filter((x) => !(x.concept === concept && x.norms.join(' ') === norms));
        if (list.length > 0) index.aliases.set(first.norm, list);
        else index.aliases.delete(first.norm);
      }
      for (const id of e.affiliations) {
        const other = k.entities.find((x) => x.id === id);
        if (!other) continue;
        const a = concept;
        const b = conceptKey(other.name);
        if (a === b) continue;
        const key = a < b ? `${a}|${b}` : `${b}|${a}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const refs = (index.affiliationRefs.get(key) ?? 0) - 1;
        if (refs > 0) {
          index.affiliationRefs.set(key, refs);
          continue;
        }
        index.affiliationRefs.delete(key);
        index.affiliated.get(a)?.delete(b);
        index.affiliated.get(b)?.delete(a);
      }
    }
  }
}

/** Folds postings added since the last compaction into the compressed lists. O(all postings). */
export function compactIndex(index: MatcherIndex): void {
  compactPostings(index.sentenceStems, index.stems.strings.length);
  compactPostings(index.sentenceConcepts, index.concepts.strings.length);
  compactPostings(index.subjectStems, index.stems.strings.length);
  compactPostings(index.subjectConcepts, index.concepts.strings.length);
  compactPostings(index.unknownSentences, UNKNOWN_ASPECTS.length);
  compactPostings(index.speakerConcepts, index.concepts.strings.length);
  compactPostings(index.speakerStems, index.stems.strings.length);
}

/** Live sentences holding `stem` (0 when unknown). */
export function stemFrequency(index: MatcherIndex, stem: string): number {
  const id = index.stems.ids.get(stem);
  return id === undefined ? 0 : (index.stemDf[id] as number);
}

/** Live sentences mentioning `concept` (0 when unknown). */
export function conceptFrequency(index: MatcherIndex, concept: string): number {
  const id = index.concepts.ids.get(concept);
  return id === undefined ? 0 : (index.conceptDf[id] as number);
}

/** The display name of a concept, or the concept itself. */
export function conceptName(index: MatcherIndex, concept: string): string {
  const id = index.concepts.ids.get(concept);
  return id === undefined ? concept : index.conceptNames[id] || concept;
}

/** The articles the index holds (not removed), in load order. */
export function liveArticles(index: MatcherIndex): ArticleEntry[] {
  return index.articles.filter((_, a) => !index.removed[a]);
}

/** What kind of entity a concept is, from the first entity that named it (undefined when none did). */
export function conceptType(index: MatcherIndex, concept: string): EntityType | undefined {
  const id = index.concepts.ids.get(concept);
  return id === undefined ? undefined : ENTITY_TYPES[index.conceptKinds[id] ?? -1];
}

/** Mean content length of live sentences, for BM25. */
export function averageLength(index: MatcherIndex): number {
  return index.liveSentences > 0 ? index.totalLength / index.liveSentences : 1;
}

/** The verbatim text of sentence i. */
export function sentenceText(index: MatcherIndex, i: number): string {
  return decoder.decode(index.textBytes.subarray(index.sentTextStart[i], index.sentTextStart[i + 1]));
}

/** Sentence i's id in its article ("p3.s2"). */
export function sentenceId(index: MatcherIndex, i: number): string {
  const p = index.sentParagraph[i] as number;
  const a = index.sentArticle[i] as number;
  return `p${p - (index.articleParaStart[a] as number) + 1}.s${i - (index.paraStart[p] as number) + 1}`;
}

/** The global index of sentence `id` ("p3.s2") of article a, or -1. */
export function sentenceIndexOf(index: MatcherIndex, a: number, id: string): number {
  const m = /^p(\d+)\.s(\d+)$/.exec(id);
  if (!m || a < 0 || a >= index.articleCount) return -1;
  const p = (index.articleParaStart[a] as number) + Number(m[1]) - 1;
  if (p >= (index.articleParaStart[a + 1] as number)) return -1;
  const i = (index.paraStart[p] as number) + Number(m[2]) - 1;
  return i < (index.paraStart[p + 1] as number) ? i : -1;
}

/** True when sentence i's article has been removed. */
export function isRemoved(index: MatcherIndex, i: number): boolean {
  return index.removed[index.sentArticle[i] as number] === 1;
}

/** Who makes a claim: the speaker's concept key, and the stems of the speaker's words, entity name and role. */
export interface ClaimSpeaker {
  concept: string;
  stems: ReadonlySet<string>;
  /** Concepts the speaker speaks for ("united states" for "U.S. Energy Secretary Dan Brouillette"). */
  affiliations: ReadonlySet<string>;
}

/** A claim as the answer composes it. */
export interface ClaimView {
  /** Index of the claim in the index. */
  index: number;
  /** Global index of its sentence. */
  sentence: number;
  speaker: string;
  stance: Claim['stance'];
  who: ClaimSpeaker;
}

/** Claim c, with its speaker. */
export function claimAt(index: MatcherIndex, c: number): ClaimView {
  const stems = new Set<string>();
  for (let j = index.claimStemStart[c] as number; j < (index.claimStemStart[c + 1] as number); j++) stems.add(index.stems.strings[index.claimStemIds[j] as number] as string);
  const affiliations = new Set<string>();
  for (let j = index.claimAffStart[c] as number; j < (index.claimAffStart[c + 1] as number); j++) affiliations.add(index.concepts.strings[index.claimAffIds[j] as number] as string);
  return {
    index: c,
    sentence: index.claimSentence[c] as number,
    speaker: index.claimSpeaker[c] as string,
    stance: STANCES[index.claimStance[c] as number] as Claim['stance'],
    who: { concept: index.concepts.strings[index.claimConcept[c] as number] as string, stems, affiliations },
  };
}

/** The claims of article a, in its file's order. */
export function articleClaims(index: MatcherIndex, a: number): ClaimView[] {
  const out: ClaimView[] = [];
  for (let c = index.articleClaimStart[a] as number; c < (index.articleClaimStart[a + 1] as number); c++) out.push(claimAt(index, c));
  return out;
}

/** A set of a sentence's stems, looked up by text (binary search over its ids: nothing copied). */
export interface StemLookup {
  has(stem: string): boolean;
}

/** One sentence as the answer and the word-order checks read it: made on demand, for the few that need it. */
export interface IndexedSentence {
  /** Its global index. */
  index: number;
  /** Index of its article. */
  article: number;
  /** Global paragraph index. */
  paragraph: number;
  sentence: { id: string; text: string; negated: boolean; types: AnswerType[]; unknown: UnknownAspect[] };
  /** Content stems present. */
  stems: StemLookup;
  /** Stems of capitalised words past the first: names the entity tagger may have missed. */
  names: StemLookup;
  /** Entity concept keys mentioned, with each one's type. */
  entities: ReadonlyMap<string, EntityType>;
  claims: readonly ClaimView[];
}

/** True when sentence i holds stem id (with `flag` on it, if given): a binary search of its sorted ids. */
export function sentenceHasStem(index: MatcherIndex, i: number, id: number, flag = 0): boolean {
  let lo = index.sentStemStart[i] as number;
  let hi = index.sentStemStart[i + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = index.stemIds[mid] as number;
    if (v === id) return flag === 0 || ((index.stemFlags[mid] as number) & flag) !== 0;
    if (v < id) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

class SentenceView implements IndexedSentence {
  readonly article: number;
  readonly paragraph: number;
  readonly stems: StemLookup;
  readonly names: StemLookup;
  private fields: IndexedSentence['sentence'] | undefined;
  private entityMap: Map<string, EntityType> | undefined;
  private claimList: ClaimView[] | undefined;
  constructor(
    private readonly matcher: MatcherIndex,
    readonly index: number,
  ) {
    this.article = matcher.sentArticle[index] as number;
    this.paragraph = matcher.sentParagraph[index] as number;
    const lookup = (flag: number): StemLookup => ({
      has: (stem) => {
        const id = matcher.stems.ids.get(stem);
        return id !== undefined && sentenceHasStem(matcher, index, id, flag);
      },
    });
    this.stems = lookup(0);
    this.names = lookup(STEM_NAME);
  }
  get sentence(): IndexedSentence['sentence'] {
    if (!this.fields) {
      const flags = this.matcher.sentFlags[this.index] as number;
      this.fields = {
        id: sentenceId(this.matcher, this.index),
        text: sentenceText(this.matcher, this.index),
        negated: (flags & NEGATED) !== 0,
        types: ANSWER_TYPES.filter((_, k) => flags & (1 << (TYPE_SHIFT + k))),
        unknown: UNKNOWN_ASPECTS.filter((_, k) => flags & (1 << (UNKNOWN_SHIFT + k))),
      };
    }
    return this.fields;
  }
  get entities(): ReadonlyMap<string, EntityType> {
    if (!this.entityMap) {
      const m = this.matcher;
      this.entityMap = new Map();
      for (let j = m.sentConceptStart[this.index] as number; j < (m.sentConceptStart[this.index + 1] as number); j++) this.entityMap.set(m.concepts.strings[m.conceptIds[j] as number] as string, ENTITY_TYPES[m.conceptTypes[j] as number] as EntityType);
    }
    return this.entityMap;
  }
  get claims(): readonly ClaimView[] {
    if (!this.claimList) {
      const m = this.matcher;
      this.claimList = [];
      for (let c = m.articleClaimStart[this.article] as number; c < (m.articleClaimStart[this.article + 1] as number); c++) if (m.claimSentence[c] === this.index) this.claimList.push(claimAt(m, c));
    }
    return this.claimList;
  }
}

/** Sentence i as an `IndexedSentence` (its fields read on first use). */
export function sentenceAt(index: MatcherIndex, i: number): IndexedSentence {
  return new SentenceView(index, i);
}

/** Parts of a sentence's multi-word names (see `namePairs`), from its tokens. */
export function sentenceNamePairs(text: string, tokens: readonly Token[]): ReadonlySet<string> {
  return new Set(namePairs(text, tokens, false));
}

/** Index of the first stem in the sorted vocabulary that is not less than `key`. */
function lowerBound(index: MatcherIndex, key: string): number {
  let lo = 0;
  let hi = index.sortedCount;
  const strings = index.stems.strings;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((strings[index.sortedStems[mid] as number] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Stem endings that alternate between a verb and its noun: decid/decis(ion), describ/descript(ion). */
const STEM_ALTERNATIONS: readonly (readonly [string, string])[] = [
  ['d', 's'],
  ['t', 'ss'],
  ['b', 'pt'],
  ['ain', 'an'],
  ['ir', 'isit'],
  ['fi', 'fact'],
  ['oi', 'uct'],
  ['ei', 'ept'],
];

/** Shortest stem that may stand for a family of derived words. */
const MIN_FAMILY_STEM = 5;
/** Longest suffix that still makes two stems one family ("threat" + "en"). */
const MAX_SUFFIX = 3;
/** Most family members one word brings in. */
const MAX_FAMILY = 6;

/**
 * Stems of the index in the same word family as `stem`: one is the other plus a suffix the
 * Porter stemmer leaves on ("threat"/"threaten", "collabor"/"collaboration"). Both must be
 * at least five letters long so short words do not sweep in unrelated ones.
 */
export function familyStems(index: MatcherIndex, stem: string): string[] {
  if (stem.length < 4 || /^\d/.test(stem)) return [];
  const out: string[] = [];
  const add = (other: string): void => {
    if (other !== stem && out.length < MAX_FAMILY && !out.includes(other) && stemFrequency(index, other) > 0) out.push(other);
  };
  if (stem.length >= MIN_FAMILY_STEM) {
    const strings = index.stems.strings;
    for (let i = lowerBound(index, stem); i < index.sortedCount; i++) {
      const other = strings[index.sortedStems[i] as number] as string;
      if (!other.startsWith(stem)) break;
      if (other.length - stem.length <= MAX_SUFFIX) add(other);
    }
    for (let len = Math.max(MIN_FAMILY_STEM, stem.length - MAX_SUFFIX); len < stem.length; len++) add(stem.slice(0, len));
  }
  // Latinate verb/noun pairs whose stems differ in their last letters: invad/invas(ion), emit/emiss(ion).
  for (const [a, b] of STEM_ALTERNATIONS) {
    if (stem.endsWith(a) && stem.length - a.length >= 3) add(stem.slice(0, stem.length - a.length) + b);
    if (stem.endsWith(b) && stem.length - b.length >= 3) add(stem.slice(0, stem.length - b.length) + a);
  }
  return out;
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Index stems one typing error away from a stem the index does not have ("counil" → "council").
 * Only for words of five letters or more, among stems sharing the first two letters.
 */
export function misspelledStems(index: MatcherIndex, stem: string): string[] {
  if (stem.length < 5 || /^\d/.test(stem) || stemFrequency(index, stem) > 0) return [];
  const prefix = stem.slice(0, 2);
  const strings = index.stems.strings;
  const out: string[] = [];
  for (let i = lowerBound(index, prefix); i < index.sortedCount && out.length < 3; i++) {
    const id = index.sortedStems[i] as number;
    const other = strings[id] as string;
    if (!other.startsWith(prefix)) break;
    if (index.stemDf[id] !== 0 && withinOneEdit(stem, other)) out.push(other);
  }
  return out;
}
