import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.ts';
import { createBriefer } from '../../src/answer/reply.ts';
import { goldSchema } from '../../src/eval/fidelity.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';

/**
 * For every claim in the hand annotations whose speaker is named, "What did <speaker> say?"
 * is answered, and one of its citations is the claim's sentence (asked of that article).
 */
const SETS = {
  dev: [
    { gold: 'test/fixtures/gold', articles: ['test/fixtures/news-dev/articles', 'knowledge/articles'] },
    { gold: 'test/fixtures/fresh/gold', articles: ['test/fixtures/fresh/articles'] },
  ],
  heldOut: [{ gold: 'test/fixtures/fresh2/gold', articles: ['test/fixtures/fresh2/articles'] }],
};
/** The dev articles were read while the build was written; fresh2 never was (its floor guards against regressions). */
const FLOOR = { dev: 0.9, heldOut: 0.8 };

describe('"what did <speaker> say" for every claim of the gold files', () => {
  it.each(['dev', 'heldOut'] as const)('answers with the claim sentence for most named speakers (%s articles), and prints the misses', (which) => {
    let asked = 0;
    let right = 0;
    const misses: string[] = [];
    for (const { gold, articles } of SETS[which]) {
      for (const file of readdirSync(gold).filter((f) => f.endsWith('.json'))) {
        const g = goldSchema.parse(JSON.parse(readFileSync(join(gold, file), 'utf8')));
        const dir = articles.find((d) => readdirSync(d).includes(`${g.article}.txt`)) as string;
        const briefer = createBriefer([buildKnowledge({ id: g.article, text: readFileSync(join(dir, `${g.article}.txt`), 'utf8') })]);
        for (const c of g.claims) {
          if (!g.entities.some((e) => e.name === c.speaker)) continue;
          asked++;
          const q = `What did ${c.speaker} say?`;
          const a = answerQuestion(briefer.index, q);
          if (a.answered && a.citations.some((x) => x.quote.includes(c.sentence))) right++;
          else misses.push(`${g.article}: ${q} → ${a.answered ? a.citations.map((x) => x.sentenceId).join(',') : 'declined'} (wanted "${c.sentence}")`);
        }
      }
    }
    console.log(`what did <speaker> say (${which}): ${right}/${asked}\n${which === 'dev' ? misses.join('\n') : ''}`);
    expect(right / asked).toBeGreaterThanOrEqual(FLOOR[which]);
  });
});
