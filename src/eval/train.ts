import { answerPlan } from '../answer/answer.ts';
import { ANSWER_FEATURE_NAMES, answerFeatures, FEATURE_NAMES } from '../matcher/features.ts';
import type { Intent } from '../matcher/intent.ts';
import { logit, neutralModel, type Model } from '../matcher/model.ts';
import { withModel } from '../matcher/options.ts';
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
      instance.candidates.push({ x: r.features, y: holds(text) ? 1 : 0, opposite: r.explanation.opposite, coverage: COVER.reduce((s, k) => s + (r.features[k] ?? 0), 0) });
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

/** Ranks a question's candidates under ranking weights: the best and the second best score. */
function top2(inst: Instance, weights: readonly number[]): { best?: Candidate; bestZ: number; secondZ?: number } {
  let best: Candidate | undefined;
  let bestZ = -Infinity;
  let secondZ = -Infinity;
  for (const c of inst.candidates) {
    const z = logit(weights, c.x);
    if (z > bestZ) {
      secondZ = bestZ;
      bestZ = z;
      best = c;
    } else if (z > secondZ) secondZ = z;
  }
  return { ...(best ? { best } : {}), bestZ, ...(Number.isFinite(secondZ) ? { secondZ } : {}) };
}

/** The answer model's view of a question under ranking weights: its features, whether the best is right, whether it is disputed. */
function answerView(inst: Instance, weights: readonly number[]): { x: Float64Array; right: boolean; disputed: boolean } | undefined {
  const { best, bestZ, secondZ } = top2(inst, weights);
  if (!best) return undefined;
  const disputed = inst.candidates.some((c) => c !== best && c.opposite && c.coverage >= best.coverage);
  return { x: answerFeatures({ score: bestZ, features: best.x }, secondZ, inst.intent === 'what'), right: best.y === 1, disputed };
}

/** What the pipeline decides for a question: its answer probability, whether the best sentence is right, whether it is disputed. */
function decide(inst: Instance, m: Pick<Fitted, 'weights' | 'answerWeights'>): { p: number; right: boolean; disputed: boolean } {
  const v = answerView(inst, m.weights);
  if (!v) return { p: 0, right: false, disputed: false };
  return { p: 1 / (1 + Math.exp(-logit(m.answerWeights, v.x))), right: v.right, disputed: v.disputed };
}

/** Answered right of answerable, declined right of unanswerable. */
export interface Tally {
  answeredRight: number;
  answerable: number;
  declinedRight: number;
  unanswerable: number;
}

/** Scores instances under fitted models and a threshold, as the answer pipeline decides. */
export function simulate(instances: readonly Instance[], m: Pick<Fitted, 'weights' | 'answerWeights'>, threshold: number): Tally {
  const t: Tally = { answeredRight: 0, answerable: 0, declinedRight: 0, unanswerable: 0 };
  for (const inst of instances) {
    let right: boolean;
    if (inst.stanceRight !== undefined) right = inst.stanceRight;
    else {
      const d = decide(inst, m);
      const answers = d.p > threshold && !d.disputed;
      right = inst.answerable ? answers && d.right : !answers;
    }
    if (inst.answerable) {
      t.answerable++;
      if (right) t.answeredRight++;
    } else {
      t.unanswerable++;
      if (right) t.declinedRight++;
    }
  }
  return t;
}

/** Half the share answered right plus half the share declined right: what the threshold maximises, per set, averaged. */
export function balanced(t: Tally): number {
  return 0.5 * (t.answerable ? t.answeredRight / t.answerable : 1) + 0.5 * (t.unanswerable ? t.declinedRight / t.unanswerable : 1);
}

function bySet(instances: readonly Instance[]): Map<string, Instance[]> {
  const out = new Map<string, Instance[]>();
  for (const i of instances) out.set(i.set, [...(out.get(i.set) ?? []), i]);
  return out;
}

/** The threshold on the answer probability that maximises the sets' mean balanced accuracy. */
export function chooseThreshold(instances: readonly Instance[], m: Pick<Fitted, 'weights' | 'answerWeights'>): number {
  const sets = bySet(instances);
  let best = 0.5;
  let bestScore = -1;
  for (let k = 5; k <= 95; k++) {
    const candidate = k / 100;
    const score = [...sets.values()].reduce((sum, insts) => sum + balanced(simulate(insts, m, candidate)), 0) / sets.size;
    if (score > bestScore + 1e-9) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

/**
 * The closest-passage floor: the lowest answer probability under the threshold at which the best
 * sentence of an answerable question still holds its answer at least half the time, so a
 * "closest passage" is more often on point than not.
 */
export function chooseFloor(instances: readonly Instance[], m: Pick<Fitted, 'weights' | 'answerWeights'>, threshold: number): number {
  const band = instances
    .filter((i) => i.stanceRight === undefined)
    .map((i) => ({ ...decide(i, m), answerable: i.answerable }))
    .filter((d) => d.p <= threshold)
    .sort((a, b) => b.p - a.p);
  let hits = 0;
  let floor = threshold;
  band.forEach((d, k) => {
    if (d.answerable && d.right) hits++;
    if (hits / (k + 1) >= 0.5 && k >= 4) floor = d.p;
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
  const answerWeights = fitLogistic(views, ANSWER_FEATURE_NAMES.length, lambda);
  const m = { weights, answerWeights };
  const threshold = chooseThreshold(instances, m);
  // The lowest ranking score of a right best sentence that the answer model lets through, less a margin.
  const answered = instances.flatMap((i) => {
    const { best, bestZ } = top2(i, weights);
    return best && i.answerable && best.y === 1 && decide(i, m).p > threshold * 0.5 ? [bestZ] : [];
  });
  const rankFloor = Math.round((Math.min(...answered, 0) - 1) * 1000) / 1000;
  return { ...m, threshold, floor: chooseFloor(instances, m, threshold), rankFloor };
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
    for (const [set, insts] of bySet(train)) cv.fitted[set] = add(cv.fitted[set], simulate(insts, model, model.threshold));
    for (const [set, insts] of bySet(test)) cv.heldOut[set] = add(cv.heldOut[set], simulate(insts, model, model.threshold));
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
  for (const [set, insts] of bySet(instances)) fitted[set] = describeTally(simulate(insts, final, final.threshold));
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
