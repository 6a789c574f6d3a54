/** Tunable weights and thresholds of the ranking, gathered in one place with their defaults. */
export interface MatchOptions {
  /**
   * A sentence is an answer only if its confidence (0–1) exceeds this: it must account for more
   * than half of the question's weight. Every penalty below is under it, so one piece of evidence
   * against a sentence sinks it even at full coverage. Default 0.5.
   */
  threshold: number;
  /** Credit for a term matched through a synonym instead of the word itself. Default 0.8. */
  synonymCredit: number;
  /** Credit for a term found elsewhere in the sentence's paragraph rather than in it. Default 0.5. */
  paragraphCredit: number;
  /** Confidence multiplier when a typed question (who/when/…) finds no answer of its type. Default 0.45. */
  missingTypePenalty: number;
  /** Confidence multiplier when the sentence holds the opposite of a question word. Default 0.45. */
  contradictionPenalty: number;
  /** Confidence multiplier when a key entity, number or name is missing from the paragraph, or a multi-word name ("Paris Philharmony") stands split in the sentence. Default 0.25. */
  missingKeyPenalty: number;
  /** Confidence multiplier when the question is negated ("what is not …") and the sentence does not negate the same word, or the sentence negates a predicate the question asserts ("is not met" for "is met"). Default 0.35. */
  negationPenalty: number;
  /** Confidence multiplier when a key entity or name is only in the paragraph, not in the sentence (which has no pronoun to stand for it), or the sentence matches less than `minDirect` itself. Default 0.45. */
  contextOnlyPenalty: number;
  /** Weight of a degree word or -ly adverb ("typically", "largely") relative to its IDF. Default 0.4. */
  modifierWeight: number;
  /** Least share of the question's weight a sentence must match itself, not through its paragraph. Default 0.5. */
  minDirect: number;
  /** Weight multiplier of the noun a what/which-question asks for ("city" in "what city"). Default 1.5. */
  headWeight: number;
  /** How many ranked sentences to return. Default 5. */
  limit: number;
}

/** The defaults; see each field. */
export const DEFAULT_MATCH_OPTIONS: Readonly<MatchOptions> = Object.freeze({
  threshold: 0.5,
  synonymCredit: 0.8,
  paragraphCredit: 0.5,
  missingTypePenalty: 0.45,
  contradictionPenalty: 0.45,
  missingKeyPenalty: 0.25,
  negationPenalty: 0.35,
  contextOnlyPenalty: 0.45,
  modifierWeight: 0.4,
  minDirect: 0.5,
  headWeight: 1.5,
  limit: 5,
});
