import { describe, expect, it } from 'vitest';
import { LIGHT_VERB_STEMS } from '../../src/matcher/roles.ts';
import { stemWord } from '../../src/nlp/text.ts';
import { COMPANY_SUFFIXES, GENERIC_BODIES, MAKER_VERBS, pastTenseOf, PLACE_MODIFIERS, STORM_HEADS } from '../../src/nlp/word-lists.ts';

describe('word lists kept as data', () => {
  it('reads each list file into the words the build compares with', () => {
    for (const [list, word, has] of [
      [STORM_HEADS, 'hurricane', true],
      [STORM_HEADS, 'rain', false],
      [COMPANY_SUFFIXES, 'plc', true],
      [COMPANY_SUFFIXES, 'group', false],
      [PLACE_MODIFIERS, 'based', true],
      [PLACE_MODIFIERS, 'owned', false],
    ] as const) expect(list.has(word), word).toBe(has);
  });
  it('gives each generic word for a body its kind: a business, an overseer, or either', () => {
    expect([GENERIC_BODIES.get('firm'), GENERIC_BODIES.get('watchdog'), GENERIC_BODIES.get('team'), GENERIC_BODIES.get('minister')]).toEqual(['business', 'oversight', 'body', undefined]);
  });
  it('works out the past forms of the verbs for making a document, phrasal ones too', () => {
    expect(pastTenseOf('carry out')).toBe('carried out');
    expect(MAKER_VERBS).toEqual(expect.arrayContaining(['carried out', 'conducted', 'published']));
  });
  it('stems the verbs whose object noun names the action, so every form of them matches', () => {
    expect(['filed', 'lodges', 'launching', 'made', 'submitted'].filter((w) => LIGHT_VERB_STEMS.has(stemWord(w)))).toEqual(['filed', 'lodges', 'launching', 'made', 'submitted']);
    expect(LIGHT_VERB_STEMS.has(stemWord('appeal'))).toBe(false);
  });
});
