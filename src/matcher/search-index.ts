import type { AnswerType, Claim, EntityType, Knowledge, Sentence, UnknownAspect } from '../knowledge/schema.ts';
import { foldCase, isStopWord, tokenize } from '../nlp/text.ts';

/** One sentence as the matcher sees it. */
export interface IndexedSentence {
  /** Index of its article in `MatcherIndex.articles`. */
  article: number;
  /** Global paragraph index (across all articles). */
  paragraph: number;
  sentence: Sentence;
  /** Content stems (stop words dropped), with repeats. */
  length: number;
  /** Entity concept keys mentioned, with each one's type. */
  entities: ReadonlyMap<string, EntityType>;
  types: ReadonlySet<AnswerType>;
  unknown: ReadonlySet<UnknownAspect>;
  /** Content stems present (for contradiction checks). */
  stems: ReadonlySet<string>;
  claims: readonly Claim[];
}

/** An alias phrase that names an entity concept, as token norms. */
export interface AliasEntry {
  norms: readonly string[];
  concept: string;
  /** Short acronyms must be written in capitals to count ("US" but not "us"). */
  capitals: boolean;
}

/** Everything the matcher needs, built once from the loaded knowledge. Read-only after build. */
export interface MatcherIndex {
  articles: readonly Knowledge[];
  sentences: readonly IndexedSentence[];
  /** First global sentence index of each global paragraph, and one past the last. */
  paragraphStart: Int32Array;
  paragraphEnd: Int32Array;
  /** stem → sentence indices (ascending, unique). */
  sentencePostings: ReadonlyMap<string, Int32Array>;
  /** stem → paragraph indices (ascending, unique). */
  paragraphPostings: ReadonlyMap<string, Int32Array>;
  /** entity concept → sentence indices. */
  conceptPostings: ReadonlyMap<string, Int32Array>;
  /** entity concept → paragraph indices. */
  conceptParagraphs: ReadonlyMap<string, Int32Array>;
  /** first alias token norm → aliases starting with it. */
  aliases: ReadonlyMap<string, readonly AliasEntry[]>;
  /** Concept key → display name. */
  conceptNames: ReadonlyMap<string, string>;
  /** Every stem of the index, sorted, for finding derived forms ("threat" → "threaten"). */
  sortedStems: readonly string[];
  /** Number of sentences, and mean content length, for BM25. */
  averageLength: number;
}

/** The key that unifies one entity across articles: its folded name. */
export function conceptKey(name: string): string {
  return foldCase(name).replace(/^the\s+/, '').replace(/[.’']/g, '').trim();
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function freeze(map: Map<string, number[]>): Map<string, Int32Array> {
  return new Map([...map].map(([k, v]) => [k, Int32Array.from(v)]));
}

/** Builds the matcher's index over every loaded article. Pure; O(total words). */
export function buildMatcherIndex(articles: readonly Knowledge[]): MatcherIndex {
  const sentences: IndexedSentence[] = [];
  const sentencePostings = new Map<string, number[]>();
  const paragraphPostings = new Map<string, number[]>();
  const conceptPostings = new Map<string, number[]>();
  const conceptParagraphs = new Map<string, number[]>();
  const aliases = new Map<string, AliasEntry[]>();
  const conceptNames = new Map<string, string>();
  const paragraphStart: number[] = [];
  const paragraphEnd: number[] = [];
  const seenAlias = new Set<string>();
  let totalLength = 0;

  articles.forEach((k, ai) => {
    const mentionsBySentence = new Map<string, Map<string, EntityType>>();
    for (const e of k.entities) {
      const concept = conceptKey(e.name);
      if (!conceptNames.has(concept)) conceptNames.set(concept, e.name);
      for (const id of e.sentenceIds) {
        let m = mentionsBySentence.get(id);
        if (!m) mentionsBySentence.set(id, (m = new Map()));
        m.set(concept, e.type);
      }
      for (const alias of [e.name, ...e.aliases]) {
        const toks = tokenize(alias);
        const first = toks[0];
        if (!first) continue;
        const norms = toks.map((t) => t.norm);
        const dedupe = `${concept}|${norms.join(' ')}`;
        if (seenAlias.has(dedupe)) continue;
        seenAlias.add(dedupe);
        const capitals = norms.join('').length <= 3 && /^\p{Lu}+$/u.test(alias.replace(/[.\s]/g, ''));
        const list = aliases.get(first.norm) ?? [];
        list.push({ norms, concept, capitals });
        aliases.set(first.norm, list);
      }
    }
    const claimsBySentence = new Map<string, Claim[]>();
    for (const c of k.claims) claimsBySentence.set(c.sentenceId, [...(claimsBySentence.get(c.sentenceId) ?? []), c]);

    for (const p of k.paragraphs) {
      const pIndex = paragraphStart.length;
      paragraphStart.push(sentences.length);
      for (const s of p.sentences) {
        const sIndex = sentences.length;
        const stems = new Set<string>();
        let length = 0;
        for (const t of tokenize(s.text)) {
          if (isStopWord(t.norm)) continue;
          length++;
          stems.add(t.stem);
          pushTo(sentencePostings, t.stem, sIndex);
          pushTo(paragraphPostings, t.stem, pIndex);
        }
        const entities = mentionsBySentence.get(s.id) ?? new Map<string, EntityType>();
        for (const concept of entities.keys()) {
          pushTo(conceptPostings, concept, sIndex);
          pushTo(conceptParagraphs, concept, pIndex);
        }
        totalLength += length;
        sentences.push({
          article: ai,
          paragraph: pIndex,
          sentence: s,
          length,
          entities,
          types: new Set(s.types),
          unknown: new Set(s.unknown),
          stems,
          claims: claimsBySentence.get(s.id) ?? [],
        });
      }
      paragraphEnd.push(sentences.length);
    }
  });

  return {
    articles,
    sentences,
    paragraphStart: Int32Array.from(paragraphStart),
    paragraphEnd: Int32Array.from(paragraphEnd),
    sortedStems: [...sentencePostings.keys()].sort(),
    sentencePostings: freeze(sentencePostings),
    paragraphPostings: freeze(paragraphPostings),
    conceptPostings: freeze(conceptPostings),
    conceptParagraphs: freeze(conceptParagraphs),
    aliases,
    conceptNames,
    averageLength: sentences.length > 0 ? totalLength / sentences.length : 1,
  };
}

/** Shortest stem that may stand for a family of derived words. */
const MIN_FAMILY_STEM = 5;

/**
 * Stems of the index in the same word family as `stem`: one is the other plus a suffix the
 * Porter stemmer leaves on ("threat"/"threaten", "collabor"/"collaboration"). Both must be
 * at least five letters long so short words do not sweep in unrelated ones.
 */
export function familyStems(index: MatcherIndex, stem: string): string[] {
  if (stem.length < MIN_FAMILY_STEM || /^\d/.test(stem)) return [];
  const out: string[] = [];
  const list = index.sortedStems;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as string) < stem) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && (list[i] as string).startsWith(stem); i++) {
    const other = list[i] as string;
    if (other !== stem && other.length - stem.length <= 4) out.push(other);
  }
  for (let len = MIN_FAMILY_STEM; len < stem.length; len++) {
    const prefix = stem.slice(0, len);
    if (stem.length - len <= 4 && index.sentencePostings.has(prefix)) out.push(prefix);
  }
  return out;
}
