import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../src/matcher/question.ts';
import { rankSentences } from '../../src/matcher/rank.ts';
import { sentenceText } from '../../src/matcher/search-index.ts';
import { F } from '../../src/matcher/features.ts';
import { DEFAULT_MATCH_OPTIONS, withModel, type MatchOptions } from '../../src/matcher/options.ts';
import { semanticFeatures, semanticQuestion } from '../../src/matcher/semantic.ts';
import { similarity, vectorId, wordVectors } from '../../src/nlp/vectors.ts';
import { brieferFor } from '../helpers/knowledge.ts';

describe('word vectors (GloVe, trimmed by scripts/build-vectors.mjs)', () => {
  const v = wordVectors();
  const sim = (a: string, b: string): number => similarity(v, vectorId(v, a), vectorId(v, b));

  it('hold the 50 000 most frequent words, most frequent first, lower case', () => {
    expect(v.ids.size).toBe(50_000);
    expect(vectorId(v, 'the')).toBe(0);
    expect(vectorId(v, 'The')).toBe(-1);
    expect(vectorId(v, 'earthquake')).toBeGreaterThan(0);
  });

  it('put paraphrases near and unrelated words far: quake/earthquake, killed/died, but not quake/banana', () => {
    expect(sim('quake', 'quake')).toBe(1);
    expect(sim('quake', 'earthquake')).toBeGreaterThan(0.6);
    expect(sim('killed', 'died')).toBeGreaterThan(0.5);
    expect(sim('quake', 'banana')).toBeLessThan(0.2);
  });
});

const STORY = ['Ferry sailings were cancelled on Monday, 40 in all.', 'Airlines cancelled 320 departures on Monday.', 'Passengers were told to check online.'].join('\n\n');
const QUESTION = 'How many flights were cancelled on Monday?';

describe('paraphrase from word vectors', () => {
  const story = brieferFor(STORY, 'strike');
  const plan = analyseQuestion(QUESTION, story.index);
  const bestOf = (options: MatchOptions = DEFAULT_MATCH_OPTIONS): string | undefined => {
    const best = rankSentences(story.index, plan, options)[0];
    return best && sentenceText(story.index, best.index);
  };

  it('scores a sentence that says it in other words near, and one about something else far', () => {
    const q = semanticQuestion(plan);
    const airlines = semanticFeatures(q, 'Airlines cancelled 320 departures on Monday.');
    const museum = semanticFeatures(q, 'The museum reopened its sculpture garden.');
    expect(airlines.semantic).toBeGreaterThan(museum.semantic + 0.3);
    expect(airlines.semanticMiss).toBeLessThan(museum.semanticMiss);
  });

  it(`ranks "Airlines cancelled 320 departures" first for "${QUESTION}", over ferry sailings that match as many of its words`, () => {
    expect(bestOf()).toBe('Airlines cancelled 320 departures on Monday.');
  });

  it('(without the word-vector weights, and the figure-verb weight that also favours "cancelled 320", the ferry sailings rank first: the features make the difference)', () => {
    const model = DEFAULT_MATCH_OPTIONS.model;
    const weights = model.weights.map((w, k) => (k === F.semantic || k === F.semanticMiss || k === F.countEvent ? 0 : w));
    expect(bestOf(withModel({ ...model, weights }))).toBe('Ferry sailings were cancelled on Monday, 40 in all.');
  });

  it('reranks its ten best even when asked for one: the ferry sailings, first by word match alone, do not win', () => {
    expect(bestOf({ ...DEFAULT_MATCH_OPTIONS, limit: 1 })).toBe('Airlines cancelled 320 departures on Monday.');
  });

  it('reranks the same way on the pruned and the exhaustive path, with the features filled in', () => {
    const pruned = rankSentences(story.index, plan);
    const exhaustive = rankSentences(story.index, plan, DEFAULT_MATCH_OPTIONS, true);
    expect(pruned.map((r) => [r.index, r.score])).toEqual(exhaustive.map((r) => [r.index, r.score]));
    expect(pruned[0]?.features[F.semantic]).toBeGreaterThan(0.5);
  });
});
