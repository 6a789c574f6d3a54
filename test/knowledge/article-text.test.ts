import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeArticle, NotAnArticleError } from '../../src/knowledge/article-text.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('refusing what is not an article', () => {
  it('takes UTF-8 prose', () => {
    expect(decodeArticle(bytes('The harbour reopened on Monday after the storm.'))).toBe('The harbour reopened on Monday after the storm.');
  });

  it.each([
    ['random bytes', randomBytes(4000), /NUL bytes|not UTF-8|control/],
    ['an ELF header', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...bytes(' some text here and more')]), /NUL bytes/],
    ['Latin-1, not UTF-8', Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73]), /not UTF-8/],
    ['a table of numbers', bytes('1,2,3,4\n5,6,7,8\n9,10,11,12\n13,14,15,16\n'), /mostly not letters/],
    ['a word list', bytes('apple\nbanana\ncherry\n'), /no sentence of words/],
    ['an empty file', bytes('   \n\n'), /empty/],
  ])('refuses %s with the reason', (_name, input, reason) => {
    expect(() => decodeArticle(input)).toThrow(NotAnArticleError);
    expect(() => decodeArticle(input)).toThrow(reason);
  });

  it('refuses a file over the size limit, saying how to raise it', () => {
    expect(() => decodeArticle(bytes('A long sentence of words. '.repeat(100)), 1000)).toThrow(/over the limit of 1 KB \(raise it with --max-bytes\)/);
  });
});
