import { stemmer } from 'stemmer';
import { pluralOf, readWordList } from './word-lists.ts';
import { BE_FORMS, DO_FORMS, HAVE_FORMS, IRREGULAR_VERBS, MODALS, MODIFIER_WORDS, NAME_PARTICLES, NEGATION_WORDS, NOT_ADVERBS, NOT_SUPERLATIVES, SELECTIVE_WORDS, STOP_WORDS } from './lexicon.ts';

/** A word of a text, with where it stands and its normal forms. */
export interface Token {
  /** As written. */
  raw: string;
  /** Lower-cased, accents folded, dots and possessive `'s` removed, digit groups joined ("1,300" → "1300"). */
  norm: string;
  /** Porter stem of `norm` (numbers are kept whole). */
  stem: string;
  /** Offset of the first character in the text. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** Part of a hyphenated compound ("range" in "short-range"). */
  compound: boolean;
}

// Dotted acronyms (U.S., D.C.), then words with inner apostrophes/hyphen parts kept apart,
// then numbers with digit groups or decimals, then ordinals (10th).
const TOKEN_RE = /\p{L}(?:\.\p{L})+\.?|\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)?/gu;

/** Folds case and accents, so "Zelenskyy", "ZELENSKYY" and "Zélenskyy" compare equal. */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The key that makes two spellings of a name one: folded case, no leading "the", no dots or apostrophes. */
export function nameKey(name: string): string {
  return foldCase(name).replace(/^the\s+/, '').replace(/[.’']/g, '').trim();
}

/** Words that negate the verb after their "to": "refused to sign", "failed to reach", "the refusal to allow", "unable to see". */
const NEGATING_TO_RE = /^(?:refus(?:e|es|ed|ing|al)|fail(?:s|ed|ing|ure)?|unable)$/;

/** True when the token negates: "not", "never", "-n't", or "refused"/"failed"/"unable" before `next` "to". */
export function isNegation(t: Token, next?: Token): boolean {
  return NEGATION_WORDS.has(t.norm) || /n['’]t$/i.test(t.raw) || (next?.norm === 'to' && NEGATING_TO_RE.test(t.norm));
}

/** True when token `i` negates what follows and no other negation cancels it ("did not fail to open" opened). */
function negatesAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!isNegation(t, tokens[i + 1])) return false;
  if (NEGATING_TO_RE.test(t.norm) && i > 0 && isNegation(tokens[i - 1] as Token)) return false;
  return !(NEGATING_TO_RE.test(tokens[i + 1]?.norm ?? '') && isNegation(tokens[i + 1] as Token, tokens[i + 2]));
}

/** True when punctuation that ends a clause or opens an aside (, ; : ( ) [ ]) stands between two tokens. */
export function breaksClause(text: string, before: Token, after: Token): boolean {
  return /[,;:()[\]]/.test(text.slice(before.end, after.start));
}

/** True when the tokens hold a negation ("not", "never", "isn't", "refused to") that another does not cancel. */
export function isNegated(tokens: readonly Token[]): boolean {
  return tokens.some((_, i) => negatesAt(tokens, i));
}


/**
 * Pairs of capitalised words that stand next to each other (or across one joiner: "Edict of
 * Nantes") as "stem stem" keys: the parts of multi-word names. With `skipFirst`, the text's
 * first word is not taken for a name (a question's "Where …").
 */
export function namePairs(text: string, tokens: readonly Token[], skipFirst: boolean, exclude?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const isName = (k: number): boolean => {
    const t = tokens[k];
    return t !== undefined && !(skipFirst && k === 0) && /^\p{Lu}/u.test(t.raw) && !isStopWord(t.norm) && !(exclude?.has(t.norm) ?? false);
  };
  for (let k = 0; k < tokens.length; k++) {
    if (!isName(k)) continue;
    const gapOk = (a: number, b: number): boolean => !breaksClause(text, tokens[a] as Token, tokens[b] as Token);
    if (isName(k + 1) && gapOk(k, k + 1)) out.push(`${(tokens[k] as Token).stem} ${(tokens[k + 1] as Token).stem}`);
    else if (NAME_PARTICLES.has(tokens[k + 1]?.norm ?? '') && isName(k + 2) && gapOk(k, k + 2)) out.push(`${(tokens[k] as Token).stem} ${(tokens[k + 2] as Token).stem}`);
  }
  return out;
}

/**
 * True when token `k` is a Roman numeral after a capitalised word ("World War I", "Charles III"):
 * a number, even where it looks like the pronoun "I".
 */
export function isRomanNumeral(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && k > 0 && /^[IVX]{1,6}$/.test(t.raw) && /^\p{Lu}/u.test(tokens[k - 1]?.raw ?? '') && !isStopWord(tokens[k - 1]?.norm ?? '');
}

/**
 * True for an ordinal or superlative that picks one of many: "first", "last", "only", "best",
 * "largest", "earliest". Words in -est that are not superlatives ("interest", "forest") are not.
 */
export function isSelective(norm: string): boolean {
  if (SELECTIVE_WORDS.has(norm)) return true;
  return norm.length >= 6 && norm.endsWith('est') && !NOT_SUPERLATIVES.has(norm);
}

/** True for a degree word or an -ly adverb ("main", "largely"): it grades rather than names. */
export function isModifier(norm: string): boolean {
  return MODIFIER_WORDS.has(norm) || (norm.length >= 6 && norm.endsWith('ly') && !NOT_ADVERBS.has(norm));
}

/** Forms of "be" and "have". */
const BE_HAVE = [...BE_FORMS, ...HAVE_FORMS];
/** "do" and the modals: the verb after them stands in its base form. */
const DO_MODALS = [...DO_FORMS, ...MODALS];
/** Words a negated predicate follows ("is not", "would not", "to not"). */
const AUXILIARIES: ReadonlySet<string> = new Set([...BE_HAVE, ...DO_MODALS, 'to']);

/**
 * What a negation negates: the stems of the first `width` content words after each "not",
 * "never", "-n't" or "refused/failed to" (degree words skipped), up to the end of its clause.
 * "P is not strictly contained in PSPACE" → contain, pspace. Empty when nothing is negated. With
 * `predicateOnly`, only negations of a verb ("is not", "would not", "don't", "refused to") count.
 */
export function negationScope(text: string, tokens: readonly Token[], width: number, predicateOnly = false): Set<string> {
  const scope = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!negatesAt(tokens, i)) continue;
    if (predicateOnly && !/n['’]t$/i.test(t.raw) && !AUXILIARIES.has(tokens[i - 1]?.norm ?? '') && !NEGATING_TO_RE.test(t.norm)) continue;
    let taken = 0;
    for (let j = i + 1; j < tokens.length && taken < width; j++) {
      const t = tokens[j] as Token;
      if (breaksClause(text, tokens[j - 1] as Token, t)) break;
      if (isStopWord(t.norm) || isModifier(t.norm) || isNegation(t)) continue;
      scope.add(t.stem);
      taken++;
    }
  }
  return scope;
}

/** Splits text into word tokens with offsets; punctuation is dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    let norm = foldCase(raw).replace(/['’]s$/, '').replace(/['’]/g, '');
    if (/^\d/.test(norm)) norm = norm.replace(/,(?=\d{3})/g, '');
    else norm = norm.replace(/\./g, '');
    if (norm.length === 0) continue;
    const end = m.index + raw.length;
    const compound = /\p{L}-$/u.test(text.slice(Math.max(0, m.index - 2), m.index)) || /^-\p{L}/u.test(text.slice(end, end + 2));
    // After "to" or "did …", a past form is a verb of its own: "When did the monks found the abbey?"
    const own = IRREGULAR_VERBS.has(norm) && inBaseForm(tokens);
    tokens.push({ raw, norm, stem: own ? porterStem(norm) : stemWord(norm), start: m.index, end, compound });
  }
  return tokens;
}

/** Words after which a verb stands in its base form ("to found", "did the monks found"). */
const BASE_FORM_AFTER: ReadonlySet<string> = new Set([...DO_MODALS, 'to']);
/** Forms of "be" and "have": the verb after them is a participle ("was found", "had found"). */
const PARTICIPLE_AFTER: ReadonlySet<string> = new Set([...BE_HAVE, 'having']);

/** True when the next token stands in base form: "to" right before it, or "did"/"will" up to four words back with no "was"/"had" between. */
function inBaseForm(before: readonly Token[]): boolean {
  if (before[before.length - 1]?.norm === 'to') return true;
  for (let k = before.length - 1; k >= Math.max(0, before.length - 4); k--) {
    const norm = (before[k] as Token).norm;
    if (PARTICIPLE_AFTER.has(norm)) return false;
    if (BASE_FORM_AFTER.has(norm)) return true;
  }
  return false;
}

const stemCache = new Map<string, string>();

/**
 * Folds British spellings into American ones before stemming, so "defence" meets "defense"
 * and "organised" meets "organized". Applied to article and question alike, so a rule that
 * over-reaches ("centre" → "center") only merges words, never splits them.
 */
export function foldSpelling(norm: string): string {
  if (norm.length < 5) return norm;
  return norm
    .replace(/([^aeiou])our(s|ed|ing|ite|ites|able)?$/, '$1or$2')
    .replace(/(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/([^aeiou])tre(s)?$/, '$1ter$2')
    .replace(/(fen|licen|preten)ce(s)?$/, '$1se$2');
}

/** Porter stem after folding British spellings. */
function porterStem(norm: string): string {
  return stemmer(foldSpelling(norm));
}

/** Porter stem of a normalised word; numbers and short words are kept whole. Memoised. */
export function stemWord(norm: string): string {
  if (norm.length <= 2 || /^\d/.test(norm)) return norm;
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = porterStem(IRREGULAR_VERBS.get(norm) ?? norm);
    if (stemCache.size < 200_000) stemCache.set(norm, s);
  }
  return s;
}

let stopStems: ReadonlySet<string> | undefined;

/** Every stem a stop word's token may carry (its stem, and its plain Porter stem where the token stands in base form). */
export function stopWordStems(): ReadonlySet<string> {
  stopStems ??= new Set([...STOP_WORDS].flatMap((w) => [stemWord(w), porterStem(w)]));
  return stopStems;
}

/** True for words that carry no content for matching ("the", "did", "about"). */
export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

/** Content-word stems of a text, in order (stop words dropped). */
export function contentStems(text: string): string[] {
  return tokenize(text)
    .filter((t) => !isStopWord(t.norm))
    .map((t) => t.stem);
}

// Abbreviations after which Intl.Segmenter wrongly ends a sentence.
const ABBREVIATION_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Mt|Gen|Lt|Col|Capt|Sgt|Sen|Rep|Gov|Prof|Jr|Sr|Rev|Fr|No|Nos|vs|etc|c|ca|approx|e\.g|i\.e|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.\s*$/;

/** Splits a paragraph into sentences with `Intl.Segmenter`, rejoining splits after abbreviations. */
export function splitSentences(paragraph: string): string[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    pending += segment;
    if (ABBREVIATION_END.test(pending)) continue;
    if (pending.trim().length > 0) out.push(pending.trim());
    pending = '';
  }
  if (pending.trim().length > 0) out.push(pending.trim());
  return out;
}

/** The stems of a noun list's words and of their plurals (`src/nlp/words/<name>.txt`), for matching a token's stem. */
export function nounListStems(name: string): ReadonlySet<string> {
  return new Set(readWordList(name).flatMap((w) => [w, pluralOf(w)]).map((w) => stemWord(w)));
}
