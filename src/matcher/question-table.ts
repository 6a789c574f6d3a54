import { INTENT_TARGETS } from './intent.ts';
import type { QueryPlan } from './question.ts';
import { ENTITY_TYPES, EXTRA_COUNTED, EXTRA_EVENT, EXTRA_FIGURE, scratchOf, STEM_NAME, STEM_NEGATED, STEM_NEGATED_HEAD, type MatcherIndex } from './search-index.ts';

/*
 * A question compiled against the index: every stem and concept that can matter to it gets a
 * slot saying which of its terms it serves and how (exact, related, broader, an entity's own
 * word, an antonym …), as bit masks over the terms. A sentence is then matched by reading its
 * stem and concept ids once: no strings, no sets, no tokens. `scanArticle` does that for every
 * sentence of an article, with the paragraph and article unions the context matches need.
 */

/** Slot flag: the question uses the stem (a word or a name's word). */
export const ASKED = 1;
/** Slot flag: a figure the question gives ("352"). */
export const GIVEN = 2;
/** Slot flag: what an asked-for count may be of ("sailors"). */
export const COUNTED = 4;
/** Slot flag: a word the question's "not" negates. */
export const PLAN_NEGATED = 8;
/** Slot flag: a plain word of the question (a sentence negating it contradicts a non-negated question). */
export const HEAD_WORD = 16;
/** Slot flag: a verb of a how-many question, or a stem related to it ("died" → "die", "perish"). */
export const EVENT_ASKED = 32;
/** Slot flag: a how-many question's verb itself (what a figure's verb's related stems may hold: "kill" → "die"). */
export const EVENT_VERB = 64;
/** Concept slot flag: an entity the question names. */
export const PLAN_CONCEPT = 1;

/** What one term of a question needs, as the compiled table sees it. */
export interface TermShape {
  /** Its text, kind and weight come from `PreparedTerm`; here only how it matches. */
  concept?: string;
  entityStems: readonly string[];
  exact: readonly string[];
  related: readonly string[];
  negatedForms: readonly string[];
  broader: readonly string[];
  affiliated: readonly string[];
  antonyms: readonly string[];
  namedNoun?: string;
  /** `PreparedTerm.kind`. */
  kind: 'entity' | 'number' | 'head' | 'verb' | 'word' | 'modifier';
  /** The question's own word kind ("word" for plain words). */
  wordKind: 'entity' | 'number' | 'name' | 'word';
  stem: string;
}

/** A question's slots and per-term masks, valid while the index's scratch epoch is `epoch`. */
export interface QuestionTable {
  epoch: number;
  /** A how-many question names what it counts ("how many people died", not "how many died"): a figure's verb counts only on a figure of it. */
  eventNeedsCount: boolean;
  termCount: number;
  /** Terms that are entities with a concept (matched by concept, affiliation and all their own words). */
  conceptTerms: number;
  /** Terms of kind 'entity' (entities and names: found through a pronoun too). */
  entityKind: number;
  numbers: number;
  /** Entity terms with no word of their own: "all their words" holds anywhere. */
  vacuous: number;
  /** Entity terms with a word no sentence has: "all their words" never holds. */
  impossible: number;
  /** 32-bit words per entity-word bit set. */
  esWords: number;
  /** Term t's own words as entity-word bits: `esNeed[t * esWords + w]`. */
  esNeed: Int32Array;
  stemSlots: number[];
  sExact: Int32Array;
  sRelated: Int32Array;
  sNegatedForm: Int32Array;
  sBroader: Int32Array;
  sAntonym: Int32Array;
  sFirstEntity: Int32Array;
  sNamedNoun: Int32Array;
  /** Terms that have the stem as one of their entity words (any of them). */
  sEntityTerms: Int32Array;
  sEsWord: Int32Array;
  sEsBit: Int32Array;
  sFlags: Int32Array;
  conceptSlots: number[];
  cExact: Int32Array;
  cAffiliated: Int32Array;
  cFlags: Int32Array;
  /** Entity type codes an answer of this intent may be (bit per `ENTITY_TYPES` code). */
  answerEntityTypes: number;
}

/** Builds the table of a question's terms (in order) and checks against the index's vocabulary. */
export function compileQuestion(index: MatcherIndex, plan: QueryPlan, terms: readonly TermShape[], asked: ReadonlySet<string>, givenNumbers: ReadonlySet<string>, countedStems: ReadonlySet<string>, events: { asked: ReadonlySet<string>; verbs: ReadonlySet<string>; counted: boolean }): QuestionTable {
  const scratch = scratchOf(index);
  const epoch = ++scratch.epoch;
  const stemSlots: number[] = [];
  const conceptSlots: number[] = [];
  const s = { exact: [] as number[], related: [] as number[], neg: [] as number[], broader: [] as number[], antonym: [] as number[], first: [] as number[], named: [] as number[], entityTerms: [] as number[], esWord: [] as number[], esBit: [] as number[], flags: [] as number[] };
  const c = { exact: [] as number[], aff: [] as number[], flags: [] as number[] };
  const stemSlot = (stem: string): number => {
    const id = index.stems.ids.get(stem);
    if (id === undefined) return -1;
    if (scratch.stemStamp[id] !== epoch) {
      scratch.stemStamp[id] = epoch;
      scratch.stemSlot[id] = stemSlots.length;
      stemSlots.push(id);
      for (const list of Object.values(s)) list.push(0);
      s.esWord[stemSlots.length - 1] = -1;
    }
    return scratch.stemSlot[id] as number;
  };
  const conceptSlot = (concept: string): number => {
    const id = index.concepts.ids.get(concept);
    if (id === undefined) return -1;
    if (scratch.conceptStamp[id] !== epoch) {
      scratch.conceptStamp[id] = epoch;
      scratch.conceptSlot[id] = conceptSlots.length;
      conceptSlots.push(id);
      for (const list of Object.values(c)) list.push(0);
    }
    return scratch.conceptSlot[id] as number;
  };
  const mark = (list: number[], slot: number, bits: number): void => {
    if (slot >= 0) list[slot] = (list[slot] as number) | bits;
  };
  let conceptTerms = 0;
  let entityKind = 0;
  let numbers = 0;
  let vacuous = 0;
  let impossible = 0;
  let esCount = 0;
  const termEsSlots: number[][] = [];
  terms.forEach((t, k) => {
    const bit = 1 << k;
    if (t.kind === 'entity') entityKind |= bit;
    if (t.kind === 'number') numbers |= bit;
    const own: number[] = [];
    if (t.concept !== undefined) {
      conceptTerms |= bit;
      mark(c.exact, conceptSlot(t.concept), bit);
      for (const a of t.affiliated) mark(c.aff, conceptSlot(a), bit);
      if (t.entityStems.length === 0) vacuous |= bit;
      t.entityStems.forEach((st, j) => {
        const slot = stemSlot(st);
        if (slot < 0) {
          impossible |= bit;
          return;
        }
        if (j === 0) mark(s.first, slot, bit);
        mark(s.entityTerms, slot, bit);
        if (s.esWord[slot] === -1) {
          s.esWord[slot] = esCount >> 5;
          s.esBit[slot] = 1 << (esCount & 31);
          esCount++;
        }
        own.push(slot);
      });
    } else {
      for (const st of t.exact) mark(s.exact, stemSlot(st), bit);
      for (const st of t.related) mark(s.related, stemSlot(st), bit);
      for (const st of t.negatedForms) mark(s.neg, stemSlot(st), bit);
      if (t.kind !== 'number') for (const st of t.broader) mark(s.broader, stemSlot(st), bit);
    }
    for (const st of t.antonyms) mark(s.antonym, stemSlot(st), bit);
    if (t.namedNoun !== undefined) mark(s.named, stemSlot(t.namedNoun), bit);
    if (t.wordKind === 'word') mark(s.flags, stemSlot(t.stem), HEAD_WORD);
    termEsSlots.push(own);
  });
  for (const st of asked) mark(s.flags, stemSlot(st), ASKED);
  for (const st of givenNumbers) mark(s.flags, stemSlot(st), GIVEN);
  for (const st of countedStems) mark(s.flags, stemSlot(st), COUNTED);
  for (const st of events.asked) mark(s.flags, stemSlot(st), EVENT_ASKED);
  for (const st of events.verbs) mark(s.flags, stemSlot(st), EVENT_VERB);
  for (const st of plan.negatedStems) mark(s.flags, stemSlot(st), PLAN_NEGATED);
  for (const concept of plan.concepts) mark(c.flags, conceptSlot(concept), PLAN_CONCEPT);
  const esWords = Math.max(1, Math.ceil(esCount / 32));
  const esNeed = new Int32Array(terms.length * esWords);
  termEsSlots.forEach((slots, k) => {
    for (const slot of slots) {
      const at = k * esWords + (s.esWord[slot] as number);
      esNeed[at] = (esNeed[at] as number) | (s.esBit[slot] as number);
    }
  });
  const target = INTENT_TARGETS[plan.intent];
  let answerEntityTypes = 0;
  for (const type of target?.types ?? []) {
    const code = ENTITY_TYPES.indexOf(type as (typeof ENTITY_TYPES)[number]);
    if (code >= 0) answerEntityTypes |= 1 << code;
    if (type === 'organization') answerEntityTypes |= 1 << ENTITY_TYPES.indexOf('group');
  }
  const i32 = (list: number[]): Int32Array => Int32Array.from(list);
  return {
    epoch,
    termCount: terms.length,
    conceptTerms,
    entityKind,
    numbers,
    vacuous,
    impossible,
    esWords,
    esNeed,
    stemSlots,
    sExact: i32(s.exact),
    sRelated: i32(s.related),
    sNegatedForm: i32(s.neg),
    sBroader: i32(s.broader),
    sAntonym: i32(s.antonym),
    sFirstEntity: i32(s.first),
    sNamedNoun: i32(s.named),
    sEntityTerms: i32(s.entityTerms),
    sEsWord: i32(s.esWord),
    sEsBit: i32(s.esBit),
    sFlags: i32(s.flags),
    conceptSlots,
    cExact: i32(c.exact),
    cAffiliated: i32(c.aff),
    cFlags: i32(c.flags),
    answerEntityTypes,
    eventNeedsCount: events.counted,
  };
}

/** Makes the table's slots the current ones in the index's scratch (after another question used it). */
export function activateTable(index: MatcherIndex, table: QuestionTable): void {
  const scratch = scratchOf(index);
  if (scratch.epoch === table.epoch) return;
  const epoch = ++scratch.epoch;
  table.stemSlots.forEach((id, slot) => {
    scratch.stemStamp[id] = epoch;
    scratch.stemSlot[id] = slot;
  });
  table.conceptSlots.forEach((id, slot) => {
    scratch.conceptStamp[id] = epoch;
    scratch.conceptSlot[id] = slot;
  });
  table.epoch = epoch;
}

/** Evidence bit: a name the question does not use. */
export const EV_NAME_NOT_ASKED = 1;
/** Evidence bit: the sentence negates a word the question's "not" negates. */
export const EV_PLAN_NEGATED = 2;
/** Evidence bit: the sentence's predicate negation negates a plain word of the question. */
export const EV_HEAD_NEGATED = 4;
/** Evidence bit: an entity of an answer type the question did not name. */
export const EV_ENTITY_TYPE = 8;
/** Evidence bit: a quantity other than the figures the question gives. */
export const EV_QUANTITY = 16;
/** Evidence bit: a quantity of what the question counts. */
export const EV_COUNTED = 32;
/** Evidence bit: a figure of what the question counts has the question's verb or one related to it ("killed 46 people" for "how many people died"). */
export const EV_EVENT_MATCH = 64;

/** A paragraph's sentences matched against a question, and the paragraph's unions. */
export interface ParagraphScan {
  epoch: number;
  paragraph: number;
  /** First sentence and how many. */
  first: number;
  count: number;
  /** Per sentence (offset from `first`): terms matched by exact and related words, negated forms, broader words, antonyms. */
  wordExact: Int32Array;
  wordRelated: Int32Array;
  negatedForm: Int32Array;
  broader: Int32Array;
  antonym: Int32Array;
  /** Terms matched by concept and by an affiliated concept. */
  conceptExact: Int32Array;
  conceptAffiliated: Int32Array;
  namedNoun: Int32Array;
  /** Terms whose retrieval keys the sentence holds (it is a candidate for them). */
  keys: Int32Array;
  /** Entity-word bits (`esWords` per sentence). */
  entityWords: Int32Array;
  evidence: Int32Array;
  /** The paragraph: terms matched exactly or related (words), by concept, entity-word bits, any keys. */
  paraWords: number;
  paraConcepts: number;
  paraEntityWords: Int32Array;
  paraKeys: number;
}

/** What an article holds of a question, for the matches a sentence makes through its article. */
export interface ArticleContext {
  article: number;
  /** Terms whose exact or related words its sentences hold. */
  words: number;
  /** Entity-word bits its sentences hold. */
  entityWords: Int32Array;
  /** Terms whose retrieval keys its sentences hold. */
  keys: number;
  /** Terms whose concept is one of its subjects, and whose exact words its title or lead sentence holds. */
  subjectConcepts: number;
  subjectWords: number;
}

/** An empty paragraph scan (grown as paragraphs need). */
export function createParagraphScan(): ParagraphScan {
  const z = (): Int32Array => new Int32Array(16);
  return {
    epoch: -1,
    paragraph: -1,
    first: 0,
    count: 0,
    wordExact: z(),
    wordRelated: z(),
    negatedForm: z(),
    broader: z(),
    antonym: z(),
    conceptExact: z(),
    conceptAffiliated: z(),
    namedNoun: z(),
    keys: z(),
    entityWords: z(),
    evidence: z(),
    paraWords: 0,
    paraConcepts: 0,
    paraEntityWords: new Int32Array(1),
    paraKeys: 0,
  };
}

/** An empty article context. */
export function createArticleContext(): ArticleContext {
  return { article: -1, words: 0, entityWords: new Int32Array(1), keys: 0, subjectConcepts: 0, subjectWords: 0 };
}

function room(a: Int32Array, n: number): Int32Array {
  return a.length >= n ? a : new Int32Array(Math.max(n, a.length * 2));
}

/** Matches every sentence of paragraph p against the table (active in the scratch), into `scan`. */
export function scanParagraph(index: MatcherIndex, table: QuestionTable, p: number, scan: ParagraphScan): ParagraphScan {
  if (scan.epoch === table.epoch && scan.paragraph === p) return scan;
  const scratch = index.scratch;
  const epoch = table.epoch;
  const first = index.paraStart[p] as number;
  const count = (index.paraStart[p + 1] as number) - first;
  const W = table.esWords;
  if (scan.wordExact.length < count) {
    for (const name of ['wordExact', 'wordRelated', 'negatedForm', 'broader', 'antonym', 'conceptExact', 'conceptAffiliated', 'namedNoun', 'keys', 'evidence'] as const) scan[name] = room(scan[name], count);
  }
  scan.entityWords = room(scan.entityWords, count * W);
  scan.entityWords.fill(0, 0, count * W);
  if (scan.paraEntityWords.length < W) scan.paraEntityWords = new Int32Array(W);
  scan.paraEntityWords.fill(0, 0, W);
  let paraWords = 0;
  let paraConcepts = 0;
  let paraKeys = 0;
  const stemStamp = scratch.stemStamp;
  const stemSlot = scratch.stemSlot;
  for (let o = 0; o < count; o++) {
    const i = first + o;
    let ex = 0;
    let rel = 0;
    let neg = 0;
    let brd = 0;
    let ant = 0;
    let nn = 0;
    let keys = 0;
    let ev = 0;
    for (let j = index.sentStemStart[i] as number, end = index.sentStemStart[i + 1] as number; j < end; j++) {
      const id = index.stemIds[j] as number;
      const flags = index.stemFlags[j] as number;
      if (stemStamp[id] !== epoch) {
        if (flags & STEM_NAME) ev |= EV_NAME_NOT_ASKED;
        continue;
      }
      const slot = stemSlot[id] as number;
      ex |= table.sExact[slot] as number;
      rel |= table.sRelated[slot] as number;
      neg |= table.sNegatedForm[slot] as number;
      brd |= table.sBroader[slot] as number;
      ant |= table.sAntonym[slot] as number;
      nn |= table.sNamedNoun[slot] as number;
      keys |= table.sFirstEntity[slot] as number;
      const w = table.sEsWord[slot] as number;
      if (w >= 0) scan.entityWords[o * W + w] = (scan.entityWords[o * W + w] as number) | (table.sEsBit[slot] as number);
      const sf = table.sFlags[slot] as number;
      if (flags & STEM_NAME && !(sf & ASKED)) ev |= EV_NAME_NOT_ASKED;
      if (flags & STEM_NEGATED && sf & PLAN_NEGATED) ev |= EV_PLAN_NEGATED;
      if (flags & STEM_NEGATED_HEAD && sf & HEAD_WORD) ev |= EV_HEAD_NEGATED;
    }
    let cex = 0;
    let caff = 0;
    for (let j = index.sentConceptStart[i] as number, end = index.sentConceptStart[i + 1] as number; j < end; j++) {
      const id = index.conceptIds[j] as number;
      let planConcept = false;
      if (scratch.conceptStamp[id] === epoch) {
        const slot = scratch.conceptSlot[id] as number;
        cex |= table.cExact[slot] as number;
        caff |= table.cAffiliated[slot] as number;
        planConcept = ((table.cFlags[slot] as number) & PLAN_CONCEPT) !== 0;
      }
      if (!planConcept && table.answerEntityTypes & (1 << (index.conceptTypes[j] as number))) ev |= EV_ENTITY_TYPE;
    }
    let quantities = 0;
    let notGiven = false;
    // The figure being read: whether it counts what the question counts, and its verb is the question's.
    let figureCounted = false;
    let figureEvent = false;
    for (let j = index.sentExtraStart[i] as number, end = index.sentExtraStart[i + 1] as number; j < end; j++) {
      const code = index.extraIds[j] as number;
      const id = code >>> 2;
      const sf = stemStamp[id] === epoch ? (table.sFlags[stemSlot[id] as number] as number) : 0;
      switch (code & 3) {
        case EXTRA_FIGURE:
          if (figureEvent && (figureCounted || !table.eventNeedsCount)) ev |= EV_EVENT_MATCH;
          figureCounted = false;
          figureEvent = false;
          quantities++;
          if (!(sf & GIVEN)) notGiven = true;
          break;
        case EXTRA_COUNTED:
          if (sf & COUNTED) {
            ev |= EV_COUNTED;
            figureCounted = true;
          }
          break;
        case EXTRA_EVENT:
          if (sf & EVENT_ASKED) figureEvent = true;
          break;
        default:
          if (sf & EVENT_VERB) figureEvent = true;
      }
    }
    if (figureEvent && (figureCounted || !table.eventNeedsCount)) ev |= EV_EVENT_MATCH;
    if (quantities === 0 || notGiven) ev |= EV_QUANTITY;
    keys |= ex | rel | cex | caff;
    scan.wordExact[o] = ex;
    scan.wordRelated[o] = rel;
    scan.negatedForm[o] = neg;
    scan.broader[o] = brd;
    scan.antonym[o] = ant;
    scan.conceptExact[o] = cex;
    scan.conceptAffiliated[o] = caff;
    scan.namedNoun[o] = nn;
    scan.keys[o] = keys;
    scan.evidence[o] = ev;
    paraWords |= ex | rel;
    paraConcepts |= cex;
    paraKeys |= keys;
    for (let w = 0; w < W; w++) scan.paraEntityWords[w] = (scan.paraEntityWords[w] as number) | (scan.entityWords[o * W + w] as number);
  }
  scan.epoch = epoch;
  scan.paragraph = p;
  scan.first = first;
  scan.count = count;
  scan.paraWords = paraWords;
  scan.paraConcepts = paraConcepts;
  scan.paraKeys = paraKeys;
  return scan;
}

/** The terms sentence i holds a broader word or an antonym of (read from its own stems), into `out`. */
export function sentenceMasks(index: MatcherIndex, table: QuestionTable, i: number, out: { broader: number; antonym: number } = { broader: 0, antonym: 0 }): { broader: number; antonym: number } {
  const scratch = index.scratch;
  let broader = 0;
  let antonym = 0;
  for (let j = index.sentStemStart[i] as number, end = index.sentStemStart[i + 1] as number; j < end; j++) {
    const id = index.stemIds[j] as number;
    if (scratch.stemStamp[id] !== table.epoch) continue;
    const slot = scratch.stemSlot[id] as number;
    broader |= table.sBroader[slot] as number;
    antonym |= table.sAntonym[slot] as number;
  }
  out.broader = broader;
  out.antonym = antonym;
  return out;
}

/**
 * Whether sentence i says a negated question's "not" itself, read from its stems as
 * `scanParagraph` reads them: it holds a negated form of a term ("pistonless"), or a word the
 * question's "not" negates inside its own negation. For a question with negated words, the
 * negation mismatch is off exactly then.
 */
export function saysNegation(index: MatcherIndex, table: QuestionTable, i: number): boolean {
  const scratch = index.scratch;
  for (let j = index.sentStemStart[i] as number, end = index.sentStemStart[i + 1] as number; j < end; j++) {
    const id = index.stemIds[j] as number;
    if (scratch.stemStamp[id] !== table.epoch) continue;
    const slot = scratch.stemSlot[id] as number;
    if ((table.sNegatedForm[slot] as number) !== 0) return true;
    if ((index.stemFlags[j] as number) & STEM_NEGATED && (table.sFlags[slot] as number) & PLAN_NEGATED) return true;
  }
  return false;
}

/** The subject masks of article a: concepts among its subjects, exact words in its title and lead. */
export function subjectMasks(index: MatcherIndex, table: QuestionTable, a: number): { concepts: number; words: number } {
  const scratch = index.scratch;
  let concepts = 0;
  for (let j = index.subjectStart[a] as number; j < (index.subjectStart[a + 1] as number); j++) {
    const id = index.subjectIds[j] as number;
    if (scratch.conceptStamp[id] === table.epoch) concepts |= table.cExact[scratch.conceptSlot[id] as number] as number;
  }
  let words = 0;
  for (let j = index.subjectStemStart[a] as number; j < (index.subjectStemStart[a + 1] as number); j++) {
    const id = index.subjectStemIds[j] as number;
    if (scratch.stemStamp[id] === table.epoch) words |= table.sExact[scratch.stemSlot[id] as number] as number;
  }
  return { concepts, words };
}

/** Article a's context, by scanning every paragraph of it (`work` is overwritten). */
export function articleContextByScan(index: MatcherIndex, table: QuestionTable, a: number, work: ParagraphScan, out: ArticleContext): ArticleContext {
  const W = table.esWords;
  if (out.entityWords.length < W) out.entityWords = new Int32Array(W);
  out.entityWords.fill(0, 0, W);
  let words = 0;
  let keys = 0;
  for (let p = index.articleParaStart[a] as number; p < (index.articleParaStart[a + 1] as number); p++) {
    const scan = scanParagraph(index, table, p, work);
    words |= scan.paraWords;
    keys |= scan.paraKeys;
    for (let w = 0; w < W; w++) out.entityWords[w] = (out.entityWords[w] as number) | (scan.paraEntityWords[w] as number);
  }
  const subjects = subjectMasks(index, table, a);
  out.article = a;
  out.words = words;
  out.keys = keys;
  out.subjectConcepts = subjects.concepts;
  out.subjectWords = subjects.words;
  return out;
}

/** True when every entity word of term t is in the bit set at `base` (always, for a term with none; never, for one the index lacks). */
export function hasAllEntityWords(table: QuestionTable, t: number, bits: Int32Array, base: number): boolean {
  if (table.impossible & (1 << t)) return false;
  const W = table.esWords;
  for (let w = 0; w < W; w++) {
    const need = table.esNeed[t * W + w] as number;
    if (((bits[base + w] as number) & need) !== need) return false;
  }
  return true;
}
