import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.ts';
import { createBriefer } from '../../src/answer/reply.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import { F } from '../../src/matcher/features.ts';
import { analyseQuestion } from '../../src/matcher/question.ts';
import { rankSentences } from '../../src/matcher/rank.ts';
import { sentenceId } from '../../src/matcher/search-index.ts';

/*
 * A how-many question's verb against the verb of each figure: "killed 14 people" is evidence for
 * "how many died" (WordNet's gloss of kill is "cause to die"), "evacuated 230 people" is not. The
 * model weighs it (`countEvent`). Sentences written for this test.
 */
const text = `Floods hit Marrow valley

Heavy rain flooded the Marrow valley on Sunday.

Rescue crews evacuated 230 people from the upper valley.

The floods killed 14 people in the lower valley.

Engineers inspected 40 bridges in the valley and closed nine of them.

A fire at the pumping station killed two workers, and 11 firefighters were injured.`;

const index = createBriefer([buildKnowledge({ id: 'marrow', text })]).index;

/** The sentences whose figure's verb the question's verb matches. */
function eventSentences(question: string): string[] {
  const ranked = rankSentences(index, analyseQuestion(question, index), undefined, true);
  return ranked.filter((r) => r.features[F.countEvent] === 1).map((r) => sentenceId(index, r.index)).sort();
}

describe('how-many questions and the verb of the figure', () => {
  it('marks the figure whose verb is the question verb or related to it, and no other', () => {
    expect(eventSentences('How many people died?')).toEqual(['p4.s1']);
    expect(eventSentences('How many people were evacuated?')).toEqual(['p3.s1']);
    expect(eventSentences('How many bridges were inspected?')).toEqual(['p5.s1']);
    expect(eventSentences('How many people live in the valley?')).toEqual([]);
  });

  it('pairs the verb with its own figure: "killed two workers" is no evidence for how many firefighters died', () => {
    expect(eventSentences('How many workers died?')).toEqual(['p6.s1']);
    expect(eventSentences('How many firefighters died?')).toEqual([]);
    expect(eventSentences('How many firefighters were hurt?')).toEqual(['p6.s1']);
  });

  it.each([
    ['How many people died?', 'p4.s1', '14 people'],
    ['How many people were evacuated from the valley?', 'p3.s1', '230 people'],
  ])('answers %j from the figure with its verb', (q, id, figure) => {
    const a = answerQuestion(index, q);
    expect(a.answered).toBe(true);
    expect(a.citations[0]?.sentenceId).toBe(id);
    expect(a.citations[0]?.quote).toContain(figure);
  });
});

describe('a how-many or when answer holds a value of the type asked for', () => {
  const factory = createBriefer([
    buildKnowledge({
      id: 'factory',
      text: 'Drone factory expands\n\nThe factory near Kazan has built drones for the army, officials said.\n\nThe plant opened in 2023 and hired 300 workers last year.\n\nIts owners have not said what the drones cost.',
    }),
  ]).index;

  it('declines "How many drones…" when the sentence about the drones holds no count, and offers it as the closest passage', () => {
    const a = answerQuestion(factory, 'How many drones has the factory built?');
    expect(a).toMatchObject({ answered: false, citations: [] });
    expect(a.related.map((r) => r.sentenceId)).toEqual(['p2.s1']);
  });

  it.each([
    ['How many workers were hired?', 'p3.s1'],
    ['When did the factory open?', 'p3.s1'],
  ])('still answers %j from the sentence with the value (%s)', (q, id) => {
    const a = answerQuestion(factory, q);
    expect(a.answered).toBe(true);
    expect(a.citations[0]?.sentenceId).toBe(id);
  });
});
