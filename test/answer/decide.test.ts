import { describe, expect, it } from 'vitest';
import { decides, type DecisionFacts } from '../../src/answer/decide.ts';

const facts = (over: Partial<DecisionFacts>): DecisionFacts => ({ confidence: 0.5, disputed: false, ungrounded: false, states: false, statesUnknown: false, typeMissing: false, ...over });
const T = 0.56;
const F = 0.45;

describe('decides: the one decision the answer step and training share', () => {
  it.each([
    ['a probability over the threshold answers', 'what', facts({ confidence: 0.6 }), 'answer'],
    ['one under it does not', 'what', facts({ confidence: 0.55 }), undefined],
    ['a disputed sentence never answers', 'what', facts({ confidence: 0.99, disputed: true }), undefined],
    ['a disputed sentence does not answer "not known" either', 'when', facts({ confidence: 0.1, disputed: true, statesUnknown: true }), undefined],
    ['a sentence saying the thing is not known answers so', 'how-many', facts({ confidence: 0.1, statesUnknown: true }), 'not-known'],
    ['a yes/no sentence that is not grounded never answers, however likely', 'confirm', facts({ confidence: 0.99, ungrounded: true }), undefined],
    ['nor does it answer "not known"', 'confirm', facts({ confidence: 0.1, ungrounded: true, statesUnknown: true }), undefined],
    ['a yes/no sentence stating the very proposition answers above the floor', 'confirm', facts({ confidence: 0.5, states: true }), 'answer'],
    ['but not under the floor', 'confirm', facts({ confidence: 0.4, states: true }), undefined],
    ['the floor rule is for yes/no questions only', 'what', facts({ confidence: 0.5, states: true }), undefined],
    ['a how-many answer must hold a count, however likely', 'how-many', facts({ confidence: 0.9, typeMissing: true }), undefined],
    ['a when answer must hold a date', 'when', facts({ confidence: 0.9, typeMissing: true }), undefined],
    ['but may say the count is not known', 'how-many', facts({ confidence: 0.2, typeMissing: true, statesUnknown: true }), 'not-known'],
    ['a who answer is left to the model', 'who', facts({ confidence: 0.9, typeMissing: true }), 'answer'],
  ] as const)('%s', (_, intent, f, want) => {
    expect(decides(f, intent, T, F)).toBe(want);
  });
});
