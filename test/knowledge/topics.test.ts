import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../src/knowledge/build.ts';

describe('topics of an article without an overlay', () => {
  const text = [
    'A powerful cyclone battered the coast of Bangladesh on Thursday.',
    'Red Cross coordinator Shail Shrestha warned that the devastation was widespread.',
    'Relief teams carried food and tents to the districts.',
  ].join('\n');
  const built = buildKnowledge({ id: 'cyclone', text });

  it('names each topic as a person would: a speaker and what they did, an entity, or a word', () => {
    const names = built.topics.map((t) => t.name);
    expect(names.slice(0, 2)).toEqual(['Bangladesh', 'Shail Shrestha’s warning']);
    // A paragraph about no one is named by one of its own words, capitalised.
    expect(['Relief', 'Teams', 'Food', 'Tents', 'Districts']).toContain(names[2]);
  });

  it('leads each topic with the sentence that sums it up, and suggests a question', () => {
    expect(built.topics[1]?.sentenceIds[0]).toBe('p2.s1');
    expect(built.topics[1]?.suggestion).toBe('What did Shail Shrestha say?');
  });

  it('uses the lead sentence as the headline', () => {
    expect(built.article.headline).toBe('A powerful cyclone battered the coast of Bangladesh on Thursday.');
  });
});
