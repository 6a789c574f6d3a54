import { describe, expect, it } from 'vitest';
import { readSeedCases } from '../../src/eval/run.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../../src/matcher/options.ts';
import { analyseQuestion } from '../../src/matcher/question.ts';
import { rankSentences, type RankedSentence } from '../../src/matcher/rank.ts';
import { createPostingRetriever, createRowRetriever, retrievalKeys, type Retriever } from '../../src/matcher/retrieve.ts';
import { seedBriefer } from '../helpers/knowledge.ts';

const seed = seedBriefer();
const questions = readSeedCases('test/fixtures/seed-questions.jsonl').map((c) => c.question);

/** The posting retriever, recording each call's sentences (in the order met) and keys. */
function recording(): { retriever: Retriever; calls: { sentences: number[]; keys: number }[] } {
  const inner = createPostingRetriever();
  const calls: { sentences: number[]; keys: number }[] = [];
  return {
    calls,
    retriever: {
      retrieve(index, table) {
        const got = inner.retrieve(index, table);
        const keys = retrievalKeys(table);
        calls.push({ sentences: Array.from(got.sentences.subarray(0, got.count)), keys: keys.stems.length + keys.concepts.length });
        return got;
      },
    },
  };
}

const options = (retriever: Retriever): MatchOptions => ({ model: DEFAULT_MATCH_OPTIONS.model, limit: 5, retriever, exhaustive: false, rerank: DEFAULT_MATCH_OPTIONS.rerank });
const summary = (ranked: readonly RankedSentence[]): [number, number, number][] => ranked.map((r) => [r.index, r.score, r.confidence]);

describe('retrieving candidates from rows found elsewhere', () => {
  it('ranks every seed question alike from the posting retriever’s sentences given in any order (as Postgres returns them)', () => {
    for (const q of questions) {
      const rec = recording();
      const expected = rankSentences(seed.index, analyseQuestion(q, seed.index), options(rec.retriever));
      const rows = rec.calls.map((c) => [...c.sentences].reverse());
      const got = rankSentences(seed.index, analyseQuestion(q, seed.index), options(createRowRetriever(() => rows.shift() ?? [])));
      expect(summary(got), q).toEqual(summary(expected));
    }
  });

  it('keeps only the sentences that hold one of the question’s keys when given every sentence', () => {
    const q = 'Who denied the allegations?';
    const rec = recording();
    const expected = rankSentences(seed.index, analyseQuestion(q, seed.index), options(rec.retriever));
    expect(rec.calls[0]?.keys).toBeGreaterThan(0);
    const every = Array.from({ length: seed.index.sentenceCount }, (_, i) => i);
    let met = -1;
    const rows = createRowRetriever(() => every);
    const counting: Retriever = {
      retrieve(index, table) {
        const got = rows.retrieve(index, table);
        met = got.count;
        return got;
      },
    };
    expect(summary(rankSentences(seed.index, analyseQuestion(q, seed.index), options(counting)))).toEqual(summary(expected));
    expect(met).toBe(rec.calls[0]?.sentences.length);
  });
});
