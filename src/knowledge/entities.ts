import { countryGazetteer } from '../nlp/gazetteer.ts';
import {
  inLexicon,
  isCalendarWord,
  isFirstName,
  isKnownName,
  isKnownOrganization,
  isKnownPlace,
  isLastName,
  isOrgHead,
  isPlaceHead,
  isAgentNoun,
  isPersonNoun,
  isRoleNoun,
  lexiconTags,
} from '../nlp/name-lexicon.ts';
import { foldCase, isStopWord, nameKey, nounListStems, stemWord, tokenize, type Token } from '../nlp/text.ts';
import { CALENDAR_WORD_RE, monthReadsAsName, NAME_PARTICLES } from '../nlp/lexicon.ts';
import { CLUB_AFFIXES, COMPANY_SUFFIXES, COMPOUND_MODIFIERS, EVENT_HEADS, GROUP_NOUNS, ORG_CLASSIFIERS, ORG_OPENERS, OWNERSHIP_NOUNS, PLACE_MODIFIERS, PLACE_OPENERS, pluralOf, POST_NOMINALS, readNamePairs, REPORTING_FORMS, sourceNouns, STORM_HEADS, TITLE_WORDS } from '../nlp/word-lists.ts';
import { definingWords, hypernymsOf, lemmasOf, relationsOf, singularsOf } from '../nlp/wordnet.ts';
import { isCurrencyWord } from './quantities.ts';
import type { EntityType, Overlay } from './schema.ts';

/** A sentence as the build works on it. */
export interface SentenceDraft {
  id: string;
  text: string;
  tokens: Token[];
}

/** An entity as the build finds it, before ids are given. */
export interface EntityDraft {
  name: string;
  type: EntityType;
  role?: string;
  aliases: Set<string>;
  /** Organisations and countries the entity speaks for or belongs to ("U.S." of "U.S. Energy Secretary"). */
  affiliations: Set<EntityDraft>;
  fromOverlay: boolean;
}

/** Where an entity is named in a sentence: character offsets. */
export interface Mention {
  entity: EntityDraft;
  start: number;
  end: number;
}

/** The entities of an article and where each sentence names them. */
export interface RecognisedEntities {
  entities: EntityDraft[];
  mentions: ReadonlyMap<string, Mention[]>;
}

// ---------------------------------------------------------------------------------------------
// Word units: a token, or tokens joined by hyphens ("Ki-moon", "al-Qaida", "Secretary-General").

interface Unit {
  start: number;
  end: number;
  raw: string;
  /** Lower-case, dots and possessive removed. */
  norm: string;
  /** Norms of its parts ("secretary", "general"). */
  parts: string[];
  cap: boolean;
  possessive: boolean;
  /** "China" of "China-based": a name used as a modifier; nothing joins it. */
  attributive: boolean;
  /** The modifier it makes ("based" of "Brussels-based"). */
  modifier?: string;
}

function unitsOf(text: string, tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const group = [tokens[k] as Token];
    while (k + 1 < tokens.length && /^[-‐]$/.test(text.slice((tokens[k] as Token).end, (tokens[k + 1] as Token).start))) group.push(tokens[++k] as Token);
    let attributive = false;
    const tail = group[group.length - 1] as Token;
    if (group.length > 1 && /^\p{Ll}/u.test(tail.raw) && COMPOUND_MODIFIERS.has(tail.norm) && /^\p{Lu}/u.test((group[0] as Token).raw)) {
      group.pop();
      attributive = true;
    }
    const modifier = attributive ? tail.norm : undefined;
    const first = group[0] as Token;
    const last = group[group.length - 1] as Token;
    const raw = text.slice(first.start, last.end);
    units.push({
      start: first.start,
      end: last.end,
      raw,
      norm: group.map((t) => t.norm).join('-'),
      parts: group.map((t) => t.norm),
      cap: /^\p{Lu}/u.test(first.raw) || /^\p{Ll}+-\p{Lu}/u.test(raw),
      possessive: /['’]s?$/.test(raw) || /['’]s$/i.test(last.raw),
      attributive,
      ...(modifier ? { modifier } : {}),
    });
  }
  return units;
}

/** Joiners that stand inside names between capitalised words ("Rio de Janeiro", "Abdulaziz bin Salman"). */
/** Modifiers made from a place ("London-based", "Sydney-listed", "Lagos-born"): the name before them is where. */
/** Words after which a capitalised name is a place: "in Monrovia", "near Kabul". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'across', 'into', 'outside', 'inside', 'throughout', 'toward', 'towards', 'around']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'prof']);
/** Titles written short before a name ("Adm. Ramon Dizon", "Gov. Ana Ruiz"): lower-case role words before them are the role. */
const SHORT_TITLES = /^(?:sen|rep|gov|gen|lt|col|capt|sgt|adm|rev|fr|cmdr|maj|brig)$/;

/** Opening punctuation after which a capital is grammar, not a name: a quotation, a colon, a dash. */
function opensClause(text: string, at: number, previousEnd: number): boolean {
  return /["“‘(:—–]\s*$/.test(text.slice(previousEnd, at));
}

function breaksBetween(text: string, a: Unit, b: Unit): boolean {
  return /[,;:()[\]"“”—–]|\s[-‐]\s/.test(text.slice(a.end, b.start));
}

// ---------------------------------------------------------------------------------------------
// Chunks: runs of capitalised units, with what stands around them.

interface Chunk {
  sentence: number;
  units: Unit[];
  /** Lower-case role words before the run ("company spokeswoman"), as written. */
  roleLead?: string;
  /** A noun before the run says it is an organisation ("group Mandiant"). */
  orgCue: boolean;
  /** A plural noun after it says it is a group that acts ("Taleban insurgents"). */
  groupCue: boolean;
  /** A place noun after it ("Kursk region"). */
  placeCue: boolean;
  /** The lower-case word for a place after the run ("terminal" of "North Quay terminal"), when there is one. */
  placeHead?: string;
  /** After "in", "at", "near", …, or written "X-based". */
  prepCue: boolean;
  /** Right after "in" itself ("in Sydney"): where things happen, not whom. */
  inCue?: boolean;
  /** After a job and "at" ("analysts at Pareto Securities"): where someone works, an organisation. */
  employerCue: boolean;
  /** It speaks: a reporting verb follows it (or precedes it, inverted after a quotation). */
  speakerCue: boolean;
}

interface Article {
  sentences: readonly SentenceDraft[];
  /** The units of one sentence, worked out when asked (the last one kept). */
  unitsAt: (sentence: number) => Unit[];
  /** Norms seen capitalised somewhere other than at the start of a sentence. */
  midCaps: Set<string>;
  /** Norms the article also writes in lower case: common words, not names. */
  lower: Set<string>;
  /** Sentences that open with a wire dateline, and where its city ends ("LEEDS, England —"). */
  datelines: Map<number, { city: string; end: number }>;
}

/**
 * A wire dateline: a city in capitals opening the story, perhaps with its country or state and an
 * agency, then a dash ("LEEDS, England —", "DUBLIN —", "NEW YORK (Reuters) -"). The city is a place.
 */
const DATELINE = /^((?:\p{Lu}[\p{Lu}'’.]*[\s-]+){0,3}\p{Lu}[\p{Lu}'’.]*\p{Lu})((?:,\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})?\s*(?:\([^()]{1,30}\)\s*)?(?:[—–]|--?)\s)/u;

/** The city of a dateline opening a sentence, written as a name ("NEW YORK" → "New York"), and where it ends. */
export function datelineCity(text: string): { city: string; end: number } | undefined {
  const m = datelineMatch(text);
  if (!m) return undefined;
  const raw = m[1] as string;
  return { city: raw.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase()), end: raw.length };
}

/** Where the story proper starts after a dateline ("LEEDS, England — Engineers warned": at "Engineers"); 0 without one. */
export function datelineEnd(text: string): number {
  return datelineMatch(text)?.[0].length ?? 0;
}

/** A dateline's match, unless a second dash soon follows: "NATO — the military alliance — said" is an aside, not a dateline. */
function datelineMatch(text: string): RegExpExecArray | undefined {
  const m = DATELINE.exec(text);
  return m && !/[—–]|\s--?\s/.test(text.slice(m[0].length, m[0].length + 60)) ? m : undefined;
}

function nameish(a: Article, s: number, i: number): boolean {
  const units = a.unitsAt(s);
  const u = units[i];
  if (!u || !u.cap) return false;
  if (isCalendarWord(u.norm) || CALENDAR_WORD_RE.test(u.raw.replace(/['’]s?$/, ''))) {
    // "Jan Kowalski", "Theresa May": a month beside a name is part of it.
    const text = (a.sentences[s] as SentenceDraft).text;
    return monthReadsAsName(text.slice(0, u.start), u.raw.replace(/['’]s?$/, ''), text.slice(u.end));
  }
  const initial = i === 0 || opensClause((a.sentences[s] as SentenceDraft).text, u.start, (units[i - 1] as Unit).end);
  if (!initial) return !(isStopWord(u.norm) && !/^\p{Lu}{2,}$/u.test(u.raw)) || a.midCaps.has(u.norm);
  // A capital that opens a sentence: a name only if the lexicon says so, it is an acronym or a
  // country, or the article writes it so elsewhere (unless it is a common word: "New", "Many").
  const next = units[i + 1];
  const pair = next ? `${u.norm} ${next.norm}` : '';
  if (isKnownName(u.norm) || (pair && isKnownName(pair)) || isAcronym(u.raw) || countryOf(u.raw.replace(/['’]s?$/, '')) || regionOf(u.raw)) return true;
  // ("Kelby, 54, lost his herd": an age in commas after the opening capital makes it a name, a person's.)
  if (!isStopWord(u.norm) && /^,\s+\d{1,3},/.test((a.sentences[s] as SentenceDraft).text.slice(u.end))) return true;
  // "President Joe Biden is …": a title opening the sentence before a name.
  // ("Minister for Social Protection Aoife Kinsella said": its portfolio after "for" or "of" too.)
  if (TITLE_WORDS.has(u.norm) && next !== undefined && (next.cap || (next.norm === 'of' && units[i + 2]?.norm === 'the' && units[i + 3]?.cap === true) || ((next.norm === 'of' || next.norm === 'for') && units[i + 2]?.cap === true)) && !breaksBetween((a.sentences[s] as SentenceDraft).text, u, next)) return true;
  // ("Skipper Manuel Couto said", "Nurse Amy Cole": a noun WordNet makes a kind of person, before a given name, is a title.)
  if (personNounBeforeName(units, i, (a.sentences[s] as SentenceDraft).text) && next !== undefined && !breaksBetween((a.sentences[s] as SentenceDraft).text, u, next)) return true;
  // "Mandiant accused …": a word the lexicon takes for an adjective, right before a reporting verb, is the subject's name.
  // ("Prosecutors said …", "Meteorologists warned …" open with a job, not a name.)
  // ("Police Scotland said", "Bank Indonesia said": a word that ends bodies' names, then a country, is a body's name.)
  if (isOrgHead(u.norm) && next !== undefined && next.cap && countryOf(next.raw.replace(/['’]s?$/, '')) !== undefined && !breaksBetween((a.sentences[s] as SentenceDraft).text, u, next)) return true;
  if ((isAgentNoun(u.norm) || sourceNouns().has(u.norm)) && !a.midCaps.has(u.norm)) return false;
  // ("Shops reported …": not a word WordNet knows as another word's plural.)
  // ("Labour said …": a singular noun with no article before a past reporting verb is a name, a party's or a body's.)
  // (Only a word the lexicon tags, and all "Singular": an empty tag list says nothing.)
  const tags = lexiconTags(u.norm);
  const bareSingular = tags.length > 0 && tags.every((t) => t === 'Singular') && /(?:ed|said|told|wrote)$/.test(next?.norm ?? '');
  // ("Staff told reporters …", "Workforce said": a word for a body of workers, WordNet's kind of personnel, is no name.)
  const personnel = relationsOf(u.norm).hypernym.includes('personnel');
  if (next !== undefined && !personnel && !next.cap && REPORTING_FORMS.has(next.norm) && !isStopWord(u.norm) && (bareSingular || !lexiconTags(u.norm).some((t) => /Noun|Plural|Singular|Pronoun|Determiner|Adverb|Preposition|Conjunction/.test(t))) && singularsOf(u.norm).length === 0) return true;
  // "Network Rail, which owns the track, said": a common word before a capitalised word that ends organisations' names opens the name.
  if (!isStopWord(u.norm) && next !== undefined && next.cap && isOrgHead(next.norm) && !lexiconTags(u.norm).some((t) => /Adverb|Preposition|Conjunction|Determiner|Pronoun/.test(t)) && !breaksBetween((a.sentences[s] as SentenceDraft).text, u, next)) return true;
  if (isStopWord(u.norm) || inLexicon(u.norm) || a.lower.has(u.norm)) return false;
  if (a.midCaps.has(u.norm)) return true;
  // "Neighbouring Moldova", "Flooding Bangladesh": an unknown word in -ing or -ed before a country is not part of its name.
  // ("Neighbouring South Africa": a country of two words too.)
  const after2 = units[i + 2];
  if (next !== undefined && /(?:ing|ed)$/.test(u.norm) && (countryOf(next.raw.replace(/['’]s?$/, '')) || (after2 && countryOf(`${next.raw} ${after2.raw}`.replace(/['’]s?$/, ''))))) return false;
  // ("Lenders Lloyds and Barclays said": a plural common noun, WordNet's, opening the sentence before a name describes it.)
  if (next !== undefined && next.cap && singularsOf(u.norm).length > 0) return false;
  // An unknown capitalised word before a verb ("Haldorf recalled …") or a name ("Shail Shrestha") is a name.
  if (next !== undefined && !next.cap && /^\p{Ll}+(?:ed|s)$/u.test(next.raw) && !breaksBetween((a.sentences[s] as SentenceDraft).text, u, next)) return true;
  return next !== undefined && next.cap && !breaksBetween((a.sentences[s] as SentenceDraft).text, u, next);
}

/**
 * "drugmaker Halvorsen Bio", "chipmaker Arden": one word ending in a noun for a business, that is not a
 * person's job ("lawmaker", "filmmaker": the lexicon or WordNet says so).
 */
function isClassifierCompound(word: string): boolean {
  const head = CLASSIFIER_HEADS.find((c) => word.length >= c.length + 3 && word.endsWith(c));
  if (!head || isRoleNoun(word)) return false;
  const hypernyms = relationsOf(word).hypernym;
  return hypernyms.length === 0 || hypernyms.some((h) => CLASSIFIER_STEMS.has(h));
}

/** Business nouns long enough to end a compound ("drugmaker"), and every business noun's stem: worked out once. */
const CLASSIFIER_HEADS: readonly string[] = [...ORG_CLASSIFIERS].filter((c) => c.length >= 4);
const CLASSIFIER_STEMS: ReadonlySet<string> = new Set([...ORG_CLASSIFIERS].map((c) => stemWord(c)));

/** "gross domestic product (GDP)": an acronym in brackets after lower-case words whose initials it is. */
function isSpelledOutTerm(text: string, at: number, acronym: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '').toLowerCase();
  const before = /((?:\p{Ll}[\p{L}-]*\s+){1,8})\($/u.exec(text.slice(Math.max(0, at - 120), at));
  if (!before || letters.length < 2) return false;
  const words = (before[1] as string).trim().split(/\s+/);
  return words.slice(-letters.length).map((w) => w.charAt(0)).join('') === letters;
}

/** Is the word at `i` a lower-case job or source ("economists", "researcher") that works at what follows "at"? */
function worksAt(units: readonly Unit[], i: number): boolean {
  // (It may open the sentence: "Economists at Swedbank said".)
  const w = i === 0 ? units[0]?.norm : lowerWordAt(units, i);
  // ("told reporters at Oslo Airport": those told stand there.)
  const told = i > 0 && REPORTING_FORMS.get(units[i - 1]?.norm ?? '')?.lemma === 'tell';
  return w !== undefined && !told && (isAgentNoun(w) || sourceNouns().has(w));
}

function lowerWordAt(units: readonly Unit[], i: number): string | undefined {
  const u = units[i];
  return u && !u.cap ? u.norm : undefined;
}

/** May the run continue across a joiner? "Bank of England", "Red Cross and Red Crescent Societies", "Rio de Janeiro". */
function joins(a: Article, s: number, lastIn: Unit, joiner: Unit, j: number): boolean {
  const units = a.unitsAt(s);
  // "of" joins only after a word that takes it ("Bank of England"), below; the other particles always.
  if (NAME_PARTICLES.has(joiner.norm) && joiner.norm !== 'of') return true;
  if (joiner.norm === 'of' || joiner.norm === 'for' || (joiner.norm === 'on' && isOrgHead(lastIn.norm))) {
    return ORG_OPENERS.has(lastIn.norm) || isOrgHead(lastIn.norm) || TITLE_WORDS.has(lastIn.norm) || /^(?:republic|kingdom|state|states|gulf|isle|city|sea|bay|cape|lake|mount|strait)$/.test(lastIn.norm);
  }
  if (joiner.norm === 'and' || joiner.norm === '&') {
    // (An opener's portfolio, "Office of Rail and Road", is read by portfolioEnd before joiners are tried.)
    if (isOrgHead(lastIn.norm)) return false;
    let k = j + 1;
    while (nameish(a, s, k) && !breaksBetween((a.sentences[s] as SentenceDraft).text, units[k - 1] as Unit, units[k] as Unit)) k++;
    const end = units[k - 1];
    return k > j + 1 && end !== undefined && isOrgHead(end.norm);
  }
  return false;
}

function chunksOf(a: Article, s: number): Chunk[] {
  const units = a.unitsAt(s);
  const text = (a.sentences[s] as SentenceDraft).text;
  const chunks: Chunk[] = [];
  const titleBridge = (i: number): boolean => {
    const u = units[i];
    // A lower-case noun for what someone does bridges to the name: "spokeswoman Ana Ruiz", "industrialist Werner Albrecht".
    // (Before a short title it is left to the title's lead: "marine biologist Dr. Ines Baro".)
    const next = units[i + 1];
    const short = next !== undefined && (HONORIFICS.has(next.norm) || SHORT_TITLES.test(next.norm));
    // ("skipper Manuel Couto", "hotel owner Kari Lund": a noun WordNet makes a kind of person, before a given name.)
    const personNoun = personNounBeforeName(units, i, text);
    return u !== undefined && !u.cap && (short ? isRoleNoun(u.norm) : isAgentNoun(u.norm) || personNoun) && !ORG_CLASSIFIERS.has(u.norm) && nameish(a, s, i + 1) && !breaksBetween(text, u, units[i + 1] as Unit);
  };
  const dateline = a.datelines.get(s);
  for (let i = 0; i < units.length; ) {
    // (A dateline's city is noted apart, as a place: its capitals are not an acronym.)
    if (dateline && (units[i] as Unit).end <= dateline.end) {
      i++;
      continue;
    }
    // ("US$40 million", "NZ$5", "C$2": a country's code on a currency sign names money, not the country.)
    if (text.charAt((units[i] as Unit).end) === '$') {
      i++;
      continue;
    }
    if (!nameish(a, s, i) && !titleBridge(i)) {
      i++;
      continue;
    }
    const start = i;
    let j = i;
    while (j + 1 < units.length) {
      const cur = units[j] as Unit;
      if ((cur.possessive && j > start && !possessiveContinues(a, s, start, j)) || cur.attributive) break;
      if (cur.possessive && j === start && !possessiveContinues(a, s, start, j)) break;
      const next = units[j + 1] as Unit;
      // "Ministry of Health, Labour and Welfare", "Department for Environment, Food and Rural Affairs": a list of portfolios.
      const listEnd = breaksBetween(text, cur, next) ? portfolioEnd(a, s, start, j) : -1;
      if (listEnd > j) {
        j = listEnd;
        break;
      }
      // "Office of Rail and Road", "Centre for Volcanology and Geological Hazard Mitigation": a portfolio joined by "and".
      const andEnd = next.norm === 'and' ? portfolioEnd(a, s, start, j) : -1;
      if (andEnd > j && !nameish(a, s, andEnd + 1)) {
        j = andEnd;
        continue;
      }
      if (breaksBetween(text, cur, next)) break;
      if (nameish(a, s, j + 1) || titleBridge(j + 1)) {
        j++;
        continue;
      }
      if (!next.cap && nameish(a, s, j + 2) && !breaksBetween(text, next, units[j + 2] as Unit) && joins(a, s, cur, next, j + 1)) {
        j += 2;
        continue;
      }
      // "Maria de la Cruz", "Joost van der Berg": two particles in a row inside a name.
      const second = units[j + 2];
      if (!next.cap && second && !second.cap && next.norm !== 'of' && second.norm !== 'of' && NAME_PARTICLES.has(next.norm) && NAME_PARTICLES.has(second.norm) && nameish(a, s, j + 3) && !breaksBetween(text, next, second) && !breaksBetween(text, second, units[j + 3] as Unit)) {
        j += 3;
        continue;
      }
      // "Chancellor of the Exchequer Thomas Grieve", "Secretary of the Treasury": a title's "of the X".
      // "International Committee of the Red Cross", "University of the Philippines": a body's "of the X" too.
      // ("International Council for the Exploration of the Sea": a body's "for the X", and once inside its name, "of the Y".)
      const bodyOpener = (u: Unit): boolean => u.cap && (ORG_OPENERS.has(u.norm) || isOrgHead(u.norm));
      const ofThe = (next.norm === 'of' || next.norm === 'for') && units[j + 2]?.norm === 'the';
      const insideBody = units.slice(start, j).some((u, k) => bodyOpener(u) && /^(?:of|for)$/.test(units[start + k + 1]?.norm ?? ''));
      if (ofThe && (TITLE_WORDS.has(cur.norm) || bodyOpener(cur) || (next.norm === 'of' && insideBody)) && (next.norm === 'of' || !TITLE_WORDS.has(cur.norm)) && nameish(a, s, j + 3) && !breaksBetween(text, units[j + 2] as Unit, units[j + 3] as Unit)) {
        j += 3;
        continue;
      }
      // "Caledon Telecom plc": a company's suffix written in lower case closes its name.
      if (!next.cap && COMPANY_SUFFIXES.has(next.norm) && j > start) {
        j++;
        break;
      }
      // "Highway 97", "State Highway 6", "Terminal 2": a number closes the name of a road or a building.
      if (cur.cap && isPlaceHead(cur.norm) && /^\d{1,4}[A-Z]?$/.test(next.raw) && !breaksBetween(text, cur, next)) j++;
      break;
    }
    const run = units.slice(start, j + 1);
    // Lower-case role words before a bridged title ("company spokeswoman Ana Ruiz") or a short title ("marine biologist Dr. Luisa Santiago").
    let roleLead: string | undefined;
    if (!(units[start] as Unit).cap || HONORIFICS.has((units[start] as Unit).norm) || SHORT_TITLES.test((units[start] as Unit).norm)) {
      let b = start;
      while (b - 1 >= 0 && start - b < 2 && !(units[b - 1] as Unit).cap && !isStopWord((units[b - 1] as Unit).norm) && !REPORTING_FORMS.has((units[b - 1] as Unit).norm) && !breaksBetween(text, units[b - 1] as Unit, units[b] as Unit) && /^\p{L}+$/u.test((units[b - 1] as Unit).raw)) b--;
      if (b < start) roleLead = text.slice((units[b] as Unit).start, (units[start] as Unit).start).trim();
    }
    // ('… the whole network," Marta Olivenza': a word on the far side of a quotation mark, a semicolon or a dash describes nothing here.)
    const apart = (a: Unit | undefined, b: Unit | undefined): boolean => a !== undefined && b !== undefined && /["“”;:—–()]/.test(text.slice(a.end, b.start));
    const before = apart(units[start - 1], units[start]) ? undefined : lowerWordAt(units, start - 1);
    const after = apart(units[j], units[j + 1]) ? undefined : lowerWordAt(units, j + 1);
    const owned = before === 'in' && OWNERSHIP_NOUNS.has(lowerWordAt(units, start - 2) ?? '');
    chunks.push({
      sentence: s,
      units: run,
      ...(roleLead ? { roleLead } : {}),
      orgCue: (before !== undefined && (ORG_CLASSIFIERS.has(before) || isClassifierCompound(before))) || /-(?:owned|listed|run)$/.test(units[start - 1]?.norm ?? '') || /^(?:owned|listed|run)$/.test(units[start - 1]?.modifier ?? ''),
      groupCue: after !== undefined && GROUP_NOUNS.has(after),
      placeCue: after !== undefined && isPlaceHead(after) && !units[j]?.possessive,
      ...(after !== undefined && isPlaceHead(after) && !units[j]?.possessive ? { placeHead: text.slice((units[j + 1] as Unit).start, (units[j + 1] as Unit).end) } : {}),
      // ("economists at Swedbank", "a researcher at Halden": after a job and "at" stands where someone works, not a place.)
      prepCue: (before !== undefined && PLACE_PREPOSITIONS.has(before) && !(before === 'at' && worksAt(units, start - 2)) && !owned) || (run.length === 1 && PLACE_MODIFIERS.has(run[0]?.modifier ?? '')),
      ...(before === 'in' && !owned ? { inCue: true } : {}),
      // ("a stake in Telkom", "shares in Tarvo Lind": what is owned in part is a business.)
      employerCue: (before === 'at' && worksAt(units, start - 2)) || owned,
      speakerCue: (!(before !== undefined && PLACE_PREPOSITIONS.has(before)) && speaksAfter(units, j + 1, text, start)) || speaksBefore(units, start, text, j),
    });
    i = j + 1;
  }
  // "in Dublin, Cork and Limerick": the names of a list after "in" stand where the first does.
  for (let k = 1; k < chunks.length; k++) {
    const previous = chunks[k - 1] as Chunk;
    const chunk = chunks[k] as Chunk;
    const gap = text.slice((previous.units[previous.units.length - 1] as Unit).end, (chunk.units[0] as Unit).start);
    if (previous.prepCue && !chunk.prepCue && /^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$/.test(gap)) chunk.prepCue = true;
  }
  return chunks;
}

/**
 * Where a body's portfolio ends after its opener's "of" or "for": the run so far is the opener, "of"/"for" and
 * capitalised common words; then ", Word" pieces ("Ministry of Health, Labour and Welfare") and "and" with one to
 * three common words ("and Rural Affairs"), or "and" alone ("Office of Rail and Road", "Office for Product Safety
 * and Standards"). -1 when the run does not go on so.
 */
function portfolioEnd(a: Article, s: number, start: number, j: number): number {
  const units = a.unitsAt(s);
  const text = (a.sentences[s] as SentenceDraft).text;
  const of = units.slice(start, j + 1).findIndex((u) => u.norm === 'of' || u.norm === 'for');
  const opener = units[start + of - 1];
  if (of < 1 || !opener?.cap || !(ORG_OPENERS.has(opener.norm) || isOrgHead(opener.norm))) return -1;
  const plain = (u: Unit | undefined): boolean => u !== undefined && u.cap && isPlainWord(u.norm);
  if (!units.slice(start + of + 1, j + 1).every(plain)) return -1;
  let k = j;
  while (/^\s*,\s*$/.test(text.slice((units[k] as Unit).end, (units[k + 1] as Unit | undefined)?.start ?? 0)) && plain(units[k + 1])) {
    k++;
    while (plain(units[k + 1]) && !breaksBetween(text, units[k] as Unit, units[k + 1] as Unit)) k++;
  }
  const and = units[k + 1];
  if (and?.norm !== 'and') return -1;
  if (k === j && breaksBetween(text, units[j] as Unit, and)) return -1;
  if (!plain(units[k + 2]) || breaksBetween(text, and, units[k + 2] as Unit)) return -1;
  let end = k + 2;
  while (end - k < 4 && plain(units[end + 1]) && !breaksBetween(text, units[end] as Unit, units[end + 1] as Unit)) end++;
  // ("The Office for National Statistics and Treasury officials said": a name before the people who speak for it is a body of its own.)
  const after = units[end + 1];
  if (after && !after.cap && /^\s+$/.test(text.slice((units[end] as Unit).end, after.start)) && (isAgentNoun(after.norm) || isRoleNoun(after.norm))) return -1;
  return end;
}

/** "St Mary's Hospital", "People's Bank": a possessive inside a name, before a short run ending in a head noun. */
function possessiveContinues(a: Article, s: number, start: number, j: number): boolean {
  const units = a.unitsAt(s);
  const owner = units.slice(start, j + 1).map((u) => u.norm).join(' ');
  if (countryByKey.has(owner) || /^\p{Lu}{2,}$/u.test((units[j] as Unit).raw.replace(/['’]s?$/, '')) || isKnownOrganization(owner)) return false;
  for (let k = j + 1; k <= j + 2 && k < units.length; k++) {
    if (!nameish(a, s, k)) return false;
    const u = units[k] as Unit;
    if (isOrgHead(u.norm) || isPlaceHead(u.norm)) return true;
  }
  return false;
}

const AUX_OR_ADVERB = /^(?:has|have|had|is|was|were|are|will|would|also|previously|repeatedly|again|recently|publicly|reportedly|already|later|earlier|late|early|quickly|then|not|never|firmly|officially|strongly|on|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/;

/**
 * Does the run at `start` open its clause, so that it can be a subject: nothing, a clause break or a name before it
 * (back over a list, "Qantas, Virgin and Jetstar said"), not a verb or a preposition ("Winds reached Kelby and …",
 * "in Tralee, Ennis and …").
 */
function leadsClause(units: readonly Unit[], start: number, text: string): boolean {
  let b = start;
  while (b > 0 && /^\s*,\s*$/.test(text.slice((units[b - 1] as Unit).end, (units[b] as Unit).start)) && (units[b - 1] as Unit).cap) {
    b--;
    while (b > 0 && (units[b - 1] as Unit).cap && /^\s+$/.test(text.slice((units[b - 1] as Unit).end, (units[b] as Unit).start))) b--;
  }
  const prev = units[b - 1];
  if (!prev || prev.cap || /[;:"“”(—]/.test(text.slice(prev.end, (units[b] as Unit).start))) return true;
  return !(PLACE_PREPOSITIONS.has(prev.norm) || lexiconTags(prev.norm).some((t) => /^(?:Preposition|PastTense|PresentTense|Infinitive|Gerund)$/.test(t)));
}

/** A reporting verb follows the run (over auxiliaries, adverbs, or an apposition between commas); `start` is where the run begins. */
function speaksAfter(units: readonly Unit[], k: number, text: string, start: number): boolean {
  let i = k;
  // "Jetstar and Virgin Australia said": the first of two names joined by "and" speaks with the second.
  // ("Winds reached Kelby and Met Éireann said": not when the first is the object of a verb or a preposition.)
  if (units[i]?.norm === 'and' && !(units[i] as Unit).cap && !/[,;]/.test(text.slice((units[i - 1] as Unit | undefined)?.end ?? 0, (units[i] as Unit).start))) {
    if (!leadsClause(units, start, text)) return false;
    let j = i + 1;
    while (j < units.length && j - i <= 4 && (units[j] as Unit).cap && !/[,;]/.test(text.slice((units[j - 1] as Unit).end, (units[j] as Unit).start))) j++;
    if (j > i + 1) return speaksAfter(units, j, text, i + 1);
  }
  // ", a senior district official, says" — skip one apposition.
  if (units[i] && /^\s*,/.test(text.slice((units[i - 1] as Unit).end, (units[i] as Unit).start))) {
    let j = i;
    while (j < units.length && j - i < 14 && !/,/.test(text.slice((units[j] as Unit).end, (units[j + 1] as Unit | undefined)?.start ?? (units[j] as Unit).end))) j++;
    // ("Its director for Europe, Dr. Marius Holm, said": an apposition that is all a name is who speaks.)
    if (units.slice(i, j + 1).every((u) => u.cap)) return false;
    if (j < units.length && j - i < 14) i = j + 1;
  }
  for (let n = 0; n < 4 && i < units.length; n++, i++) {
    const u = units[i] as Unit;
    if (REPORTING_FORMS.has(u.norm) && !u.cap) return u.norm !== 'telling' && u.norm !== 'saying';
    if (!AUX_OR_ADVERB.test(u.norm)) return false;
  }
  return false;
}

/** "…," said Mr. Edwards: a reporting verb right before the run (ending at `end`), after a quotation or a comma. */
function speaksBefore(units: readonly Unit[], start: number, text: string, end: number): boolean {
  // ("according to the Thompson-Nicola Regional District": the source of what is reported speaks.)
  // ("according to Kessa officials", "Denholm police": a name before the noun that speaks only modifies it.)
  if (/\baccording to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, (units[start]?.start ?? 0) - 20), units[start]?.start ?? 0))) return !modifiesSpeaker(units, end, text);
  const v = units[start - 1];
  if (!v || v.cap || !REPORTING_FORMS.has(v.norm)) return false;
  const before = units[start - 2];
  return before === undefined || /[,"”]\s*$/.test(text.slice(before.end, v.start));
}

/** Is the run ending at `end` the modifier of a lower-case word for who speaks right after it ("Kessa officials", "Denholm police")? */
function modifiesSpeaker(units: readonly Unit[], end: number, text: string): boolean {
  const next = units[end + 1];
  if (!next || next.cap || isStopWord(next.norm) || !/^\s+$/.test(text.slice((units[end] as Unit).end, next.start))) return false;
  return isAgentNoun(next.norm) || isRoleNoun(next.norm) || sourceNouns().has(next.norm) || lexiconTags(next.norm).includes('Plural');
}

// ---------------------------------------------------------------------------------------------
// Countries

interface CountryInfo {
  name: string;
  aliases: string[];
  /** A sovereign state; a territory ("French Guiana") is a place. */
  independent: boolean;
}

const countryByKey = new Map<string, CountryInfo>();
for (const c of countryGazetteer()) {
  const info: CountryInfo = { name: c.name, aliases: [], independent: c.independent };
  const names = new Set([c.name, ...c.aliases]);
  // "Iranian" also stands as "Iranians": a demonym's plural names the people of the country.
  if (c.demonym && /(?:an|i)$/.test(c.demonym)) names.add(c.demonym.replace(/(\S+)$/, (last) => pluralOf(last.toLowerCase()).replace(/^\p{Ll}/u, (ch) => ch.toUpperCase())));
  info.aliases = [...names].filter((n) => n !== c.name);
  for (const n of names) {
    const key = nameKey(n);
    if (!countryByKey.has(key)) countryByKey.set(key, info);
  }
}

const capitalByKey = new Map<string, CountryInfo>();
for (const c of countryGazetteer()) {
  const info = countryByKey.get(nameKey(c.name));
  for (const capital of c.capitals) if (info && !capitalByKey.has(nameKey(capital))) capitalByKey.set(nameKey(capital), info);
}

/** The country whose capital a name is ("Pyongyang" → North Korea), if any. */
function capitalOf(name: string): CountryInfo | undefined {
  return capitalByKey.get(nameKey(name));
}

const regionByDemonym = new Map(readNamePairs('region-names').map(([demonym, region]) => [nameKey(demonym), region]));

/** The region a demonym names ("European" → Europe), if any. */
function regionOf(name: string): string | undefined {
  return regionByDemonym.get(nameKey(name));
}

/** The country a name stands for ("U.S.", "North Korean", "British"), if any. */
function countryOf(name: string): CountryInfo | undefined {
  // Short codes count only in capitals: "US", "UK", not "Mr" (Mauritania's "MR") or "In".
  const bare = name.replace(/[.\s]/g, '');
  if (bare.length <= 3 && bare !== bare.toUpperCase()) return undefined;
  return countryByKey.get(nameKey(name)) ?? countryByKey.get(nameKey(name.replace(/\./g, '')));
}

// ---------------------------------------------------------------------------------------------
// Splitting a chunk into role and name, and collecting evidence about each name.

type Kind = 'person' | 'organization' | 'place' | 'country' | 'group';

interface Evidence {
  /** The name as first written. */
  name: string;
  counts: Record<Kind, number>;
  /** Strong evidence seen: it decides. */
  strong: Partial<Record<Kind, boolean>>;
  speaks: boolean;
  roles: string[];
  /** Names of entities in the roles, possessives or "of X" around it. */
  affiliations: Set<string>;
  alsoKnownAs: Set<string>;
  units: number;
  /** Times written, and times written where a place stands ("in Kabul", "the capital, Kabul"). */
  seen: number;
  asPlace: number;
  /** Times written as the subject of a verb or the owner of something ("Ottawa has offered", "Pyongyang's"). */
  acts: number;
  /** Every unit is a word the lexicon knows as something other than a name ("West", "Islamic"). */
  common: boolean;
  /** The region a demonym names ("European" → "Europe"): the entity's name. */
  regionName?: string;
  /** Some unit is a common word or a demonym ("State Highway", "Ethnic Russians"): not a person's name by default. */
  hasCommonWord: boolean;
  /** Its place evidence is a word that opens place names ("Port", "Lake"), not the place itself being known. */
  placeByOpener?: boolean;
  /** "at Sotheby's in New York": an "'s" that owns nothing is part of the name (as written). */
  ownName?: string;
}

const isAcronym = (raw: string): boolean => /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}s?$/u.test(raw.replace(/['’]s?$/, '')) && !/^[IVXLC]+$/.test(raw);
const unitText = (text: string, units: readonly Unit[]): string => (units.length > 0 ? text.slice((units[0] as Unit).start, (units[units.length - 1] as Unit).end).replace(/['’]s?$/, '') : '');
const isTitleUnit = (u: Unit): boolean =>
  // ("King's College London", "Queen's University": a title word with a possessive is part of a name.)
  (u.parts.some((p) => TITLE_WORDS.has(p)) && !u.possessive) || (!u.possessive && !/s$/.test(u.norm) && (u.cap ? isRoleNoun(u.norm) : isAgentNoun(u.norm) || isPersonNoun(u.norm)) && !ORG_CLASSIFIERS.has(u.norm));
/** A word the lexicon knows as a common word, not as a name ("West", "Islamic", "Energy"). */
const isCommonWord = (norm: string): boolean => inLexicon(norm) && !isKnownName(norm);
/** A word the lexicon or WordNet knows that is not a name ("Arts", "Protection"): what a title's portfolio is made of. */
const isPlainWord = (norm: string): boolean => !isKnownName(norm) && (inLexicon(norm) || lemmasOf(norm).length > 0);
/** Titles and nouns whose "of" names a place ("mayor", "residents"), by stem; `place-titles.txt`. */
const PLACE_TITLE_STEMS: ReadonlySet<string> = nounListStems('place-titles');
const isPlaceTitle = (word: string): boolean => PLACE_TITLE_STEMS.has(stemWord(foldCase(word)));
/** Generational suffixes that close a person's name ("Jr.", "III"). */
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv)$/;
const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest)$/;
/** Adjectives a run may open with that are not part of the name or the role ("New Chinese Premier", "former President"). */
const LEADING_ADJECTIVES = /^(?:new|former|then|acting|interim|incoming|outgoing|late|current|ex)$/;

interface Parts {
  /** Role text, as written, and entities found in it. */
  role?: string;
  roleEntities: Unit[][];
  name: Unit[];
  /** A country or demonym that leads the run ("South Korean" of "South Korean President Lee Myung-bak"). */
  lead?: Unit[];
  honorific: boolean;
  /** The run names a title with no one after it ("Assistant Health Minister for Preventive Services"). */
  titleOnly: boolean;
}

/** Letters for an honour or a seat written in capitals after a name ("KC", "MP"): not part of the name. */
const isPostNominal = (u: Unit): boolean => POST_NOMINALS.has(u.norm) && /^\p{Lu}+$/u.test(u.raw);

/**
 * A noun WordNet makes a kind of person, then a given name and a capitalised surname with no third
 * capitalised word after them ("Nurse Amy Cole", "skipper Manuel Couto"; not "supplier Minh Long
 * Energy", a business).
 */
function personNounBeforeName(units: readonly Unit[], i: number, text: string): boolean {
  const [u, next, surname, third] = [units[i], units[i + 1], units[i + 2], units[i + 3]];
  return u !== undefined && next !== undefined && next.cap && isFirstName(next.norm) && surname?.cap === true && (third === undefined || !third.cap || breaksBetween(text, surname, third)) && isPersonNoun(u.norm);
}

/** Is a run a given name, lower-case name particles ("van", "de la") and a capitalised surname? */
function isParticleName(units: readonly Unit[]): boolean {
  const [first] = units;
  const last = units[units.length - 1];
  if (!first || !last || units.length < 3 || !first.cap || !last.cap || isCommonWord(first.norm) || ORG_OPENERS.has(first.norm) || PLACE_OPENERS.has(first.norm) || isOrgHead(first.norm)) return false;
  const middle = units.slice(1, -1);
  return middle.every((u) => !u.cap && u.norm !== 'of' && NAME_PARTICLES.has(u.norm));
}

/** Does a run hold a body's opener and its "of" or "for" ("Chamber of Commerce", "Federation of … Fleets")? */
const opensBody = (units: readonly Unit[]): boolean => units.some((u, k) => u.cap && (ORG_OPENERS.has(u.norm) || isOrgHead(u.norm)) && /^(?:of|for)$/.test(units[k + 1]?.norm ?? ''));

function splitChunk(text: string, chunk: Chunk): Parts {
  let units = chunk.units;
  // ("Skipper Manuel Couto", "Nurse Amy Cole": a capitalised noun WordNet makes a kind of person, before a given name, is a title.)
  const opener = units[0];
  const personTitle = units.length === 3 && opener !== undefined && opener.cap && isPersonNoun(opener.norm) && !isKnownName(opener.norm) && isFirstName((units[1] as Unit).norm);
  const isTitle = (u: Unit): boolean => isTitleUnit(u) || (personTitle && u === opener);
  // "Richard Amesbury KC", "Jane Roe MP": letters for an honour or a seat after a name are not part of it.
  while (units.length > 2 && isPostNominal(units[units.length - 1] as Unit)) units = units.slice(0, -1);
  while (units.length > 2 && LEADING_ADJECTIVES.test((units[0] as Unit).norm) && (isTitle(units[1] as Unit) || countryOf((units[1] as Unit).raw) !== undefined)) units = units.slice(1);
  // A leading country or demonym ("Algerian Oil Minister …"), unless the whole run is the country.
  let lead: Unit[] | undefined;
  // "the trade body UK Finance": after a noun that says it is an organisation, a country starts its name.
  // ("British Columbia": not when the lexicon knows the whole run as a place.)
  const knownPlace = isKnownPlace(foldCase(unitText(text, units)));
  for (let k = chunk.orgCue || knownPlace ? 0 : Math.min(3, units.length - 1); k >= 1; k--) {
    if (countryOf(unitText(text, units.slice(0, k)))) {
      lead = units.slice(0, k);
      break;
    }
  }
  const rest = lead ? units.slice(lead.length) : units;
  const last = rest[rest.length - 1];
  const afterTitle = rest.slice(rest.findIndex(isTitle) + 1);
  // "Assistant Health Minister for Preventive Services": a title and its portfolio, no one named.
  // ("Minister of Arts", "Minister of State for Culture": a title's "of" or "for" and common words name a portfolio.)
  const portfolio = (afterTitle[0]?.norm === 'of' || afterTitle[0]?.norm === 'for') && afterTitle.length >= 2 && afterTitle.slice(1).every((u) => (u.cap && isPlainWord(u.norm)) || /^(?:of|for|and|the)$/.test(u.norm));
  const titleOnly =
    rest.some(isTitle) &&
    last !== undefined &&
    (isTitle(last) ||
      portfolio || ((afterTitle[0]?.norm === 'for' || afterTitle[0]?.norm === 'of') && isOrgHead(last.norm)) || (isOrgHead(last.norm) && !afterTitle.some((u) => u.cap && !isTitle(u) && !isOrgHead(u.norm) && !isCommonWord(u.norm))));
  if (portfolio && rest.some(isTitle)) return { roleEntities: [], name: [], ...(lead ? { lead } : {}), honorific: false, titleOnly: true };
  // "Indian Ocean", "Arabian Sea": a demonym and one word that ends place names are one place's name.
  if (lead && rest.length === 1 && last && isPlaceHead(last.norm) && !isOrgHead(last.norm)) return { roleEntities: [], name: units, honorific: false, titleOnly: false };
  // "North Korean National Defense Commission": an organisation with its country.
  // ("Canadian Red Cross": a national body of an organisation compromise knows by name.)
  // ("Dutch Chamber of Commerce": a body's opener and its "of" or "for" after the demonym, too.)
  if (lead && last && (isOrgHead(last.norm) || isKnownOrganization(foldCase(unitText(text, rest))) || opensBody(rest)) && !rest.some(isTitle)) return { roleEntities: [], name: units, lead, honorific: false, titleOnly: false };
  let t = -1;
  for (let k = rest.length - 2; k >= 0; k--) {
    // ("Martin Luther King Jr.": a suffix after a title word is no name of its own.)
    if (isTitle(rest[k] as Unit) && rest.slice(k + 1).some((u) => u.cap && !isTitle(u) && !NAME_SUFFIX.test(u.norm))) {
      t = k;
      break;
    }
  }
  const tail = rest.slice(t + 1);
  // ("Spokesman Colin Marsh": a first name after the title starts a person's name, whatever word ends it.)
  // ("Senator Rose Park": right after a title, two or three capitalised words are a name even when they end like a place's.)
  const personAfter = tail.length >= 2 && tail.every((u) => u.cap) && !isOrgHead(last?.norm ?? '') && (isFirstName((tail[0] as Unit).norm) || (tail.length <= 3 && !PLACE_OPENERS.has((tail[0] as Unit).norm) && !tail.some((u) => countryOf(u.raw) !== undefined)));
  if (t < 0 || (last && (isOrgHead(last.norm) || isPlaceHead(last.norm)) && !personAfter && !tail.every((u) => u.cap && !isOrgHead(u.norm) && !isPlaceHead(u.norm)))) {
    return { roleEntities: [], name: rest, ...(lead ? { lead } : {}), honorific: false, titleOnly };
  }
  let name = tail;
  // "Secretary of State John Kerry": the name is what follows the title's "of X".
  while (name.length > 1 && !(name[0] as Unit).cap) name = name.slice(1);
  if ((rest[t + 1] as Unit | undefined)?.norm === 'of' && name.length > 2) name = name.slice(-2);
  // "Minister for Social Protection Aoife Kinsella": the portfolio's common words after "for" belong to the title.
  if ((rest[t + 1] as Unit | undefined)?.norm === 'for') while (name.length > 2 && isPlainWord((name[0] as Unit).norm)) name = name.slice(1);
  const roleUnits = units.slice(0, units.length - name.length);
  const titleStart = roleUnits.findIndex(isTitle);
  const before = roleUnits.slice(lead ? lead.length : 0, titleStart < 0 ? 0 : titleStart);
  const roleEntities = before.length > 0 ? [before] : [];
  const honorific = roleUnits.every((u) => HONORIFICS.has(u.norm) || (lead?.includes(u) ?? false));
  const roleText = [chunk.roleLead, unitText(text, roleUnits)].filter(Boolean).join(' ');
  return {
    ...(honorific || roleUnits.length === 0 ? (chunk.roleLead ? { role: chunk.roleLead } : {}) : { role: roleText }),
    roleEntities,
    name,
    ...(lead ? { lead } : {}),
    honorific: roleUnits.some((u) => HONORIFICS.has(u.norm)),
    titleOnly: false,
  };
}

function blankEvidence(name: string, units: number): Evidence {
  return { name, counts: { person: 0, organization: 0, place: 0, country: 0, group: 0 }, strong: {}, speaks: false, roles: [], affiliations: new Set(), alsoKnownAs: new Set(), units, seen: 0, asPlace: 0, acts: 0, common: false, hasCommonWord: false };
}

// ---------------------------------------------------------------------------------------------
// Recognition

/**
 * Finds the people, organisations, countries and places of an article, with roles, aliases
 * and affiliations, and where each sentence names them. compromise's lexicon and its
 * organisation and place words type names; the words around a name (a title before it, "said"
 * after it, "group" before it, "region" after it, "in" before it) settle the rest: a name that
 * speaks is a person or an organisation, never a place. A capital that acts ("Pyongyang has
 * rejected …") is its country; one where things happen ("in Kabul") is a place. Overlay
 * entities come first and win.
 */
export function recogniseEntities(sentences: readonly SentenceDraft[], overlay?: Overlay): RecognisedEntities {
  // Units are recomputed per sentence, one sentence at a time: holding them all for a long document costs more than working them out twice.
  let cached: { index: number; units: Unit[] } | undefined;
  const unitsAt = (si: number): Unit[] => {
    if (cached?.index !== si) cached = { index: si, units: unitsOf((sentences[si] as SentenceDraft).text, (sentences[si] as SentenceDraft).tokens) };
    return cached.units;
  };
  const article: Article = { sentences, unitsAt, midCaps: new Set(), lower: new Set(), datelines: new Map() };
  sentences.forEach((s, si) => {
    const units = unitsAt(si);
    units.forEach((u, i) => {
      if (!u.cap) for (const p of u.parts) article.lower.add(p);
      else if (i > 0 && !opensClause(s.text, u.start, (units[i - 1] as Unit).end)) article.midCaps.add(u.norm);
    });
  });

  const evidence = new Map<string, Evidence>();
  /** Acronyms the article spells out in lower-case words: terms, not names ("respiratory syncytial virus (RSV)"). */
  const terms = new Set<string>();
  const note = (nameText: string, units: number): Evidence => {
    const key = nameKey(nameText);
    let e = evidence.get(key);
    if (!e) evidence.set(key, (e = blankEvidence(nameText, units)));
    return e;
  };
  sentences.forEach((s, si) => {
    // Only the story's opening (after the headline) carries a dateline.
    if (si > 1) return;
    const dateline = datelineCity(s.text);
    if (!dateline) return;
    article.datelines.set(si, dateline);
    const e = note(dateline.city, dateline.city.split(/\s+/).length);
    e.seen++;
    e.asPlace++;
    e.counts.place += 3;
    e.strong.place = true;
  });
  const bySentence = sentences.map((_, si) => chunksOf(article, si));
  for (const chunks of bySentence) {
    chunks.forEach((chunk, ci) => {
      const text = (sentences[chunk.sentence] as SentenceDraft).text;
      const parts = splitChunk(text, chunk);
      const units = article.unitsAt(chunk.sentence);
      const roleAffiliations: string[] = [];
      const leadName = parts.lead ? unitText(text, parts.lead) : undefined;
      if (leadName) {
        roleAffiliations.push(countryOf(leadName)?.name ?? leadName);
        const lead = note(leadName, parts.lead?.length ?? 1);
        lead.seen++;
        lead.counts.country += 3;
        lead.strong.country = true;
      }
      for (const re of parts.roleEntities) {
        const n = unitText(text, re);
        const country = countryOf(n);
        if (country) roleAffiliations.push(country.name);
        else if (isAcronym(n) || (re.length >= 2 && isOrgHead((re[re.length - 1] as Unit).norm)) || isKnownOrganization(foldCase(n))) {
          const e = note(n, re.length);
          e.seen++;
          e.counts.organization += 2;
          e.strong.organization = true;
          roleAffiliations.push(n);
        }
      }
      // The owner of a possessive right before the run ("Germany's goalie Manuel Neuer").
      const at = units.findIndex((u) => u.start === (chunk.units[0] as Unit).start);
      const owner = at >= 2 && (units[at - 1] as Unit).cap === false && (units[at - 2] as Unit).possessive ? units[at - 2] : at >= 1 && (units[at - 1] as Unit).possessive ? units[at - 1] : undefined;
      if (owner && owner.cap) roleAffiliations.push(owner.raw.replace(/['’]s?$/, ''));

      // "Liberia's Assistant Health Minister for Preventive Services, Nyenswa Tolbert, told VOA": a title
      // run before ", Name" is that person's role.
      const next = chunks[ci + 1];
      if (parts.titleOnly && next && /^\s*,\s*$/.test(text.slice((chunk.units[chunk.units.length - 1] as Unit).end, (next.units[0] as Unit).start))) {
        const role = [chunk.roleLead, unitText(text, chunk.units)].filter(Boolean).join(' ');
        delete next.roleLead;
        pendingRoles.set(next, { role, affiliations: roleAffiliations });
        return;
      }
      const pending = pendingRoles.get(chunk);

      if (parts.name.length === 0) return;
      const nameText = unitText(text, parts.name);
      if (nameText.length < 2 || !/\p{L}/u.test(nameText)) return;
      const lastNorm = (parts.name[parts.name.length - 1] as Unit).norm;
      const firstNorm = (parts.name[0] as Unit).norm;
      // Events and works ("World Cup", "Korean War") are none of the kinds the build types.
      if (EVENT_HEADS.has(lastNorm) && !isOrgHead(lastNorm) && parts.role === undefined) return;
      // ("Cyclone Dumako", "Hurricane Katrina", "Storm Ciarán": a named weather system is an event too.)
      if (parts.name.length >= 2 && STORM_HEADS.has(firstNorm) && parts.role === undefined) return;
      if (parts.name.length === 1 && isAcronym(nameText) && isSpelledOutTerm(text, (parts.name[0] as Unit).start, nameText)) terms.add(nameKey(nameText));
      const e = note(nameText, parts.name.length);
      const folded = foldCase(nameText);
      e.seen++;
      // "sold at Sotheby's in New York", "at Christie's.": an "'s" before a preposition or a stop owns nothing.
      const lastUnit = parts.name[parts.name.length - 1] as Unit;
      if (lastUnit.possessive && /['’]s$/.test(lastUnit.raw) && !isAcronym(lastUnit.raw) && /^(?:\s*[,.;:)]|\s+(?:in|at|on|and|for|to|with|from|by|said|says|denied|has|had|was|is)\b)/.test(text.slice(lastUnit.end))) {
        e.ownName = text.slice((parts.name[0] as Unit).start, lastUnit.end);
        // A name that is someone's without a noun after it is a business ("Sotheby's", "Christie's"), not a place.
        e.counts.organization += 3;
      }
      e.common = parts.name.every((u) => isCommonWord(u.norm) || COMPASS.test(u.norm));
      e.hasCommonWord = parts.name.some((u) => (isCommonWord(u.norm) && !isFirstName(u.norm) && !isLastName(u.norm)) || countryOf(u.raw.replace(/['’]s?$/, '')) !== undefined);
      if (chunk.prepCue || /\bcapital,\s*$/.test(text.slice(0, chunk.units[0]?.start ?? 0))) e.asPlace++;
      const runEnd = (chunk.units[chunk.units.length - 1] as Unit).end;
      if (/^\s+(?:has|have|had|will|would|could|can|may|might|did|does|also|\p{Ll}{2,}[^s\W]s)\b/u.test(text.slice(runEnd))) e.acts++;
      if (parts.role) e.roles.push(parts.role);
      if (pending) {
        e.roles.push(pending.role);
        for (const aff of pending.affiliations) e.affiliations.add(aff);
        e.counts.person += 3;
        e.strong.person = true;
      }
      for (const aff of roleAffiliations) e.affiliations.add(aff);
      if (chunk.speakerCue) e.speaks = true;
      // "based in Austin, Texas, denied": a place, a comma and a known state or country after a place's preposition are two places.
      const afterComma = (x: Chunk, y: Chunk | undefined): boolean => y !== undefined && /^\s*,\s*$/.test(text.slice((x.units[x.units.length - 1] as Unit).end, (y.units[0] as Unit).start));
      const knownPlace = (c: Chunk): boolean => {
        const n = unitText(text, c.units);
        return isKnownPlace(foldCase(n)) || countryOf(n) !== undefined || regionOf(n) !== undefined;
      };
      const previousChunk = chunks[ci - 1];
      if ((chunk.prepCue && afterComma(chunk, next) && knownPlace(next as Chunk)) || (previousChunk?.prepCue && afterComma(previousChunk, chunk) && knownPlace(chunk) && !countryOf(nameText))) {
        e.counts.place += 3;
        e.strong.place = true;
      }
      if (countryOf(nameText) && !parts.role) {
        e.counts.country += 3;
        e.strong.country = true;
        return;
      }
      const region = regionOf(nameText);
      // ("European regulators", "three European hospitals": a region's adjective before a noun describes it and names no place.)
      if (region && nameKey(region) !== nameKey(nameText) && /^\s+\p{Ll}/u.test(text.slice(runEnd)) && e.seen === 1) {
        evidence.delete(nameKey(nameText));
        return;
      }
      if (region) {
        e.counts.place += 4;
        e.alsoKnownAs.add(region);
        e.regionName = region;
        return;
      }
      if (capitalOf(nameText)) e.counts.place += 1;
      // "West Germany", "South American": a compass word before a country or region is a place.
      if (COMPASS.test(firstNorm) && parts.name.length >= 2 && (countryOf(unitText(text, parts.name.slice(1))) || isKnownPlace(foldCase(unitText(text, parts.name.slice(1)))))) e.counts.place += 3;
      else if (parts.name.length >= 2 && parts.name.some((u) => COMPASS.test(u.norm)) && !isFirstName(firstNorm)) e.counts.place += 2;
      // "the Kremlin", "the Pentagon": one unknown name after "the", mid-sentence, is a body.
      if (parts.name.length === 1 && !inLexicon(firstNorm) && /\bthe\s$/.test(text.slice(Math.max(0, (parts.name[0] as Unit).start - 4), (parts.name[0] as Unit).start)) && !chunk.prepCue) e.counts.organization += 1;
      if (parts.lead && (isOrgHead(lastNorm) || opensBody(parts.name.slice(parts.lead.length)))) e.alsoKnownAs.add(unitText(text, parts.name.slice(parts.lead.length)));
      if (parts.lead && parts.name.length > parts.lead.length && isKnownOrganization(foldCase(unitText(text, parts.name.slice(parts.lead.length))))) {
        e.counts.organization += 3;
        e.strong.organization = true;
      }
      const closing = chunk.units[chunk.units.length - 1] as Unit;
      if (parts.role !== undefined || parts.honorific || (chunk.units.length > 2 && isPostNominal(closing))) {
        e.counts.person += 3;
        e.strong.person = true;
      }
      // ("Police Scotland", "Bank Indonesia": a word that ends bodies' names, then the country it serves.)
      const headThenCountry = parts.name.length >= 2 && isOrgHead(firstNorm) && countryOf(unitText(text, parts.name.slice(1))) !== undefined;
      if ((parts.name.length >= 2 && isOrgHead(lastNorm)) || headThenCountry || parts.name.some((u, i) => ORG_OPENERS.has(u.norm) && /^(?:of|for|on)$/.test(parts.name[i + 1]?.norm ?? '')) || COMPANY_SUFFIXES.has(lastNorm)) {
        e.counts.organization += 2;
        e.strong.organization = true;
      }
      // ("TV crews", "a DJ": not an acronym the lexicon knows as a common noun.)
      // ("GDP", "RSV": nor one WordNet defines, with no word for a body in its definition.)
      const defined = definingWords(folded);
      const bodyWord = (w: string): boolean => isOrgHead(w) || w === 'government';
      // ("AI": WordNet merges an agency with computing and a sloth; a sense that is a thing makes it no body by itself.)
      const definedAsThing = defined.length > 0 && (!defined.some(bodyWord) || hypernymsOf(folded).some((w) => !bodyWord(w)));
      // ("the SEC said", "the FTC's ruling": an acronym after "the" that acts, or owns, is a body though WordNet has a
      // common word spelt so, "sec"; "the AI boom" is not.)
      const wordAfter = /^\s+(\p{Ll}+)/u.exec(text.slice(lastUnit.end))?.[1];
      // (A verb of a doer: one that says, or one with an object after it, "the SEC fined Ridgeway"; not "the GDP grew 3 percent".)
      const objectAfter = /^\s+\p{Ll}+\s+(?:the|a|an|its|their|his|her|\p{Lu})/u.test(text.slice(lastUnit.end));
      const theActs = /\bthe\s$/i.test(text.slice(Math.max(0, (parts.name[0] as Unit).start - 4), (parts.name[0] as Unit).start)) && (lastUnit.possessive || wordAfter === undefined || REPORTING_FORMS.has(wordAfter) || (objectAfter && ((/ed$/.test(wordAfter) && lexiconTags(wordAfter).length === 0) || lexiconTags(wordAfter).some((t) => /^(?:PastTense|PresentTense)$/.test(t)))) || lexiconTags(wordAfter).some((t) => /^(?:Modal|Copula|Auxiliary|Preposition|Conjunction)$/.test(t)));
      // ("48 billion CFA francs": an acronym before a unit of money names the currency, not a body; "The ANC won" is a
      // verb, not the Korean won.)
      const moneyAfter = wordAfter !== undefined && isCurrencyWord(wordAfter);
      if (isAcronym(nameText) && (!definedAsThing || theActs) && !moneyAfter && !lexiconTags(folded).some((t) => /^(?:Singular|Plural|Noun|Uncountable)$/.test(t))) e.counts.organization += 2;
      // "Bayern Munich", "Sparta Prague": an unknown word before a city's name is a club's name, not a person's.
      if (parts.name.length === 2 && !inLexicon(firstNorm) && !isFirstName(firstNorm) && lexiconTags(lastNorm).includes('City') && !countryOf(nameText)) e.counts.organization += 3;
      // "FC Porto", "Atlético Valdora": a club's name.
      if (parts.name.length >= 2 && (CLUB_AFFIXES.has(firstNorm) || CLUB_AFFIXES.has(lastNorm))) {
        e.counts.organization += 3;
        e.strong.organization = true;
      }
      // "University College Cork": an organisation word inside the name. ("Khama International Airport": not when a
      // word that ends only place names closes it; the last word is what the name is.)
      const placeHeaded = isPlaceHead(lastNorm) && !isOrgHead(lastNorm);
      if (parts.name.length >= 3 && parts.name.slice(0, -1).some((u) => ORG_OPENERS.has(u.norm) || (isOrgHead(u.norm) && u.cap)) && !placeHeaded) e.counts.organization += 2;
      // "its chairman, Rein Saar, said", "The state mediator, Ola Brekke,": a role and a comma before a name make it a person's.
      const roleBefore = /(?:^|\b(?:its|his|her|their|the|an?)\s+|\p{Lu}\p{L}*['’]s\s+)(?:[\p{Ll}-]+\s+){0,3}?(\p{Ll}+),\s*$/u.exec(text.slice(Math.max(0, (chunk.units[0] as Unit).start - 80), (chunk.units[0] as Unit).start));
      if (roleBefore && isAgentNoun(roleBefore[1] as string) && !ORG_CLASSIFIERS.has(roleBefore[1] as string) && parts.name.length >= 2) e.counts.person += 3;
      // "Sinn Féin's education spokeswoman", "Halvard's spokesman": what has a spokesperson is most often a party or a body.
      // ("a Jetstar spokeswoman said": the name right before the word too.)
      if ((lastUnit.possessive && /^\s+(?:\p{Ll}+\s+){0,2}spokes(?:man|woman|person|men|women|people)\b/u.test(text.slice(lastUnit.end))) || /^\s+spokes(?:man|woman|person|men|women|people)\b/u.test(text.slice(lastUnit.end))) e.counts.organization += 2;
      // "told Parliament", "told Congress": a common word told something, capitalised, is a body.
      // ("told the Daily Record": over "the" too.)
      const toldAt = at >= 2 && (units[at - 1] as Unit).norm === 'the' && !(units[at - 1] as Unit).cap ? at - 2 : at - 1;
      const toldBefore = toldAt >= 0 && !(units[toldAt] as Unit).cap && REPORTING_FORMS.get((units[toldAt] as Unit).norm)?.lemma === 'tell';
      // ("told Reuters": one unknown word, no given name, that hears what is said is a body, a news agency most often.)
      if (toldBefore && (parts.name.every((u) => isPlainWord(u.norm)) || (parts.name.length === 1 && !inLexicon(firstNorm) && !isFirstName(firstNorm)))) e.counts.organization += 1;
      // "Helen Marsh, 49, …": an age after a name says it is a person's.
      // (It decides: "Rose, 61, said" is a person though "rose" is a common word.)
      const aged = /^,\s+\d{1,3},\s+(\p{Ll}+)?/u.exec(text.slice((chunk.units[chunk.units.length - 1] as Unit).end));
      if (aged) {
        e.counts.person += 3;
        // (Followed by a verb that says or a past one; "Arsenal, 45, lead Liverpool, 43," is a points table.)
        const verb = aged[1];
        if (verb !== undefined && (REPORTING_FORMS.has(verb) || lexiconTags(verb).includes('PastTense'))) e.strong.person = true;
      }
      // ", the country's geological hazard agency", ", a church-backed monitoring group": an apposition says what it is.
      const apposition = /^,\s+(?:a|an|the)\s+([^,;.]{0,60}?)(?:[,;.]|$)/i.exec(text.slice((chunk.units[chunk.units.length - 1] as Unit).end));
      if (apposition) {
        const words = tokenize(apposition[1] as string);
        const head = words[words.length - 1]?.norm ?? '';
        // "a spokesman for the Transport Ministry": the noun before "for", "of" or "at" says what the name is.
        const ofAt = words.findIndex((w) => /^(?:of|for|at|with|from)$/.test(w.norm));
        const firstHead = ofAt > 0 ? (words[ofAt - 1]?.norm ?? '') : '';
        if (firstHead && isAgentNoun(firstHead) && !ORG_CLASSIFIERS.has(firstHead)) e.counts.person += 3;
        else if (ORG_CLASSIFIERS.has(head) || isOrgHead(head)) e.counts.organization += 3;
        else if (isAgentNoun(head) || words.some((w) => isRoleNoun(w.norm))) e.counts.person += 2;
        else if (/^(?:city|town|village|port|region|province|district|state|county|island|capital|suburb)$/.test(words[words.findIndex((w) => /^(?:in|on|near|of)$/.test(w.norm)) - 1]?.norm ?? head)) {
          // ("in Aldwick, a market town in West Yorkshire": settled, even beside "Aldwick Borough Council".)
          e.counts.place += 3;
          e.strong.place = true;
        }
      }
      // "the port city of Liepaja", "the village of San Roque": a place.
      // (That settles it, even when the name is followed by what someone near it said.)
      if (/\b(?:city|(?:home)?town|village|port|region|province|district|state|county|island|area|municipality|suburb|capital)\s+of\s+$/i.test(text.slice(Math.max(0, (parts.name[0] as Unit).start - 40), (parts.name[0] as Unit).start))) {
        e.counts.place += 3;
        e.strong.place = true;
      }
      // "the mayor of Tromso", "residents of Kanto": a title that governs a place, or the people of one, then "of".
      const governed = /([\p{L}-]+)\s+of\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, (parts.name[0] as Unit).start - 40), (parts.name[0] as Unit).start));
      if (governed && isPlaceTitle(governed[1] as string) && !isOrgHead(lastNorm)) {
        e.counts.place += 3;
        e.strong.place = true;
      }
      // "State Highway 6", "Terminal 2": a word that ends place names, then a number.
      if (parts.name.length >= 2 && /^\d/.test(lastNorm) && isPlaceHead((parts.name[parts.name.length - 2] as Unit).norm)) {
        e.counts.place += 3;
        e.strong.place = true;
      }
      // "River Calder", "Lake Varro": a name that opens with a word for a place is one.
      if (parts.name.length >= 2 && PLACE_OPENERS.has(firstNorm) && !isOrgHead(lastNorm)) {
        e.counts.place += 3;
        e.strong.place = true;
        e.placeByOpener = true;
      }
      if (isKnownOrganization(folded)) e.counts.organization += 2;
      if (chunk.orgCue) {
        e.counts.organization += 3;
        e.strong.organization = true;
      }
      if (chunk.groupCue) e.counts.group += 2;
      // ("the Civic Forward party", "the Lanway bus company": a lower-case word that ends bodies' names, right after, says what the name is;
      // not a word for those who speak for a place, "Denholm police".)
      const headAfter = /^\s+(\p{Ll}+)\b/u.exec(text.slice(runEnd))?.[1];
      if (headAfter !== undefined && isOrgHead(headAfter) && !isPlaceHead(headAfter) && !GROUP_NOUNS.has(headAfter) && !sourceNouns().has(headAfter) && !lastUnit.possessive && !parts.name.some((u) => isStopWord(u.norm))) e.counts.organization += 2;
      if (isPlaceHead(lastNorm) && !isOrgHead(lastNorm) && parts.name.length >= 2) e.counts.place += 2;
      if (chunk.placeCue) e.counts.place += 2;
      // ("the North Quay terminal": the name with its lower-case word for the place is another name of it.)
      if (chunk.placeHead && parts.name.length === chunk.units.length) e.alsoKnownAs.add(`${nameText} ${chunk.placeHead}`);
      if (isKnownPlace(folded)) e.counts.place += 2;
      if (chunk.prepCue) e.counts.place += 1;
      // ("Analysts at Morgan Stanley said": where people work outweighs a first name and a surname.)
      if (chunk.employerCue) e.counts.organization += 4;
      // "Helen Marsh said": a first name before a word that also ends place names is a person when the name speaks.
      if (isFirstName(firstNorm) && parts.name.length >= 2 && !isOrgHead(lastNorm) && (!isPlaceHead(lastNorm) || chunk.speakerCue)) e.counts.person += 2;
      if (isLastName(lastNorm) && parts.name.length >= 2) e.counts.person += 1;
      if (lexiconTags(folded).includes('Person')) e.counts.person += 2;
      // ("said in Sydney", "a decision made in Austin": a lone given name right after "in" is where, a place.)
      if (chunk.inCue && parts.name.length === 1 && chunk.units.length === 1 && isFirstName(firstNorm) && !countryOf(nameText)) e.counts.place += 3;
      // "Marieke van Dam", "Lotte de Boer": a given name, a lower-case particle and a surname are a person's name,
      // whatever the surname's word ends (not "Rio de Janeiro", "Banco de Portugal": a place or a body's opener, or a word).
      if (isParticleName(parts.name) && !isKnownPlace(folded)) e.counts.person += 3;
    });
  }

  // Decide each name's type from its evidence.
  const drafts = new Map<string, EntityDraft>();
  const countryDraft = (country: CountryInfo): EntityDraft => {
    const ck = nameKey(country.name);
    let d = drafts.get(ck);
    if (!d || d.type !== 'country') {
      d = { name: country.name, type: 'country', aliases: new Set([country.name, ...country.aliases]), affiliations: new Set(), fromOverlay: false };
      drafts.set(ck, d);
    }
    return d;
  };
  for (const [key, e] of evidence) {
    if (terms.has(key)) continue;
    const capital = capitalOf(e.name);
    // A capital that acts (speaks, owns, is a verb's subject) is its country's government; one where things happen is a place.
    // ("Singapore", "Luxembourg": a capital that bears its country's name is the country.)
    if (capital && nameKey(capital.name) !== key && !e.strong.person && !e.strong.organization) {
      if ((e.speaks || e.acts > 0) && !e.strong.place) {
        const d = countryDraft(capital);
        d.aliases.add(e.name);
        drafts.set(key, d);
      } else {
        const d: EntityDraft = { name: e.name, type: 'place', aliases: new Set([e.name]), affiliations: new Set([countryDraft(capital)]), fromOverlay: false };
        drafts.set(key, d);
      }
      continue;
    }
    const kind = decideKind(e);
    if (!kind) continue;
    if (kind === 'country') {
      const country = countryOf(e.name) as CountryInfo;
      if (country.independent) drafts.set(key, countryDraft(country));
      else drafts.set(key, { name: country.name, type: 'place', aliases: new Set([country.name, e.name]), affiliations: new Set(), fromOverlay: false });
      continue;
    }
    const d: EntityDraft = { name: e.regionName ?? (kind === 'organization' ? e.ownName : undefined) ?? e.name, type: kind === 'group' ? 'organization' : kind, aliases: new Set([e.name, ...e.alsoKnownAs]), affiliations: new Set(), fromOverlay: false };
    const role = e.roles.find((r) => r.length > 0);
    if (kind === 'person' && role) d.role = role;
    drafts.set(key, d);
  }

  const firstSeen = (d: EntityDraft): number => {
    const i = [...evidence.keys()].findIndex((key) => drafts.get(key) === d);
    return i < 0 ? Infinity : i;
  };
  // Single names that are part of exactly one longer name are that entity ("Li", "Mr. Lee", "Goetze", "Guantanamo").
  const multi = [...new Set(drafts.values())].filter((d) => d.name.split(/\s+/).length >= 2 && d.type !== 'country');
  for (const [key, d] of [...drafts]) {
    if (d.name.split(/\s+/).length !== 1 || d.type === 'country' || d.fromOverlay) continue;
    const owners = multi.filter((p) => p !== d && (p.type === 'person' ? p.name.split(/\s+/) : p.name.split(/\s+/).slice(0, 1)).some((w) => nameKey(w) === key));
    // Two people share the surname ("Rodrigo Almazan" and, later, "His father, Ernesto Almazan"): it is the one introduced first.
    const people = owners.filter((o) => o.type === 'person');
    if (owners.length !== 1 && people.length < 2) continue;
    const owner = (owners.length === 1 ? owners[0] : people.sort((x, y) => firstSeen(x) - firstSeen(y))[0]) as EntityDraft;
    // A town the article places for itself (a dateline, "the city of X") is not the dam or hall named after it ("Leeds Civic Hall").
    if (owner.type !== 'person' && evidence.get(key)?.strong.place === true) continue;
    // "Lanway" for "Lanway Buses", but never "Washington" for the "Washington Post".
    if (owner.type !== 'person' && owner.type !== d.type && (capitalOf(d.name) || isKnownPlace(foldCase(d.name)) || d.type === 'person')) continue;
    owner.aliases.add(d.name);
    if (!owner.role && d.role) owner.role = d.role;
    for (const a of d.affiliations) owner.affiliations.add(a);
    drafts.set(key, owner);
  }
  // "Calder Freight" for "Calder Freight Rail Ltd": a shorter name that opens exactly one organisation's longer name is that organisation.
  for (const [key, d] of [...drafts]) {
    const words = d.name.split(/\s+/);
    if (words.length < 2 || d.type === 'country' || d.type === 'place' || d.fromOverlay || d.role !== undefined || isKnownPlace(foldCase(d.name))) continue;
    const owners = multi.filter((o) => o !== d && o.type === 'organization' && o.name.split(/\s+/).length > words.length && nameKey(o.name.split(/\s+/).slice(0, words.length).join(' ')) === key);
    if (owners.length !== 1) continue;
    const owner = owners[0] as EntityDraft;
    owner.aliases.add(d.name);
    for (const [k, v] of drafts) if (v === d) drafts.set(k, owner);
  }
  // "Velmont's board", "pressure on Velmont": a word too weak to type alone is the one organisation whose name it opens.
  for (const [key, e] of evidence) {
    if (drafts.has(key) || e.units !== 1) continue;
    const owners = multi.filter((o) => o.type === 'organization' && nameKey(o.name.split(/\s+/)[0] ?? '') === key);
    if (owners.length !== 1 || isCommonWord(foldCase(e.name))) continue;
    (owners[0] as EntityDraft).aliases.add(e.name);
    drafts.set(key, owners[0] as EntityDraft);
  }
  const people = multi.filter((d) => d.type === 'person');
  for (const p of people) {
    const parts = p.name.split(/\s+/);
    const surname = parts[parts.length - 1] as string;
    // A surname stands for the person unless the article writes it in lower case or another name shares it.
    const shared = [...new Set(drafts.values())].some((o) => o !== p && o.name.split(/\s+/).some((w) => nameKey(w) === nameKey(surname)));
    const sharedBy = [...new Set(drafts.values())].filter((o) => o !== p && o.type === 'person' && o.name.split(/\s+/).some((w) => nameKey(w) === nameKey(surname)));
    const first = sharedBy.every((o) => firstSeen(p) < firstSeen(o)) && drafts.get(nameKey(surname)) === p;
    if (surname.length >= 3 && !article.lower.has(foldCase(surname)) && (!shared || first) && !/^[IVX]+$/.test(surname)) p.aliases.add(surname);
  }

  // Acronyms: "People's Bank of China" is the PBOC.
  const orgs = [...new Set(drafts.values())].filter((d) => d.type === 'organization');
  for (const [key, d] of [...drafts]) {
    if (!isAcronym(d.name)) continue;
    const owners = orgs.filter((o) => o !== d && acronymsOf(o.name).includes(d.name.replace(/\./g, '').toUpperCase()));
    if (owners.length === 1) {
      (owners[0] as EntityDraft).aliases.add(d.name);
      drafts.set(key, owners[0] as EntityDraft);
    }
  }

  // Organisations also go by their initials ("National Security Council" → "NSC"), unless those name another entity.
  const multiWordOrgs = [...new Set(drafts.values())].filter((o) => o.type === 'organization' && o.name.split(/\s+/).length >= 2);
  const initialsOf = new Map(multiWordOrgs.map((o) => [o, acronymsOf(o.name)[0] ?? ''] as const));
  for (const [o, initials] of initialsOf) {
    const shared = [...initialsOf.values()].filter((x) => x === initials).length > 1;
    if (initials.length >= 2 && !shared && !drafts.has(nameKey(initials)) && !countryOf(initials) && !inLexicon(initials.toLowerCase())) o.aliases.add(initials);
  }

  // Overlay entities: added, or merged into the one of the same name.
  const all: EntityDraft[] = [];
  for (const o of overlay?.entities ?? []) {
    const found = drafts.get(nameKey(o.name));
    const d: EntityDraft = found ?? { name: o.name, type: o.type, aliases: new Set([o.name]), affiliations: new Set(), fromOverlay: true };
    d.type = o.type;
    d.fromOverlay = true;
    if (o.role) d.role = o.role;
    for (const a of o.aliases) {
      d.aliases.add(a);
      const other = drafts.get(nameKey(a));
      if (other && other !== d && !other.fromOverlay) for (const [k, v] of drafts) if (v === other) drafts.set(k, d);
    }
    drafts.set(nameKey(o.name), d);
  }
  for (const d of drafts.values()) if (!all.includes(d)) all.push(d);

  // Affiliations by name, now that every name has its entity.
  for (const [key, e] of evidence) {
    const d = drafts.get(key);
    if (!d) continue;
    for (const aff of e.affiliations) {
      const country = countryOf(aff);
      const a = drafts.get(nameKey(aff)) ?? (country ? drafts.get(nameKey(country.name)) : undefined);
      if (a && a !== d) d.affiliations.add(a);
    }
  }

  const mentions = findMentions(sentences, all);
  const used = all.filter((d) => [...mentions.values()].some((ms) => ms.some((m) => m.entity === d)));
  addAppositionRoles(sentences, mentions);
  addOfAffiliations(sentences, mentions);
  return { entities: used, mentions };
}

/** Roles carried from a title run to the name after it, by chunk. */
const pendingRoles = new WeakMap<Chunk, { role: string; affiliations: string[] }>();

function decideKind(e: Evidence): Kind | undefined {
  const c = e.counts;
  // A common word written with a capital ("Islamic", "Energy") names nothing without strong evidence.
  if (e.common && !e.strong.person && !e.strong.organization && !e.strong.country && c.place < 3) return e.speaks || c.organization + c.group > 0 ? 'organization' : undefined;
  if (e.strong.country) return 'country';
  // ("Port Vale said", "Forest Green denied": a name opened by a word for a place that speaks is a body named after one.)
  if (e.strong.place && !e.strong.person && !e.strong.organization) return e.speaks && e.placeByOpener && !isKnownPlace(foldCase(e.name)) ? 'organization' : 'place';
  if (e.strong.organization && !e.strong.person) return 'organization';
  if (e.strong.person && !e.strong.organization) return 'person';
  if (e.strong.person && e.strong.organization) return c.person >= c.organization ? 'person' : 'organization';
  const best = (Object.entries(c) as [Kind, number][]).sort((a, b) => b[1] - a[1])[0] as [Kind, number];
  if (best[1] > 0) {
    // A name that speaks is a person or an organisation, never a place.
    if (best[0] === 'place' && e.speaks) return e.units >= 2 && c.person > 0 ? 'person' : 'organization';
    if (best[0] === 'group') return 'organization';
    if (best[0] === 'place' && c.person > c.place - 1 && e.units >= 2) return 'person';
    return best[0];
  }
  // Nothing known of it: two or three unknown capitalised words are most often a person's name;
  // one that speaks is an organisation (or a person named once by surname, settled above).
  if (e.units >= 2 && e.units <= 3 && !e.hasCommonWord) return 'person';
  if (e.speaks) return 'organization';
  return undefined;
}

/** Initials of an organisation's name, without and with its small words ("People's Bank of China" → "PBC", "PBOC"). */
function acronymsOf(name: string): string[] {
  const all = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  const capitals = all.filter((w) => /^\p{Lu}/u.test(w));
  if (capitals.length < 2) return [];
  const initials = (ws: string[]): string => ws.map((w) => w.charAt(0)).join('').toUpperCase();
  return [...new Set([initials(capitals), initials(all.filter((w) => w !== 'the' && w !== 'and'))])];
}

// ---------------------------------------------------------------------------------------------
// Mentions

interface AliasEntry {
  tokens: Token[];
  entity: EntityDraft;
}

function findMentions(sentences: readonly SentenceDraft[], entities: readonly EntityDraft[]): Map<string, Mention[]> {
  const byFirst = new Map<string, AliasEntry[]>();
  for (const e of entities) {
    for (const alias of e.aliases) {
      const tokens = tokenize(alias);
      const first = tokens[0];
      if (!first) continue;
      const list = byFirst.get(first.norm) ?? [];
      list.push({ tokens, entity: e });
      byFirst.set(first.norm, list);
    }
  }
  const out = new Map<string, Mention[]>();
  for (const s of sentences) {
    const found: Mention[] = [];
    const tokens = s.tokens; // computed on each read: read once
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i] as Token;
      let best: AliasEntry | undefined;
      for (const entry of byFirst.get(t.norm) ?? []) {
        if (best && entry.tokens.length <= best.tokens.length) continue;
        if (entry.tokens.every((a, k) => matchesToken(a, tokens[i + k]))) best = entry;
      }
      if (best) {
        const last = tokens[i + best.tokens.length - 1] as Token;
        found.push({ entity: best.entity, start: t.start, end: last.end });
        i += best.tokens.length;
      } else i++;
    }
    out.set(s.id, found);
  }
  return out;
}

/** A name's word written with a capital must be capitalised in the text; a short acronym must be in capitals ("US", not "us"). */
function matchesToken(alias: Token, t: Token | undefined): boolean {
  if (!t || t.norm !== alias.norm) return false;
  if (/^\p{Lu}/u.test(alias.raw) && !/^\p{Lu}/u.test(t.raw)) return false;
  const bare = alias.raw.replace(/\./g, '');
  const written = t.raw.replace(/\./g, '').replace(/['’]s?$/, '');
  if (bare.length <= 3 && /^\p{Lu}+$/u.test(bare) && written !== written.toUpperCase()) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Roles from appositions and copulas

const ROLE_TRIM = /\s+(?:who|which|that|whose|where)\b.*$/i;

/** The singular of a plural job ("economists" → "economist"), when it is one. */
function singularRole(plural: string): string | undefined {
  const singular = [plural.replace(/ies$/, 'y'), plural.replace(/es$/, ''), plural.replace(/s$/, '')].find((w) => w !== plural && pluralOf(w) === plural);
  return singular && (isAgentNoun(singular) || isRoleNoun(singular) || sourceNouns().has(singular)) ? singular : undefined;
}

function roleFromPhrase(phrase: string): string | undefined {
  // "Mercy Banda, whose brother, …" says who someone else is.
  if (/^(?:whose|which|where|when)\b/i.test(phrase)) return undefined;
  const p = phrase.replace(ROLE_TRIM, '').replace(/^(?:a|an|the|its|his|her|their)\s+/i, '').trim();
  if (p.length < 3 || p.length > 120 || /["“”]/.test(p)) return undefined;
  const words = tokenize(p);
  // The phrase must name a job or role ("senior district official", "program coordinator for …").
  if (!words.slice(0, 5).some((w) => isAgentNoun(w.norm))) return undefined;
  if (words.some((w, k) => k < 4 && REPORTING_FORMS.has(w.norm) && REPORTING_FORMS.get(w.norm)?.lemma !== w.norm)) return undefined;
  return p;
}

function addAppositionRoles(sentences: readonly SentenceDraft[], mentions: ReadonlyMap<string, Mention[]>): void {
  for (const s of sentences) {
    for (const m of mentions.get(s.id) ?? []) {
      const e = m.entity;
      if (e.type !== 'person' || e.fromOverlay) continue;
      const after = s.text.slice(m.end);
      const before = s.text.slice(0, m.start);
      // "Helen Marsh, 49, the former finance director," — an age may stand before the apposition.
      // "said Oliver Grant, Sotheby's chairman of …," — an owner's possessive may open it.
      const appositionAfter = /^,\s+(?:\d{1,3},\s+)?((?:a|an|the)\s+[^,;"“”]{3,120}?|[\p{Ll}][^,;"“”]{3,120}?|(?:\p{Lu}[\p{L}.&-]*\s+){0,3}\p{Lu}[\p{L}.&-]*['’]s\s+\p{Ll}[^,;"“”]{3,120}?)(?:,|\.?["”]?\s*$)/u.exec(after);
      // "…, and the European Union's special representative for Central Asia, Katja Lindqvist", "warned a spokesman for the
      // service, Rustam Nazarov", "Its regional director for Europe, Dr. Marius Holm": a role, then a comma, then the name.
      // A quotation may close before it ('…," the union's leader, Captain Sindre Holm, told'), and the owner may take
      // several words ("Halvorsen Bio's chief executive, Peter Moller").
      const before2 = /(?:^|[,;]["”]?\s+(?:and\s+|but\s+)?|\bas\s+|\b(\p{Ll}+)\s+)((?:a|an|the|its|his|her|their|(?:\p{Lu}\p{L}+\s+){0,3}\p{Lu}\p{L}+['’]s)\s+[^,;"“”]{3,80}),\s*(?:\p{Lu}\p{L}*\.?\s+){0,2}$/iu.exec(before);
      // "according to its director, Dr. Nikos Papadakis" as well.
      const reportedBy = (word: string): boolean => REPORTING_FORMS.has(word.toLowerCase()) || (word === 'to' && /\baccording\s+$/i.test(before.slice(0, before2?.index ?? 0)));
      // ("Counsel to the inquiry, Richard Amesbury, told": a role that opens the sentence, without an article.)
      const opening = /^(\p{Lu}\p{Ll}+(?:\s+[^,;"“”]{2,60})?),\s*(?:\p{Lu}\p{L}*\.?\s+){0,2}$/u.exec(before);
      const appositionBefore = before2 && (before2[1] === undefined || reportedBy(before2[1])) ? [before2[0], before2[2]] : opening && isRoleNoun(foldCase(tokenize(opening[1] as string)[0]?.norm ?? '')) ? [opening[0], opening[1]] : undefined;
      // ("Anna Berg is chair of the council": a title without an article, when it is one.)
      const copulaMatch = /^\s+(?:is|was|has been|had been)\s+((?:a|an|the)\s+[^,;."“”]{3,120}|(\p{Ll}+)\s+(?:of|at|for)\s[^,;."“”]{3,120})/u.exec(after);
      const copula = copulaMatch && (copulaMatch[2] === undefined || isRoleNoun(copulaMatch[2])) ? copulaMatch : undefined;
      // "economists such as Clara Holt", "analysts like …": the plural job before the name, in the singular.
      const example = /(?:^|\s)(\p{L}\p{Ll}+s)\s+(?:such as|like|including)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$/u.exec(before);
      const exampleRole = example ? singularRole(foldCase(example[1] as string)) : undefined;
      const role = [appositionAfter?.[1], appositionBefore?.[1], copula?.[1]].map((p) => (p ? roleFromPhrase(p) : undefined)).find(Boolean) ?? exampleRole;
      // A title and a description both say who someone is: "Colonel, city police chief".
      if (role && !e.role) e.role = role;
      else if (role && e.role && !e.role.includes(', ') && !tokenize(e.role).some((w) => tokenize(role).some((x) => x.stem === w.stem && !isStopWord(w.norm)))) e.role = `${e.role}, ${role}`;
    }
  }
  // Entities named inside a role are what the person speaks for ("… of NASA's Science Mission Directorate").
  for (const s of sentences) {
    for (const m of mentions.get(s.id) ?? []) {
      const role = m.entity.role;
      if (!role) continue;
      for (const other of mentions.get(s.id) ?? []) {
        if (other.entity !== m.entity && other.entity.type !== 'person' && role.includes(s.text.slice(other.start, other.end))) m.entity.affiliations.add(other.entity);
      }
    }
  }
}

/** "Tom Malinowski of the group Human Rights Watch", "Stephen Green of Standard Chartered Bank": the person belongs to the organisation. */
function addOfAffiliations(sentences: readonly SentenceDraft[], mentions: ReadonlyMap<string, Mention[]>): void {
  for (const s of sentences) {
    const ms = mentions.get(s.id) ?? [];
    ms.forEach((m, i) => {
      const next = ms[i + 1];
      if (m.entity.type !== 'person' || !next || next.entity.type === 'person') return;
      if (/^\s+(?:of|from)\s+(?:the\s+)?(?:\p{Ll}+\s+){0,2}$/u.test(s.text.slice(m.end, next.start))) m.entity.affiliations.add(next.entity);
    });
  }
}
