import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTallies, emptyTallies, f1, FIDELITY_CATEGORIES, goldSchema, scoreFidelity, type FidelityCategory, type Tally } from '../../src/eval/fidelity.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';

/**
 * The build scored against hand annotations ("gold") of what a reader sees in an article:
 * people with roles, organisations, countries, places, quantities with what they count, dates,
 * and claims with speaker and stance. No overlay is used. The dev sets were read while the build
 * was written; fresh3 is dev material too, but was written and annotated before the build was run
 * on it, so its line shows how rules fitted to the older dev sets carry to new text. fresh4 was made
 * the same way later, after the rules fitted to fresh3; it is printed on its own line (its first-run
 * figures are in the README) and, like fresh3, is under the dev bar; so is fresh5, made the same way after
 * the rules fitted to fresh4 (a parliament vote, an airline strike, a vaccine approval, a mine flood, a
 * hospital cyberattack, an art auction). fresh6 (eight stories: a volcanic-ash flight ban, a doping
 * ban, a bridge inquiry, school meals, a museum's return of looted objects, a port strike, water
 * rationing, a blocked merger) was written and annotated on 2026-11-25 by someone who never saw the
 * code and held out for its first run (F1: entities .828, roles .921, claims .839, quantities .970,
 * dates .976; also in the README); since stop 18 it is dev material under the dev bar like fresh3-5,
 * printed on its own line. fresh7 (eight stories: a wildfire evacuation, a train derailment, an election
 * recount, a privacy fine, a fishing-quota dispute, an e-bike battery recall, a tuition protest, a rocket
 * failure) was written and annotated at stop 18, before any build ran on it, and held out for its first run
 * (F1: entities .876, roles .903, claims .865, quantities .966, dates .987; also in the README); since stop 19
 * it is dev material under the dev bar like fresh3-6, printed on its own line. fresh2 is held out (written by
 * someone who never saw the code, never looked at). fresh8 (eight stories: a heatwave and blackouts, a
 * fraud verdict, a central-bank rate rise, a cup final, a ferry sinking, a border trade row, a rhino calf,
 * an earthquake) was written and annotated at stop 19, before any build ran on it, and held out for its first
 * run (F1: entities .893, roles .925, claims .843, quantities .968, dates .942; also in the README); since stop 20
 * it is dev material under the dev bar like fresh3-7, printed on its own line. fresh9 (eight stories: a
 * cyclone evacuation, a drug-price dispute, a mine rescue, a no-confidence vote, a satellite outage, a
 * hostage release, a water dispute between states, a chess result) was written and annotated at stop 20,
 * before any build ran on it, and held out for its first run (F1: entities .891, roles .896, claims .887,
 * quantities .873, dates .930; also in the README); since stop 21 it is dev material under the dev bar like
 * fresh3-8, printed on its own line. fresh10 (eight stories: a forest-eviction ruling, a ship striking port
 * cranes, a cheese recall, a wildfire, an offshore pay deal, expelled diplomats, a cyclist's doping case, a
 * medical trial) was written and annotated at stop 21, before any build ran on it, and is held out: its
 * first run is in the README, and its floor guards it.
 */
const DEV_OLD = [
  { gold: 'test/fixtures/gold', articles: ['test/fixtures/news-dev/articles', 'knowledge/articles'] },
  { gold: 'test/fixtures/fresh/gold', articles: ['test/fixtures/fresh/articles'] },
];
const FRESH3 = [{ gold: 'test/fixtures/fresh3/gold', articles: ['test/fixtures/fresh3/articles'] }];
const FRESH4 = [{ gold: 'test/fixtures/fresh4/gold', articles: ['test/fixtures/fresh4/articles'] }];
const FRESH5 = [{ gold: 'test/fixtures/fresh5/gold', articles: ['test/fixtures/fresh5/articles'] }];
const FRESH6 = [{ gold: 'test/fixtures/fresh6/gold', articles: ['test/fixtures/fresh6/articles'] }];
const FRESH7 = [{ gold: 'test/fixtures/fresh7/gold', articles: ['test/fixtures/fresh7/articles'] }];
const FRESH8 = [{ gold: 'test/fixtures/fresh8/gold', articles: ['test/fixtures/fresh8/articles'] }];
const FRESH9 = [{ gold: 'test/fixtures/fresh9/gold', articles: ['test/fixtures/fresh9/articles'] }];
const FRESH10 = [{ gold: 'test/fixtures/fresh10/gold', articles: ['test/fixtures/fresh10/articles'] }];
/** fresh10's regression floor, every category, set under its first run (see the README). */
const FRESH10_FLOOR = 0.82;
const SETS = {
  dev: [...DEV_OLD, ...FRESH3, ...FRESH4, ...FRESH5, ...FRESH6, ...FRESH7, ...FRESH8, ...FRESH9],
  heldOut: [{ gold: 'test/fixtures/fresh2/gold', articles: ['test/fixtures/fresh2/articles'] }],
};

/** The issue's bar on the dev sets, and a regression floor on the held-out one (its figures are in the README). */
const TARGETS: Record<'dev' | 'heldOut', Partial<Record<FidelityCategory, number>>> = {
  dev: { entities: 0.9, roles: 0.9, claims: 0.9, quantities: 0.9 },
  heldOut: { entities: 0.85, roles: 0.85, claims: 0.85, quantities: 0.87 },
};

/** Of the matched figures whose gold says what they count, how many the build's "counts" (or unit) agrees with: how-many answers lean on it, and F1 does not see it. */
const countsAgreed = new Map<readonly { gold: string; articles: string[] }[], [number, number]>();

function score(sets: readonly { gold: string; articles: string[] }[]): Record<FidelityCategory, Tally> {
  let total = emptyTallies();
  const agreed: [number, number] = [0, 0];
  countsAgreed.set(sets, agreed);
  for (const { gold, articles } of sets) {
    for (const file of readdirSync(gold).filter((f) => f.endsWith('.json'))) {
      const g = goldSchema.parse(JSON.parse(readFileSync(join(gold, file), 'utf8')));
      const dir = articles.find((d) => readdirSync(d).includes(`${g.article}.txt`));
      if (!dir) throw new Error(`no article for ${file}`);
      const k = buildKnowledge({ id: g.article, text: readFileSync(join(dir, `${g.article}.txt`), 'utf8') });
      const r = scoreFidelity(k, g);
      total = addTallies(total, r.tallies);
      agreed[0] += r.countsAgreed[0];
      agreed[1] += r.countsAgreed[1];
    }
  }
  return total;
}

const line = (which: string, c: FidelityCategory, t: Tally, target?: number): string => {
  const { precision, recall, f1: f } = f1(t);
  return `${which.padEnd(7)} ${c.padEnd(10)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f.toFixed(3)}${target ? ` (bar ${target}: ${f >= target ? 'met' : 'NOT met'})` : ''}`;
};

describe('the build against hand annotations', () => {
  it('prints the older dev sets and fresh3 to fresh9 apart, so fitted and new text can be compared', () => {
    for (const [which, sets] of [['dev-old', DEV_OLD], ['fresh3', FRESH3], ['fresh4', FRESH4], ['fresh5', FRESH5], ['fresh6', FRESH6], ['fresh7', FRESH7], ['fresh8', FRESH8], ['fresh9', FRESH9]] as const) {
      const tallies = score(sets);
      for (const c of FIDELITY_CATEGORIES) console.log(line(which, c, tallies[c]));
      const [agree, of] = countsAgreed.get(sets) ?? [0, 0];
      console.log(`${which.padEnd(7)} counts     agreed ${agree}/${of} (${(of ? agree / of : 0).toFixed(3)}) of matched figures`);
      expect(tallies.entities.expected).toBeGreaterThan(0);
    }
  });
  it('prints held-out fresh10 on its own line, and keeps it over its floor', () => {
    const tallies = score(FRESH10);
    for (const c of FIDELITY_CATEGORIES) console.log(line('fresh10', c, tallies[c], FRESH10_FLOOR));
    const [agree, of] = countsAgreed.get(FRESH10) ?? [0, 0];
    console.log(`fresh10 counts     agreed ${agree}/${of} (${(of ? agree / of : 0).toFixed(3)}) of matched figures`);
    for (const c of FIDELITY_CATEGORIES) expect(f1(tallies[c]).f1).toBeGreaterThanOrEqual(FRESH10_FLOOR);
  });
  for (const which of ['dev', 'heldOut'] as const) {
    it(`meets its bar on the ${which === 'dev' ? 'dev' : 'held-out'} articles, per category (precision, recall, F1 printed)`, () => {
      const tallies = score(SETS[which]);
      for (const c of FIDELITY_CATEGORIES) console.log(line(which, c, tallies[c], TARGETS[which][c]));
      for (const [c, target] of Object.entries(TARGETS[which]) as [FidelityCategory, number][]) expect(f1(tallies[c]).f1).toBeGreaterThanOrEqual(target);
    });
  }
});
