import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTallies, emptyTallies, f1, FIDELITY_CATEGORIES, goldSchema, scoreFidelity, type FidelityCategory, type Tally } from '../../src/eval/fidelity.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';

/**
 * The build scored against hand annotations ("gold") of what a reader sees in an article:
 * people with roles, organisations, countries, places, quantities with what they count, dates,
 * and claims with speaker and stance. No overlay is used. The dev sets were read while the build
 * was written; fresh2 is held out (written by someone who never saw the code, never looked at).
 */
const SETS = {
  dev: [
    { gold: 'test/fixtures/gold', articles: ['test/fixtures/news-dev/articles', 'knowledge/articles'] },
    { gold: 'test/fixtures/fresh/gold', articles: ['test/fixtures/fresh/articles'] },
  ],
  heldOut: [{ gold: 'test/fixtures/fresh2/gold', articles: ['test/fixtures/fresh2/articles'] }],
};

/** The issue's bar on the dev sets, and a regression floor on the held-out one (its figures are in the README). */
const TARGETS: Record<'dev' | 'heldOut', Partial<Record<FidelityCategory, number>>> = {
  dev: { entities: 0.9, roles: 0.9, claims: 0.9, quantities: 0.9 },
  heldOut: { entities: 0.8, roles: 0.8, claims: 0.8, quantities: 0.85 },
};

function score(sets: (typeof SETS)['dev']): Record<FidelityCategory, Tally> {
  let total = emptyTallies();
  for (const { gold, articles } of sets) {
    for (const file of readdirSync(gold).filter((f) => f.endsWith('.json'))) {
      const g = goldSchema.parse(JSON.parse(readFileSync(join(gold, file), 'utf8')));
      const dir = articles.find((d) => readdirSync(d).includes(`${g.article}.txt`));
      if (!dir) throw new Error(`no article for ${file}`);
      const k = buildKnowledge({ id: g.article, text: readFileSync(join(dir, `${g.article}.txt`), 'utf8') });
      total = addTallies(total, scoreFidelity(k, g).tallies);
    }
  }
  return total;
}

describe('the build against hand annotations', () => {
  for (const which of ['dev', 'heldOut'] as const) {
    it(`meets its bar on the ${which === 'dev' ? 'dev' : 'held-out'} articles, per category (precision, recall, F1 printed)`, () => {
      const tallies = score(SETS[which]);
      for (const c of FIDELITY_CATEGORIES) {
        const { precision, recall, f1: f } = f1(tallies[c]);
        const target = TARGETS[which][c];
        console.log(`${which.padEnd(7)} ${c.padEnd(10)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f.toFixed(3)}${target ? ` (bar ${target}: ${f >= target ? 'met' : 'NOT met'})` : ''}`);
      }
      for (const [c, target] of Object.entries(TARGETS[which]) as [FidelityCategory, number][]) expect(f1(tallies[c]).f1).toBeGreaterThanOrEqual(target);
    });
  }
});
