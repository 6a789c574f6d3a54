import { z } from 'zod';
import type { Citation } from '../answer/answer.ts';

/** One line of a seed question set: a question and what a right answer cites, or that it must be declined. */
export const seedItemSchema = z.union([
  z.strictObject({ q: z.string(), expect: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ q: z.string(), abstain: z.literal(true) }),
]);
/** A seed question. */
export type SeedItem = z.infer<typeof seedItemSchema>;

/** One line of a SQuAD 2.0 style file (see ../shared/eval/README.md). */
export const squadItemSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  context_id: z.string(),
  context: z.string(),
  question: z.string(),
  answers: z.array(z.string()),
  is_impossible: z.boolean(),
});
/** A SQuAD question. */
export type SquadItem = z.infer<typeof squadItemSchema>;

/** A question put to the system under test, in the shape the scorer needs. */
export interface Scorable {
  /** Acceptable substrings of the first citation's quote; empty means the question must be declined. */
  expect: readonly string[];
}

/** What a system said: answered or not, and its citations (best first). */
export interface Said {
  answered: boolean;
  citations: readonly Citation[];
}

/** Tally of one system over one question set. */
export interface Score {
  answerable: number;
  answeredRight: number;
  /** Answerable but declined. */
  wronglyDeclined: number;
  /** Answerable, answered from a sentence without the answer. */
  answeredWrong: number;
  unanswerable: number;
  declinedRight: number;
  /** Unanswerable but answered. */
  wronglyAnswered: number;
}

/** True when the answer is right: declined when it should be, or its first citation holds an expected string. */
export function isRight(item: Scorable, said: Said): boolean {
  if (item.expect.length === 0) return !said.answered && said.citations.length === 0;
  const quote = said.citations[0]?.quote ?? '';
  return said.answered && item.expect.some((e) => quote.includes(e));
}

/**
 * True when the answer is right by the news-dev rules: declined when it should be, or some cited
 * quote holds an expected string, ignoring case.
 */
export function isRightAnyCitation(item: Scorable, said: Said): boolean {
  if (item.expect.length === 0) return !said.answered && said.citations.length === 0;
  return said.answered && said.citations.some((c) => item.expect.some((e) => c.quote.toLowerCase().includes(e.toLowerCase())));
}

/** Scores a list of (question, what was said) pairs, by `isRight` or another rule. */
export function tally(pairs: readonly { item: Scorable; said: Said }[], right: (item: Scorable, said: Said) => boolean = isRight): Score {
  const s: Score = { answerable: 0, answeredRight: 0, wronglyDeclined: 0, answeredWrong: 0, unanswerable: 0, declinedRight: 0, wronglyAnswered: 0 };
  for (const { item, said } of pairs) {
    if (item.expect.length > 0) {
      s.answerable++;
      if (right(item, said)) s.answeredRight++;
      else if (!said.answered) s.wronglyDeclined++;
      else s.answeredWrong++;
    } else {
      s.unanswerable++;
      if (right(item, said)) s.declinedRight++;
      else s.wronglyAnswered++;
    }
  }
  return s;
}

/** A share as a percentage with one decimal, "–" for an empty set. */
export function percent(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`;
}

/** One summary line for a system. */
export function formatScore(name: string, s: Score): string {
  return [
    name.padEnd(10),
    `answered right ${s.answeredRight}/${s.answerable} (${percent(s.answeredRight, s.answerable)})`,
    `declined ${s.declinedRight}/${s.unanswerable} (${percent(s.declinedRight, s.unanswerable)})`,
    `overall ${percent(s.answeredRight + s.declinedRight, s.answerable + s.unanswerable)}`,
    `| wrongly declined ${s.wronglyDeclined}, answered from a wrong sentence ${s.answeredWrong}, wrongly answered ${s.wronglyAnswered}`,
  ].join('  ');
}

/** Article files for a SQuAD set: one per distinct paragraph, id made from its context id. */
export function squadArticles(items: readonly SquadItem[]): { id: string; text: string; contextId: string }[] {
  const seen = new Map<string, { id: string; text: string; contextId: string }>();
  for (const item of items) {
    if (seen.has(item.context_id)) continue;
    const id = item.context_id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || `context-${seen.size + 1}`;
    seen.set(item.context_id, { id, text: `---\nTitle: ${item.title.replace(/_/g, ' ')}\n---\n${item.context}\n`, contextId: item.context_id });
  }
  return [...seen.values()];
}
