import { describe, expect, it } from 'vitest';
import { brieferForSet, loadNewsSet } from '../../src/eval/datasets.ts';
import { briefingSays } from '../../src/eval/run.ts';
import { isRightAnyCitation, tally } from '../../src/eval/score.ts';
import { collectInstances, simulate } from '../../src/eval/train.ts';
import { committedModel } from '../../src/matcher/model.ts';

// Training chooses the threshold by simulating the answer step on cached candidates. If the
// simulation decided otherwise than the pipeline (a gate it did not know, another disputed rule),
// the threshold it chose would be fitted to a different product. Both decide with `decides`;
// this checks that they agree, question by question, on a whole news set.
describe('training simulates the answer step', () => {
  it('scores fresh7 exactly as the pipeline answers it, under the committed model', () => {
    const set = loadNewsSet('test/fixtures/fresh7', 'fresh7');
    const model = committedModel();
    const { briefer } = brieferForSet(set);
    const instances = collectInstances(set);
    const byQuestion = new Map(instances.map((i) => [i.question, i]));
    const disagree: string[] = [];
    for (const q of set.questions) {
      const inst = byQuestion.get(q.q);
      if (!inst) continue; // help, summary and topics questions are not the model's
      const simulated = simulate([inst], model, model.threshold, model.floor);
      const said = briefingSays(briefer, q.q);
      const right = tally([{ item: { expect: q.expect }, said }], isRightAnyCitation);
      if (simulated.answeredRight + simulated.declinedRight !== right.answeredRight + right.declinedRight) disagree.push(q.q);
    }
    expect(disagree).toEqual([]);
    expect(byQuestion.size).toBeGreaterThan(150);
  });
});
