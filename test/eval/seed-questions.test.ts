import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replyAsAnswer, routeConversation } from '../../src/answer/reply.ts';
import { formatScore, isRight, seedItemSchema, tally } from '../../src/eval/score.ts';
import { seedBriefer } from '../helpers/knowledge.ts';

// Our own development questions about the seed article (written for it, not taken from
// ../shared/eval). The floors are our bar: raise them when the matcher gets better.
const ANSWERED_FLOOR = 0.95;
const DECLINED_FLOOR = 0.95;

const briefer = seedBriefer();
const items = readFileSync('test/fixtures/seed-questions.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => seedItemSchema.parse(JSON.parse(l)));

describe('the seed question set', () => {
  it('has at least 40 questions, some out of scope', () => {
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(items.filter((i) => 'abstain' in i).length).toBeGreaterThanOrEqual(10);
  });

  it(`answers ≥ ${ANSWERED_FLOOR * 100} % right and declines ≥ ${DECLINED_FLOOR * 100} % of the rest`, () => {
    const pairs = items.map((i) => {
      const said = replyAsAnswer(routeConversation(briefer, i.q), i.q);
      return { item: { expect: 'expect' in i ? i.expect : [] }, said, q: i.q };
    });
    const score = tally(pairs);
    console.log(formatScore('seed set', score));
    for (const p of pairs) if (!isRight(p.item, p.said)) console.log(`  miss: ${p.q} → ${p.said.answered ? p.said.citations[0]?.sentenceId : 'declined'}`);
    expect(score.answeredRight / score.answerable).toBeGreaterThanOrEqual(ANSWERED_FLOOR);
    expect(score.declinedRight / score.unanswerable).toBeGreaterThanOrEqual(DECLINED_FLOOR);
  });
});
