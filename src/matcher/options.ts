import { committedModel, type Model } from './model.ts';

/** Every tunable of the matcher, in one place with its default. */
export interface MatchOptions {
  /** The fitted model: feature weights, the answer threshold and the closest-passage floor. Default: the committed `model.json`. */
  model: Model;
  /** How many ranked sentences to return. Default 5. */
  limit: number;
  /** Most sentences scored in full per question on the pruned path, past the bound. Default 400. */
  maxScored: number;
}

/** The defaults; the model is read on first use. */
export const DEFAULT_MATCH_OPTIONS: Readonly<MatchOptions> = Object.freeze({
  get model(): Model {
    return committedModel();
  },
  limit: 5,
  maxScored: 400,
});

/** Options with a different model (training and evaluation). */
export function withModel(model: Model, base: Readonly<MatchOptions> = DEFAULT_MATCH_OPTIONS): MatchOptions {
  return { model, limit: base.limit, maxScored: base.maxScored };
}
