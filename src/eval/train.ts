import { answerPlan } from '../answer/answer.ts';
import { decides, gatesOf, type DecisionFacts, type Gates } from '../answer/decide.ts';
import { ANSWER_FEATURE_NAMES, ANSWER_FEATURE_SIGNS, answerFeatures, FEATURE_NAMES } from '../matcher/features.ts';
import type { Intent } from '../matcher/intent.ts';
import { logit, neutralModel, type Model } from '../matcher/model.ts';
import { DEFAULT_MATCH_OPTIONS, withModel } from '../matcher/options.ts';
import { analyseQuestion } from '../matcher/question.ts';
import { rankSentences } from '../matcher/rank.ts';
import { sentenceText } from '../matcher/search-index.ts';
import { brieferForSet, type QuestionSet } from './datasets.ts';
import { fitLogistic, type Row } from './logistic.ts';

/** One candidate sentence of a question, as the model sees it. */
export interface Candidate {
  x: Float64Array;
  /** The sentence holds an expected answer. */
  y: 0 | 1;
  /** It says the opposite of the question, and how fully it matches (for the disputed rule). */
  opposite: boolean;
  coverage: number;
  /** The gates the answer step applies besides the probability (see `decides`). */
  gates: Gates;
}

/** A question with its candidates, ready to score under any weights. */
export interface Instance {
  set: string;
  group: string;
  question: string;
  intent: Intent;
  answerable: boolean;
  candidates: Candidate[];
  /** Stance questions are answered from claims, not by the model: their outcome, right or not. */
  stanceRight?: boolean;
}

const COVER = FEATURE_NAMES.flatMap((n, k) => (/^cover/.test(n) ? [k] : []));
const MODEL_FREE: ReadonlySet<Intent> = new Set(['help', 'summary', 'topics']);

/**
 * Asks every question of a set against all its articles and keeps every candidate sentence's
 * features, exhaustively (no pruning), with whether it holds an expected answer.
 */
export function collectInstances(set: QuestionSet): Instance[] {
  const options = withModel(neutralModel());
  const { briefer } = brieferForSet(set, options);
  const index = briefer.index;
  const out: Instance[] = [];
  for (const q of set.questions) {
    const plan = analyseQuestion(q.q, index);
    if (MODEL_FREE.has(plan.intent)) continue;
    const expect = q.expect.map((e) => e.toLowerCase());
    const holds = (text: string): boolean => expect.some((e) => text.toLowerCase().includes(e));
    const instance: Instance = { set: set.name, group: q.group, question: q.q, intent: plan.intent, answerable: expect.length > 0, candidates: [] };
    if (plan.intent === 'stance') {
      const a = answerPlan(index, plan, options);
      const quotes = a.citations.map((c) => c.quote);
      instance.stanceRight = expect.length === 0 ? !a.answered : a.answered && quotes.some(holds);
    }
    const ranked = rankSentences(index, plan, { ...options, limit: 1_000_000 }, true);
    for (const r of ranked) {
      const text = sentenceText(index, r.index);
      instance.candidates.push({ x: r.features, y: holds(text) ? 1 : 0, opposite: r.explanation.opposite, coverage: COVER.reduce((s, k) => s + (r.features[k] ?? 0), 0), gates: gatesOf(plan, r) });
    }
    out.push(instance);
  }
  return out;
}

/** The fitted models: ranking weights, answer weights, threshold and floor on the answer probability, and the ranking floor. */
export interface Fitted {
  weights: number[];
  answerWeights: number[];
  threshold: number;
  floor: number;
  rankFloor: number;
}

/** How many of the best sentences the disputed rule looks at: the answer step's default `limit`. */
const DISPUTE_DEPTH = DEFAULT_MATCH_OPTIONS.limit;

/** Ranks a question's candidates under ranking weights: the best and the second best score, and whether a sentence among the best disputes the best. */
function top2(inst: Instance, weights: readonly number[]): { best?: Candidate; bestZ: number; secondZ?: number; disputed: boolean } {
  const scored = inst.candidates.map((c) => ({ c, z: logit(weights, c.x) })).sort((a, b) => b.z - a.z);
  const best = scored[0];
  if (!best) return { bestZ: -Infinity, disputed: false };
  const disputed = scored.slice(1, DISPUTE_DEPTH).some(({ c }) => c.opposite && c.coverage >= best.c.coverage);
  return { best: best.c, bestZ: best.z, ...(scored[1] ? { secondZ: scored[1].z } : {}), disputed };
}

/** The answer model's view of a question under ranking weights: its features, whether the best is right, and the best's gates. */
function answerView(inst: Instance, weights: readonly number[]): { x: Float64Array; right: boolean; best: Candidate; disputed: boolean } | undefined {
  const { best, bestZ, secondZ, disputed } = top2(inst, weights);
  if (!best) return undefined;
  return { x: answerFeatures({ score: bestZ, features: best.x }, secondZ, inst.intent === 'what'), right: best.y === 1, best, disputed };
}

/** A question under fitted models: the stance outcome, or its best sentence's answer probability, whether it is right, and its gates. */
interface Verdict {
  inst: Instance;
  p: number;
  right: boolean;
  facts?: DecisionFacts;
}

/** Every question's verdict under fitted models (independent of the threshold, so computed once per fit). */
function verdicts(instances: readonly Instance[], m: Pick<Fitted, 'weights' | 'answerWeights'>): Verdict[] {
  return instances.map((inst) => {
    const v = inst.stanceRight === undefined ? answerView(inst, m.weights) : undefined;
    if (!v) return { inst, p: 0, right: false };
    const p = 1 / (1 + Math.exp(-logit(m.answerWeights, v.x)));
    return { inst, p, right: v.right, facts: { confidence: p, disputed: v.disputed, ...v.best.gates } };
  });
}

/** Answered right of answerable, declined right of unanswerable. */
export interface Tally {
  answeredRight: number;
  answerable: number;
  declinedRight: number;
  unanswerable: number;
}

/** Tallies verdicts under a threshold and floor, deciding as the answer step does (`decides`). */
function tallyVerdicts(vs: readonly Verdict[], threshold: number, floor: number): Tally {
  const t: Tally = { answeredRight: 0, answerable: 0, declinedRight: 0, unanswerable: 0 };
  for (const v of vs) {
    let right: boolean;
    if (v.inst.stanceRight !== undefined) right = v.inst.stanceRight;
    else {
      const answers = v.facts !== undefined && decides(v.facts, v.inst.intent, threshold, floor) !== undefined;
      right = v.inst.answerable ? answers && v.right : !answers;
    }
    if (v.inst.answerable) {
      t.answerable++;
      if (right) t.answeredRight++;
    } else {
      t.unanswerable++;
      if (right) t.declinedRight++;
    }
  }
  return t;
}

/** Scores instances under fitted models, a threshold and a floor, as the answer pipeline decides. */
export function simulate(instances: readonly Instance[], m: Pick<Fitted, 'weights' | 'answerWeights'>, threshold: number, floor: number): Tally {
  return tallyVerdicts(verdicts(instances, m), threshold, floor);
}

/** Half the share answered right plus half the share declined right: what the threshold maximises, per set, averaged. */
export function balanced(t: Tally): number {
  return 0.5 * (t.answerable ? t.answeredRight / t.answerable : 1) + 0.5 * (t.unanswerable ? t.declinedRight / t.unanswerable : 1);
}

function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}

function bySet(instances: readonly Instance[]): Map<string, Instance[]> {
  return groupBy(instances, (i) => i.set);
}

/**
 * How close to the best mean balanced accuracy a higher threshold may score and still be chosen:
 * about what one question of the smallest set (the seed) moves it. The objective is flat over a wide
 * band of thresholds, so the plain maximum jumps with any small change of the features; of 0, 0.003,
 * 0.005 and 0.01, 0.003 gave the best mean balanced accuracy on the held-out folds.
 */
const TIE = 0.003;

/**
 * The threshold on the answer probability, and the closest-passage floor under it, that maximise
 * the sets' mean balanced accuracy, deciding as the answer step does (the floor also lets a yes/no
 * sentence that states the very proposition answer).
 */
export function chooseThreshold(instances: readonly Instance[], m: Pick<Fitted, 'weights' | 'answerWeights'>): { threshold: number; floor: number } {
  const vs = verdicts(instances, m);
  const sets = [...groupBy(vs, (v) => v.inst.set).values()];
  const grid = Array.from({ length: 91 }, (_, k) => {
    const threshold = (k + 5) / 100;
    const floor = chooseFloor(vs, threshold);
    return { threshold, floor, score: sets.reduce((sum, s) => sum + balanced(tallyVerdicts(s, threshold, floor)), 0) / sets.length };
  });
  const top = Math.max(...grid.map((g) => g.score));
  // Grounded or silent: of the thresholds within TIE of the best, the highest (the one that declines most).
  const chosen = grid.filter((g) => g.score >= top - TIE).at(-1) as (typeof grid)[number];
  const best = { threshold: chosen.threshold, floor: chosen.floor };
  return best;
}

/**
 * The closest-passage floor: the lowest answer probability under the threshold at which the best
 * sentence of an answerable question still holds its answer at least half the time, so a
 * "closest passage" is more often on point than not.
 */
function chooseFloor(vs: readonly Verdict[], threshold: number): number {
  const band = vs.filter((v) => v.facts !== undefined && v.p <= threshold).sort((a, b) => b.p - a.p);
  let hits = 0;
  let floor = threshold;
  band.forEach((v, k) => {
    if (v.inst.answerable && v.right) hits++;
    if (hits / (k + 1) >= 0.5 && k >= 4) floor = v.p;
  });
  return Math.round(Math.min(floor, threshold) * 1000) / 1000;
}

/** Most candidates per question the ranking model is fitted on: the fullest matches, the rest never rank. */
const CANDIDATES_PER_QUESTION = 40;

/** How much each set's questions weigh: every set as much as the others together, whatever its size. */
function setWeights(instances: readonly Instance[]): Map<string, number> {
  const sets = bySet(instances);
  const total = instances.length;
  return new Map([...sets].map(([name, insts]) => [name, total / sets.size / insts.length]));
}

/** The ranking model's rows: the fullest-matching candidates of every question the model decides, each set weighing the same. */
function rankingRows(instances: readonly Instance[]): Row[] {
  const perSet = setWeights(instances);
  return instances
    .filter((i) => i.stanceRight === undefined)
    .flatMap((i) => {
      const kept = [...i.candidates].sort((a, b) => b.coverage - a.coverage).slice(0, CANDIDATES_PER_QUESTION);
      const weight = (perSet.get(i.set) ?? 1) / Math.sqrt(kept.length);
      return kept.map((c) => ({ x: c.x, y: c.y, weight }));
    });
}

/** Fits both models, the threshold and the floors to instances. */
export function fit(instances: readonly Instance[], lambda: number): Fitted {
  const weights = fitLogistic(rankingRows(instances), FEATURE_NAMES.length, lambda);
  const perSet = setWeights(instances);
  const views = instances.filter((i) => i.stanceRight === undefined).flatMap((i) => {
    const v = answerView(i, weights);
    return v ? [{ x: v.x, y: (i.answerable && v.right ? 1 : 0) as 0 | 1, weight: perSet.get(i.set) ?? 1 }] : [];
  });
  // The answer model's evidence weighs only its own way (see ANSWER_FEATURE_SIGNS); the ranking model is left free, as signs cost it on the held-out folds.
  const answerWeights = fitLogistic(views, ANSWER_FEATURE_NAMES.length, lambda, 25, ANSWER_FEATURE_SIGNS);
  const m = { weights, answerWeights };
  const { threshold, floor } = chooseThreshold(instances, m);
  // The lowest ranking score of a right best sentence that the answer model lets through, less a margin.
  const through = new Set(verdicts(instances, m).flatMap((v) => (v.inst.answerable && v.right && v.p > Math.min(floor, threshold * 0.5) ? [v.inst] : [])));
  const answered = instances.flatMap((i) => (through.has(i) ? [top2(i, weights).bestZ] : []));
  const rankFloor = Math.round((Math.min(...answered, 0) - 1) * 1000) / 1000;
  return { ...m, threshold, floor, rankFloor };
}

/** Fitted and held-out tallies per set, summed over folds. */
export interface CrossValidation {
  folds: number;
  fitted: Record<string, Tally>;
  heldOut: Record<string, Tally>;
}

const add = (a: Tally | undefined, b: Tally): Tally => ({
  answeredRight: (a?.answeredRight ?? 0) + b.answeredRight,
  answerable: (a?.answerable ?? 0) + b.answerable,
  declinedRight: (a?.declinedRight ?? 0) + b.declinedRight,
  unanswerable: (a?.unanswerable ?? 0) + b.unanswerable,
});

/**
 * Leave-articles-out cross-validation: each set's groups (articles) are dealt round-robin into
 * `folds` folds; each fold is held out in turn while the model is fitted on the rest. Reports the
 * fitted folds (the training part, scored by the model fitted on it) against the held-out ones.
 */
export function crossValidate(instances: readonly Instance[], folds: number, lambda: number): CrossValidation {
  const foldOf = new Map<string, number>();
  for (const [set, insts] of bySet(instances)) {
    const groups = [...new Set(insts.map((i) => i.group))].sort();
    groups.forEach((g, k) => foldOf.set(`${set}|${g}`, k % folds));
  }
  const cv: CrossValidation = { folds, fitted: {}, heldOut: {} };
  for (let f = 0; f < folds; f++) {
    const train = instances.filter((i) => foldOf.get(`${i.set}|${i.group}`) !== f);
    const test = instances.filter((i) => foldOf.get(`${i.set}|${i.group}`) === f);
    const model = fit(train, lambda);
    for (const [set, insts] of bySet(train)) cv.fitted[set] = add(cv.fitted[set], simulate(insts, model, model.threshold, model.floor));
    for (const [set, insts] of bySet(test)) cv.heldOut[set] = add(cv.heldOut[set], simulate(insts, model, model.threshold, model.floor));
  }
  return cv;
}

/** A tally as "right/of (%)" figures. */
export function describeTally(t: Tally): { answeredRight: string; declinedRight: string; overall: string } {
  const pct = (n: number, of: number): string => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
  return {
    answeredRight: `${t.answeredRight}/${t.answerable} (${pct(t.answeredRight, t.answerable)})`,
    declinedRight: `${t.declinedRight}/${t.unanswerable} (${pct(t.declinedRight, t.unanswerable)})`,
    overall: pct(t.answeredRight + t.declinedRight, t.answerable + t.unanswerable),
  };
}

/** The model file for weights fitted on everything, with where they came from and the figures behind them. */
export function modelFile(instances: readonly Instance[], sources: Record<string, string>, lambda: number, folds: number): Model {
  const final = fit(instances, lambda);
  const cv = crossValidate(instances, folds, lambda);
  const fitted: Record<string, unknown> = {};
  for (const [set, insts] of bySet(instances)) fitted[set] = describeTally(simulate(insts, final, final.threshold, final.floor));
  return {
    features: [...FEATURE_NAMES],
    weights: final.weights,
    answerFeatures: [...ANSWER_FEATURE_NAMES],
    answerWeights: final.answerWeights,
    threshold: final.threshold,
    floor: final.floor,
    rankFloor: final.rankFloor,
    trainedOn: { sources, questions: instances.length, lambda, rule: 'logistic regression (Newton, L2) on every candidate sentence; threshold maximises the sets\' mean balanced accuracy' },
    figures: {
      fittedOnAll: fitted,
      crossValidated: {
        folds,
        fitted: Object.fromEntries(Object.entries(cv.fitted).map(([k, v]) => [k, describeTally(v)])),
        heldOut: Object.fromEntries(Object.entries(cv.heldOut).map(([k, v]) => [k, describeTally(v)])),
      },
    },
  };
}
