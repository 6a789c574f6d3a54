import { askedMeasures, measureMask } from './measures.ts';
import { ANTONYM_PAIRS, AUXILIARY_VERBS, BE_FORMS, IRREGULAR_VERBS, NEGATING_PREFIXES, PREPOSITIONS, QUESTION_FRAME_WORDS, SYNONYM_GROUPS } from '../nlp/lexicon.ts';
import { TITLE_WORDS, verbForms } from '../nlp/word-lists.ts';
import { countryGazetteer } from '../nlp/gazetteer.ts';
import { isPersonNoun, lexiconTags } from '../nlp/name-lexicon.ts';
import { relationsOf, relationsOfForm } from '../nlp/wordnet.ts';
import { foldCase, isModifier, isNegated, isNegation, isSelective, isRomanNumeral, namePairs, nameKey, isStopWord, negationScope, stemWord, tokenize, type Token } from '../nlp/text.ts';
import { detectIntent, intentStems, REPORTING_ALTERNATION, type Intent } from './intent.ts';
import { normaliseQuestion } from './normalise.ts';
import { possessivesOf, slotsOf, subjectsOf } from './word-order.ts';
import { impliedStems, type MatcherIndex } from './search-index.ts';

/** Spelled-out counts a question may use for a figure ("three numbers"), with their digits. */
const CARDINALS = new Map(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'].map((w, k) => [w, k + 2]));

/** The ordinal a Roman numeral after a name stands for ("II" → "second"). */
const ROMAN_ORDINALS: Readonly<Record<string, string>> = { i: 'first', ii: 'second', iii: 'third', iv: 'fourth', v: 'fifth', vi: 'sixth', vii: 'seventh', viii: 'eighth', ix: 'ninth', x: 'tenth' };

/**
 * Other ways to write a number: "3" for "three", "three" for "3", "18th" (century) for
 * "1700s", and "second" for the Roman "II".
 */
function numberForms(norm: string): string[] {
  const digits = CARDINALS.get(norm);
  if (digits !== undefined) return [String(digits)];
  // "World War II" is "the Second World War".
  const ordinal = ROMAN_ORDINALS[norm];
  if (ordinal !== undefined) return [stemWord(ordinal)];
  if (/^1\d00s$/.test(norm)) return impliedStems(norm).slice(0, 1);
  const word = [...CARDINALS].find(([, n]) => String(n) === norm)?.[0];
  return word ? [word] : [];
}

/** `{ namedNoun }` when the token at `k` is a plain lower-case word, else nothing. */
function namedNounAt(tokens: readonly Token[], k: number): { namedNoun?: string } {
  const t = tokens[k];
  return t && /^\p{Ll}/u.test(t.raw) && !isStopWord(t.norm) && !isModifier(t.norm) ? { namedNoun: t.stem } : {};
}

/**
 * For "What is/are X?" (X up to eight words), a pattern that finds a sentence opening with X
 * as the subject of a definition: "X is", "The X are", "X refers to".
 */
function definitionPattern(plain: string): RegExp | undefined {
  const m = /^what(?:'s| is| are| was| were) (?:an? |the )?([^?]+?)\s*\??$/i.exec(plain.trim());
  const words = m?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0 || words.length > 8) return undefined;
  // A degree word of the question ("main") may be missing from the definition.
  const parts = words.map((w) => {
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return isModifier(foldCase(w)) ? `(?:${escaped}\\s+)?` : `${escaped}\\s+`;
  });
  return new RegExp(`^(?:an? |the )?${parts.join('').replace(/\\s\+$/, '')}s?\\s+(?:is|are|was|were|refers?)\\b`, 'iu');
}

/** Titles and role words, longest first, as one alternation ("company spokeswoman Ana Ruiz"). */
const TITLE_ALTERNATION = [...TITLE_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((w) => `[${w[0] as string}${(w[0] as string).toUpperCase()}]${w.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
  .join('|');

/**
 * "Who is Ana Ruiz?": a sentence that says who she is — a title before the name ("company
 * spokeswoman Ana Ruiz"), an apposition after it ("Ana Ruiz, a lawyer who …", "Ana Ruiz, Spain's
 * …", "Ana Ruiz, 29, …") or "Ana Ruiz is a …". The full name or its last word.
 */
function identityPattern(plain: string): RegExp | undefined {
  const m = /^[Ww]ho(?:'s| is| was| are| were)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})\s*\??$/u.exec(plain.trim());
  const name = m?.[1]?.trim();
  if (!name) return undefined;
  const words = name.split(/\s+/);
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const who = `(?:${escape(name)}${words.length > 1 ? `|${escape(words[words.length - 1] as string)}` : ''})`;
  const apposition = `${who}(?:['’]s)?\\s*(?:,|\\(|—|–)\\s*(?:an?\\s|the\\s|who\\s|[Aa]n?\\s|The\\s|\\d|\\p{Lu}[\\p{L}.-]*['’]s\\s|[\\p{Ll}-]+\\s(?:of|for|at|to)\\s)`;
  const titled = `\\b(?:${TITLE_ALTERNATION})\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}${who}\\b`;
  const copula = `${who}\\s+(?:is|was|has been|serves as|served as)\\s+(?:an?|the)\\s`;
  return new RegExp(`${apposition}|${titled}|${copula}`, 'u');
}

/** What comes before a count of the answers: "what", "which", "what are the", "name the". */
const ANSWER_COUNT_RE = /(?:^|\s)(?:what|which|name|list)(?: (?:is|are|was|were))?(?: the)?$/;

/** The most key terms of one question the matcher weighs; later ones are dropped. */
export const MAX_TERMS = 24;

/** One thing a question asks about that an answering sentence should account for. */
export interface QueryTerm {
  /** As the user wrote it. */
  text: string;
  /** What it is: a known entity, a number or year, a capitalised name, or a plain word. */
  kind: 'entity' | 'number' | 'name' | 'word';
  /** The word's own stem (empty for entities). */
  stem: string;
  /** Stems of its synonyms and derived forms, from the lexicon and WordNet (matched as "related"). */
  synonyms: readonly string[];
  /** Stems of broader words and of its definition's words, from WordNet (a weaker match). */
  broader: readonly string[];
  /** The question's verb ("beat" in "Did Argentina beat Germany?"). */
  verb?: boolean;
  /** Entity concept key, for `kind: 'entity'`. */
  concept?: string;
  /** Stems of an entity's own words, so "Kursk" still matches where the entity was not tagged. */
  entityStems?: readonly string[];
  /** Stems of the word's opposites ("least" for "most"). */
  antonyms: readonly string[];
  /** For a word the question negates ("pistons" in "without pistons"), the stems of its negated forms ("pistonless"): they match it. */
  negatedForms?: readonly string[];
  /** In a "what did X say" question, X: the speaker, not the topic. */
  speaker?: boolean;
  /** A degree word or adverb ("typically"): weighs less. */
  modifier?: boolean;
  /** Written as part of a hyphenated compound ("short-range"). */
  compound?: boolean;
  /** The noun a what/which-question asks for ("city" in "What French city …"). */
  head?: boolean;
  /** An ordinal or superlative ("first", "largest") that picks one of many: a sentence must say it. */
  selective?: boolean;
  /** For a name or entity, the stem of the plain noun right after it ("cycle" in "Rankine cycle"). */
  namedNoun?: string;
}

/** A question made ready for ranking. */
export interface QueryPlan {
  raw: string;
  /** The question as plain text (Slack markup removed). */
  plain: string;
  intent: Intent;
  terms: QueryTerm[];
  /** Entity concepts the question names. */
  concepts: ReadonlySet<string>;
  /** For a stance question, the concepts of the speaker it asks about ("Savett" in "what did Savett say"). */
  speakers: ReadonlySet<string>;
  negated: boolean;
  /** Parts of the multi-word names the question uses: both stems and their `namePairs` key. */
  namePairs: readonly (readonly [string, string, string])[];
  /** "What is France a region of?": the stem before the question's last word, a preposition ("region"). The answer fills the slot after it. */
  gapAfter?: string;
  /** "Leon's first cabaret": possessor and possessed stems of each possessive in the question. */
  possessives: readonly (readonly [string, string])[];
  /**
   * A word and the name that follows it, articles and "by" skipped: "made" and "robert" in "Who
   * made Robert of Jumièges earl of Hereford?".
   */
  slots: readonly (readonly [string, string])[];
  /** A name and the word right after it ("cambridge", "purchas" in "What has Cambridge purchased"): who does what. */
  subjects: readonly (readonly [string, string])[];
  /** "What is European Union law?": a sentence that says "European Union law is …" defines it. */
  defines?: RegExp;
  /** "Who is Ana Ruiz?": a sentence with her title or an apposition says who she is. */
  identifies?: RegExp;
  /** The kinds of figure a how-many question asks for ("how heavy": weight), as `MEASURE_KINDS` bits, when it says. */
  measures?: number;
  /** What the question's "not" negates: the one content word after it (see `negationScope`). */
  negatedStems: ReadonlySet<string>;
  /** Who does what to whom: the question's verb with the entity or name before it and those after it. */
  predicate?: Predicate;
}

/** A question's predicate, read from word order: "Did Iran send missiles to Ukraine?". */
export interface Predicate {
  /** Stems of the verb and its related forms. */
  verb: readonly string[];
  /** The verb as written, lower-case ("cut"). */
  words: readonly string[];
  /** Stems or concepts of the name that does it ("iran"). */
  agent?: RoleFiller;
  /** The name it is done to, right after the verb ("Germany" in "beat Germany"). */
  patient?: RoleFiller;
  /** The name after "to", "into", "for" or "against" ("Ukraine"). */
  recipient?: RoleFiller;
  /** Asked of what is to come ("Is X going to …?", "Will X …?"): a sentence saying it is going to happen bears it out; one saying only that does not bear out "Did X …?". */
  future?: boolean;
  /** The verb after "to" ("raise" in "Did Opec agree to raise output?"), stems and related: the sentence's clause must hold it. */
  complement?: readonly string[];
}

/** A name filling a role: its entity concept if known, and its stems. */
export interface RoleFiller {
  concept?: string;
  stems: readonly string[];
  /** A common noun phrase, not a name ("the union", "police"): it may stand for a name the sentence uses. */
  common?: boolean;
}

const synonymsByStem = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  const stems = [...new Set(group.map((w) => stemWord(w)))];
  for (const s of stems) synonymsByStem.set(s, [...new Set([...(synonymsByStem.get(s) ?? []), ...stems.filter((x) => x !== s)])]);
}
const antonymsByStem = new Map<string, string[]>();
for (const [a, b] of ANTONYM_PAIRS) {
  const sa = stemWord(a);
  const sb = stemWord(b);
  antonymsByStem.set(sa, [...(antonymsByStem.get(sa) ?? []), sb]);
  antonymsByStem.set(sb, [...(antonymsByStem.get(sb) ?? []), sa]);
}

/**
 * Opposites of a word: from the antonym pairs, and by a negating prefix — "impossible" for
 * "possible", "equal" for "unequal".
 */
function antonymsOf(norm: string, stem: string): string[] {
  const out = [...(antonymsByStem.get(stem) ?? [])];
  for (const prefix of NEGATING_PREFIXES) {
    if (norm.startsWith(prefix) && norm.length - prefix.length >= 4) out.push(stemWord(norm.slice(prefix.length)));
    else if (norm.length >= 4) out.push(stemWord(prefix + norm));
  }
  // "pistonless" is "without pistons".
  if (norm.endsWith('less') && norm.length >= 8) out.push(stemWord(norm.slice(0, -4)));
  else if (stem.length >= 4) out.push(stemWord(`${stem}less`));
  return out;
}

/** The forms that negate a word ("impossible", "pistonless"): they say what "not possible", "without pistons" say. */
function negatedFormsOf(norm: string, stem: string): string[] {
  if (norm.length < 4 || NEGATING_PREFIXES.some((p) => norm.startsWith(p) && norm.length - p.length >= 4) || norm.endsWith('less')) return [];
  return [...NEGATING_PREFIXES.map((p) => stemWord(p + norm)), ...(stem.length >= 4 ? [stemWord(`${stem}less`)] : [])];
}

/** Synonym stems of a stem, from the general lexicon. */
export function synonymsOf(stem: string): readonly string[] {
  return synonymsByStem.get(stem) ?? [];
}

/** A word's related stems: the lexicon's synonyms, WordNet's synonyms and derivations; and its broader ones. */
function relatedOf(t: Token): { related: string[]; broader: string[]; antonyms: string[] } {
  const rel = relationsOfForm(t.norm);
  const related = new Set([...synonymsOf(t.stem), ...rel.synonym, ...rel.derivation]);
  related.delete(t.stem);
  const broader = new Set([...rel.hypernym, ...rel.gloss].filter((x) => x !== t.stem && !related.has(x)));
  return { related: [...related], broader: [...broader], antonyms: [...rel.antonym] };
}

const VERB_TAGS = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PerfectTense', 'PhrasalVerb']);

/** Can the word be a verb ("beat", "won", "killed")? From compromise's lexicon, irregular forms and "-ed". */
function mayBeVerb(t: Token): boolean {
  if (isStopWord(t.norm) || isCapitalised(t)) return false;
  return IRREGULAR_VERBS.has(t.norm) || lexiconTags(t.norm).some((x) => VERB_TAGS.has(x)) || /ed$/.test(t.norm) || relationsOf(t.norm).derivation.length > 0 && /(?:ate|ize|ise|fy)$/.test(t.norm);
}

const countryByName = new Map<string, string>();
for (const c of countryGazetteer()) {
  for (const n of [c.name, ...c.aliases, ...c.capitals]) if (!countryByName.has(nameKey(n)) && n.replace(/\./g, '').length > 3) countryByName.set(nameKey(n), nameKey(c.name));
}

function matchAlias(tokens: Token[], i: number, index: MatcherIndex): { concept: string; length: number } | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  let best: { concept: string; length: number } | undefined;
  for (const alias of index.aliases.get(first.norm) ?? []) {
    if (alias.norms.length <= (best?.length ?? 0)) continue;
    if (alias.norms.some((n, k) => tokens[i + k]?.norm !== n)) continue;
    if (alias.capitals && !/^\p{Lu}+$/u.test(first.raw.replace(/\./g, ''))) continue;
    best = { concept: alias.concept, length: alias.norms.length };
  }
  if (best || !isCapitalised(first)) return best;
  // A country the articles do not name ("Tehran", "Nigerian") is still that country.
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(i, i + n);
    if (words.length < n || words.some((w) => !isCapitalised(w))) continue;
    const concept = countryByName.get(nameKey(words.map((w) => w.raw).join(' ')));
    if (concept) return { concept, length: n };
  }
  return undefined;
}

const SPEAKER_RES = [
  new RegExp(`\\bwhat (?:did|does|do|has|have|had) (.+?) (?:${REPORTING_ALTERNATION})\\b`, 'i'),
  /^what(?:'s| is| was) (.+?)['’]s? (?:take|view|position|reaction|response)\b/i,
  /^what(?:'s| is| was| are| were) (?:the )?(?:official )?(?:position|stance|view|response|reaction) of (.+?)(?: on | about | to |[?.!]|$)/i,
  /\bhow did (.+?) (?:respond|react)\b/i,
];

/** Where the speaker stands in a stance question: [start, end) character offsets, or undefined. */
function findSpeakerSpan(plain: string): [number, number] | undefined {
  for (const re of SPEAKER_RES) {
    const m = re.exec(plain);
    const group = m?.[1];
    if (m && group) {
      const start = m.index + m[0].indexOf(group);
      return [start, start + group.length];
    }
  }
  return undefined;
}

/** Words that end the run of words a what-question asks about: auxiliaries, and "kind of". */
const AUXILIARY = new Set([...AUXILIARY_VERBS, 'kind', 'type', 'sort', 'of']);

/**
 * Index of the noun a "what/which …" question asks for (the last word of the run after it),
 * or the role a "who is the …" question asks who holds ("president" in "Who is the president
 * of Iran?"); -1 when there is none.
 */
function headNounIndex(tokens: Token[]): number {
  const at = tokens.findIndex((t) => t.norm === 'what' || t.norm === 'which');
  const role = tokens[0]?.norm === 'who' && /^(?:is|was|are|were)$/.test(tokens[1]?.norm ?? '') && /^(?:the|a|an)$/.test(tokens[2]?.norm ?? '') ? 2 : -1;
  if (at < 0 && role < 0) return -1;
  let i = (at < 0 ? role : at) + 1;
  while (tokens[i] && /^(?:kinds?|types?|sorts?|of)$/.test(tokens[i]?.norm ?? '')) i++;
  let last = -1;
  while (tokens[i] && !AUXILIARY.has(tokens[i]?.norm ?? '') && !isStopWord(tokens[i]?.norm ?? '')) last = i++;
  return last;
}

/** Words after which a name is the one something is done to or for: "to Ukraine", "against Germany". */
export const RECIPIENT_PREPOSITIONS: ReadonlySet<string> = new Set(['to', 'into', 'for', 'against', 'from', 'with', 'over']);

const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'any', 'some']);

/** Lower-case words inside a name of several words ("the Bank of England", "Minister for Health"). */
const NAME_JOINERS: ReadonlySet<string> = new Set(['of', 'de', 'for']);

/** A word written with a capital: a name's, or the question's first. */
export function isCapitalised(t: Pick<Token, 'raw'> | undefined): boolean {
  return t !== undefined && /^\p{Lu}/u.test(t.raw);
}

/** A plural noun's shape: a plain word in -s, not -ss, -us or -is ("residents", "teams"), which a verb after "did" never has. */
export function isPluralNoun(t: Pick<Token, 'norm' | 'raw'> | undefined): boolean {
  return t !== undefined && !isStopWord(t.norm) && !isCapitalised(t) && t.norm.length > 3 && /[^sui]s$/.test(t.norm);
}

/** What may open the object after a verb: a determiner, a name, a number, a plural noun or a particle ("hand out"). */
function opensObject(t: Token | undefined): boolean {
  return t !== undefined && (DETERMINERS.has(t.norm) || isCapitalised(t) || /^\d/.test(t.norm) || isPluralNoun(t) || /^(?:out|up|down|off|back)$/.test(t.norm));
}

/** One or two plain nouns and a plural one after them: a compound object ("interest rates", "fuel duty cuts"). */
function opensCompound(tokens: readonly Token[], k: number): boolean {
  const plain = (t: Token | undefined): boolean => t !== undefined && !isStopWord(t.norm) && !isCapitalised(t) && !/^\d/.test(t.norm) && !isPluralNoun(t);
  return plain(tokens[k]) && (isPluralNoun(tokens[k + 1]) || (plain(tokens[k + 1]) && isPluralNoun(tokens[k + 2])));
}

const IRREGULAR_BASES: ReadonlySet<string> = new Set(IRREGULAR_VERBS.values());
const inflects = new Map<string, boolean>();

/** Whether a word the lexicon lists as a noun inflects as a verb there: "raise" (raised, raising), or has irregular forms ("cut"). Memoised. */
function inflectsAsVerb(norm: string): boolean {
  let v = inflects.get(norm);
  if (v === undefined) {
    v = IRREGULAR_BASES.has(norm) || verbForms(norm).some((f) => f !== norm && lexiconTags(f).some((x) => x === 'PastTense' || x === 'Gerund'));
    if (inflects.size < 10_000) inflects.set(norm, v);
  }
  return v;
}

/**
 * In a yes/no question ("Did …", "Will …", "Has …"), the verb after the subject, read from the
 * question's shape where a lexicon may know the word only as a noun: the first plain word after a
 * plural noun ("Did residents evacuate…"), or one followed by what opens an object ("Did the union
 * praise the safety rules?", "Did the bridge close engineers?"). After a name, its plural head and an
 * adverb are skipped ("Did Israeli troops enter…", "Did Iran secretly buy…"), and the next word is the
 * verb when the lexicon says it can be one or an object follows.
 */
function framedVerb(tokens: readonly Token[], terms: readonly QueryTerm[]): QueryTerm | undefined {
  if (!AUXILIARY.has(tokens[0]?.norm ?? '') || BE_FORMS.includes(tokens[0]?.norm ?? '')) return undefined;
  const termAt = (j: number): QueryTerm | undefined => terms.find((x) => x.kind === 'word' && x.stem === tokens[j]?.stem);
  let k = 1;
  while (k < tokens.length && DETERMINERS.has((tokens[k] as Token).norm)) k++;
  if (isCapitalised(tokens[k])) {
    // The subject is a name ("of" and "the" inside it); a possessive's noun ("India's central bank") is read as below.
    while (k < tokens.length && (isCapitalised(tokens[k]) || ((NAME_JOINERS.has((tokens[k] as Token).norm) || (tokens[k] as Token).norm === 'the') && isCapitalised(tokens[k + 1])))) k++;
    const possessive = /['’]s?$/.test(tokens[k - 1]?.raw ?? '');
    while (!possessive && k < tokens.length && (isPluralNoun(tokens[k]) || /ly$/.test((tokens[k] as Token).norm))) k++;
    const t = tokens[k];
    if (!possessive && t && !isStopWord(t.norm)) {
      const term = termAt(k);
      if (term && (term.verb === true || opensObject(tokens[k + 1]) || tokens[k + 1] === undefined || isStopWord((tokens[k + 1] as Token).norm))) return term;
    }
    k--;
  }
  for (let j = k + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (isStopWord(t.norm) || isCapitalised(t)) break;
    if (isPluralNoun(t) && !isPluralNoun(tokens[j - 1])) continue;
    // The first word after the subject that the lexicon says can be a verb, or that the shape frames as one
    // (also before a compound object: "Did the bank raise interest rates?").
    if (termAt(j)?.verb === true || isPluralNoun(tokens[j - 1]) || opensObject(tokens[j + 1]) || (opensCompound(tokens, j + 1) && inflectsAsVerb(t.norm))) return termAt(j);
  }
  return undefined;
}

/**
 * A passive question's shape: "be" first, or "have" first and "been" right before the verb; the verb
 * a participle ("found", "closed", "taken"), and no object after it ("Is it true Greenplate raised
 * prices…" is active).
 */
function isPassive(tokens: readonly Token[], at: number): boolean {
  const v = tokens[at] as Token;
  const participle = /(?:ed|en|wn|nt|ght)$/.test(v.norm) || (IRREGULAR_VERBS.has(v.norm) && IRREGULAR_VERBS.get(v.norm) !== v.norm);
  const next = tokens[at + 1];
  const object = next !== undefined && (DETERMINERS.has(next.norm) || isCapitalised(next) || /^\d/.test(next.norm) || isPluralNoun(next));
  const first = tokens[0]?.norm ?? '';
  return participle && !object && (BE_FORMS.includes(first) || (/^(?:has|have|had)$/.test(first) && tokens[at - 1]?.norm === 'been'));
}

/** The words from..to when all are plain lower-case content words: a common noun phrase in a role. */
function commonPhrase(tokens: readonly Token[], from: number, to: number): RoleFiller | undefined {
  const words = tokens.slice(from, to).filter((t) => !isStopWord(t.norm));
  if (words.length === 0 || words.length > 4 || words.some((t) => isCapitalised(t) || /^\d/.test(t.norm))) return undefined;
  return { stems: words.map((t) => t.stem), common: true };
}

/** "going to" and "about to" before a verb ("Is the defence going to appeal?") only say when: the verb after them is the question's. */
export function marksFuture(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 2];
  return (tokens[k]?.norm === 'going' || tokens[k]?.norm === 'about') && tokens[k + 1]?.norm === 'to' && next !== undefined && !isStopWord(next.norm) && !isCapitalised(next);
}

/**
 * The question's predicate: its verb (in a yes/no question, read from its shape, `framedVerb`;
 * otherwise the first word that can be one, past the wh-word and the auxiliary), the name before it
 * (the agent) and the names after it (the patient, and the one after "to"/"against"…), or the
 * common noun phrases there when no name is. Nothing when the question has no verb besides its
 * auxiliary.
 */
function predicateOf(tokens: readonly Token[], terms: readonly QueryTerm[], index: MatcherIndex): Predicate | undefined {
  const listed = terms.find((t) => t.verb);
  const framed = framedVerb(tokens, terms);
  // "Did Iran help build a factory?": the first verb of a chain is the one the subject does.
  const listedAt = listed ? tokens.findIndex((t) => t.stem === listed.stem) : -1;
  // (Not when the first is the subject's noun: "Did the club sign youth players?")
  const chained = framed && listed && listedAt === tokens.findIndex((t) => t.stem === framed.stem) - 1 && !isPluralNoun(tokens[listedAt]) && !DETERMINERS.has(tokens[listedAt - 1]?.norm ?? '');
  // "Is Uganda going to sue Kenya?": the word after "going to" is the verb, whatever the lexicon makes of it.
  const futureAt = tokens.findIndex((_, k) => k >= 2 && marksFuture(tokens, k));
  const futureVerb = futureAt >= 0 ? terms.find((t) => t.kind === 'word' && t.stem === tokens[futureAt + 2]?.stem) : undefined;
  const verbTerm = futureVerb ?? (chained ? listed : (framed ?? listed));
  if (!verbTerm) return undefined;
  const at = futureVerb ? futureAt + 2 : tokens.findIndex((t) => t.stem === verbTerm.stem && !isCapitalised(t));
  if (at < 0) return undefined;
  // The subject ends before "going to" ("the defence" in "Is the defence going to appeal?").
  const goingTo = at >= 2 && marksFuture(tokens, at - 2);
  const future = goingTo || /^(?:will|shall)$/.test(tokens[0]?.norm ?? '');
  const subjectEnd = goingTo ? at - 2 : at;
  // A name in a role: the entity it is an alias of, or else its words up to `end` ("Bank of England": bank, england).
  const fillerAt = (k: number, end = k + 1): RoleFiller | undefined => {
    const alias = matchAlias([...tokens], k, index);
    if (alias) return { concept: alias.concept, stems: tokens.slice(k, k + alias.length).filter((x) => !isStopWord(x.norm)).map((x) => x.stem) };
    const t = tokens[k];
    return t && isCapitalised(t) && k > 0 && !isStopWord(t.norm) ? { stems: tokens.slice(k, end).filter((x) => isCapitalised(x) && !isStopWord(x.norm)).map((x) => x.stem) } : undefined;
  };
  // The agent: the name nearest before the verb, past the auxiliary ("Did Argentina beat …").
  let agent: RoleFiller | undefined;
  for (let k = subjectEnd - 1; k >= 1 && !agent; k--) {
    const t = tokens[k] as Token;
    if (isCapitalised(t)) {
      let start = k;
      // Back to the name's first word, over "of" inside it ("the People's Bank of China").
      while (start > 1) {
        const prev = tokens[start - 1] as Token;
        if (isCapitalised(prev) && !isStopWord(prev.norm)) start--;
        else if (NAME_JOINERS.has(prev.norm) && start > 2 && isCapitalised(tokens[start - 2]) && !isStopWord((tokens[start - 2] as Token).norm)) start -= 2;
        else break;
      }
      // "Did Germany's chancellor visit Kyiv?": the owned noun does it, not the owner.
      agent = (/['’]s?$/.test(t.raw) && k + 1 < subjectEnd ? commonPhrase(tokens, k + 1, subjectEnd) : undefined) ?? fillerAt(start, k + 1);
    }
  }
  let patient: RoleFiller | undefined;
  let recipient: RoleFiller | undefined;
  let byName: RoleFiller | undefined;
  for (let k = at + 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!isCapitalised(t) || isStopWord(t.norm)) continue;
    if (isCapitalised(tokens[k - 1]) && k - 1 > at) continue;
    const filler = fillerAt(k);
    if (!filler) continue;
    const before = tokens[k - 1]?.norm === 'the' ? tokens[k - 2] : tokens[k - 1];
    if (before?.norm === 'by') byName ??= filler;
    else if (before && RECIPIENT_PREPOSITIONS.has(before.norm)) recipient ??= filler;
    else if (k - at <= 3 && !patient) {
      patient = filler;
      // "find former Lembara County governor Joseph Kiptanui guilty": a name, a title and a name are one phrase about the last.
      let g = k;
      while (g + 1 < tokens.length && isCapitalised(tokens[g + 1])) g++;
      let words = 0;
      while (g + 1 < tokens.length && words < 2 && !isCapitalised(tokens[g + 1]) && (TITLE_WORDS.has((tokens[g + 1] as Token).norm) || isPersonNoun((tokens[g + 1] as Token).norm))) {
        g++;
        words++;
      }
      const head = words > 0 ? fillerAt(g + 1) : undefined;
      if (head) {
        patient = head;
        k = g + 1;
      }
    }
  }
  // A passive question ("Was Kiptanui found guilty?", "Has the bridge been closed by engineers?"): its
  // subject has it done, and the name or noun after "by", if any, does it.
  const passive = isPassive(tokens, at);
  if (passive) {
    const by = tokens.findIndex((t, k) => k > at && t.norm === 'by');
    let end = by + 1;
    // The doer's words after "by", up to a name, a preposition or a conjunction ("by engineers after the storm").
    const ends = (t: Token): boolean => isCapitalised(t) || lexiconTags(t.norm).some((x) => x === 'Preposition' || x === 'Conjunction' || x === 'QuestionWord');
    while (end < tokens.length && end - by <= 4 && !ends(tokens[end] as Token)) end++;
    const subject = agent ?? commonPhrase(tokens, 1, subjectEnd);
    agent = by < 0 ? undefined : (byName ?? commonPhrase(tokens, by + 1, end));
    patient = subject;
  }
  // No name in a role: the common noun phrase in it, "the harbour official" before the verb and
  // "police" after it in "Did the harbour official arrest police?". Not when a form of "be" comes
  // first ("Has the cause been confirmed?", "Was the bridge closed by engineers?", "Is this the
  // deadliest bombing?"), unless a plain subject and "-ing" follow ("Is the government lobbying
  // exporters?").
  const progressive = (goingTo || /ing$/.test((tokens[at] as Token).norm)) && tokens.slice(2, subjectEnd).every((t) => !isStopWord(t.norm));
  const common = !passive && (!tokens.slice(0, subjectEnd).some((t) => BE_FORMS.includes(t.norm)) || progressive);
  if (common) agent ??= commonPhrase(tokens, 1, subjectEnd);
  // "Does X accept that the survey…": a clause follows, not an object.
  if (common && !patient && !recipient && !/^(?:that|whether|if)$/.test(tokens[at + 1]?.norm ?? '')) {
    let start = at + 1;
    while (start < tokens.length && isStopWord((tokens[start] as Token).norm) && !RECIPIENT_PREPOSITIONS.has((tokens[start] as Token).norm)) start++;
    let end = start;
    while (end < tokens.length && end - start < 4 && !isStopWord((tokens[end] as Token).norm) && !isCapitalised(tokens[end])) end++;
    patient = commonPhrase(tokens, start, end);
  }
  // "Did Opec agree to raise output?": the verb after "to" must be the sentence's too, not only "agree".
  const complementTerm = tokens[at + 1]?.norm === 'to' ? terms.find((t) => t.kind === 'word' && t.stem === tokens[at + 2]?.stem) : undefined;
  const complement = complementTerm ? [complementTerm.stem, ...complementTerm.synonyms] : undefined;
  return { verb: [verbTerm.stem, ...verbTerm.synonyms], words: [(tokens[at] as Token).norm], ...(future ? { future } : {}), ...(complement ? { complement } : {}), ...(agent ? { agent } : {}), ...(patient ? { patient } : {}), ...(recipient ? { recipient } : {}) };
}

/**
 * Analyses a question against the index: plain text, intent, and the key terms a sentence
 * must account for (entities through their aliases, numbers, names, content words with
 * their synonyms). Question-framing words ("say", "article") and intent words are dropped.
 */
export function analyseQuestion(raw: string, index: MatcherIndex): QueryPlan {
  const plain = normaliseQuestion(raw);
  const intent = detectIntent(foldCase(plain));
  const tokens = tokenize(plain);
  const dropped = intentStems(intent);
  const terms: QueryTerm[] = [];
  const concepts = new Set<string>();
  const seen = new Set<string>();

  const speakerSpan = intent === 'stance' ? findSpeakerSpan(plain) : undefined;
  const headAt = headNounIndex(tokens);
  const negatedHere = negationScope(plain, tokens, 1);
  const speakers = new Set<string>();
  for (let i = 0; i < tokens.length; ) {
    const alias = matchAlias(tokens, i, index);
    if (alias) {
      const words = tokens.slice(i, i + alias.length);
      const start = words[0]?.start ?? 0;
      const isSpeaker = speakerSpan !== undefined && start >= speakerSpan[0] && start < speakerSpan[1];
      if (isSpeaker) speakers.add(alias.concept);
      if (!concepts.has(alias.concept)) {
        concepts.add(alias.concept);
        terms.push({
          ...(isSpeaker ? { speaker: true } : {}),
          text: words.map((t) => t.raw).join(' '),
          kind: 'entity',
          stem: '',
          synonyms: [],
          broader: [],
          concept: alias.concept,
          entityStems: words.filter((t) => !isStopWord(t.norm)).map((t) => t.stem),
          antonyms: [],
          ...namedNounAt(tokens, i + alias.length),
        });
      }
      i += alias.length;
      continue;
    }
    const t = tokens[i] as Token;
    i++;
    const inSpeaker = speakerSpan !== undefined && t.start >= speakerSpan[0] && t.start < speakerSpan[1];
    const roman = isRomanNumeral(tokens, i - 1);
    if (!roman && (isStopWord(t.norm) || QUESTION_FRAME_WORDS.has(t.norm) || dropped.has(t.stem) || isNegation(t) || marksFuture(tokens, i - 1))) continue;
    if (seen.has(t.stem)) continue;
    seen.add(t.stem);
    // "What are the two main theories …" counts the answers: the sentence may list them without saying "two".
    const countsAnswers = CARDINALS.has(t.norm) && ANSWER_COUNT_RE.test(tokens.slice(Math.max(0, i - 5), i - 1).map((x) => x.norm).join(' '));
    const isNumber = roman || /^\d/.test(t.norm) || (CARDINALS.has(t.norm) && !countsAnswers);
    // A capitalised word that is not the question's first word is probably a name.
    const isName = !isNumber && i - 1 > 0 && isCapitalised(t);
    const lexical = isNumber || isName ? undefined : relatedOf(t);
    terms.push({
      ...(inSpeaker ? { speaker: true } : {}),
      text: t.raw,
      kind: isNumber ? 'number' : isName ? 'name' : 'word',
      stem: t.stem,
      synonyms: isNumber ? numberForms(t.norm) : (lexical?.related ?? synonymsOf(t.stem)),
      broader: lexical?.broader ?? [],
      antonyms: isNumber ? [] : [...antonymsOf(t.norm, t.stem), ...(lexical?.antonyms ?? [])],
      ...(lexical && i - 1 !== headAt && mayBeVerb(t) ? { verb: true } : {}),
      ...(!isNumber && negatedHere.has(t.stem) ? { negatedForms: negatedFormsOf(t.norm, t.stem) } : {}),
      ...(countsAnswers || (!isNumber && !isName && isModifier(t.norm)) ? { modifier: true } : {}),
      ...(t.compound ? { compound: true } : {}),
      ...(i - 1 === headAt ? { head: true } : {}),
      // "the most common" picks one; "most of the officials" does not.
      ...(!isNumber && !isName && isSelective(t.norm) && tokens[i]?.norm !== 'of' ? { selective: true } : {}),
      ...(isName ? namedNounAt(tokens, i) : {}),
    });
  }
  const last = tokens[tokens.length - 1];
  const beforeLast = tokens[tokens.length - 2];
  const gapAfter = last && beforeLast && PREPOSITIONS.has(last.norm) && !isStopWord(beforeLast.norm) ? beforeLast.stem : undefined;
  const defines = definitionPattern(plain);
  const identifies = identityPattern(plain);
  const predicate = predicateOf(tokens, terms, index);
  const asked = intent === 'how-many' ? askedMeasures(tokens) : undefined;
  const measures = asked ? measureMask(asked) : undefined;
  return {
    ...(predicate ? { predicate } : {}),
    ...(defines ? { defines } : {}),
    ...(identifies ? { identifies } : {}),
    ...(measures !== undefined ? { measures } : {}),
    subjects: subjectsOf(tokens),
    slots: slotsOf(tokens),
    possessives: possessivesOf(tokens),
    ...(gapAfter !== undefined ? { gapAfter } : {}),
    raw,
    plain,
    intent,
    terms: terms.slice(0, MAX_TERMS),
    concepts,
    speakers,
    namePairs: namePairs(plain, tokens, true, TITLE_WORDS).map((pair) => [...(pair.split(' ') as [string, string]), pair] as const),
    negated: isNegated(tokens),
    negatedStems: negatedHere,
  };
}
