import type { Claim, Knowledge } from '../knowledge/schema.ts';
import type { Intent } from '../matcher/intent.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../matcher/options.ts';
import { analyseQuestion, type QueryPlan } from '../matcher/question.ts';
import { rankSentences, type RankedSentence } from '../matcher/rank.ts';
import type { IndexedSentence, MatcherIndex } from '../matcher/search-index.ts';

/** A source sentence an answer rests on, quoted verbatim. */
export interface Citation {
  articleId: string;
  sentenceId: string;
  quote: string;
}

/** What the bot says to a question: grounded (with citations) or declined (without). */
export interface Answer {
  /** The question as plain text. */
  question: string;
  /** True only when `citations` is not empty. */
  answered: boolean;
  intent: Intent;
  /** A short plain answer; for a decline, what the bot could not find. */
  text: string;
  /** Best first. Empty exactly when `answered` is false. */
  citations: Citation[];
  /** Questions the articles do answer, offered with a decline. */
  suggestions: string[];
  /** 0–1, the best sentence's confidence (0 when nothing matched). */
  confidence: number;
}

function cite(index: MatcherIndex, s: IndexedSentence): Citation {
  const article = index.articles[s.article] as Knowledge;
  return { articleId: article.article.id, sentenceId: s.sentence.id, quote: s.sentence.text };
}

/** Up to `count` suggested questions, preferring topics of the articles the question touched. */
export function suggestQuestions(index: MatcherIndex, near: readonly RankedSentence[], count = 3): string[] {
  const preferred = [...new Set(near.map((r) => index.sentences[r.index]?.article ?? 0))];
  const order = [...preferred, ...index.articles.map((_, i) => i).filter((i) => !preferred.includes(i))];
  const out: string[] = [];
  // Round-robin over articles so several articles each get a suggestion.
  for (let round = 0; out.length < count && round < 10; round++) {
    for (const ai of order) {
      const topic = index.articles[ai]?.topics[round];
      if (topic && !out.includes(topic.suggestion)) out.push(topic.suggestion);
      if (out.length >= count) break;
    }
  }
  return out;
}

function decline(index: MatcherIndex, plan: QueryPlan, ranked: readonly RankedSentence[]): Answer {
  const about = plan.terms.length > 0 ? 'that' : 'anything in this question';
  const scope = index.articles.length === 1 ? 'The article' : 'None of the loaded articles';
  const says = index.articles.length === 1 ? "doesn't say" : 'says';
  return {
    question: plan.plain,
    answered: false,
    intent: plan.intent,
    text: index.articles.length === 1 ? `${scope} ${says} ${about}.` : `${scope} ${says} ${about}.`,
    citations: [],
    suggestions: suggestQuestions(index, ranked),
    confidence: ranked[0]?.confidence ?? 0,
  };
}

const STANCE_PHRASE: Record<Claim['stance'], string> = {
  believes: 'believes it',
  alleges: 'alleges it',
  says: 'says so',
  warns: 'warns about it',
  confirms: 'confirms it',
  denies: 'denies it',
  'not-confirmed': 'has not confirmed it',
};

/** The strongest stance of a sentence's claims: a belief or denial says more than "said". */
function mainClaim(claims: readonly Claim[]): Claim | undefined {
  const order: Claim['stance'][] = ['denies', 'not-confirmed', 'believes', 'alleges', 'confirms', 'warns', 'says'];
  return [...claims].sort((a, b) => order.indexOf(a.stance) - order.indexOf(b.stance))[0];
}

/** The speaker as the article names it, lower-casing a leading "The" for use inside a sentence. */
function speakerName(claim: Claim): string {
  return claim.speaker.replace(/^The\s/, 'the ');
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A yes/no question about something the article reports as a claim keeps the attribution:
 * who believes it, who denies it, who has not confirmed it — each cited — never a bare "yes".
 */
function composeConfirm(index: MatcherIndex, plan: QueryPlan, ranked: readonly RankedSentence[], threshold: number): Answer | undefined {
  const top = ranked[0];
  if (!top) return undefined;
  // The sentence that reports the belief or allegation leads, if one ranks above the threshold.
  const asserting = ranked
    .filter((r) => r.confidence >= threshold)
    .map((r) => ({ r, s: index.sentences[r.index] as IndexedSentence }))
    .find(({ s }) => s.claims.some((c) => c.stance === 'believes' || c.stance === 'alleges'));
  const lead = asserting ?? { r: top, s: index.sentences[top.index] as IndexedSentence };
  const article = index.articles[lead.s.article] as Knowledge;
  const leadClaim = mainClaim(lead.s.claims);
  const attributed = leadClaim !== undefined && ['believes', 'alleges'].includes(leadClaim.stance);
  const disputes: { s: IndexedSentence; claim: Claim }[] = [];
  for (const claim of article.claims) {
    if (claim.stance !== 'denies' && claim.stance !== 'not-confirmed') continue;
    if (claim.sentenceId === lead.s.sentence.id || disputes.some((d) => d.s.sentence.id === claim.sentenceId)) continue;
    const at = index.sentences.findIndex((x) => x.article === lead.s.article && x.sentence.id === claim.sentenceId);
    const s = index.sentences[at];
    if (!s) continue;
    // A denial is about this question when it names what the question names or matches it well.
    const sharesEntity = [...plan.concepts].some((c) => s.entities.has(c));
    const match = ranked.find((r) => r.index === at);
    if ((attributed && sharesEntity) || (match && match.confidence >= threshold * 0.75)) disputes.push({ s, claim });
  }
  if (!attributed && disputes.length === 0) return undefined;
  // Denials before non-confirmations: the party accused answers first.
  disputes.sort((a, b) => (a.claim.stance === 'denies' ? 0 : 1) - (b.claim.stance === 'denies' ? 0 : 1));
  const parts: string[] = [];
  if (leadClaim) parts.push(`${speakerName(leadClaim)} ${STANCE_PHRASE[leadClaim.stance]}`);
  for (const d of disputes.slice(0, 2)) parts.push(`${speakerName(d.claim)} ${STANCE_PHRASE[d.claim.stance]}`);
  const opening = disputes.length > 0 ? 'The article does not state this as fact' : 'The article reports this as a claim, not a fact';
  return {
    question: plan.plain,
    answered: true,
    intent: plan.intent,
    text: `${opening}: ${parts.join('; ')}.`,
    citations: [cite(index, lead.s), ...disputes.slice(0, 2).map((d) => cite(index, d.s))],
    suggestions: [],
    confidence: lead.r.confidence,
  };
}

/** "What did X say?": the claims whose speaker the question names, best match first. */
function composeStance(index: MatcherIndex, plan: QueryPlan, ranked: readonly RankedSentence[]): Answer | undefined {
  if (plan.concepts.size === 0) return undefined;
  const found: { s: IndexedSentence; i: number; score: number }[] = [];
  index.sentences.forEach((s, i) => {
    const article = index.articles[s.article] as Knowledge;
    for (const claim of s.claims) {
      const entity = article.entities.find((e) => e.id === claim.speakerId);
      const concept = entity ? entity.name : claim.speaker;
      const named = [...plan.concepts].some((c) => c === concept.toLowerCase() || index.conceptNames.get(c) === concept);
      if (named) {
        const r = ranked.find((x) => x.index === i);
        found.push({ s, i, score: r?.confidence ?? 0 });
        return;
      }
    }
  });
  if (found.length === 0) return undefined;
  found.sort((a, b) => b.score - a.score || a.i - b.i);
  const citations = found.slice(0, 3).map((f) => cite(index, f.s));
  const first = found[0] as { s: IndexedSentence };
  return {
    question: plan.plain,
    answered: true,
    intent: plan.intent,
    text: first.s.sentence.text,
    citations,
    suggestions: [],
    confidence: Math.max(...found.map((f) => f.score)),
  };
}

/**
 * Answers one question from the index: the matcher ranks sentences, and the answer cites the
 * best one verbatim, or declines (no citation, with suggestions) when the confidence is under
 * the threshold. Yes/no questions keep claims attributed; "what did X say" cites X's claims.
 * Pure. Help, summary and topics intents are answered by the caller (see `routeRequest`).
 */
export function answerQuestion(index: MatcherIndex, question: string, options: MatchOptions = DEFAULT_MATCH_OPTIONS): Answer {
  const plan = analyseQuestion(question, index);
  return answerPlan(index, plan, options);
}

/** As `answerQuestion`, for a question already analysed. */
export function answerPlan(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS): Answer {
  const ranked = rankSentences(index, plan, options);
  if (plan.intent === 'stance') {
    const stance = composeStance(index, plan, ranked);
    if (stance) return stance;
  }
  const top = ranked[0];
  if (!top || top.confidence < options.threshold) return decline(index, plan, ranked);
  const best = index.sentences[top.index] as IndexedSentence;
  if (plan.intent === 'confirm') {
    const confirm = composeConfirm(index, plan, ranked, options.threshold);
    if (confirm) return confirm;
  }
  const text = top.statesUnknown ? `The article says this is not known: ${best.sentence.text}` : best.sentence.text;
  return {
    question: plan.plain,
    answered: true,
    intent: plan.intent,
    text: sentenceCase(text),
    citations: [cite(index, best)],
    suggestions: [],
    confidence: top.confidence,
  };
}
