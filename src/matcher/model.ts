import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ANSWER_FEATURE_NAMES, FEATURE_NAMES } from './features.ts';

/**
 * The model that scores a (question, sentence) pair: a logistic regression over
 * `FEATURE_NAMES`, fitted by `npm run train` and committed as `src/matcher/model.json`. The
 * file also says what it was fitted on and how it did, fitted and held out.
 */
export const modelSchema = z.object({
  /** The ranking model: which sentence best answers. */
  features: z.array(z.string()),
  weights: z.array(z.number()),
  /** The answer model: whether the best sentence answers at all. */
  answerFeatures: z.array(z.string()),
  answerWeights: z.array(z.number()),
  /** The best sentence answers when the answer model's probability exceeds this. */
  threshold: z.number().min(0).max(1),
  /** Below the threshold but above this, the best sentence is offered as the closest passage. */
  floor: z.number().min(0).max(1),
  /** The lowest ranking score among sentences that ever answered in training: the pruned path reads only terms a sentence needs to beat it. */
  rankFloor: z.number(),
  trainedOn: z.record(z.string(), z.unknown()).default({}),
  figures: z.record(z.string(), z.unknown()).default({}),
});

/** A validated model. */
export type Model = z.infer<typeof modelSchema>;

/** Checks a model against the features this code computes: same names, same order. */
export function parseModel(json: unknown): Model {
  const model = modelSchema.parse(json);
  const expected = FEATURE_NAMES.join(',');
  if (model.features.join(',') !== expected) throw new Error(`the model was fitted on other features (${model.features.join(', ')}); run npm run train`);
  if (model.weights.length !== FEATURE_NAMES.length) throw new Error('the model has one weight per feature');
  if (model.answerFeatures.join(',') !== ANSWER_FEATURE_NAMES.join(',') || model.answerWeights.length !== ANSWER_FEATURE_NAMES.length) throw new Error('the answer model was fitted on other features; run npm run train');
  return model;
}

let committed: Model | undefined;

/** The committed model, read once. */
export function committedModel(): Model {
  committed ??= parseModel(JSON.parse(readFileSync(new URL('./model.json', import.meta.url), 'utf8')));
  return committed;
}

/** A model with every weight 0: for computing features before any model is fitted (training). */
export function neutralModel(): Model {
  return {
    features: [...FEATURE_NAMES],
    weights: FEATURE_NAMES.map(() => 0),
    answerFeatures: [...ANSWER_FEATURE_NAMES],
    answerWeights: ANSWER_FEATURE_NAMES.map(() => 0),
    threshold: 0.5,
    floor: 0.25,
    rankFloor: -1e9,
    trainedOn: {},
    figures: {},
  };
}

/** The model's log-odds for a feature vector. */
export function logit(weights: readonly number[], values: Float64Array): number {
  let z = 0;
  for (let k = 0; k < values.length; k++) z += (weights[k] ?? 0) * (values[k] ?? 0);
  return z;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
