import type { Claim, Knowledge } from '../knowledge/schema.ts';
import type { Intent } from '../matcher/intent.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../matcher/options.ts';
import { analyseQuestion, type QueryPlan, type QueryTerm } from '../matcher/question.ts';
import { contentStems } from '../nlp/text.ts';
import { rankSentences, type RankedSentence } from '../matcher/rank.ts';
import type { ClaimSpeaker, IndexedSentence, MatcherIndex } from '../matcher/search-index.ts';

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
  // Round-robin over the preferred articles, then the first others: no pass over every article.
  const order = [...preferred];
  for (let i = 0; order.length < preferred.length + count && i < index.articles.length; i++) if (!preferred.includes(i)) order.push(i);
  const out: string[] = [];
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
  const text = index.articles.length === 1 ? `The article doesn't say ${about}.` : `None of the loaded articles says ${about}.`;
  return {
    question: plan.plain,
    answered: false,
    intent: plan.intent,
    text,
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
    .filter((r) => r.confidence > threshold)
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
    const at = index.sentenceAt.get(`${lead.s.article}|${claim.sentenceId}`) ?? -1;
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

/**
 * Whether a claim's speaker is who the question names: the speaker's entity is the named one,
 * or every speaker word is in the speaker's name or role ("the NSC spokesman" → "National
 * Security Council spokesman Sean Savett").
 */
function isBySpeaker(speaker: ClaimSpeaker, speakerTerms: readonly QueryTerm[], index: MatcherIndex): boolean {
  return speakerTerms.every((t) => {
    if (t.kind === 'entity' && t.concept !== undefined) {
      if (t.concept === speaker.concept) return true;
      const name = index.conceptNames.get(t.concept) ?? t.concept;
      return contentStems(name).every((st) => speaker.stems.has(st));
    }
    return speaker.stems.has(t.stem) || t.synonyms.some((syn) => speaker.stems.has(syn));
  });
}

/**
 * "What did X say (about Y)?": X's claims, cited; about Y, only the claims that match Y.
 * If the article reports nothing X said (about Y), the answer is a decline, not someone else's words.
 */
function composeStance(index: MatcherIndex, plan: QueryPlan, options: MatchOptions): Answer | undefined {
  const speakerTerms = plan.terms.filter((t) => t.speaker);
  if (speakerTerms.length === 0) return undefined;
  // Sentences with a claim whose speaker has every speaker word, then checked claim by claim.
  const postingsOf = (t: QueryTerm): Set<number> => {
    const keys = t.kind === 'entity' && t.concept !== undefined ? [t.concept, ...contentStems(index.conceptNames.get(t.concept) ?? t.concept)] : [t.stem, ...t.synonyms];
    const out = new Set<number>();
    for (const key of keys) for (const i of index.speakerPostings.get(key) ?? []) out.add(i);
    return out;
  };
  let candidates = postingsOf(speakerTerms[0] as QueryTerm);
  for (const t of speakerTerms.slice(1)) {
    const next = postingsOf(t);
    candidates = new Set([...candidates].filter((i) => next.has(i)));
  }
  const claimed = [...candidates]
    .sort((a, b) => a - b)
    .filter((i) => {
      const s = index.sentences[i] as IndexedSentence;
      return s.speakers.some((speaker) => isBySpeaker(speaker, speakerTerms, index));
    });
  const topicTerms = plan.terms.filter((t) => !t.speaker);
  let chosen: { i: number; confidence: number }[];
  if (topicTerms.length === 0) {
    chosen = claimed.map((i) => ({ i, confidence: 1 }));
  } else {
    const ranked = rankSentences(index, { ...plan, terms: topicTerms }, { ...options, limit: claimed.length }, false, new Set(claimed));
    chosen = ranked.filter((r) => r.confidence > options.threshold).map((r) => ({ i: r.index, confidence: r.confidence }));
  }
  if (chosen.length === 0) return decline(index, plan, []);
  const citations = chosen.slice(0, 3).map((c) => cite(index, index.sentences[c.i] as IndexedSentence));
  return {
    question: plan.plain,
    answered: true,
    intent: plan.intent,
    text: citations[0]?.quote ?? '',
    citations,
    suggestions: [],
    confidence: Math.max(...chosen.map((c) => c.confidence)),
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
  if (plan.intent === 'stance') {
    const stance = composeStance(index, plan, options);
    if (stance) return stance;
  }
  const ranked = rankSentences(index, plan, options);
  const top = ranked[0];
  if (!top || top.confidence <= options.threshold || top.disputed) return decline(index, plan, ranked);

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
