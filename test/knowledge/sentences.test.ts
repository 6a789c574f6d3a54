import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.ts';

describe('splitting sentences', () => {
  it('does not end a sentence at an initialism or a title before a capitalised word', () => {
    expect(splitSentences('New U.S. Treasury Secretary Jacob Lew is heading to China. He met Dr. Ana Ruiz and Gen. Okafor at St. Mary\'s Hospital.')).toEqual([
      'New U.S. Treasury Secretary Jacob Lew is heading to China.',
      "He met Dr. Ana Ruiz and Gen. Okafor at St. Mary's Hospital.",
    ]);
  });

  it('keeps "6:15 a.m. Monday" in one sentence, and U.N. before a name', () => {
    expect(splitSentences('The train left at 6:15 a.m. Monday, the U.N. Office said. It was late.')).toEqual(['The train left at 6:15 a.m. Monday, the U.N. Office said.', 'It was late.']);
  });

  it('does not end a sentence at "c." (circa), "e.g." or "i.e."', () => {
    expect(splitSentences('The printer was Jan Roos (c. 1455–1536). He sold tools, e.g. Saws and hammers. He lived in Delft, i.e. Holland.')).toEqual([
      'The printer was Jan Roos (c. 1455–1536).',
      'He sold tools, e.g. Saws and hammers.',
      'He lived in Delft, i.e. Holland.',
    ]);
  });

  it('ends a sentence at a company suffix before a capitalised word, and only there', () => {
    expect(splitSentences('The yard is owned by Brenna Marine Ltd. Workers walked out on Monday. Orla Corp. Ltd. Shares fell.')).toEqual([
      'The yard is owned by Brenna Marine Ltd.',
      'Workers walked out on Monday.',
      'Orla Corp. Ltd.',
      'Shares fell.',
    ]);
    expect(splitSentences('Kessel Inc. 40 percent of the shares went to Kessel Inc.\'s founder.')).toEqual(["Kessel Inc. 40 percent of the shares went to Kessel Inc.'s founder."]);
  });

  it('keeps quoted speech whole while its quotation marks pair up', () => {
    expect(splitSentences('Gen. Okafor said "We will win. We must." He left.')).toEqual(['Gen. Okafor said "We will win. We must."', 'He left.']);
    expect(splitSentences('“We had cohesion.  We will celebrate,” he said. Then he left.')).toEqual(['“We had cohesion.  We will celebrate,” he said.', 'Then he left.']);
  });

  it('splits normally when the quotation marks do not pair up', () => {
    expect(splitSentences('"Lines are cut, said Shrestha. "Crops are damaged."')).toEqual(['"Lines are cut, said Shrestha.', '"Crops are damaged."']);
  });
});
