import { foldCase, stemWord, type Token } from '../nlp/text.ts';
import { pluralOf, readLines, UNITS, verbForms } from '../nlp/word-lists.ts';

/**
 * What kind of figure a how-many question asks for, and what kinds a sentence gives: "How heavy
 * is the lander?" asks for a weight, which "weighed 1,850 kilograms" gives and "carries eight
 * instruments" does not. The kinds are those of `units.txt` (weight, distance, duration, money,
 * percentage, …), as bits; the question's words are `measure-words.txt`.
 */

/** Every kind of measure, in bit order. */
export const MEASURE_KINDS: readonly string[] = [...new Set([...UNITS.values()].map((u) => u.kind))].sort();

/** Question words by stem → the kinds of figure that answer them. */
const MEASURE_WORDS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [word = '', ...kinds] of readLines('measure-words')) {
    for (const kind of kinds) if (!MEASURE_KINDS.includes(kind)) throw new Error(`measure-words.txt: "${kind}" is not a kind of units.txt`);
    for (const form of new Set([word, pluralOf(word), ...verbForms(word)])) out.set(stemWord(foldCase(form)), kinds);
  }
  return out;
})();

/** The kinds as bits (bit k: `MEASURE_KINDS[k]`). */
export function measureMask(kinds: Iterable<string>): number {
  let mask = 0;
  for (const kind of kinds) {
    const k = MEASURE_KINDS.indexOf(kind);
    if (k >= 0) mask |= 1 << k;
  }
  return mask;
}

/** The kind a written unit measures ("kilograms" → weight, "percent" → percentage, "kilometers an hour" → distance). */
export function kindOfUnit(unit: string): string | undefined {
  const words = foldCase(unit).split(/[\s-]+/);
  return UNITS.get(words[0] ?? '')?.kind ?? UNITS.get(words[words.length - 1] ?? '')?.kind;
}

/**
 * The kinds of figure a question asks for, or undefined when it does not say: the word after
 * "how" ("how heavy", "how long"); after "how much" or "what", a measure word or a unit anywhere
 * in the question ("how much did it cost", "what percentage"); after "how many", a unit ("how
 * many kilometres") — "how many sailors" counts sailors, not a measure.
 */
export function askedMeasures(tokens: readonly Token[]): readonly string[] | undefined {
  const at = tokens.findIndex((t) => t.norm === 'how' || t.norm === 'what' || t.norm === 'which');
  if (at < 0) return undefined;
  const next = tokens[at + 1];
  if (!next) return undefined;
  const kinds = new Set<string>();
  const add = (t: Token, units: boolean): void => {
    for (const k of MEASURE_WORDS.get(t.stem) ?? []) kinds.add(k);
    const unit = units ? UNITS.get(t.norm)?.kind : undefined;
    if (unit) kinds.add(unit);
  };
  const how = (tokens[at] as Token).norm === 'how';
  if (how && next.norm === 'many') tokens.slice(at + 2).forEach((t) => kinds.add(UNITS.get(t.norm)?.kind ?? ''));
  else if (!how || next.norm === 'much') tokens.slice(at + 1).forEach((t) => add(t, true));
  else add(next, false);
  kinds.delete('');
  return kinds.size > 0 ? [...kinds].sort() : undefined;
}
