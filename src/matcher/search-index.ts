import type { AnswerType, Claim, EntityType, Knowledge, Sentence, UnknownAspect } from '../knowledge/schema.ts';
import { UNIT_SYMBOLS } from '../nlp/lexicon.ts';
import { contentStems, isRomanNumeral, isStopWord, namePairs, nameKey, negationScope, stemWord, tokenize, type Token } from '../nlp/text.ts';

const NOTHING: ReadonlySet<string> = new Set();

/** A set of the items, or the shared empty set: most sentences have no multi-word name. */
function setOrNothing(items: readonly string[]): ReadonlySet<string> {
  return items.length > 0 ? new Set(items) : NOTHING;
}

/**
 * How many content words after a sentence's "not" count as negated. Wider than a question's
 * one word, because a statement puts more before its predicate ("not be fully used").
 */
const SENTENCE_NEGATION_REACH = 3;

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
  /** Stems of capitalised words past the first: names the entity tagger may have missed. */
  names: ReadonlySet<string>;
  /** Stems that stand in the sentence only inside hyphenated compounds ("range" in "short-range"). */
  compoundOnly: ReadonlySet<string>;
  /** The sentence opens with a pronoun or demonstrative that may stand for a name in its paragraph. */
  anaphoric: boolean;
  /** Content stems present (for contradiction checks). */
  stems: ReadonlySet<string>;
  /** The first word of each quantity it gives, as a stem ("352" of "352 votes"). */
  quantities: readonly string[];
  /** Stems of what its quantities count or measure, and their units ("sailor", "wind", "percent"). */
  countStems: ReadonlySet<string>;
  /** Parts of its multi-word names (see `namePairs`). */
  namePairs: ReadonlySet<string>;
  /** What the sentence's negations negate: up to three content words after each (see `negationScope`). */
  negatedStems: ReadonlySet<string>;
  /** The word a predicate negation negates ("met" in "is not met", not "votes" in "(not votes)"). */
  negatedHeads: ReadonlySet<string>;
  claims: readonly Claim[];
  /** Who makes each of `claims`, in the same order. */
  speakers: readonly ClaimSpeaker[];
}

/** Who makes a claim: the speaker's concept key, and the stems of the speaker's words, entity name and role. */
export interface ClaimSpeaker {
  concept: string;
  stems: ReadonlySet<string>;
  /** Concepts the speaker speaks for ("united states" for "U.S. Energy Secretary Dan Brouillette"). */
  affiliations: ReadonlySet<string>;
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
  /** `${article index}|${sentence id}` → global sentence index. */
  sentenceAt: ReadonlyMap<string, number>;
  /**
   * Who speaks where: a claim's speaker concept and the stems of its speaker's name and role →
   * the sentences holding such a claim ("savett", "spokesman", "national security council").
   */
  speakerPostings: ReadonlyMap<string, Int32Array>;
  /** Content stems of each global paragraph. */
  paragraphStems: readonly ReadonlySet<string>[];
  /** Stems each global paragraph has only inside hyphenated compounds. */
  paragraphCompoundOnly: readonly ReadonlySet<string>[];
  /** Entity concepts of each global paragraph. */
  paragraphConcepts: readonly ReadonlySet<string>[];
  /** First global sentence index of each global paragraph, and one past the last. */
  paragraphStart: Int32Array;
  paragraphEnd: Int32Array;
  /** stem → sentence indices (ascending, unique). */
  sentencePostings: ReadonlyMap<string, Int32Array>;
  /** entity concept → sentence indices. */
  conceptPostings: ReadonlyMap<string, Int32Array>;
  /** first alias token norm → aliases starting with it. */
  aliases: ReadonlyMap<string, readonly AliasEntry[]>;
  /** Concept key → display name. */
  conceptNames: ReadonlyMap<string, string>;
  /** Concept key → what kind of entity it is. */
  conceptTypes: ReadonlyMap<string, EntityType>;
  /** Every stem of the index, sorted, for finding derived forms ("threat" → "threaten"). */
  sortedStems: readonly string[];
  /** Number of sentences, and mean content length, for BM25. */
  averageLength: number;
  /** Working memory the ranking reuses between questions (one question at a time). */
  scratch: RankScratch;
  /** What each article is about: the concepts of its title, its lead paragraph and its most named entities. */
  articleSubjects: readonly ReadonlySet<string>[];
  /** The content stems of each article's title and lead sentence: what "the virus" or "the quake" stand for. */
  articleSubjectStems: readonly ReadonlySet<string>[];
  /** Every content stem of each article. */
  articleStems: readonly ReadonlySet<string>[];
  /** First global sentence index of each article, and one past its last. */
  articleStart: Int32Array;
  articleEnd: Int32Array;
  /** Concepts that stand for each other in part: a person and what they speak for, a capital and its country. */
  affiliated: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Per-sentence working arrays for ranking, reset after each question. */
export interface RankScratch {
  /** Weight matched directly so far, per sentence. */
  direct: Float64Array;
  /** Which term last credited a sentence (an ever-increasing stamp). */
  stamp: Int32Array;
  /** Weight matched anywhere in it so far, per paragraph, and the paragraph's stamp. */
  paragraphDirect: Float64Array;
  paragraphStamp: Int32Array;
  /** Paragraph of each sentence. */
  paragraphOf: Int32Array;
  epoch: number;
}

const ANAPHORS = new Set(['he', 'she', 'it', 'they', 'this', 'these', 'his', 'her', 'its', 'their']);
/** How many of a sentence's first words may be the pronoun that refers back to its paragraph. */
const ANAPHOR_REACH = 4;

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

function speakerOf(claim: Claim, article: Knowledge): ClaimSpeaker {
  const entity = article.entities.find((e) => e.id === claim.speakerId);
  const affiliations = new Set((entity?.affiliations ?? []).map((id) => conceptKey(article.entities.find((e) => e.id === id)?.name ?? id)));
  return { concept: conceptKey(entity?.name ?? claim.speaker), stems: new Set(contentStems(`${claim.speaker} ${entity?.name ?? ''} ${entity?.role ?? ''}`)), affiliations };
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
  const conceptPostings = new Map<string, number[]>();
  const aliases = new Map<string, AliasEntry[]>();
  const conceptNames = new Map<string, string>();
  const conceptTypes = new Map<string, EntityType>();
  const sentenceAt = new Map<string, number>();
  const speakerPostings = new Map<string, number[]>();
  const paragraphStart: number[] = [];
  const paragraphStems: Set<string>[] = [];
  const paragraphConcepts: Set<string>[] = [];
  const paragraphCompoundOnly: Set<string>[] = [];
  const paragraphEnd: number[] = [];
  const seenAlias = new Set<string>();
  let totalLength = 0;
  const articleSubjects: Set<string>[] = [];
  const articleSubjectStems: Set<string>[] = [];
  const articleStems: Set<string>[] = [];
  const articleStart: number[] = [];
  const articleEnd: number[] = [];
  const affiliated = new Map<string, Set<string>>();
  const affiliate = (a: string, b: string): void => {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = affiliated.get(x) ?? new Set<string>();
      set.add(y);
      affiliated.set(x, set);
    }
  };

  articles.forEach((k, ai) => {
    const mentionsBySentence = new Map<string, Map<string, EntityType>>();
    for (const e of k.entities) {
      const concept = conceptKey(e.name);
      if (!conceptNames.has(concept)) conceptNames.set(concept, e.name);
      if (!conceptTypes.has(concept)) conceptTypes.set(concept, e.type);
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
    const quantitiesBySentence = new Map<string, string[]>();
    const countsBySentence = new Map<string, Set<string>>();
    for (const q of k.quantities) {
      const first = tokenize(q.text)[0];
      if (first) quantitiesBySentence.set(q.sentenceId, [...(quantitiesBySentence.get(q.sentenceId) ?? []), first.stem]);
      const counted = countsBySentence.get(q.sentenceId) ?? new Set<string>();
      for (const st of contentStems(`${q.counts ?? ''} ${q.unit ?? ''}`)) counted.add(st);
      countsBySentence.set(q.sentenceId, counted);
    }
    // What the article is about: its title's and lead paragraph's entities, and the two it names most.
    const subject = new Set<string>();
    const lead = new Set(k.paragraphs[0]?.sentences.map((s) => s.id) ?? []);
    const byMentions = [...k.entities].sort((a, b) => b.sentenceIds.length - a.sentenceIds.length);
    for (const e of k.entities) if (e.sentenceIds.some((id) => lead.has(id)) || contentStems(k.article.title).join(' ').includes(contentStems(e.name).join(' '))) subject.add(conceptKey(e.name));
    for (const e of byMentions.slice(0, 2)) subject.add(conceptKey(e.name));
    articleSubjects.push(subject);
    articleSubjectStems.push(new Set(contentStems(`${k.article.title} ${k.paragraphs[0]?.sentences[0]?.text ?? ''}`)));
    const aStems = new Set<string>();
    articleStems.push(aStems);
    articleStart.push(sentences.length);
    for (const e of k.entities) for (const id of e.affiliations) {
      const other = k.entities.find((x) => x.id === id);
      if (other) affiliate(conceptKey(e.name), conceptKey(other.name));
    }
    const claimsBySentence = new Map<string, Claim[]>();
    for (const c of k.claims) claimsBySentence.set(c.sentenceId, [...(claimsBySentence.get(c.sentenceId) ?? []), c]);

    for (const p of k.paragraphs) {
      const pIndex = paragraphStart.length;
      paragraphStart.push(sentences.length);
      const pStems = new Set<string>();
      const pConcepts = new Set<string>();
      paragraphStems.push(pStems);
      const pInCompound = new Set<string>();
      const pStandalone = new Set<string>();
      paragraphConcepts.push(pConcepts);
      for (const s of p.sentences) {
        const sIndex = sentences.length;
        sentenceAt.set(`${ai}|${s.id}`, sIndex);
        const claims = claimsBySentence.get(s.id) ?? [];
        const speakers = claims.map((claim) => speakerOf(claim, k));
        for (const speaker of speakers) {
          pushTo(speakerPostings, speaker.concept, sIndex);
          for (const stem of speaker.stems) pushTo(speakerPostings, stem, sIndex);
        }
        const stems = new Set<string>();
        let length = 0;
        let anaphoric = false;
        const inCompound = new Set<string>();
        const standalone = new Set<string>();
        const names = new Set<string>();
        const tokens = tokenize(s.text);
        for (const [k, t] of tokens.entries()) {
          if (k > 0 && /^\p{Lu}/u.test(t.raw) && !isStopWord(t.norm)) names.add(t.stem);
          (t.compound ? inCompound : standalone).add(t.stem);
          (t.compound ? pInCompound : pStandalone).add(t.stem);
          // "He appointed …", "In 1998 they …": a pronoun that opens the sentence refers back to
          // its paragraph; one later on ("…, and it continued") to the sentence's own subject.
          if (ANAPHORS.has(t.norm) && k < ANAPHOR_REACH) anaphoric = true;
          if (isStopWord(t.norm) && !isRomanNumeral(tokens, k)) continue;
          length++;
          for (const stem of [t.stem, ...impliedStems(t.norm), ...unitStems(s.text, tokens, k)]) {
            stems.add(stem);
            pStems.add(stem);
            aStems.add(stem);
            pushTo(sentencePostings, stem, sIndex);
          }
        }
        const entities = mentionsBySentence.get(s.id) ?? new Map<string, EntityType>();
        for (const concept of entities.keys()) {
          pConcepts.add(concept);
          pushTo(conceptPostings, concept, sIndex);
        }
        totalLength += length;
        sentences.push({
          article: ai,
          paragraph: pIndex,
          sentence: s,
          length,
          compoundOnly: new Set([...inCompound].filter((x) => !standalone.has(x))),
          names,
          anaphoric,
          entities,
          types: new Set(s.types),
          unknown: new Set(s.unknown),
          stems,
          namePairs: setOrNothing(namePairs(s.text, tokens, false)),
          quantities: quantitiesBySentence.get(s.id) ?? [],
          countStems: countsBySentence.get(s.id) ?? NOTHING,
          negatedStems: s.negated ? negationScope(s.text, tokens, SENTENCE_NEGATION_REACH) : NOTHING,
          negatedHeads: s.negated ? negationScope(s.text, tokens, 1, true) : NOTHING,
          claims,
          speakers,
        });
      }
      paragraphEnd.push(sentences.length);
      paragraphCompoundOnly.push(new Set([...pInCompound].filter((x) => !pStandalone.has(x))));
    }
    articleEnd.push(sentences.length);
  });

  return {
    articleSubjects,
    articleSubjectStems,
    articleStems,
    articleStart: Int32Array.from(articleStart),
    articleEnd: Int32Array.from(articleEnd),
    affiliated,
    articles,
    sentences,
    sentenceAt,
    speakerPostings: freeze(speakerPostings),
    paragraphStems,
    paragraphConcepts,
    paragraphCompoundOnly,
    paragraphStart: Int32Array.from(paragraphStart),
    paragraphEnd: Int32Array.from(paragraphEnd),
    sortedStems: [...sentencePostings.keys()].sort(),
    sentencePostings: freeze(sentencePostings),
    conceptPostings: freeze(conceptPostings),
    aliases,
    conceptNames,
    conceptTypes,
    averageLength: sentences.length > 0 ? totalLength / sentences.length : 1,
    scratch: {
      direct: new Float64Array(sentences.length),
      stamp: new Int32Array(sentences.length),
      paragraphDirect: new Float64Array(paragraphStart.length),
      paragraphStamp: new Int32Array(paragraphStart.length),
      paragraphOf: Int32Array.from(sentences, (x) => x.paragraph),
      epoch: 0,
    },
  };
}

/** Index of the first string in sorted `list` that is not less than `key`. */
function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as string) < key) lo = mid + 1;
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
    if (other !== stem && out.length < MAX_FAMILY && !out.includes(other) && index.sentencePostings.has(other)) out.push(other);
  };
  if (stem.length >= MIN_FAMILY_STEM) {
    const list = index.sortedStems;
    for (let i = lowerBound(list, stem); i < list.length && (list[i] as string).startsWith(stem); i++) {
      if ((list[i] as string).length - stem.length <= MAX_SUFFIX) add(list[i] as string);
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
  if (stem.length < 5 || /^\d/.test(stem) || index.sentencePostings.has(stem)) return [];
  const prefix = stem.slice(0, 2);
  const list = index.sortedStems;
  const out: string[] = [];
  for (let i = lowerBound(list, prefix); i < list.length && (list[i] as string).startsWith(prefix) && out.length < 3; i++) {
    if (withinOneEdit(stem, list[i] as string)) out.push(list[i] as string);
  }
  return out;
}
