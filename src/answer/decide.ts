import type { Intent } from '../matcher/intent.ts';
import type { QueryPlan } from '../matcher/question.ts';
import type { RankedSentence } from '../matcher/rank.ts';
import { F } from '../matcher/features.ts';

/**
 * What the answer step weighs about the best sentence, beyond the answer model's probability.
 * The answer pipeline and training both decide from these facts with `decides`, so the threshold
 * that training chooses is the one the pipeline applies, with the same gates.
 */
export interface DecisionFacts {
  /** The answer model's probability. */
  confidence: number;
  /** Another sentence that matches the question as fully says the opposite. */
  disputed: boolean;
  /** A yes/no question: the sentence contradicts its predicate (swapped roles, opposite verb, another name) or lacks its doer. */
  ungrounded: boolean;
  /** A yes/no question with a doer: the sentence states the very proposition (the same doer, verb and receiver). */
  states: boolean;
  /** The sentence says the asked-for thing is not known, and every word of the question is found around it. */
  statesUnknown: boolean;
  /** A typed question (how many, when…): the sentence holds nothing of the type asked for. */
  typeMissing: boolean;
}

/**
 * The questions whose answer must hold a value of the asked type: a count or measure for "how many /
 * how much / how long", a date or time for "when" ("a how-many answer needs a count"). The build reads
 * numbers and dates surely; people, places and reasons less so (a "who" answer may be "the pilot"), and
 * requiring those cost answers on the held-out sets, so they stay the model's to weigh.
 */
const TYPE_REQUIRED: ReadonlySet<Intent> = new Set(['how-many', 'when']);

/** The facts that do not depend on the model: what training keeps of every candidate. */
export type Gates = Omit<DecisionFacts, 'confidence' | 'disputed'>;

/** The facts of a ranked sentence for a question. */
export function decisionFacts(plan: QueryPlan, r: RankedSentence): DecisionFacts {
  return { confidence: r.confidence, disputed: r.disputed === true, ...gatesOf(plan, r) };
}

/** The gates of a ranked sentence for a question: yes/no grounding, "not known", the answer type. */
export function gatesOf(plan: QueryPlan, r: Pick<RankedSentence, 'explanation' | 'features'>): Gates {
  const e = r.explanation;
  // A party in a role, the doer or (in "Was the mayor arrested?") the one it is done to: the sentence must bear it out.
  const hasParty = plan.predicate?.agent !== undefined || plan.predicate?.patient !== undefined;
  const ungrounded = plan.intent === 'confirm' && (e.predicate.conflict || e.antonym || e.nameConflict || (hasParty && !e.predicate.support));
  // Every word of the question is found around it: in the sentence, its paragraph or the story's subject (names, numbers and modifiers anywhere in the story do not count).
  const aboutIt = e.matches.every((m) => (m.kind === 'entity' || m.kind === 'number' || m.kind === 'modifier' ? m.match !== 'none' : m.match !== 'none' && m.match !== 'article'));
  return {
    ungrounded,
    states: plan.intent === 'confirm' && hasParty && e.predicate.support && !ungrounded,
    statesUnknown: e.statesUnknown && aboutIt,
    typeMissing: r.features[F.typeMissing] === 1,
  };
}

/** How the best sentence answers: as the answer, as the article saying the thing is not known, or not at all. */
export type Decision = 'answer' | 'not-known' | undefined;

/**
 * Whether the best sentence answers: its probability clears the threshold, nothing disputes it, and
 * for a how-many or when question it holds a value of the type asked for. A yes/no answer must also
 * be grounded (a learned score alone never attributes a proposition), and a sentence stating the
 * very proposition answers above the closest-passage floor. Otherwise a sentence saying the
 * asked-for thing is not known answers that it is not.
 */
export function decides(f: DecisionFacts, intent: Intent, threshold: number, floor: number): Decision {
  if (f.disputed) return undefined;
  if (intent === 'confirm') {
    if (f.ungrounded) return undefined;
    if (f.confidence > threshold || (f.states && f.confidence > floor)) return 'answer';
  } else if (f.confidence > threshold && !(f.typeMissing && TYPE_REQUIRED.has(intent))) return 'answer';
  return f.statesUnknown ? 'not-known' : undefined;
}
