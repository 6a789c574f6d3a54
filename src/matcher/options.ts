import { committedModel, type Model } from './model.ts';
import { createPostingRetriever, type Retriever } from './retrieve.ts';

/** Every tunable of the matcher, in one place with its default. */
export interface MatchOptions {
  /** The fitted model: feature weights, the answer threshold and the closest-passage floor. Default: the committed `model.json`. */
  model: Model;
  /** How many ranked sentences to return. Default 5. */
  limit: number;
  /** Where candidates come from. Default: the index's own posting lists (`createPostingRetriever`). */
  retriever: Retriever;
  /** Score every candidate instead of pruning by bounds: the reference the pruned path must equal. Default false. */
  exhaustive: boolean;
  /** How many of the best sentences by the word-match features are reranked with the word-vector ones (at least `limit`). Default 10: on the question sets, a deeper rerank changes no best sentence. */
  rerank: number;
}

/** The defaults; the model is read on first use. */
export const DEFAULT_MATCH_OPTIONS: Readonly<MatchOptions> = Object.freeze({
  get model(): Model {
    return committedModel();
  },
  limit: 5,
  retriever: createPostingRetriever(),
  exhaustive: false,
  rerank: 10,
});

/** Options with a different model (training and evaluation). */
export function withModel(model: Model, base: Readonly<MatchOptions> = DEFAULT_MATCH_OPTIONS): MatchOptions {
  return { limit: base.limit, retriever: base.retriever, exhaustive: base.exhaustive, rerank: base.rerank, model };
}
