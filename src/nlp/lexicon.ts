import { readLines, readWordList } from './word-lists.ts';

/**
 * General English word lists the build and the matcher share, read from `src/nlp/words/*.txt`
 * (plain words, one entry a line; forms and stems are worked out where they are used). Nothing
 * here is about one article: these are words of news English at large.
 */

const set = (name: string): ReadonlySet<string> => new Set(readWordList(name));

/** Function words ignored when matching. */
export const STOP_WORDS: ReadonlySet<string> = set('stop-words');

/** Words that frame a question rather than carry its content ("What does the article say about …"). */
export const QUESTION_FRAME_WORDS: ReadonlySet<string> = set('question-frame-words');

/** Groups of words that mean nearly the same in news writing; WordNet adds the rest. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = readLines('synonyms');

/** Word pairs that contradict each other; WordNet adds its own antonyms. */
export const ANTONYM_PAIRS: readonly (readonly [string, string])[] = readLines('antonyms').map(([a = '', b = '']) => [a, b] as const);

/** Unit symbols written after a figure, with the words they stand for: "565 °C" says "degrees Celsius". */
export const UNIT_SYMBOLS: ReadonlyMap<string, string> = new Map(readLines('unit-symbols').map(([symbol = '', ...words]) => [symbol, words.join(' ')]));

/** Prepositions that can end a question ("What is France a region of?"). */
export const PREPOSITIONS: ReadonlySet<string> = set('prepositions');

/** Words that negate the clause they stand in. */
export const NEGATION_WORDS: ReadonlySet<string> = set('negation-words');

const auxiliaries = new Map(readLines('auxiliaries').map(([kind = '', ...forms]) => [kind, forms]));
/** Forms of "be". */
export const BE_FORMS: readonly string[] = auxiliaries.get('be') ?? [];
/** Forms of "have". */
export const HAVE_FORMS: readonly string[] = auxiliaries.get('have') ?? [];
/** Forms of "do". */
export const DO_FORMS: readonly string[] = auxiliaries.get('do') ?? [];
/** The modal verbs. */
export const MODALS: readonly string[] = auxiliaries.get('modal') ?? [];
/** Every auxiliary verb form. */
export const AUXILIARY_VERBS: ReadonlySet<string> = new Set([...BE_FORMS, ...HAVE_FORMS, ...DO_FORMS, ...MODALS]);

/** Lower-case words that stand inside names ("Rio de Janeiro", "Robert of Jumièges"). */
export const NAME_PARTICLES: ReadonlySet<string> = set('name-particles');

/** Phrases that say something is not known or not disclosed. */
export const UNKNOWN_CUE_RE =
  /\b(?:undisclosed|unknown|unclear|unconfirmed|unspecified|not (?:been |yet )?(?:disclosed|known|revealed|specified|made public|released|clear)|did not (?:say|specify|disclose|reveal)|declined to (?:say|specify|disclose|comment|reveal)|(?:remains?|remained) (?:a )?(?:secret|mystery))\b/i;

/** Month and weekday names, full and abbreviated. */
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

/** A month or weekday name ("January", "Monday"): capitalised, but a time, not a place or person. */
export const CALENDAR_WORD_RE = new RegExp(`^(?:${MONTHS}|${WEEKDAYS})$`);

const MONTH_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan)$/;
/** Words that put a month in time ("in May", "since June", "last April"), not in a name. */
const BEFORE_TIME = /(?:^|\s)(?:in|on|at|since|until|till|by|from|to|through|last|next|this|early|late|mid|of|during|before|after|between|every|each|the|a|an)\s+$/i;
const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]+$/u;
const NOT_NAME = new Set(['In', 'On', 'At', 'Since', 'Until', 'By', 'From', 'To', 'Through', 'During', 'Before', 'After', 'Between', 'Every', 'Each', 'The', 'A', 'An', 'And', 'Or', 'But', 'Last', 'Next', 'This', 'Early', 'Late', 'Mid', 'Of', 'For', 'With', 'When', 'Then', 'Also', 'Not']);

/**
 * Whether a month word between `before` and `after` is a person's name ("Jan Kowalski", "April
 * Ross", "Theresa May"): next to a capitalised word that is not itself a time, and not after a
 * word that places it in time ("in May", "since June"). A month before a number stays a month ("Jan 5").
 */
export function monthReadsAsName(before: string, word: string, after: string): boolean {
  if (!MONTH_WORD.test(word) || BEFORE_TIME.test(before)) return false;
  const next = /^\s(\S+)/.exec(after)?.[1]?.replace(/[,.;:!?'’s]*$/, '') ?? '';
  const previous = /(\S+)\s$/.exec(before)?.[1] ?? '';
  const nameBeside = (w: string): boolean => CAPITALISED.test(w) && !CALENDAR_WORD_RE.test(w) && !NOT_NAME.has(w);
  return nameBeside(next) || nameBeside(previous);
}

/** Cues that a sentence gives a cause or purpose. */
export const REASON_RE = /\b(?:because|due to|owing to|as a result|in order to|so that|since|thanks to|caused by|reason|aimed at|for use in|to (?:target|protect|prevent|avoid|support|help|counter|ensure|secure|gain|strike))\b/i;

/** Nouns naming what a sentence says is unknown, by aspect ("how many" written "how_many"). */
export const UNKNOWN_ASPECT_WORDS: Readonly<Record<'quantity' | 'time' | 'place' | 'identity' | 'reason', readonly string[]>> = Object.fromEntries(
  readLines('unknown-aspects').map(([aspect = '', ...words]) => [aspect, words.map((w) => w.replace(/_/g, ' '))]),
) as unknown as Record<'quantity' | 'time' | 'place' | 'identity' | 'reason', readonly string[]>;

/** Words that grade or hedge rather than name ("main", "typical"); -ly adverbs are recognised by form too. */
export const MODIFIER_WORDS: ReadonlySet<string> = set('modifier-words');

/** Ordinals and superlatives without the -est ending: each picks one of many. */
export const SELECTIVE_WORDS: ReadonlySet<string> = set('selective-words');

/** Words in -est (six letters or more) that are not superlatives. */
export const NOT_SUPERLATIVES: ReadonlySet<string> = set('not-superlatives');

/** Words in -ly that are not adverbs (nouns, verbs, names of months). */
export const NOT_ADVERBS: ReadonlySet<string> = set('not-adverbs');

/** Prefixes that negate a word ("impossible", "unequal", "nonlinear", "disagree"). */
export const NEGATING_PREFIXES: readonly string[] = readWordList('negating-prefixes');

/** Irregular English verb forms and their base form ("began" → "begin"), which the Porter stemmer cannot join. */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(readLines('irregular-verbs').map(([form = '', base = '']) => [form, base]));
