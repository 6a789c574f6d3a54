import { postingCount, type PostingTable } from './columns.ts';
import { hasAllEntityWords, type QuestionTable } from './question-table.ts';
import type { MatcherIndex } from './search-index.ts';

/**
 * What a question's words reach: the sentences that hold any of its retrieval keys (exact or
 * related words, negated forms, entities' concepts and words, affiliated concepts), and what each
 * article and paragraph holds. Arrays are working memory owned by the retriever, valid until its
 * next call; those by article or paragraph id are valid for the articles and paragraphs met.
 */
export interface Retrieved {
  /** The sentences met, in the order met, and how many. */
  sentences: Uint32Array;
  count: number;
  /** By position in `sentences`: terms the sentence may hold itself (an exact or related word, a negated form, a concept, an affiliated concept, an entity's word), and terms whose retrieval keys it holds. */
  direct: Int32Array;
  keys: Int32Array;
  /** By position: entity terms whose concept or an affiliated concept the sentence names (found there for certain). */
  named: Int32Array;
  /** The articles met, and how many. */
  articles: Uint32Array;
  articleCount: number;
  /** By article id: terms whose exact or related words its sentences hold; entity-word bits (`esWords` per article); whether a sentence holds a retrieval key; terms whose concept is a subject, whose exact words its title or lead sentence holds. */
  words: Int32Array;
  entityWords: Int32Array;
  touched: Uint8Array;
  subjectConcepts: Int32Array;
  subjectWords: Int32Array;
  /** By article id: room for the caller (a number and a mask per article). */
  articleScores: Float64Array;
  articleHolds: Int32Array;
  /** This call's stamp: by sentence id, `sentenceStamp[i] === epoch` when sentence i was met (then `sentencePosition[i]` is its place in `sentences`). */
  epoch: number;
  sentenceStamp: Int32Array;
  sentencePosition: Int32Array;
  /** By paragraph id: `paragraphMet[p] === epoch` when a sentence of it was met, then `paragraphHolds[p]` says which terms it holds as a whole (exact or related words, concepts, all of an entity's words); `paragraphKeyed[p] === epoch` when one holds a retrieval key. */
  paragraphMet: Int32Array;
  paragraphHolds: Int32Array;
  paragraphKeyed: Int32Array;
  /** By paragraph id: room for the caller (a number per paragraph, valid where `paragraphNoted[p] === epoch`). */
  paragraphNoted: Int32Array;
  paragraphNotes: Float64Array;
}

/**
 * Where a question's candidates come from. The default reads the index's own posting lists in
 * process; a deployment with millions of articles can take them from Postgres full-text search
 * instead (a GIN index over each sentence's stems and concepts, see the README) and score them
 * here the same way. Whatever the source, it must return every sentence that holds one of the
 * question's keys, with what it holds: the ranking's exactness rests on it.
 */
export interface Retriever {
  retrieve(index: MatcherIndex, table: QuestionTable): Retrieved;
}

/** Working memory of the posting retriever for one index. */
class PostingScratch implements Retrieved {
  sentences = new Uint32Array(1024);
  count = 0;
  direct = new Int32Array(1024);
  keys = new Int32Array(1024);
  named = new Int32Array(1024);
  articles = new Uint32Array(1024);
  articleCount = 0;
  words: Int32Array;
  entityWords: Int32Array;
  touched: Uint8Array;
  subjectConcepts: Int32Array;
  subjectWords: Int32Array;
  articleScores: Float64Array;
  articleHolds: Int32Array;
  /** By position: terms whose exact or related words, and whose concepts, the sentence holds; its entity-word bits. */
  private sentenceWords = new Int32Array(1024);
  private sentenceConcepts = new Int32Array(1024);
  private sentenceEntityWords = new Int32Array(1024);
  readonly sentenceStamp: Int32Array;
  readonly sentencePosition: Int32Array;
  private readonly articleStamp: Int32Array;
  readonly paragraphMet: Int32Array;
  readonly paragraphKeyed: Int32Array;
  readonly paragraphNoted: Int32Array;
  readonly paragraphNotes: Float64Array;
  readonly paragraphHolds: Int32Array;
  private paraEntityWords: Int32Array;
  private paragraphs = new Uint32Array(1024);
  epoch = 0;
  readonly sentenceCapacity: number;
  readonly articleCapacity: number;
  readonly paragraphCapacity: number;

  constructor(index: MatcherIndex) {
    this.sentenceCapacity = index.sentenceCount;
    this.articleCapacity = index.articleCount;
    this.paragraphCapacity = index.paragraphCount;
    this.sentenceStamp = new Int32Array(index.sentenceCount);
    this.sentencePosition = new Int32Array(index.sentenceCount);
    this.articleStamp = new Int32Array(index.articleCount);
    this.paragraphMet = new Int32Array(index.paragraphCount);
    this.paragraphKeyed = new Int32Array(index.paragraphCount);
    this.paragraphNoted = new Int32Array(index.paragraphCount);
    this.paragraphNotes = new Float64Array(index.paragraphCount);
    this.paragraphHolds = new Int32Array(index.paragraphCount);
    this.paraEntityWords = new Int32Array(index.paragraphCount);
    this.words = new Int32Array(index.articleCount);
    this.entityWords = new Int32Array(index.articleCount);
    this.touched = new Uint8Array(index.articleCount);
    this.subjectConcepts = new Int32Array(index.articleCount);
    this.subjectWords = new Int32Array(index.articleCount);
    this.articleScores = new Float64Array(index.articleCount);
    this.articleHolds = new Int32Array(index.articleCount);
  }

  /** Room for `n` sentences met (at most the sum of the posting lists read). */
  private reserve(n: number, W: number): void {
    if (this.sentences.length >= n && this.sentenceEntityWords.length >= n * W) return;
    const size = Math.max(n, this.sentences.length * 2);
    this.sentences = new Uint32Array(size);
    this.direct = new Int32Array(size);
    this.keys = new Int32Array(size);
    this.named = new Int32Array(size);
    this.sentenceWords = new Int32Array(size);
    this.sentenceConcepts = new Int32Array(size);
    this.sentenceEntityWords = new Int32Array(size * W);
  }

  /** One pass over the posting lists of the table's stems and concepts, then one over the sentences met. */
  run(index: MatcherIndex, table: QuestionTable): void {
    const epoch = ++this.epoch;
    const W = table.esWords;
    if (this.entityWords.length < this.articleCapacity * W) this.entityWords = new Int32Array(this.articleCapacity * W);
    if (this.paraEntityWords.length < this.paragraphCapacity * W) this.paraEntityWords = new Int32Array(this.paragraphCapacity * W);
    const stems = index.sentenceStems;
    const concepts = index.sentenceConcepts;
    let bound = 0;
    for (let slot = 0; slot < table.stemSlots.length; slot++) if (stemDirect(table, slot) !== 0) bound += postingCount(stems, table.stemSlots[slot] as number);
    for (let slot = 0; slot < table.conceptSlots.length; slot++) if (((table.cExact[slot] as number) | (table.cAffiliated[slot] as number)) !== 0) bound += postingCount(concepts, table.conceptSlots[slot] as number);
    this.reserve(bound, W);
    this.count = 0;
    this.articleCount = 0;
    for (let slot = 0; slot < table.stemSlots.length; slot++) {
      const direct = stemDirect(table, slot);
      if (direct === 0) continue;
      const words = (table.sExact[slot] as number) | (table.sRelated[slot] as number);
      const keys = words | (table.sFirstEntity[slot] as number);
      const id = table.stemSlots[slot] as number;
      const esW = table.sEsWord[slot] as number;
      const esB = table.sEsBit[slot] as number;
      if (id + 1 < stems.offsets.length) this.passBase(index, stems.entries, stems.offsets[id] as number, stems.offsets[id + 1] as number, epoch, direct, keys, words, 0, 0, esW, esB, W);
      const delta = stems.delta.get(id);
      if (delta) this.passDelta(index, delta, epoch, direct, keys, words, 0, 0, esW, esB, W);
    }
    for (let slot = 0; slot < table.conceptSlots.length; slot++) {
      const exact = table.cExact[slot] as number;
      const keys = exact | (table.cAffiliated[slot] as number);
      if (keys === 0) continue;
      const id = table.conceptSlots[slot] as number;
      if (id + 1 < concepts.offsets.length) this.passBase(index, concepts.entries, concepts.offsets[id] as number, concepts.offsets[id + 1] as number, epoch, keys, keys, 0, exact, keys, -1, 0, W);
      const delta = concepts.delta.get(id);
      if (delta) this.passDelta(index, delta, epoch, keys, keys, 0, exact, keys, -1, 0, W);
    }
    this.finish(index, table, epoch, W);
  }

  /**
   * As `run`, for candidate sentences found elsewhere: each sentence's terms are read from its own
   * stems and concepts, and the sentences are put in the order the posting lists would meet them
   * (by the first key slot they hold, then by id), so that what follows sees the same input.
   * Sentences holding none of the question's keys are dropped.
   */
  runRows(index: MatcherIndex, table: QuestionTable, rows: ArrayLike<number>): void {
    const epoch = ++this.epoch;
    const W = table.esWords;
    if (this.entityWords.length < this.articleCapacity * W) this.entityWords = new Int32Array(this.articleCapacity * W);
    if (this.paraEntityWords.length < this.paragraphCapacity * W) this.paraEntityWords = new Int32Array(this.paragraphCapacity * W);
    this.reserve(rows.length, W);
    const scratch = index.scratch;
    const stemSlots = table.stemSlots.length;
    const held: { i: number; first: number }[] = [];
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r] as number;
      if (i >= index.sentenceCount || index.removed[index.sentArticle[i] as number] || this.sentenceStamp[i] === epoch) continue;
      let first = Infinity;
      for (let j = index.sentStemStart[i] as number; j < (index.sentStemStart[i + 1] as number); j++) {
        const id = index.stemIds[j] as number;
        if (scratch.stemStamp[id] !== table.epoch) continue;
        const slot = scratch.stemSlot[id] as number;
        if (stemDirect(table, slot) !== 0) first = Math.min(first, slot);
      }
      for (let j = index.sentConceptStart[i] as number; j < (index.sentConceptStart[i + 1] as number); j++) {
        const id = index.conceptIds[j] as number;
        if (scratch.conceptStamp[id] !== table.epoch) continue;
        const slot = scratch.conceptSlot[id] as number;
        if (((table.cExact[slot] as number) | (table.cAffiliated[slot] as number)) !== 0) first = Math.min(first, stemSlots + slot);
      }
      if (first === Infinity) continue;
      this.sentenceStamp[i] = epoch;
      held.push({ i, first });
    }
    held.sort((a, b) => a.first - b.first || a.i - b.i);
    const { sentencePosition: position, sentences, direct: d, keys: k, named: nm, sentenceWords: sw, sentenceConcepts: sc, sentenceEntityWords: se } = this;
    for (let at = 0; at < held.length; at++) {
      const i = (held[at] as { i: number }).i;
      position[i] = at;
      sentences[at] = i;
      let direct = 0;
      let keys = 0;
      let named = 0;
      let words = 0;
      let concepts = 0;
      for (let w = 0; w < W; w++) se[at * W + w] = 0;
      for (let j = index.sentStemStart[i] as number; j < (index.sentStemStart[i + 1] as number); j++) {
        const id = index.stemIds[j] as number;
        if (scratch.stemStamp[id] !== table.epoch) continue;
        const slot = scratch.stemSlot[id] as number;
        const dir = stemDirect(table, slot);
        if (dir === 0) continue;
        const ws = (table.sExact[slot] as number) | (table.sRelated[slot] as number);
        direct |= dir;
        keys |= ws | (table.sFirstEntity[slot] as number);
        words |= ws;
        const esW = table.sEsWord[slot] as number;
        if (esW >= 0) se[at * W + esW] = (se[at * W + esW] as number) | (table.sEsBit[slot] as number);
      }
      for (let j = index.sentConceptStart[i] as number; j < (index.sentConceptStart[i + 1] as number); j++) {
        const id = index.conceptIds[j] as number;
        if (scratch.conceptStamp[id] !== table.epoch) continue;
        const slot = scratch.conceptSlot[id] as number;
        const exact = table.cExact[slot] as number;
        const ks = exact | (table.cAffiliated[slot] as number);
        if (ks === 0) continue;
        direct |= ks;
        keys |= ks;
        named |= ks;
        concepts |= exact;
      }
      d[at] = direct;
      k[at] = keys;
      nm[at] = named;
      sw[at] = words;
      sc[at] = concepts;
    }
    this.count = held.length;
    this.articleCount = 0;
    this.finish(index, table, epoch, W);
  }

  /** What the sentences met hold by article and paragraph, and the articles' subjects. */
  private finish(index: MatcherIndex, table: QuestionTable, epoch: number, W: number): void {
    this.aggregate(index, table, epoch, W);
    // Subjects only tell more about articles already met.
    for (let slot = 0; slot < table.stemSlots.length; slot++) {
      const exact = table.sExact[slot] as number;
      if (exact !== 0) this.subjects(index.subjectStems, table.stemSlots[slot] as number, epoch, exact, this.subjectWords);
    }
    for (let slot = 0; slot < table.conceptSlots.length; slot++) {
      const exact = table.cExact[slot] as number;
      if (exact !== 0) this.subjects(index.subjectConcepts, table.conceptSlots[slot] as number, epoch, exact, this.subjectConcepts);
    }
  }

  /** What each article and paragraph holds, from the sentences met. */
  private aggregate(index: MatcherIndex, table: QuestionTable, epoch: number, W: number): void {
    const sentArticle = index.sentArticle;
    const sentParagraph = index.sentParagraph;
    const { articleStamp, paragraphMet, paragraphKeyed, paragraphHolds: paraHolds, paraEntityWords, words, touched, subjectConcepts, subjectWords, entityWords, sentences, direct, keys, sentenceWords, sentenceConcepts, sentenceEntityWords } = this;
    let articles = this.articles;
    let articleCount = 0;
    let paragraphs = this.paragraphs;
    let paragraphCount = 0;
    const notConcepts = ~table.conceptTerms;
    for (let at = 0, n = this.count; at < n; at++) {
      const i = sentences[at] as number;
      const a = sentArticle[i] as number;
      if (articleStamp[a] !== epoch) {
        articleStamp[a] = epoch;
        if (articleCount >= articles.length) {
          const next = new Uint32Array(articles.length * 2);
          next.set(articles);
          articles = next;
        }
        articles[articleCount++] = a;
        words[a] = 0;
        touched[a] = 0;
        subjectConcepts[a] = 0;
        subjectWords[a] = 0;
        for (let w = 0; w < W; w++) entityWords[a * W + w] = 0;
      }
      const sw = sentenceWords[at] as number;
      words[a] = (words[a] as number) | sw;
      const p = sentParagraph[i] as number;
      if (paragraphMet[p] !== epoch) {
        paragraphMet[p] = epoch;
        paraHolds[p] = 0;
        for (let w = 0; w < W; w++) paraEntityWords[p * W + w] = 0;
        if (paragraphCount >= paragraphs.length) {
          const next = new Uint32Array(paragraphs.length * 2);
          next.set(paragraphs);
          paragraphs = next;
        }
        paragraphs[paragraphCount++] = p;
      }
      paraHolds[p] = (paraHolds[p] as number) | (sw & notConcepts) | (sentenceConcepts[at] as number);
      for (let w = 0; w < W; w++) {
        const bits = sentenceEntityWords[at * W + w] as number;
        if (bits === 0) continue;
        entityWords[a * W + w] = (entityWords[a * W + w] as number) | bits;
        paraEntityWords[p * W + w] = (paraEntityWords[p * W + w] as number) | bits;
      }
      if (keys[at] !== 0) {
        touched[a] = 1;
        paragraphKeyed[p] = epoch;
      }
    }
    this.articles = articles;
    this.articleCount = articleCount;
    this.paragraphs = paragraphs;
    void direct;
    // A paragraph holds an entity as a set when all its words are there, or when it has none ("every" of nothing holds).
    if (table.conceptTerms !== 0) {
      const entityTerms: number[] = [];
      for (let k = 0; k < table.termCount; k++) if (table.conceptTerms & (1 << k)) entityTerms.push(k);
      for (let x = 0; x < paragraphCount; x++) {
        const p = paragraphs[x] as number;
        let holds = paraHolds[p] as number;
        for (const k of entityTerms) if (!(holds & (1 << k)) && hasAllEntityWords(table, k, paraEntityWords, p * W)) holds |= 1 << k;
        paraHolds[p] = holds;
      }
    }
  }

  private passBase(index: MatcherIndex, list: Uint32Array, from: number, to: number, epoch: number, direct: number, keys: number, words: number, concepts: number, named: number, esW: number, esB: number, W: number): void {
    const removed = index.removed;
    const sentArticle = index.sentArticle;
    // Whether any article was removed: if none, no sentence's article need be looked up.
    const anyRemoved = index.liveSentences < index.sentenceCount;
    const { sentenceStamp: stamp, sentencePosition: position, sentences, direct: d, keys: k, named: nm, sentenceWords: sw, sentenceConcepts: sc, sentenceEntityWords: se } = this;
    let count = this.count;
    for (let j = from; j < to; j++) {
      const i = list[j] as number;
      let at: number;
      if (stamp[i] !== epoch) {
        if (anyRemoved && removed[sentArticle[i] as number]) continue;
        stamp[i] = epoch;
        at = count++;
        position[i] = at;
        sentences[at] = i;
        d[at] = direct;
        k[at] = keys;
        nm[at] = named;
        sw[at] = words;
        sc[at] = concepts;
        for (let w = 0; w < W; w++) se[at * W + w] = 0;
      } else {
        at = position[i] as number;
        d[at] = (d[at] as number) | direct;
        k[at] = (k[at] as number) | keys;
        nm[at] = (nm[at] as number) | named;
        sw[at] = (sw[at] as number) | words;
        sc[at] = (sc[at] as number) | concepts;
      }
      if (esW >= 0) se[at * W + esW] = (se[at * W + esW] as number) | esB;
    }
    this.count = count;
  }

  private passDelta(index: MatcherIndex, list: readonly number[], epoch: number, direct: number, keys: number, words: number, concepts: number, named: number, esW: number, esB: number, W: number): void {
    const copy = Uint32Array.from(list);
    this.passBase(index, copy, 0, copy.length, epoch, direct, keys, words, concepts, named, esW, esB, W);
  }

  private subjects(list: PostingTable, id: number, epoch: number, bits: number, into: Int32Array): void {
    const visit = (a: number): void => {
      if (this.articleStamp[a] === epoch) into[a] = (into[a] as number) | bits;
    };
    if (id + 1 < list.offsets.length) for (let j = list.offsets[id] as number; j < (list.offsets[id + 1] as number); j++) visit(list.entries[j] as number);
    for (const a of list.delta.get(id) ?? []) visit(a);
  }
}

/** Terms a stem slot serves in a sentence itself (exact, related, negated-form or entity words). */
function stemDirect(table: QuestionTable, slot: number): number {
  return (table.sExact[slot] as number) | (table.sRelated[slot] as number) | (table.sNegatedForm[slot] as number) | (table.sEntityTerms[slot] as number);
}

/** A question's retrieval keys: the stem and concept ids whose sentences every retriever must return. */
export interface RetrievalKeys {
  stems: number[];
  concepts: number[];
}

/** The stems and concepts the posting retriever reads for a question (a retriever elsewhere must return the sentences holding any of them). */
export function retrievalKeys(table: QuestionTable): RetrievalKeys {
  const stems: number[] = [];
  const concepts: number[] = [];
  for (let slot = 0; slot < table.stemSlots.length; slot++) if (stemDirect(table, slot) !== 0) stems.push(table.stemSlots[slot] as number);
  for (let slot = 0; slot < table.conceptSlots.length; slot++) if (((table.cExact[slot] as number) | (table.cAffiliated[slot] as number)) !== 0) concepts.push(table.conceptSlots[slot] as number);
  return { stems, concepts };
}

/** The working memory of one retriever, per index (made again when the index outgrows it). */
function createScratches(): (index: MatcherIndex) => PostingScratch {
  const scratches = new WeakMap<MatcherIndex, PostingScratch>();
  return (index) => {
    let scratch = scratches.get(index);
    if (!scratch || scratch.sentenceCapacity < index.sentenceCount || scratch.articleCapacity < index.articleCount || scratch.paragraphCapacity < index.paragraphCount) {
      scratch = new PostingScratch(index);
      scratches.set(index, scratch);
    }
    return scratch;
  };
}

/**
 * A retriever whose candidates come from elsewhere: `rows` gives the sentences holding any of the
 * question's keys (`retrievalKeys`), say the rows of a Postgres full-text query fetched before
 * ranking, and `Retrieved` is filled from what the index says each of them holds. Given the same
 * sentences as the posting lists, the ranking is the same. Not the default; see the README.
 */
export function createRowRetriever(rows: (index: MatcherIndex, table: QuestionTable) => ArrayLike<number>): Retriever {
  const scratchFor = createScratches();
  return {
    retrieve(index, table) {
      const scratch = scratchFor(index);
      scratch.runRows(index, table, rows(index, table));
      return scratch;
    },
  };
}

/**
 * The in-process retriever: one pass over the sentence posting lists of the question's stems and
 * concepts. Its working memory is kept per index (and made again when the index outgrows it).
 */
export function createPostingRetriever(): Retriever {
  const scratchFor = createScratches();
  return {
    retrieve(index, table) {
      const scratch = scratchFor(index);
      scratch.run(index, table);
      return scratch;
    },
  };
}
