import nlp from 'compromise';
import { ORG_HEADS, PLACE_HEADS, TITLE_WORDS } from './word-lists.ts';
import { isKindOfPerson } from './wordnet.ts';

/** The parts of compromise's model this module reads: its lexicon and its organisation and place words. */
interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
}

const model = nlp.model() as unknown as CompromiseModel;

/** compromise's tags for a lower-case word or phrase ("kevin" → MaleName, "new delhi" → City). Empty when unknown. */
export function lexiconTags(phrase: string): readonly string[] {
  const tags = model.one.lexicon[phrase];
  if (tags === undefined) return [];
  return Array.isArray(tags) ? tags : [tags];
}

/** True when compromise's lexicon knows the lower-case word or phrase at all. */
export function inLexicon(phrase: string): boolean {
  return model.one.lexicon[phrase] !== undefined;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'City', 'Country', 'Place', 'Region', 'Organization', 'SportsTeam', 'ProperNoun', 'Demonym']);
const PERSON_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);
const PLACE_TAGS = new Set(['City', 'Country', 'Place', 'Region']);
const ORG_TAGS = new Set(['Organization', 'SportsTeam']);
const CALENDAR_TAGS = new Set(['WeekDay', 'Month', 'Date', 'Holiday']);

const has = (phrase: string, set: ReadonlySet<string>): boolean => lexiconTags(phrase).some((t) => set.has(t));

/** The lexicon names it: a first name, surname, city, country, organisation or demonym. */
export const isKnownName = (phrase: string): boolean => has(phrase, NAME_TAGS);
/** The lexicon knows it as a first name or a person ("kevin", "sean"). */
export const isFirstName = (word: string): boolean => has(word, PERSON_TAGS);
/** The lexicon knows it as a surname ("ruiz", "li"). */
export const isLastName = (word: string): boolean => lexiconTags(word).includes('LastName');
/** The lexicon knows it as a city, country, region or place ("dhaka", "new delhi"). */
export const isKnownPlace = (phrase: string): boolean => has(phrase, PLACE_TAGS);
/** The lexicon knows it as an organisation or team ("twitter", "nato"). */
export const isKnownOrganization = (phrase: string): boolean => has(phrase, ORG_TAGS);
/** A weekday, month or date word: a time, never a name. */
export const isCalendarWord = (word: string): boolean => has(word, CALENDAR_TAGS);
/** A noun for a person's job or role ("goalie", "economist", "spokesman"). */
export const isRoleNoun = (word: string): boolean => TITLE_WORDS.has(word) || lexiconTags(word).includes('Actor');

/** A noun that names a person by what they do, by its form: "seismologist", "historian", "campaigner". */
export const isAgentNoun = (word: string): boolean => isRoleNoun(word) || /^\p{Ll}{3,}(?:ologist|ologists|ist|ists|ian|ians)$/u.test(word) && !lexiconTags(word).some((t) => t === 'Adjective');

/** Last words of organisation names: compromise's own list and ours ("Commission", "Rail", "Union"). */
export const isOrgHead = (word: string): boolean => model.two.orgWords[word] === true || ORG_HEADS.has(word);
/** Last words of place names: compromise's own list and ours ("Stadium", "Bay", "Region"). */
export const isPlaceHead = (word: string): boolean => model.two.placeWords[word] === true || PLACE_HEADS.has(word);

/**
 * A noun for what a person is or does that no list of ours names, by WordNet ("nurse", "skipper",
 * "referee", "farmer"): a kind of person within three steps, and no word that ends bodies' or places' names.
 */
export const isPersonNoun = (word: string): boolean => /^\p{Ll}{3,}$/u.test(word) && !isOrgHead(word) && !isPlaceHead(word) && !lexiconTags(word).some((t) => t === 'Adjective' || t === 'Plural') && isKindOfPerson(word);
