import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import { findQuantities } from '../../src/knowledge/quantities.ts';
import { quantityEvent } from '../../src/knowledge/quantity-event.ts';
import { tokenize } from '../../src/nlp/text.ts';

/** Each figure of a sentence as "figure text → event". */
function events(sentence: string): string[] {
  const tokens = tokenize(sentence);
  return findQuantities(sentence).map((q) => `${q.text} → ${quantityEvent(sentence, tokens, q.start, q.end) ?? '-'}`);
}

describe('the verb a figure goes with', () => {
  it('takes the verb a counted subject does, through auxiliaries and negation', () => {
    expect(events('More than 300 passengers drowned off the coast.')).toEqual(['300 passengers → drowned']);
    expect(events('About 5,200 residents were moved to shelters overnight.')).toEqual(['5,200 residents → moved']);
    expect(events('Officials said 17 climbers had been rescued.')).toEqual(['17 climbers → rescued']);
  });
  it('takes the verb a counted object follows, over a bound on the figure', () => {
    expect(events('The landslide buried at least 40 homes.')).toEqual(['40 homes → buried']);
    expect(events('Rebels seized 12 trucks and wounded three guards.')).toEqual(['12 trucks → seized', 'three guards → wounded']);
    expect(events('Output fell 4.2 percent in June.')).toEqual(['4.2 percent → fell']);
  });
  it('gives no verb across a clause break, to a reporting verb, or where none is next to the figure', () => {
    expect(events('The storm hit on Monday, and 60 boats sank.')).toEqual(['60 boats → sank']);
    expect(events('Engineers said 90 bridges need repairs.')).toEqual(['90 bridges → need']);
    expect(events('The minister said 90 in the morning.')).toEqual(['90 → -']);
    expect(events('The deaths of 25 miners shocked the region.')).toEqual(['25 miners → -']);
  });
  it('stores the verb with the quantity in the knowledge file', () => {
    const k = buildKnowledge({ id: 'quake', text: 'Quake strikes hill town\n\nThe earthquake destroyed 230 houses on Friday. Rescuers said 14 people died.' });
    expect(k.quantities.map((q) => [q.text, q.event])).toEqual([
      ['230 houses', 'destroyed'],
      ['14 people', 'died'],
    ]);
  });
});
