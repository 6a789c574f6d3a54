import { readFileSync } from 'node:fs';
import nlp from 'compromise';

/**
 * Word lists kept as data: plain words in `src/nlp/words/*.txt`, one entry a line, `#` for
 * comments. They are read once when this module loads (they ship with the code, like it) and
 * every derived form is worked out here, never written by hand.
 */
/** A list file's entries: each line's words, lower-case, comments dropped. */
export function readLines(name: string): string[][] {
  const text = readFileSync(new URL(`./words/${name}.txt`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => line.toLowerCase().split(/\s+/));
}

/** A list file of "name = value" lines, case kept ("Britain = United Kingdom"). */
export function readNamePairs(name: string): [string, string][] {
  const text = readFileSync(new URL(`./words/${name}.txt`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.includes('='))
    .map((line) => line.split('=').map((part) => part.trim()) as [string, string]);
}

/** Nouns that can be the source of a claim without being a named entity ("officials", "the statement"). */
export function sourceNouns(): ReadonlySet<string> {
  return SOURCE_NOUNS;
}

/** Every word of a list file, in order. */
export function readWordList(name: string): string[] {
  return readLines(name).flat();
}

/** A list file of "word value" lines as a map. */
export function readWordMap(name: string): Map<string, string> {
  return new Map(readLines(name).map(([word = '', value = ''] ) => [word, value]));
}

/** The inflected forms of a verb in base form, with the base: "say" → say, says, said, saying. */
export function verbForms(base: string): string[] {
  const doc = nlp(base);
  doc.tag('Verb');
  const conjugated = doc.verbs().conjugate()[0] as Record<string, string> | undefined;
  const forms = new Set([base]);
  for (const [tense, form] of Object.entries(conjugated ?? {})) {
    // "will say" is the base form again; every other tense is one word.
    if (tense !== 'FutureTense' && form && !form.includes(' ')) forms.add(form.toLowerCase());
  }
  return [...forms];
}

/**
 * The plural of a noun, by compromise ("kilometer" → "kilometers", "century" → "centuries"),
 * with the "-man" → "-men" compounds it misses ("spokesmen") and a plain "-s" where it gives
 * the word back unchanged ("euros").
 */
export function pluralOf(noun: string): string {
  if (/man$/.test(noun)) return `${noun.slice(0, -3)}men`;
  const doc = nlp(noun);
  doc.tag('Singular');
  const plural = doc.nouns().toPlural().text().toLowerCase().replace(/\s+/g, '-');
  return plural.length > 0 && plural !== noun ? plural : `${noun}s`;
}

const SOURCE_NOUNS: ReadonlySet<string> = new Set(readWordList('source-nouns').flatMap((w) => [w, pluralOf(w)]));

/** The stance a reporting verb gives a claim. */
export type ReportingStance = 'says' | 'believes' | 'alleges' | 'denies' | 'warns' | 'confirms';

/** A reporting verb form: its base form and the stance it gives. */
export interface ReportingVerb {
  lemma: string;
  stance: ReportingStance;
}

function buildReportingForms(): ReadonlyMap<string, ReportingVerb> {
  const out = new Map<string, ReportingVerb>();
  for (const [lemma, stance] of readWordMap('reporting-verbs')) {
    for (const form of verbForms(lemma)) if (!out.has(form)) out.set(form, { lemma, stance: stance as ReportingStance });
  }
  return out;
}

/** Every form of every reporting verb ("said", "denies", "warning") → its lemma and stance. */
export const REPORTING_FORMS: ReadonlyMap<string, ReportingVerb> = buildReportingForms();

/** Title and role words that stand before a name ("President", "spokesman", "Mr"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(readWordList('titles').flatMap((w) => [w, pluralOf(w)]));

/** Last words of organisation names ("Commission", "Rail", "Union"), singular and plural. */
export const ORG_HEADS: ReadonlySet<string> = new Set(readWordList('org-heads'));

/** Words that open or close a sports club's name ("FC", "Atlético"). */
export const CLUB_AFFIXES: ReadonlySet<string> = new Set(readWordList('club-affixes'));

/** Nouns that make the capitalised name after them an organisation ("group Mandiant"). */
export const ORG_CLASSIFIERS: ReadonlySet<string> = new Set(readWordList('org-classifiers'));

/** Plural nouns that make the capitalised name before them a group ("Taleban insurgents"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set(readWordList('group-nouns'));

/** Second halves of hyphenated modifiers ("China-based"): the first half is a name, not part of one. */
export const COMPOUND_MODIFIERS: ReadonlySet<string> = new Set(readWordList('compound-modifiers'));

/** Last words of names of events and works ("World Cup", "Korean War"): not entities of any kind the build types. */
export const EVENT_HEADS: ReadonlySet<string> = new Set(readWordList('event-heads').flatMap((w) => [w, pluralOf(w)]));

/** First words of "<word> of X" organisation names ("Ministry", "Bank"). */
export const ORG_OPENERS: ReadonlySet<string> = new Set(readWordList('org-openers'));

/** First words of place names ("River", "Lake", "Mount"). */
export const PLACE_OPENERS: ReadonlySet<string> = new Set(readWordList('place-openers'));

/** Last words of place names ("Stadium", "Bay", "Hospital"). */
export const PLACE_HEADS: ReadonlySet<string> = new Set(readWordList('place-heads').flatMap((w) => [w, pluralOf(w)]));

/** A unit a figure is measured in, and what it measures. */
export interface UnitEntry {
  unit: string;
  kind: string;
}

function buildUnits(): ReadonlyMap<string, UnitEntry> {
  const out = new Map<string, UnitEntry>();
  for (const [unit, kind] of readWordMap('units')) {
    out.set(unit, { unit, kind });
    out.set(pluralOf(unit), { unit, kind });
  }
  return out;
}

/** Units by every written form ("kilometers", "km", "percent") → the unit and what it measures. */
export const UNITS: ReadonlyMap<string, UnitEntry> = buildUnits();

/** Letters after a person's name for a rank, honour or seat ("KC", "MP"); `post-nominals.txt`. */
export const POST_NOMINALS: ReadonlySet<string> = new Set(readWordList('post-nominals'));

/** Nouns for owning part of a business ("stake", "shares"), singular and plural; `ownership-nouns.txt`. */
export const OWNERSHIP_NOUNS: ReadonlySet<string> = new Set(readWordList('ownership-nouns').flatMap((w) => [w, pluralOf(w)]));

/** First words of weather systems' names ("Storm", "Hurricane"); `storm-heads.txt`. */
export const STORM_HEADS: ReadonlySet<string> = new Set(readWordList('storm-heads'));

/** Suffixes that close a company's name ("Ltd", "plc"); `company-suffixes.txt`. */
export const COMPANY_SUFFIXES: ReadonlySet<string> = new Set(readWordList('company-suffixes'));

/** Participles that make a single name joined to them a place ("-based", "-born"); `place-modifiers.txt`. */
export const PLACE_MODIFIERS: ReadonlySet<string> = new Set(readWordList('place-modifiers'));

/** The kind of a generic word for a body: a business, a public body that oversees, or either. */
export type GenericBodyKind = 'business' | 'oversight' | 'body';

/** Generic words for a body ("company", "regulator") → their kind; `generic-bodies.txt`. */
export const GENERIC_BODIES: ReadonlyMap<string, GenericBodyKind> = new Map([...readWordMap('generic-bodies')].map(([word, kind]) => [word, kind as GenericBodyKind]));

/** The past tense of a verb in base form, by compromise ("carry out" → "carried out"); the base when it has none. */
export function pastTenseOf(base: string): string {
  const doc = nlp(base);
  doc.tag('Verb');
  const conjugated = doc.verbs().conjugate()[0] as Record<string, string> | undefined;
  return conjugated?.['PastTense']?.toLowerCase() ?? base;
}

/** Past forms of the verbs for making a document ("carried out", "published"); `maker-verbs.txt`. */
export const MAKER_VERBS: readonly string[] = readLines('maker-verbs').map((words) => pastTenseOf(words.join(' ')));

