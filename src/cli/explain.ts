import { replyAsAnswer, routeConversation, type Briefer } from '../answer/reply.ts';
import { FEATURE_NAMES } from '../matcher/features.ts';
import { analyseQuestion } from '../matcher/question.ts';
import { rankSentences } from '../matcher/rank.ts';
import { sentenceId, sentenceText } from '../matcher/search-index.ts';

/** The ranking behind an answer, for people tuning the matcher: the same features the model scores. */
export function explain(briefer: Briefer, question: string): string {
  const plan = analyseQuestion(question, briefer.index);
  const { threshold, floor } = briefer.options.model;
  const lines = [
    `intent ${plan.intent}; terms ${plan.terms.map((t) => `${t.text}(${t.kind}${t.verb ? ',verb' : ''}${t.head ? ',head' : ''})`).join(', ')}${plan.predicate ? `; predicate ${JSON.stringify(plan.predicate.agent?.stems ?? [])} ${plan.predicate.words.join(' ')} ${JSON.stringify(plan.predicate.patient?.stems ?? [])} → ${JSON.stringify(plan.predicate.recipient?.stems ?? [])}` : ''}`,
    `threshold ${threshold.toFixed(3)}, closest-passage floor ${floor.toFixed(3)}`,
  ];
  for (const r of rankSentences(briefer.index, plan, briefer.options, true)) {
    const weights = briefer.options.model.weights;
    const evidence = FEATURE_NAMES.map((name, k) => [name, r.features[k] ?? 0, (weights[k] ?? 0) * (r.features[k] ?? 0)] as const)
      .filter(([name, v]) => v !== 0 && name !== 'bias')
      .map(([name, v, c]) => `${name}=${v.toFixed(2)}(${c >= 0 ? '+' : ''}${c.toFixed(2)})`);
    const matches = r.explanation.matches.map((m) => `${m.term}:${m.match}`).join(' ');
    lines.push(`${r.confidence.toFixed(3)}${r.disputed ? ' disputed' : ''} ${sentenceId(briefer.index, r.index)} [${matches}] ${evidence.join(' ')} | ${sentenceText(briefer.index, r.index).slice(0, 90)}`);
  }
  return lines.join('\n');
}

/** The JSON line for one question: exactly the fields of the command-line contract. */
export function answerJson(briefer: Briefer, question: string): string {
  const a = replyAsAnswer(routeConversation(briefer, question), question);
  return JSON.stringify({ question, answered: a.answered, intent: a.intent, text: a.text, citations: a.citations, related: a.related });
}

