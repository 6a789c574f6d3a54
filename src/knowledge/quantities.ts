import nlp from 'compromise';
import { inLexicon, lexiconTags } from '../nlp/name-lexicon.ts';
import { isStopWord, tokenize, type Token } from '../nlp/text.ts';
import { readNamePairs, TITLE_WORDS, UNITS } from '../nlp/word-lists.ts';
import { UNIT_SYMBOLS } from '../nlp/lexicon.ts';
import { isKindOfPerson, isMonetaryUnit } from '../nlp/wordnet.ts';

/** A quantity as the build finds it in a sentence. */
export interface QuantityDraft {
  /** The figure with its unit and counted noun, as written ("46 sailors", "6.5 percent"). */
  text: string;
  value?: number;
  /** The unit it is measured in ("percent", "kilometers an hour", "euros"). */
  unit?: string;
  /** What it counts or measures ("sailors", "winds", "consumer prices"). */
  counts?: string;
  /** "more than", "about", "nearly", "as many as", "at least": the figure is not exact. */
  approximate?: boolean;
  start: number;
  end: number;
}

/** Currency signs and letters before a figure, with the unit they name; `currency-symbols.txt`. */
const CURRENCY: ReadonlyMap<string, string> = new Map(readNamePairs('currency-symbols'));
const escapeRe = (x: string): string => x.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
const bySignLength = (signs: string[]): string => signs.sort((a, b) => b.length - a.length).map(escapeRe).join('|');
/** Signs with a mark ("$", "€", "C$"): money wherever they stand before a figure. */
const SIGN = `(?:${bySignLength([...CURRENCY.keys()].filter((k) => !/^\p{L}+$/u.test(k)))})`;
/** Signs of letters only ("R", "KSh"): money only before a figure with a scale word or cents. */
const LETTER_SIGN_RE = new RegExp(`(?:^|[\\s(])(${bySignLength([...CURRENCY.keys()].filter((k) => /^\p{L}+$/u.test(k)))})$`, 'u');
const SIGN_RE = new RegExp(`^${SIGN}`, 'u');
/** A figure in digits, its sign and its scale word ("€90 million", "5.2-billion"). */
const DIGITS_RE = new RegExp(`^(?:${bySignLength([...CURRENCY.keys()])})?([\\d,]+(?:\\.\\d+)?)(?:(?:\\s+|-)(\\w+))?$`, 'u');

const SMALL = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SCALE = 'hundred|thousand|million|billion|trillion';
const WORD = `(?:${SMALL}|${TENS}|${SCALE}|dozen|a|an|and|half)`;
const ORDINAL = 'second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|hundredth';
const FRACTION = `(?:one|two|three|four|five|six|seven|eight|nine|a)[- ](?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?|hundredths?|thousandths?)(?=\\s+of\\b|[,.;]|\\s*$|\\s+(?:the|a|an|his|her|its|their)\\b|\\s+(?:more|higher|lower|less|fewer|larger|smaller|bigger|cheaper|in|since|from|over)\\b)`;

/**
 * Figures in a sentence: digits (with digit groups, decimals, "million"), currency signs,
 * spelled-out numbers ("two hundred eighty-five", "half a million"), fractions ("two-thirds"),
 * vague counts of a scale ("hundreds of thousands"; not a bare "dozens"), scores ("1-0"), and ordinals that count
 * ("a fourth title").
 */
const FIGURE_RE = new RegExp(
  [
    // digits, optionally with a currency sign before and a scale word after
    `(?:minus\\s+|(?<![A-Za-z0-9])-)?${SIGN}?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?:(?:\\s+|-)(?:${SCALE})\\b)?`,
    `(?:minus\\s+|(?<![A-Za-z0-9])-)?${SIGN}?\\d+(?:\\.\\d+)?(?:(?:\\s+|-)(?:${SCALE})\\b)?`,
    // ratios: "one in five", "1 in 10"
    `\\b(?:${SMALL}|\\d+) in (?:${SMALL}|${TENS}|a hundred|a thousand|\\d+(?:,\\d{3})*)\\b`,
    // fractions
    `\\b${FRACTION}\\b`,
    // "twice a day", "twice as fast"
    `\\btwice\\b`,
    // spelled-out numbers
    `\\b(?:${SMALL}|${TENS}|half|a (?:hundred|thousand|million|billion|dozen))(?:[- ](?:${WORD}|${SMALL}|${TENS}))*\\b`,
    // vague counts of a scale ("hundreds of thousands", "tens of millions"). A bare "dozens" or "hundreds" says only
    // "many": readers (and the hand annotations written without seeing the build) do not take it for a count.
    `\\b(?:hundreds|thousands|millions|billions|dozens|scores|tens) of (?:thousands|millions|billions)\\b`,
    // ordinals that count things ("a fourth title", "the fifth person")
    `\\b(?:${ORDINAL})\\b`,
  ].join('|'),
  'gi',
);

/** After a figure, "of (the, its, the ship's) nine" or "of 40": the whole the figure is a part of. */
const PART_OF_RE = new RegExp(`^\\s+of\\s+(?:(?:the|its|his|her|their|our|\\p{L}+['’]s)\\s+){0,2}(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:${TENS})(?:-(?:${SMALL}))?|${SMALL})\\b(?![-.,]?\\d)`, 'iu');

const APPROXIMATE_RE = /(?:\b(?:about|around|approximately|roughly|nearly|almost|some|over|more than|less than|fewer than|up to|at least|at most|as many as|as much as|an estimated|estimated|close to|upwards of)\s+)$/i;
const SCALE_VALUE: Readonly<Record<string, number>> = { hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const VAGUE_VALUE: Readonly<Record<string, number>> = { hundreds: 100, thousands: 1000, millions: 1e6, billions: 1e9, dozens: 12, scores: 20, tens: 10 };

const wordValues = new Map<string, number | undefined>();

/** The value of a spelled-out number, by compromise ("two hundred eighty-five" → 285). Memoised. */
function wordValue(text: string): number | undefined {
  const key = text.toLowerCase();
  if (wordValues.has(key)) return wordValues.get(key);
  const values = nlp(key).numbers().get() as unknown[];
  const value = values.length === 1 && typeof values[0] === 'number' && values[0] > 0 ? values[0] : undefined;
  if (wordValues.size < 10_000) wordValues.set(key, value);
  return value;
}

const DENOMINATORS: Readonly<Record<string, number>> = { half: 2, halve: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, eighth: 8, tenth: 10, hundredth: 100, thousandth: 1000 };

/** "two-thirds", "a quarter", "a tenth": the numerator's value over the denominator's ("a" is one). compromise misses some ("a quarter"). */
function fractionValue(text: string): number | undefined {
  const parts = /^(\w+)[- ](\w+?)s?$/.exec(text.toLowerCase());
  const denominator = parts ? DENOMINATORS[parts[2] as string] : undefined;
  const numerator = parts ? (parts[1] === 'a' ? 1 : wordValue(parts[1] as string)) : undefined;
  if (numerator !== undefined && denominator !== undefined) return Math.round((numerator / denominator) * 1000) / 1000;
  const f = nlp(text.toLowerCase()).fractions().json()[0] as { fraction?: { decimal?: number } } | undefined;
  return f?.fraction?.decimal;
}

const RATIO_RE = /^(\w+) in ([\w ,]+)$/i;

function valueOf(figure: string): number | undefined {
  if (new RegExp(`^${FRACTION}$`, 'i').test(figure)) return fractionValue(figure);
  const ratio = RATIO_RE.exec(figure);
  if (ratio) {
    const [a, b] = [ratio[1] as string, ratio[2] as string].map((x) => (/^\d/.test(x) ? Number(x.replace(/,/g, '')) : wordValue(x)));
    return a !== undefined && b !== undefined && b > 0 ? Math.round((a / b) * 1000) / 1000 : undefined;
  }
  const negative = /^(?:minus\s+|-)/i.exec(figure);
  if (negative) {
    const v = valueOf(figure.slice(negative[0].length));
    return v === undefined ? undefined : -v;
  }
  // ("5.2-billion-kilometre": the scale word may be joined by a hyphen.)
  const digits = DIGITS_RE.exec(figure);
  if (digits) {
    const n = Number((digits[1] as string).replace(/,/g, ''));
    const scale = digits[2] ? SCALE_VALUE[digits[2].toLowerCase()] : 1;
    return Number.isFinite(n) && scale !== undefined ? n * scale : undefined;
  }
  // "a dozen", "two dozen": compromise reads neither.
  const dozens = /^(half a|\w+)[- ]dozen$/i.exec(figure);
  if (dozens) {
    const word = (dozens[1] as string).toLowerCase();
    const n = word === 'a' ? 1 : word === 'half a' ? 0.5 : wordValue(word);
    return n === undefined ? undefined : n * 12;
  }
  const vague = /^(\w+)(?: of (\w+))?$/.exec(figure.toLowerCase());
  if (vague && VAGUE_VALUE[vague[1] as string] !== undefined) return (VAGUE_VALUE[vague[1] as string] as number) * (vague[2] ? (VAGUE_VALUE[vague[2]] ?? 1) : 1);
  return wordValue(figure);
}

/** Temperature scales, from the symbols' file ("°c degrees Celsius" → "celsius"). */
const TEMPERATURE_SCALES: ReadonlySet<string> = new Set([...UNIT_SYMBOLS].filter(([symbol]) => symbol.startsWith('°')).map(([, words]) => words.split(/\s+/).pop()?.toLowerCase() ?? ''));

/** A unit after the figure: one word of the unit list, with "an hour"/"per day"/"a year" after it. */
function unitAfter(text: string, tokens: readonly Token[], k: number): { unit: string; next: number } | undefined {
  const t = tokens[k];
  if (!t) return undefined;
  // (A currency no list names, "1.2 million lari", "50,000 bolivianos", is a unit of money by WordNet's gloss; not a
  // word the lexicon knows as a verb, "won".)
  const entry = UNITS.get(t.norm) ?? (t.norm === 'per' && tokens[k + 1]?.norm === 'cent' ? UNITS.get('percent') : undefined) ?? (/^\p{Ll}/u.test(t.raw) && isCurrencyWord(t.norm) ? { unit: t.norm, kind: 'money' } : undefined);
  if (!entry) return undefined;
  let next = t.norm === 'per' ? k + 2 : k + 1;
  // "square miles", "square kilometers": an area.
  if (t.norm === 'square' && UNITS.get(tokens[next]?.norm ?? '')?.kind === 'distance') next++;
  // "degrees Celsius": the scale the symbols' file names ("°c degrees Celsius") is part of the unit.
  if (/^degrees?$/.test(t.norm) && TEMPERATURE_SCALES.has(tokens[next]?.norm ?? '')) next++;
  let end = (tokens[next - 1] as Token).end;
  // "kilometers an hour", "barrels per day", "barrels of oil a day"
  let j = next;
  if (tokens[j]?.norm === 'of' && tokens[j + 1] && /^\p{Ll}/u.test((tokens[j + 1] as Token).raw) && (tokens[j + 2]?.norm === 'a' || tokens[j + 2]?.norm === 'per')) j += 2;
  if ((tokens[j]?.norm === 'a' || tokens[j]?.norm === 'an' || tokens[j]?.norm === 'per') && tokens[j + 1] && UNITS.get((tokens[j + 1] as Token).norm)?.kind === 'duration') {
    next = j + 2;
    end = (tokens[j + 1] as Token).end;
  }
  return { unit: text.slice(t.start, end), next };
}

const NOUNISH = new Set(['Noun', 'Singular', 'Plural', 'Uncountable', 'Actor', 'Demonym', 'ProperNoun', 'Unit', 'Currency']);
/**
 * Whether a lower-case word names a unit of money: the unit list's, or one WordNet defines so ("lari",
 * "kwacha") that is no word the lexicon knows as a verb or a function word ("won").
 */
export function isCurrencyWord(word: string): boolean {
  return UNITS.get(word)?.kind === 'money' || (isMonetaryUnit(word) && !lexiconTags(word).some((x) => VERBISH.has(x)));
}

const VERBISH = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Modal', 'Copula', 'Auxiliary', 'Preposition', 'Conjunction', 'Determiner', 'Adverb', 'Pronoun']);

/** Whether a lower-case word can be the head of the noun phrase a figure counts. */
function canBeNoun(t: Token): boolean {
  if (isStopWord(t.norm) || /^\d/.test(t.norm)) return false;
  const tags = lexiconTags(t.norm);
  if (tags.length === 0) return !inLexicon(t.norm);
  return tags.some((x) => NOUNISH.has(x)) || !tags.some((x) => VERBISH.has(x) || x === 'Adjective' || x === 'Comparative');
}

const isAdjective = (t: Token): boolean => lexiconTags(t.norm).some((x) => x === 'Adjective' || x === 'Comparative') || /^(?:more|other|new|additional|further|extra)$/.test(t.norm);

/**
 * The noun phrase right after index `k` that the figure counts: "46 sailors", "about 150 U.S.
 * companies", "of coastal villagers", "three of the newly discovered planets". Up to three
 * lower-case words, to a function word, a punctuation mark or a verb form in -ing/-ed; the
 * last is the head.
 */
function nounAfter(text: string, tokens: readonly Token[], k: number): { counts: string; end: number } | undefined {
  let j = k;
  const gap = (a: number): string => text.slice((tokens[a - 1] as Token | undefined)?.end ?? 0, (tokens[a] as Token).start);
  if (tokens[j]?.norm === 'of' && !/[,;]/.test(gap(j))) {
    j++;
    if (tokens[j]?.norm === 'the' || tokens[j]?.norm === 'these' || tokens[j]?.norm === 'those') j++;
  }
  const words: Token[] = [];
  for (; j < tokens.length && words.length < 3; j++) {
    const t = tokens[j] as Token;
    if ((j > k || k > 0) && /[,;:()"“”.!?]/.test(gap(j))) break;
    if (/^\p{Lu}/u.test(t.raw)) {
      // "150 U.S. companies": a name before the noun modifies it; "twelve Americans": a plural name is counted.
      if (words.length === 0 && tokens[j + 1] && /^\p{Ll}/u.test((tokens[j + 1] as Token).raw) && !/[,;]/.test(gap(j + 1))) continue;
      if (words.length === 0 && /s$/.test(t.norm) && !t.compound) words.push(t);
      break;
    }
    // "Earth-sized", "would-be": a hyphenated modifier before the noun.
    if (t.compound && tokens[j + 1]?.compound && !/\s/.test(gap(j + 1))) continue;
    if (isStopWord(t.norm) || /^\d/.test(t.norm)) break;
    if (words.length > 0 && /(?:ing|ed)$/.test(t.norm) && !canBeNoun(t)) break;
    if (/ly$/.test(t.norm) && lexiconTags(t.norm).includes('Adverb')) {
      if (words.length > 0) break;
      continue;
    }
    const tags = lexiconTags(t.norm);
    // ("A crowd of 41,500 filled the stadium": a past form right after the figure is its verb, not what it counts.)
    // ("17 carved masks": not one before a noun.)
    if (words.length === 0 && j === k && tags.length > 0 && tags.every((x) => x === 'PastTense') && (tokens[j + 1] === undefined || isStopWord((tokens[j + 1] as Token).norm))) break;
    // ("$1.9 billion last year", "2.25 percent last week": when, not what is counted.)
    const when = /^(?:last|next|this|that|every|each|early|late|previous|coming)$/;
    if (tags.includes('Duration') && j > k && when.test((tokens[j - 1] as Token).norm)) {
      while (words.length > 0 && when.test((words[words.length - 1] as Token).norm)) words.pop();
      break;
    }
    // ("five years ago", "the 40 fans today": a word of time is no noun the figure counts.)
    if (tags.some((x) => x === 'Preposition' || x === 'Conjunction' || x === 'Determiner' || x === 'Pronoun' || x === 'QuestionWord' || x === 'Date')) break;
    if (words.length > 0 && tags.some((x) => x === 'PastTense' || x === 'Gerund' || x === 'Modal' || x === 'Copula')) break;
    words.push(t);
  }
  while (words.length > 0 && isAdjective(words[words.length - 1] as Token) && !canBeNoun(words[words.length - 1] as Token)) words.pop();
  const head = words[words.length - 1];
  if (!head) return undefined;
  const first = words.find((w) => !isAdjective(w) || w === head) ?? head;
  return { counts: text.slice(first.start, head.end), end: head.end };
}

/** "winds of up to 240 …", "a crowd of about 75,000": the noun before "of" that the figure measures. */
function nounBeforeOf(text: string, tokens: readonly Token[], k: number): string | undefined {
  let j = k - 1;
  while (j >= 0 && /^(?:about|around|up|to|some|nearly|almost|over|more|than|least|at|an|estimated)$/.test((tokens[j] as Token).norm)) j--;
  if (tokens[j]?.norm !== 'of') return undefined;
  const noun = tokens[j - 1];
  // ("a fine of $250,000": after an article, a word the lexicon knows as an adjective is the noun; "a prize fund of",
  // "a rise of": before "of", a verb's base form is a noun.)
  const article = /^(?:a|an|the|its|their|his|her)$/.test(tokens[j - 2]?.norm ?? '');
  const baseForm = noun !== undefined && lexiconTags(noun.norm).includes('Infinitive') && !/(?:ed|ing)$/.test(noun.norm);
  return noun && (canBeNoun(noun) || article || baseForm) && !isStopWord(noun.norm) && /^\p{Ll}/u.test(noun.raw) ? noun.raw : undefined;
}

/** "consumer prices jumped 6.5 percent", "vegetables cost 22 percent more": the noun before the verb before the figure. */
function subjectBefore(text: string, tokens: readonly Token[], k: number): string | undefined {
  let j = k - 1;
  while (j >= 0 && /^(?:by|about|around|nearly|almost|more|than|some|over|up|to|a|an|only|just|roughly)$/.test((tokens[j] as Token).norm)) j--;
  const verb = tokens[j];
  const noun = tokens[j - 1];
  const verbish = verb !== undefined && !UNITS.has(verb.norm) && (/ed$/.test(verb.norm) || lexiconTags(verb.norm).some((x) => x === 'PastTense' || x === 'PresentTense' || x === 'Infinitive'));
  // ("shares fell 4.2 percent": before a past form, a word in -s the lexicon knows as a verb is the plural subject.)
  const pluralSubject = noun !== undefined && /[^s]s$/.test(noun.norm) && verb !== undefined && (/ed$/.test(verb.norm) || lexiconTags(verb.norm).includes('PastTense'));
  if (!verb || !noun || !verbish || isStopWord(verb.norm) || !(canBeNoun(noun) || pluralSubject) || /^\p{Lu}/u.test(noun.raw) || /[,;:]/.test(text.slice(noun.end, verb.start))) return undefined;
  const modifier = tokens[j - 2];
  const from = modifier && canBeNoun(modifier) && /^\p{Ll}/u.test(modifier.raw) && !/[,;:]/.test(text.slice(modifier.end, noun.start)) ? modifier : noun;
  return text.slice(from.start, noun.end);
}

/**
 * Finds the quantities of a sentence, each with its value, unit and the thing it counts.
 * Spans already taken by dates (years, "6:15 a.m."), and figures inside names ("TRAPPIST-1",
 * "COVID-19"), are not quantities.
 */
export function findQuantities(text: string, taken: readonly (readonly [number, number])[] = []): QuantityDraft[] {
  const out: QuantityDraft[] = [];
  const tokens = tokenize(text);
  const tokenAt = (offset: number): number => tokens.findIndex((t) => t.start <= offset && offset < t.end);
  let consumed = 0;
  for (const m of text.matchAll(FIGURE_RE)) {
    let figure = m[0].replace(/[\s-]+(?:and|a|an)$/i, '').trim();
    let start = m.index;
    let end = start + figure.length;
    // "A380", "F16": letters and digits are a code, not a figure. (But "R7 billion", "R112.60": one letter before
    // a figure with a scale word or with cents is a currency's symbol.)
    // (The letters must be a currency's, from the word file: "G7 billion-dollar" is no rand.)
    const scaled = /^\d/.test(figure) && /\s(?:million|billion|trillion)$/i.test(figure);
    const letters = /^\d/.test(figure) && (scaled || /\.\d{2}$/.test(figure)) ? LETTER_SIGN_RE.exec(text.slice(Math.max(0, start - 4), start))?.[1] : undefined;
    // ("N40 billion", "E12 million": one capital that is no currency's sign, before a figure with a scale word, leaves a
    // figure with no unit; after "the", "the B52", or before "-dollar", "G7 billion-dollar", it is a name.)
    const loneCapital = scaled && /(?:^|[\s(])\p{Lu}$/u.test(text.slice(Math.max(0, start - 2), start)) && !/\b(?:the|a|an|this|that|its|their)\s+\p{Lu}$/iu.test(text.slice(Math.max(0, start - 8), start)) && !/^-/.test(text.slice(end));
    if (/[A-Za-z]$/.test(text.slice(Math.max(0, start - 1), start)) && /^\d/.test(figure) && !letters && !loneCapital) continue;
    // ("R7 billion" is stored with its "R".)
    if (letters) {
      start -= letters.length;
      figure = `${letters}${figure}`;
    }
    // A date may be a length of time ("over the past two weeks", "the last 17 minutes"): the figure with its unit of
    // time is a quantity as well. ("five years ago" is a point in time, not a length.)
    const lengthOfTime = /\b(?:past|last|previous|first|final|next|coming)\s+$/i.test(text.slice(Math.max(0, start - 10), start)) && UNITS.get(/^\s+(\p{L}+)/u.exec(text.slice(end))?.[1]?.toLowerCase() ?? '')?.kind === 'duration' && !/^\s+\p{L}+\s+ago\b/u.test(text.slice(end));
    if (start < consumed || (!lengthOfTime && taken.some(([a, b]) => start < b && end > a))) continue;
    // "4G", "5G towers", "3D": a digit with a capital letter on it names a kind of thing, not a count.
    // ("42C" is a temperature: a letter that is a unit's symbol stays a measure.)
    const letter = /^(\p{Lu})\b/u.exec(text.slice(end))?.[1]?.toLowerCase();
    if (/^\d+$/.test(figure) && letter !== undefined && !UNIT_SYMBOLS.has(letter) && !UNIT_SYMBOLS.has(`°${letter}`)) continue;
    // "asteroid 2019 RK7", "1998 KY26": digits that open a designation.
    if (/^\d+$/.test(figure) && /^\s+\p{Lu}{1,3}\d/u.test(text.slice(end))) continue;
    const before = text.slice(Math.max(0, start - 2), start);
    // Part of a name or code: "TRAPPIST-1", "COVID-19", "F-16", "Ariane 6", "AeroChef 5".
    if (/\p{L}-$/u.test(before) || /^-\p{Lu}/u.test(text.slice(end, end + 2))) continue;
    const nameBefore = /(\p{Lu}[\p{L}]*)\s$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
    // (but "beat FC Rheinstadt 3-1": a score after a team's name)
    if (nameBefore && /^\d{1,3}$/.test(figure) && !/^[-–]\d{1,2}\b/.test(text.slice(end)) && !inLexicon(nameBefore.toLowerCase()) && !/^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(nameBefore)) continue;
    // "3:31.10": the seconds of a race time.
    if (/\d[:.]$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (/^\d/.test(figure) && /^[:.]\d/.test(text.slice(end, end + 2))) continue;
    const lower = figure.toLowerCase();
    // "one" alone is usually a pronoun ("one of the districts", "the one by Spain"); "a"/"an" alone is an article.
    // "about half", "fewer than half of the homes": half of something is a share.
    if (lower === 'half' && !/\b(?:first|second|the|this|that|last|next)\s+$/i.test(text.slice(0, start)) && (/^\s+of\b/.test(text.slice(end)) || APPROXIMATE_RE.test(text.slice(0, start)))) {
      out.push({ text: figure, value: 0.5, ...(APPROXIMATE_RE.test(text.slice(0, start)) ? { approximate: true } : {}), start, end });
      consumed = end;
      continue;
    }
    // "half a percentage point", "half an hour": half of one unit or thing.
    const halfOne = lower === 'half' && !/\b(?:first|second|the|this|that|last|next)\s+$/i.test(text.slice(0, start)) ? /^\s+an?\s+(?=\p{Ll})/u.exec(text.slice(end)) : null;
    if (halfOne) {
      const k = tokenAt(end + halfOne[0].length);
      const u = unitAfter(text, tokens, k);
      const noun = u ? undefined : nounAfter(text, tokens, k);
      const halfEnd = u ? (tokens[u.next - 1] as Token).end : noun?.end;
      if (halfEnd !== undefined) {
        out.push({ text: text.slice(start, halfEnd), value: 0.5, ...(u ? { unit: u.unit } : {}), ...(noun ? { counts: noun.counts } : {}), ...(APPROXIMATE_RE.test(text.slice(0, start)) ? { approximate: true } : {}), start, end: halfEnd });
        consumed = halfEnd;
        continue;
      }
    }
    // "twice a day", "about twice as fast": two times.
    if (lower === 'twice') {
      out.push({ text: figure, value: 2, ...(APPROXIMATE_RE.test(text.slice(0, start)) ? { approximate: true } : {}), start, end });
      consumed = end;
      continue;
    }
    if (/^(?:a|an|one|half)$/.test(lower) && !/^\s+(?:more|additional|further|extra)\b/.test(text.slice(end))) {
      // ("one by one", "not one drop": an idiom and a denial, not a count of one.)
      if (lower !== 'one' || /^\s*(?:of|by|another|that|who|which)\b/i.test(text.slice(end)) || /\b(?:the|this|that|no|not|one\s+by)\s+$/i.test(text.slice(0, start))) continue;
    }
    // A score: "1-0", "7-1".
    const score = /^\d{1,2}$/.test(figure) ? /^[-–]\d{1,2}\b/.exec(text.slice(end)) : null;
    if (score) {
      end += score[0].length;
      figure = text.slice(start, end);
      const k = tokenAt(end - 1);
      const noun = nounAfter(text, tokens, k + 1);
      out.push({ text: noun ? text.slice(start, noun.end) : figure, value: Number(figure.split(/[-–]/)[0]), unit: 'score', counts: noun?.counts ?? 'score', start, end: noun?.end ?? end });
      consumed = noun?.end ?? end;
      continue;
    }
    const ordinal = new RegExp(`^(?:${ORDINAL})$`, 'i').test(figure);
    const k = tokenAt(end - 1);
    if (k < 0) continue;
    const value = valueOf(figure);
    const currency = letters ?? SIGN_RE.exec(figure)?.[0];
    let unit: string | undefined = currency ? CURRENCY.get(currency) : undefined;
    let next = k + 1;
    let phraseEnd = end;
    if (/^\s*%/.test(text.slice(end))) {
      unit = 'percent';
      phraseEnd = end + (text.slice(end).indexOf('%') + 1);
    } else if (!unit) {
      const u = unitAfter(text, tokens, next);
      if (u) {
        unit = u.unit;
        next = u.next;
        phraseEnd = (tokens[next - 1] as Token).end;
      }
    }
    // "6.1-magnitude": a measure written as a compound.
    const compoundUnit = /^-(\p{L}+)/u.exec(text.slice(end));
    if (!unit && compoundUnit && UNITS.has((compoundUnit[1] as string).toLowerCase())) {
      unit = (compoundUnit[1] as string).toLowerCase();
      phraseEnd = end + compoundUnit[0].length;
      next = tokenAt(phraseEnd - 1) + 1;
    }
    // "Villacruz, 52," "a 41-year-old miner", "is thirty-six.": an age.
    // ("the prime minister, 57,", "the driver, 45,": a word for a person, a title or one WordNet makes a kind of person.)
    const personBefore = /(\p{Ll}+),\s$/u.exec(text.slice(Math.max(0, start - 25), start))?.[1];
    // (A kind of person by WordNet that is also a word for one by its ending, "driver", "farmer", "guitarist": WordNet
    // makes "figure", "company" and "team" kinds of person too.)
    const ageOfPerson = personBefore !== undefined && /^,/.test(text.slice(end)) && (TITLE_WORDS.has(personBefore) || (/(?:er|or|ist|ian|ant|ent|man|woman|ee)$/.test(personBefore) && isKindOfPerson(personBefore)));
    const age = /^-year-old\b/.test(text.slice(end)) || ageOfPerson || (/\p{Lu}[\p{L}.]*,\s$/u.test(text.slice(Math.max(0, start - 25), start)) && /^,/.test(text.slice(end))) || (/\b(?:is|was|aged)\s$/.test(text.slice(Math.max(0, start - 6), start)) && /^\s*[.,;]/.test(text.slice(end)));
    if (age && value !== undefined && value < 130) {
      const ageEnd = /^-year-old/.test(text.slice(end)) ? end + '-year-old'.length : end;
      out.push({ text: text.slice(start, ageEnd), value, unit: 'years', counts: 'age', start, end: ageEnd });
      consumed = ageEnd;
      continue;
    }
    // "five of seven counts", "two of the ship's nine engines": a part of a whole that is counted too. The part
    // counts the whole's noun and ends at itself, so the whole is read as a figure of its own.
    const whole = unit ? null : PART_OF_RE.exec(text.slice(end));
    const after = whole ? nounAfter(text, tokens, tokenAt(end + whole[0].length - 1) + 1) : nounAfter(text, tokens, next);
    if (whole && after) {
      out.push({ text: figure, ...(value !== undefined ? { value } : {}), counts: after.counts, ...(APPROXIMATE_RE.test(text.slice(0, start)) ? { approximate: true } : {}), start, end });
      consumed = end;
      continue;
    }
    // "€2 million in humanitarian aid", "$40 million in damages": what a sum is paid in.
    const money = currency !== undefined || (unit !== undefined && (UNITS.get(unit.split(/\s/)[0]?.toLowerCase() ?? '')?.kind === 'money' || isMonetaryUnit(unit.toLowerCase())));
    // (A lower-case noun: "$40 million in Series B funding" names a round, not what it is paid in.)
    const paidIn = !after && money && tokens[next]?.norm === 'in' && /^\p{Ll}/u.test(tokens[next + 1]?.raw ?? '') && !/[,;:()]/.test(text.slice((tokens[next - 1] as Token).end, (tokens[next] as Token).start)) ? nounAfter(text, tokens, next + 1) : undefined;
    let counts = after?.counts ?? paidIn?.counts;
    if (after) phraseEnd = after.end;
    // (The figure's first token: a currency sign before it is no token, "$250,000".)
    const first = tokens.findIndex((t) => t.end > start);
    if (!counts && unit) counts = nounBeforeOf(text, tokens, first) ?? subjectBefore(text, tokens, first);
    if (!counts && !unit) counts = nounBeforeOf(text, tokens, first);
    // "for four days", "within 48 hours": a unit of time with nothing counted measures a length of time.
    if (!counts && unit !== undefined && UNITS.get(unit.split(/\s/)[0]?.toLowerCase() ?? '')?.kind === 'duration' && !/^\s+ago\b/i.test(text.slice(phraseEnd))) counts = 'duration';
    // An ordinal counts only with the thing it counts ("a fourth title"), not as a date or a rank alone.
    if (ordinal && !after) continue;
    const approximate = APPROXIMATE_RE.test(text.slice(0, start)) || /^(?:hundreds|thousands|millions|billions|dozens|scores|tens)/i.test(figure);
    out.push({
      text: text.slice(start, phraseEnd),
      ...(value !== undefined ? { value } : {}),
      ...(unit ? { unit } : {}),
      ...(counts ? { counts } : {}),
      ...(approximate ? { approximate } : {}),
      start,
      end: phraseEnd,
    });
    consumed = phraseEnd;
  }
  // "265 million euros ($288 million)": a sum converted in brackets measures what the sum before it does.
  for (let i = 1; i < out.length; i++) {
    const [prev, cur] = [out[i - 1] as QuantityDraft, out[i] as QuantityDraft];
    if (!cur.counts && prev.counts && /^\s*\(\s*(?:about|around|roughly|some|nearly|almost|approximately|or)?\s*$/i.test(text.slice(prev.end, cur.start))) cur.counts = prev.counts;
  }
  // A span between two years is a length of time: "from 1870 to 1939", "between 1922 and 1926".
  for (const m of text.matchAll(YEAR_SPAN_RE)) out.push({ text: m[0], value: Number(m[2]) - Number(m[1]), unit: 'years', counts: 'duration', start: m.index, end: m.index + m[0].length });
  return out;
}

const YEAR_SPAN_RE = /\b(?:from|between)\s+(1[0-9]\d{2}|20\d{2})\s+(?:to|until|till|and)\s+(1[0-9]\d{2}|20\d{2})\b/gi;
