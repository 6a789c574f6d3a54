import { describe, expect, it } from 'vitest';
import { countryGazetteer } from '../../src/nlp/gazetteer.ts';

describe('the country gazetteer', () => {
  it('knows the everyday demonyms the data set spells otherwise ("Kyrgyz", "Tajik", "Uzbek")', () => {
    const aliasesOf = (name: string) => countryGazetteer().find((c) => c.name === name)?.aliases ?? [];
    expect(aliasesOf('Kyrgyzstan')).toContain('Kyrgyz');
    expect(aliasesOf('Tajikistan')).toContain('Tajik');
    expect(aliasesOf('Uzbekistan')).toContain('Uzbek');
  });
});
