import { analyseQuestion } from '../../src/matcher/question.ts';
import { describe, expect, it } from 'vitest';
import { answerPlan, answerQuestion } from '../../src/answer/answer.ts';
import { createBriefer, replyAsAnswer, routeRequest } from '../../src/answer/reply.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import { seedBriefer, seedKnowledge, seedSentence } from '../helpers/knowledge.ts';

const b = seedBriefer();
const ask = (q: string) => answerQuestion(b.index, q);

describe('answers', () => {
  it('cite the article id, sentence id and the sentence verbatim', () => {
    const a = ask('Who denied the allegations?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]).toEqual({ articleId: 'iran-missiles-russia', sentenceId: 'p4.s1', quote: seedSentence('p4.s1') });
  });

  it('keep the attribution of a yes/no claim: the US believes it, Iran denies it, both cited', () => {
    const a = ask('Did Iran send missiles to Russia?');
    expect(a.text).toMatch(/^Reported, not confirmed: /);
    expect(a.text).toMatch(/the United States believes so/);
    expect(a.text).toMatch(/Iran denies it/);
    expect(a.text).not.toMatch(/^Yes/);
    expect(a.citations.map((c) => c.sentenceId)).toEqual(expect.arrayContaining(['p1.s1', 'p4.s1']));
    expect(a.citations[0]?.sentenceId).toBe('p1.s1');
  });

  it('never answers "yes" from a sentence whose speaker rejects what it reports', () => {
    const k = buildKnowledge({
      id: 'mill-fire',
      text: 'Mill fire inquiry\n\nThe Corran Paper Company has rejected a report by fire investigators that blames the company for starting the blaze at its riverside mill.\n\nThe mill closed for two weeks after the fire.',
    });
    const index = createBriefer([k]).index;
    const disputed = answerQuestion(index, 'Did the Corran Paper Company start the blaze?');
    expect(disputed.answered).toBe(true);
    expect(disputed.text).toBe('Disputed: the Corran Paper Company denies it.');
    expect(disputed.citations[0]?.sentenceId).toBe('p2.s1');
    // Asked about the rejection itself, the same sentence bears it out.
    const rejection = answerQuestion(index, 'Did the Corran Paper Company reject the report?');
    expect(rejection.text).toBe('Yes, according to the article.');
    expect(rejection.citations[0]?.sentenceId).toBe('p2.s1');
  });

  it('answer "how many" and "when" with the sentence that says it is undisclosed', () => {
    for (const q of ['How many missiles did Iran send?', 'When were the missiles delivered?']) {
      const a = ask(q);
      expect(a.answered).toBe(true);
      expect(a.citations[0]?.quote).toBe(seedSentence('p1.s2'));
      expect(a.text).toMatch(/not known/);
    }
  });

  it('answer "what did X say" with X\'s claims, the pronoun sentence included', () => {
    const a = ask('What did Sean Savett say?');
    expect(a.intent).toBe('stance');
    expect(a.citations.map((c) => c.sentenceId)).toEqual(['p2.s2', 'p2.s3']);
  });

  it('decline with 2–3 suggestions and no citation, never a half answer', () => {
    const a = ask('What is the population of Kursk?');
    expect(a).toMatchObject({ answered: false, citations: [] });
    expect(a.text).toBe("The article doesn't say that.");
    expect(a.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('every topic suggestion is itself answered with a citation', () => {
    for (const t of b.articles[0]?.topics ?? []) {
      const a = ask(t.suggestion);
      expect(a.answered, t.suggestion).toBe(true);
      expect(a.citations.length).toBeGreaterThan(0);
    }
  });
});

describe('routing a request', () => {
  it('gives the briefing for empty text, each point cited with its topic lead sentence', () => {
    const reply = routeRequest(b, '');
    expect(reply.kind).toBe('briefing');
    if (reply.kind !== 'briefing') return;
    expect(reply.briefings[0]?.points.map((p) => p.citation.sentenceId)).toEqual(['p1.s1', 'p2.s1', 'p3.s1', 'p4.s1', 'p5.s1', 'p6.s1', 'p7.s1']);
  });

  it.each([
    ['topics', 'topics'],
    ['sources', 'sources'],
    ['help', 'help'],
    ['digest', 'digest'],
    ['briefing', 'briefing'],
    ['ask who denied the allegations?', 'answer'],
    ['Help me understand the missiles', 'answer'],
  ])('%s → %s', (text, kind) => {
    expect(routeRequest(b, text).kind).toBe(kind);
  });

  it('answers a summary question with the briefing, in the JSON shape with one citation per point', () => {
    const a = replyAsAnswer(routeRequest(b, 'summarize'), 'summarize');
    expect(a).toMatchObject({ answered: true, intent: 'summary' });
    expect(a.citations).toHaveLength(7);
  });

  it('never answers without a citation', () => {
    for (const q of ['help', 'topics', 'sources', 'What is the capital of France?', '']) {
      const a = replyAsAnswer(routeRequest(b, q), q);
      expect(a.answered).toBe(a.citations.length > 0);
    }
  });
});

describe('several articles at once', () => {
  const harbour = buildKnowledge({
    id: 'harbour-storm',
    text: '---\nTitle: Harbour reopens after storm\n---\nThe harbour in Port Ellis reopened on Monday after a storm closed it for three days.\nMayor Anna Lind said 40 boats were damaged in the storm.\n',
  });
  const both = createBriefer([seedKnowledge(), harbour]);

  it('answers each question from the article that holds the answer', () => {
    expect(answerQuestion(both.index, 'Who denied the allegations?').citations[0]).toMatchObject({ articleId: 'iran-missiles-russia', sentenceId: 'p4.s1' });
    expect(answerQuestion(both.index, 'How many boats were damaged?').citations[0]).toMatchObject({ articleId: 'harbour-storm', sentenceId: 'p2.s1' });
  });

  it('asks a scoped story first, and still finds an answer in another story', () => {
    const scoped = { articleIds: ['harbour-storm'] };
    // "What did … say" about the seed: the harbour story has no such claim, so the seed answers.
    expect(answerPlan(both.index, analyseQuestion('Who denied the allegations?', both.index), both.options, scoped).citations[0]).toMatchObject({ articleId: 'iran-missiles-russia' });
    // Asked in the harbour story's channel, "What did the mayor say?" is the harbour mayor.
    expect(answerPlan(both.index, analyseQuestion('What did Anna Lind say?', both.index), both.options, scoped).citations[0]).toMatchObject({ articleId: 'harbour-storm', sentenceId: 'p2.s1' });
  });

  it("briefs a channel that follows a story on that story alone, and everyone else on every story", () => {
    const scoped = { articleIds: ['harbour-storm'] };
    for (const text of ['', 'briefing', 'summarize', 'digest']) {
      const reply = routeRequest(both, text, scoped);
      expect(reply.kind === 'briefing' || reply.kind === 'digest').toBe(true);
      if (reply.kind !== 'briefing' && reply.kind !== 'digest') return;
      expect(reply.briefings.map((x) => x.article.id)).toEqual(['harbour-storm']);
      expect(reply.briefings[0]?.points[0]?.citation.quote).toBe('The harbour in Port Ellis reopened on Monday after a storm closed it for three days.');
    }
    const topics = routeRequest(both, 'topics', scoped);
    expect(topics.kind === 'topics' && topics.topics.every((t) => t.articleId === 'harbour-storm')).toBe(true);
    // A story id that is no longer loaded falls back to every story.
    const gone = routeRequest(both, '', { articleIds: ['removed-story'] });
    expect(gone.kind === 'briefing' && gone.briefings.map((x) => x.article.id)).toEqual(['iran-missiles-russia', 'harbour-storm']);
  });

  it('briefs on every article and declines for all of them at once', () => {
    const reply = routeRequest(both, '');
    expect(reply.kind === 'briefing' && reply.briefings.map((x) => x.article.id)).toEqual(['iran-missiles-russia', 'harbour-storm']);
    const a = answerQuestion(both.index, 'What is the population of Kursk?');
    expect(a.text).toBe('None of the loaded articles says that.');
    expect(new Set(a.suggestions).size).toBe(a.suggestions.length);
  });
});
