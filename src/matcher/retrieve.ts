import type { QuestionTable } from './question-table.ts';
import { IN_SENTENCES, IN_SUBJECT, type MatcherIndex } from './search-index.ts';

/** The articles a question's keys reach, and what each one holds of them. */
export interface RetrievedArticles {
  /** Articles (ids) where a sentence holds a retrieval key of the question: the only ones with candidates. */
  touched: Uint32Array;
  count: number;
  /** By article id, valid for `touched` articles: terms any of its sentences or subjects can match (a superset is fine). */
  reach: Int32Array;
  /** Terms whose exact or related words its sentences hold, or whose concept is one of its subjects. */
  hit: Int32Array;
  /** Entity-word bits its sentences hold (`table.esWords` per article). */
  entityWords: Int32Array;
}

/**
 * Where a question's candidate articles come from. The default reads the index's per-article
 * posting lists in process; a deployment with millions of articles can take them from Postgres
 * full-text search instead (a GIN index over each article's stems and concepts, see the README)
 * and score them here the same way. Whatever the source, `touched` must hold every article in
 * which a sentence holds one of the question's retrieval keys (exact or related words, its
 * entities' concepts, affiliated concepts, an entity's first word), and `reach` / `hit` /
 * `entityWords` what those articles hold: the ranking's exactness rests on it.
 */
export interface Retriever {
  retrieve(index: MatcherIndex, table: QuestionTable): RetrievedArticles;
}

/** Per-article working memory of the posting retriever, kept with the index. */
interface ArticleScratch {
  stamp: Int32Array;
  reach: Int32Array;
  hit: Int32Array;
  touched: Uint8Array;
  entityWords: Int32Array;
  list: Uint32Array;
  out: Uint32Array;
  epoch: number;
}

const scratches = new WeakMap<MatcherIndex, ArticleScratch>();

function scratchFor(index: MatcherIndex, words: number): ArticleScratch {
  let s = scratches.get(index);
  const n = index.articleCount;
  if (!s || s.stamp.length < n || s.entityWords.length < n * words) {
    const size = Math.ceil(n * 1.25) + 16;
    s = { stamp: new Int32Array(size), reach: new Int32Array(size), hit: new Int32Array(size), touched: new Uint8Array(size), entityWords: new Int32Array(size * words), list: new Uint32Array(size), out: new Uint32Array(size), epoch: 0 };
    scratches.set(index, s);
  }
  return s;
}

/** The in-process retriever: one pass over the per-article posting lists of the question's stems and concepts. */
export const postingRetriever: Retriever = {
  retrieve(index, table) {
    const W = table.esWords;
    const s = scratchFor(index, W);
    const epoch = ++s.epoch;
    let listed = 0;
    const { stamp, reach, hit, touched, entityWords, list } = s;
    const removed = index.removed;
    const visit = (a: number): void => {
      if (stamp[a] === epoch) return;
      stamp[a] = epoch;
      reach[a] = table.vacuous;
      hit[a] = 0;
      touched[a] = 0;
      entityWords.fill(0, a * W, a * W + W);
      list[listed++] = a;
    };
    const stems = index.articleStems;
    table.stemSlots.forEach((id, slot) => {
      const reachS = (table.sExact[slot] as number) | (table.sRelated[slot] as number) | (table.sNegatedForm[slot] as number) | (table.sBroader[slot] as number) | (table.sEntityTerms[slot] as number);
      if (reachS === 0) return;
      const hitS = (table.sExact[slot] as number) | (table.sRelated[slot] as number);
      const touchS = hitS | (table.sFirstEntity[slot] as number);
      const subjectS = table.sExact[slot] as number;
      const esW = table.sEsWord[slot] as number;
      const esB = table.sEsBit[slot] as number;
      const apply = (entry: number): void => {
        const a = entry >>> 2;
        if (removed[a]) return;
        visit(a);
        if (entry & IN_SENTENCES) {
          reach[a] = (reach[a] as number) | reachS;
          hit[a] = (hit[a] as number) | hitS;
          if (touchS !== 0) touched[a] = 1;
          if (esW >= 0) entityWords[a * W + esW] = (entityWords[a * W + esW] as number) | esB;
        }
        if (entry & IN_SUBJECT) reach[a] = (reach[a] as number) | subjectS;
      };
      if (id + 1 < stems.offsets.length) for (let j = stems.offsets[id] as number, end = stems.offsets[id + 1] as number; j < end; j++) apply(stems.entries[j] as number);
      const delta = stems.delta.get(id);
      if (delta) for (const e of delta) apply(e);
    });
    const concepts = index.articleConcepts;
    table.conceptSlots.forEach((id, slot) => {
      const exact = table.cExact[slot] as number;
      const any = exact | (table.cAffiliated[slot] as number);
      if (any === 0) return;
      const apply = (entry: number): void => {
        const a = entry >>> 2;
        if (removed[a]) return;
        visit(a);
        if (entry & IN_SENTENCES) {
          reach[a] = (reach[a] as number) | any;
          touched[a] = 1;
        }
        if (entry & IN_SUBJECT) {
          reach[a] = (reach[a] as number) | exact;
          hit[a] = (hit[a] as number) | exact;
        }
      };
      if (id + 1 < concepts.offsets.length) for (let j = concepts.offsets[id] as number, end = concepts.offsets[id + 1] as number; j < end; j++) apply(concepts.entries[j] as number);
      const delta = concepts.delta.get(id);
      if (delta) for (const e of delta) apply(e);
    });
    let count = 0;
    for (let k = 0; k < listed; k++) {
      const a = list[k] as number;
      if (touched[a]) s.out[count++] = a;
    }
    return { touched: s.out, count, reach, hit, entityWords };
  },
};
