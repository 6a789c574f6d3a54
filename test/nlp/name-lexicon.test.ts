import { describe, expect, it } from 'vitest';
import { isPersonNoun } from '../../src/nlp/name-lexicon.ts';
import { isKindOfPerson } from '../../src/nlp/wordnet.ts';

describe('nouns for people, by WordNet', () => {
  it('takes a job WordNet puts under "person" within three steps ("nurse", "skipper", "referee") and not a thing whose longer chain wanders there ("road", "season")', () => {
    for (const w of ['nurse', 'skipper', 'referee', 'magistrate', 'farmer']) expect(isKindOfPerson(w), w).toBe(true);
    for (const w of ['road', 'season', 'storm', 'river']) expect(isKindOfPerson(w), w).toBe(false);
  });
  it('leaves out words that end bodies\' or places\' names, adjectives and plurals', () => {
    expect(isPersonNoun('nurse')).toBe(true);
    expect(isPersonNoun('company')).toBe(false);
    expect(isPersonNoun('general')).toBe(false);
    expect(isPersonNoun('nurses')).toBe(false);
  });
});
