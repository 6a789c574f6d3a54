import { FEATURE_NAMES } from '../matcher/features.ts';
import type { Intent } from '../matcher/intent.ts';
import { analyseQuestion } from '../matcher/question.ts';
import { rankSentences, type RankedSentence } from '../matcher/rank.ts';
import { sentenceId, sentenceText } from '../matcher/search-index.ts';
import { sentencesOf, type Scope } from './answer.ts';
import { replyAsAnswer, routeConversation, type Briefer } from './reply.ts';

/** One piece of evidence the model weighed: a feature, its value and what it added to the score. */
export interface Evidence {
  feature: string;
  value: number;
  /** weight × value: positive for, negative against. */
  contribution: number;
}

/** A ranked sentence as the explanation shows it. */
export interface ExplainedSentence {
  articleId: string;
  sentenceId: string;
  quote: string;
  /** 0–1: the answer model's probability, compared with the threshold. */
  confidence: number;
  /** The ranking model's log-odds. */
  score: number;
  disputed: boolean;
  /** Each question term and what it matched in this sentence ("exact", "related", "paragraph", "none", …). */
  matches: { term: string; match: string }[];
  /** The largest contributions, strongest first (at most 6). */
  evidence: Evidence[];
}

/** Why Briefing answered (or declined) a question: the matcher's own features, structured. */
export interface AnswerExplanation {
  question: string;
  intent: Intent;
  /** The question's terms and their kind (entity, number, name, word). */
  terms: { text: string; kind: string }[];
  answered: boolean;
  /** A sentence answers when its confidence is above this (and nothing disputes it). */
  threshold: number;
  /** Below the threshold but above this, the sentence is offered as the closest passage. */
  floor: number;
  /** The cited sentence, or the best candidate of a decline. */
  best?: ExplainedSentence;
  /** The next candidates, best first (at most 3). */
  others: ExplainedSentence[];
  /** Whether the answer came from the channel's story or, failing that, from every story. */
  searched: 'channel story' | 'every story';
}

function describe(briefer: Briefer, r: RankedSentence): ExplainedSentence {
  const { index } = briefer;
  const article = index.articles[index.sentArticle[r.index] as number];
  const weights = briefer.options.model.weights;
  const evidence = FEATURE_NAMES.map((feature, k) => ({ feature, value: r.features[k] ?? 0, contribution: (weights[k] ?? 0) * (r.features[k] ?? 0) }))
    .filter((e) => e.feature !== 'bias' && e.value !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, 6);
  return {
    articleId: article?.article.id ?? '',
    sentenceId: sentenceId(index, r.index),
    quote: sentenceText(index, r.index),
    confidence: r.confidence,
    score: r.score,
    disputed: r.disputed === true,
    matches: r.explanation.matches.map((m) => ({ term: m.term, match: m.match })),
    evidence,
  };
}

/**
 * Explains an answer from the features the matcher scored: the intent, the terms, what each
 * matched in the cited (or best) sentence, its confidence against the threshold, and the
 * strongest evidence for and against. Asks exactly as the answer did (the channel's story
 * first). Pure.
 */
export function explainAnswer(briefer: Briefer, question: string, scope?: Scope): AnswerExplanation {
  const reply = routeConversation(briefer, question, scope);
  const answer = replyAsAnswer(reply, question);
  const plan = analyseQuestion(question, briefer.index);
  const ids = new Set(scope?.articleIds ?? []);
  const within = sentencesOf(briefer.index, [...ids]);
  const cited = answer.citations[0];
  // The answer was looked for in the channel's story first: explain from where it was found.
  const inScope = within.size > 0 && (cited ? ids.has(cited.articleId) : true);
  const ranked = rankSentences(briefer.index, plan, briefer.options, true, inScope ? within : undefined);
  const { index } = briefer;
  const bestIndex = cited ? ranked.findIndex((r) => sentenceId(index, r.index) === cited.sentenceId && index.articles[index.sentArticle[r.index] as number]?.article.id === cited.articleId) : 0;
  const best = ranked[bestIndex >= 0 ? bestIndex : 0];
  const { threshold, floor } = briefer.options.model;
  return {
    question: answer.question,
    intent: answer.intent,
    terms: plan.terms.map((t) => ({ text: t.text, kind: t.kind })),
    answered: answer.answered,
    threshold,
    floor,
    ...(best ? { best: describe(briefer, best) } : {}),
    others: ranked.filter((r) => r !== best).slice(0, 3).map((r) => describe(briefer, r)),
    searched: inScope ? 'channel story' : 'every story',
  };
}
