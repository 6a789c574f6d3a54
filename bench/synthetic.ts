import type { Knowledge } from '../src/knowledge/schema.ts';

/** A small deterministic PRNG (mulberry32), so every run generates the same corpus. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'an', 'el', 'or', 'un', 'ba', 'de', 'fi', 'go', 'hu', 'ja', 'ke'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'has', 'was', 'for', 'on', 'with', 'by', 'from'];

/** Pseudo-words drawn with a Zipf-like skew, plus capitalised names, from a fixed seed. */
export interface Vocabulary {
  words: string[];
  names: string[];
  pickWord(): string;
  pickName(): string;
}

export function createVocabulary(random: () => number, size = 20000, names = 2000): Vocabulary {
  const make = (n: number): string => Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  const words = [...new Set(Array.from({ length: size * 3 }, () => make(2 + Math.floor(random() * 3))))].slice(0, size);
  const nameList = [...new Set(Array.from({ length: names * 2 }, () => make(3)))].slice(0, names).map((w) => w[0]?.toUpperCase() + w.slice(1));
  // Zipf (probability ~ 1/rank) over content words: ranks below 100 are the function words of a
  // real vocabulary, left out here as the matcher drops them, so the commonest content word is
  // about 0.2 % of words, as in news text.
  const zipf = (n: number): number => {
    const low = Math.min(100, n / 10);
    return Math.min(n - 1, Math.floor(Math.exp(Math.log(low) + random() * (Math.log(n) - Math.log(low)))) - Math.floor(low));
  };
  return { words, names: nameList, pickWord: () => words[zipf(words.length)] as string, pickName: () => nameList[zipf(nameList.length)] as string };
}

/** One generated sentence: 10–24 words, some function words, sometimes a name and a number. */
function sentence(random: () => number, vocab: Vocabulary): { text: string; name?: string } {
  const length = 10 + Math.floor(random() * 15);
  const words: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.35) words.push(FUNCTION_WORDS[Math.floor(random() * FUNCTION_WORDS.length)] as string);
    else if (r < 0.4 && !name) words.push((name = vocab.pickName()));
    else if (r < 0.42) words.push(String(Math.floor(random() * 2000)));
    else words.push(vocab.pickWord());
  }
  const text = words.join(' ');
  return { text: `${text[0]?.toUpperCase()}${text.slice(1)}.`, ...(name ? { name } : {}) };
}

/**
 * Generates `count` knowledge files of 4–7 paragraphs of 1–4 sentences, shaped as the build
 * makes them (a person entity per name), without running the NLP build on each.
 */
export function generateCorpus(count: number, seed = 42): Knowledge[] {
  const random = createRandom(seed);
  const vocab = createVocabulary(random);
  const out: Knowledge[] = [];
  for (let a = 0; a < count; a++) {
    const paragraphs: Knowledge['paragraphs'] = [];
    const mentions = new Map<string, string[]>();
    const nParagraphs = 4 + Math.floor(random() * 4);
    for (let p = 1; p <= nParagraphs; p++) {
      const sentences: Knowledge['paragraphs'][number]['sentences'] = [];
      const nSentences = 1 + Math.floor(random() * 4);
      for (let s = 1; s <= nSentences; s++) {
        const { text, name } = sentence(random, vocab);
        const id = `p${p}.s${s}`;
        if (name) mentions.set(name, [...(mentions.get(name) ?? []), id]);
        sentences.push({ id, text, types: name ? ['person'] : [], negated: false, unknown: [] });
      }
      paragraphs.push({ id: `p${p}`, sentences });
    }
    const id = `synthetic-${a}`;
    out.push({
      schemaVersion: 2,
      article: { id, title: `Synthetic article ${a}`, headline: paragraphs[0]?.sentences[0]?.text ?? '' },
      paragraphs,
      entities: [...mentions].map(([name, sentenceIds]) => ({ id: name.toLowerCase(), name, type: 'person' as const, aliases: [], affiliations: [], sentenceIds })),
      quantities: [],
      dates: [],
      claims: [],
      topics: [{ id: 'all', name: 'All', sentenceIds: ['p1.s1'], suggestion: 'What happened?' }],
    });
  }
  return out;
}

/**
 * Questions over a generated corpus: half take 3–5 words of a random sentence (answerable),
 * half mix in words that appear nowhere (should be declined).
 */
export function generateQuestions(corpus: readonly Knowledge[], count: number, seed = 7): string[] {
  const random = createRandom(seed);
  const out: string[] = [];
  for (let q = 0; q < count; q++) {
    const k = corpus[Math.floor(random() * corpus.length)] as Knowledge;
    const p = k.paragraphs[Math.floor(random() * k.paragraphs.length)] as Knowledge['paragraphs'][number];
    const s = p.sentences[Math.floor(random() * p.sentences.length)] as Knowledge['paragraphs'][number]['sentences'][number];
    const words = s.text.replace(/\.$/, '').split(' ').filter((w) => !FUNCTION_WORDS.includes(w.toLowerCase()));
    const picked = Array.from({ length: 3 + Math.floor(random() * 3) }, () => words[Math.floor(random() * words.length)] ?? '');
    if (q % 2 === 1) picked[0] = 'xyloquartz';
    out.push(`What ${picked.join(' ')}?`);
  }
  return out;
}
