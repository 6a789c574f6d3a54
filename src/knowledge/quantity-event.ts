import { lexiconTags } from '../nlp/name-lexicon.ts';
import { AUXILIARY_VERBS, IRREGULAR_VERBS, NEGATION_WORDS, PREPOSITIONS } from '../nlp/lexicon.ts';
import type { Token } from '../nlp/text.ts';
import { REPORTING_FORMS } from '../nlp/word-lists.ts';

const VERB_TAGS: ReadonlySet<string> = new Set(['PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'PerfectTense', 'Verb']);
const NOT_A_VERB_TAGS: ReadonlySet<string> = new Set(['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Adjective', 'Comparative', 'Superlative', 'Value']);

/** Words that may stand between a figure and its verb: a bound on the figure ("killed at least 46"), or an adverb of time. */
const BOUND_WORDS: ReadonlySet<string> = new Set(['about', 'around', 'approximately', 'roughly', 'nearly', 'almost', 'some', 'over', 'more', 'than', 'less', 'fewer', 'up', 'to', 'at', 'least', 'most', 'as', 'many', 'much', 'an', 'a', 'estimated', 'only', 'just', 'by', 'another', 'further']);

/** Whether a lower-case word is a content verb: a verb form that is neither an auxiliary nor a reporting verb. */
function isContentVerb(t: Token): boolean {
  if (!/^\p{Ll}/u.test(t.raw) || AUXILIARY_VERBS.has(t.norm) || REPORTING_FORMS.has(t.norm)) return false;
  if (IRREGULAR_VERBS.has(t.norm)) return true;
  const tags = lexiconTags(t.norm);
  // "injured", "wounded": a participle the lexicon lists as an adjective is the verb next to a figure.
  if (tags.includes('Adjective') && /ed$/.test(t.norm)) return true;
  if (tags.some((x) => NOT_A_VERB_TAGS.has(x))) return false;
  if (tags.some((x) => VERB_TAGS.has(x))) return true;
  // Not in the lexicon as anything: a regular past form ("evacuated", "displaced").
  return tags.length === 0 && /[^e]ed$|[^aeiou]ied$|eed$/.test(t.norm) && t.norm.length > 4;
}

/**
 * The verb a figure is the subject or the object of, as written: "46 sailors died" → "died",
 * "about 8,400 people were ordered to leave" → "ordered", "killing 46 sailors" → "killing",
 * "prices rose 6.5 percent" → "rose". What a count counts depends on it ("46 killed" counts
 * deaths, not survivors). The figure with what it counts runs from offset `start` to `end`; a
 * verb after it wins (its subject), then one before it (its object), each within its clause. A
 * reporting verb ("said 46 people…") is not the count's event.
 */
export function quantityEvent(text: string, tokens: readonly Token[], start: number, end: number): string | undefined {
  const first = tokens.findIndex((t) => t.end > start);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < tokens.length && (tokens[last + 1] as Token).start < end) last++;
  const gap = (a: number, b: number): string => text.slice((tokens[a] as Token).end, (tokens[b] as Token).start);
  // The word before the figure, past any bound on it ("killing at least 46", "rose by 6.5 percent"), within its clause.
  let before: Token | undefined;
  for (let j = first - 1, next = first; j >= 0 && j >= first - 5; next = j, j--) {
    if (/[,;:()"“”.!?–—]/.test(gap(j, next))) break;
    if (BOUND_WORDS.has((tokens[j] as Token).norm)) continue;
    before = tokens[j];
    break;
  }
  // "the deaths of 25 miners shocked…": a figure after a preposition is not the verb's subject.
  if (before && PREPOSITIONS.has(before.norm)) return undefined;
  // After: "46 sailors (have) (been) died/were killed".
  for (let j = last + 1, prev = last; j < tokens.length && j <= last + 4; prev = j, j++) {
    const t = tokens[j] as Token;
    if (/[,;:()"“”.!?–—]/.test(gap(prev, j))) break;
    if (AUXILIARY_VERBS.has(t.norm) || NEGATION_WORDS.has(t.norm) || (/ly$/.test(t.norm) && lexiconTags(t.norm).includes('Adverb'))) continue;
    if (isContentVerb(t)) return t.raw;
    break;
  }
  // Before: "killing (at least) 46 sailors", "rose (by) 6.5 percent"; not a reporting verb ("said 90").
  return before && isContentVerb(before) ? before.raw : undefined;
}
