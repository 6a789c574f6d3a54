/**
 * The floor to beat: a tight BM25 over sentences in typed arrays. The same tokenizer, stop words
 * and stems as Briefing; postings as one Uint32Array of sentence ids with a Uint16Array of term
 * frequencies; a question's scores added up term at a time into a Float32Array, and the best five
 * picked without sorting every sentence. No answer, no decline: the best sentence only.
 */
import { isStopWord, tokenize } from '../src/nlp/text.ts';

/** A built baseline. */
export interface TightBm25 {
  /** The best `k` sentences (ids given to `buildTightBm25`) for a question, best first. */
  search(question: string, k?: number): number[];
  /** Bytes its arrays take. */
  bytes: number;
}

/** Indexes sentence texts (id = position). */
export function buildTightBm25(texts: Iterable<string>): TightBm25 {
  const vocab = new Map<string, number>();
  const docTerms: number[][] = [];
  const lengths: number[] = [];
  for (const text of texts) {
    const ids: number[] = [];
    for (const t of tokenize(text)) {
      if (isStopWord(t.norm)) continue;
      let id = vocab.get(t.stem);
      if (id === undefined) vocab.set(t.stem, (id = vocab.size));
      ids.push(id);
    }
    docTerms.push(ids);
    lengths.push(ids.length);
  }
  const n = docTerms.length;
  const df = new Uint32Array(vocab.size);
  for (const ids of docTerms) for (const id of new Set(ids)) df[id] = (df[id] as number) + 1;
  const offsets = new Uint32Array(vocab.size + 1);
  for (let t = 0; t < vocab.size; t++) offsets[t + 1] = (offsets[t] as number) + (df[t] as number);
  const docs = new Uint32Array(offsets[vocab.size] as number);
  const tfs = new Uint16Array(docs.length);
  const fill = offsets.slice(0, vocab.size);
  docTerms.forEach((ids, d) => {
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, c] of [...counts].sort((a, b) => a[0] - b[0])) {
      const at = fill[id] as number;
      docs[at] = d;
      tfs[at] = Math.min(c, 0xffff);
      fill[id] = at + 1;
    }
  });
  const docLength = Float32Array.from(lengths);
  const avg = lengths.reduce((s, x) => s + x, 0) / Math.max(1, n);
  const scores = new Float32Array(n);
  const touched = new Uint32Array(n);
  const k1 = 1.2;
  const b = 0.75;
  const norm = Float32Array.from(docLength, (len) => k1 * (1 - b + (b * len) / avg));
  return {
    bytes: docs.byteLength + tfs.byteLength + offsets.byteLength + norm.byteLength + scores.byteLength + touched.byteLength,
    search(question, k = 5) {
      let count = 0;
      const seen = new Set<number>();
      for (const t of tokenize(question)) {
        if (isStopWord(t.norm)) continue;
        const id = vocab.get(t.stem);
        if (id === undefined || seen.has(id)) continue;
        seen.add(id);
        const idf = Math.log(1 + (n - (df[id] as number) + 0.5) / ((df[id] as number) + 0.5));
        for (let j = offsets[id] as number, end = offsets[id + 1] as number; j < end; j++) {
          const d = docs[j] as number;
          const tf = tfs[j] as number;
          if (scores[d] === 0) touched[count++] = d;
          scores[d] = (scores[d] as number) + (idf * tf * (k1 + 1)) / (tf + (norm[d] as number));
        }
      }
      // The best k by one pass, keeping a small sorted list.
      const best: number[] = [];
      for (let x = 0; x < count; x++) {
        const d = touched[x] as number;
        const s = scores[d] as number;
        if (best.length === k && s <= (scores[best[k - 1] as number] as number)) continue;
        let at = best.length;
        while (at > 0 && s > (scores[best[at - 1] as number] as number)) at--;
        best.splice(at, 0, d);
        if (best.length > k) best.pop();
      }
      const out = [...best];
      for (let x = 0; x < count; x++) scores[touched[x] as number] = 0;
      return out;
    },
  };
}
