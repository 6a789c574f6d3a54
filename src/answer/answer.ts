import type { Claim } from '../knowledge/schema.ts';
import type { Intent } from '../matcher/intent.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../matcher/options.ts';
import { analyseQuestion, isPluralNoun, type QueryPlan, type QueryTerm } from '../matcher/question.ts';
import { isOrgHead, isPlaceHead } from '../nlp/name-lexicon.ts';
import { contentStems, isNegation, tokenize } from '../nlp/text.ts';
import { REPORTING_FORMS } from '../nlp/word-lists.ts';
import { rankSentences, type RankedSentence } from '../matcher/rank.ts';
import { decides, decisionFacts } from './decide.ts';
import { forEachPosting } from '../matcher/columns.ts';
import { articleClaims, claimAt, conceptName, conceptType, sentenceAt, sentenceId, sentenceText, type ClaimSpeaker, type ClaimView, type IndexedSentence, type MatcherIndex } from '../matcher/search-index.ts';

/** The stories a question is asked about first (a channel's story): their article ids. */
export interface Scope {
  articleIds: readonly string[];
}

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
  /**
   * With a decline: the closest passage (the article comes close without saying it) or what the
   * article says instead (roles swapped, another party). Never an answer; shown as related.
   */
  related: Citation[];
  /** Questions the articles do answer, offered with a decline. */
  suggestions: string[];
  /** 0–1, the best sentence's probability of answering (0 when nothing matched). */
  confidence: number;
}

function cite(index: MatcherIndex, i: number): Citation {
  return { articleId: index.articles[index.sentArticle[i] as number]?.article.id ?? '', sentenceId: sentenceId(index, i), quote: sentenceText(index, i) };
}

/** Up to `count` suggested questions, preferring topics of the articles the question touched. */
export function suggestQuestions(index: MatcherIndex, near: readonly RankedSentence[], count = 3): string[] {
  const preferred = [...new Set(near.map((r) => index.sentArticle[r.index] as number))];
  // Round-robin over the preferred articles, then the first others: no pass over every article.
  const order = [...preferred];
  for (let i = 0; order.length < preferred.length + count && i < index.articleCount; i++) if (!preferred.includes(i) && !index.removed[i]) order.push(i);
  const out: string[] = [];
  for (let round = 0; out.length < count && round < 10; round++) {
    for (const ai of order) {
      const suggestion = index.articles[ai]?.suggestions[round];
      if (suggestion !== undefined && !out.includes(suggestion)) out.push(suggestion);
      if (out.length >= count) break;
    }
  }
  return out;
}

function declined(index: MatcherIndex, plan: QueryPlan, ranked: readonly RankedSentence[], text?: string, related: Citation[] = []): Answer {
  const about = plan.terms.length > 0 ? 'that' : 'anything in this question';
  return {
    question: plan.plain,
    answered: false,
    intent: plan.intent,
    text: text ?? (index.articleById.size === 1 ? `The article doesn't say ${about}.` : `None of the loaded articles says ${about}.`),
    citations: [],
    related,
    suggestions: suggestQuestions(index, ranked),
    confidence: ranked[0]?.confidence ?? 0,
  };
}

const STANCE_PHRASE: Record<Claim['stance'], readonly [singular: string, plural: string]> = {
  believes: ['believes so', 'believe so'],
  alleges: ['alleges so', 'allege so'],
  says: ['says so', 'say so'],
  warns: ['warns of it', 'warn of it'],
  confirms: ['confirms it', 'confirm it'],
  denies: ['denies it', 'deny it'],
  'not-confirmed': ['has not confirmed it', 'have not confirmed it'],
};

/**
 * "the United States believes so", "investigators believe so": a claim's stance with its speaker,
 * the verb agreeing as the sentence has it ("Police believe …", "the union says …"), or else as a
 * plain plural noun takes it.
 */
function stanceOf(claim: Pick<ClaimView, 'speaker' | 'stance'>, sentence: string): string {
  const at = sentence.toLowerCase().indexOf(claim.speaker.toLowerCase());
  const next = at >= 0 ? tokenize(sentence.slice(at + claim.speaker.length))[0] : undefined;
  const form = next ? REPORTING_FORMS.get(next.norm) : undefined;
  let plural: boolean;
  if (next && (/^(?:have|are|were)$/.test(next.norm) || form?.lemma === next.norm)) plural = true;
  else if (next && form && /s$/.test(next.norm) && form.lemma !== next.norm) plural = false;
  else plural = isPluralNoun(tokenize(claim.speaker).at(-1));
  return `${speakerName(claim)} ${STANCE_PHRASE[claim.stance][plural ? 1 : 0]}`;
}

/**
 * The speaker as a sentence names it: "the" before a name made of common words ("the United
 * States", "the White House", "the union"), a leading "The" lower-cased.
 */
function speakerName(claim: Pick<Claim, 'speaker'>): string {
  const name = claim.speaker.replace(/^The\s/, 'the ');
  const last = name.split(/\s+/).at(-1)?.toLowerCase() ?? '';
  const common = /^(?:the|a|an)\s/i.test(name) ? false : /^\p{Ll}/u.test(name) || /^United\s/.test(name) || isOrgHead(last) || isPlaceHead(last) || /^(?:states|nations|kingdom|house|government|office)$/.test(last);
  return common ? `the ${name}` : name;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Whether a sentence's denial (or "has not confirmed") is of the question's proposition: what follows
 * the denying verb holds the question's verb or refers back to an allegation ("has rejected a report
 * that…", "denied that arsonists started the fire"), not something else ("but denies any wrongdoing").
 * A sentence whose denying verb is not found is taken at its word.
 */
function deniesIt(text: string, plan: QueryPlan): boolean {
  const tokens = tokenize(text);
  const at = tokens.findIndex((t, k) => {
    const stance = REPORTING_FORMS.get(t.norm)?.stance;
    return stance === 'denies' || (stance === 'confirms' && tokens.slice(Math.max(0, k - 2), k).some((x) => isNegation(x)));
  });
  if (at < 0) return true;
  const after = new Set(tokens.slice(at + 1).map((t) => t.stem));
  return (plan.predicate?.verb.some((v) => after.has(v)) ?? false) || [...REFERS_TO_CLAIM].some((w) => after.has(w));
}

/** Whether a negation in the sentence is of a reporting verb ("has not confirmed", "did not say"), not of what is reported. */
function negatesSpeech(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.some((t, k) => isNegation(t) && tokens.slice(k + 1, k + 3).some((x) => REPORTING_FORMS.has(x.norm)));
}

/** Words that refer back to what was alleged ("has denied the U.S. allegations"). */
const REFERS_TO_CLAIM = new Set(contentStems('allegation allegations accusation accusations claim claims report reports charge charges'));

/**
 * A yes/no question the best sentence bears out. When the article reports it as someone's
 * claim, the answer leads with the verdict as the article frames it ("Reported, not confirmed:
 * the United States believes so; Iran denies it.") and cites each party's sentence. A party is
 * named only for a sentence about this proposition: one that holds its verb (or a related one)
 * or refers back to the allegation, names its doer, and does not contradict its roles.
 */
function composeConfirm(index: MatcherIndex, plan: QueryPlan, ranked: readonly RankedSentence[], best: RankedSentence): Answer {
  const lead = sentenceAt(index, best.index);
  const leadClaims = lead.claims.filter((c) => c.stance !== 'says' || lead.claims.length === 1);
  const reported = leadClaims.find((c) => c.stance === 'believes' || c.stance === 'alleges' || c.stance === 'says');
  const agent = plan.predicate?.agent?.concept;
  /** Claims in other sentences of the article about this proposition, with one of these stances; a denial may refer back to it ("the allegations") instead of holding its verb. */
  const aboutIt = (stances: readonly Claim['stance'][], mayReferBack: boolean): { s: IndexedSentence; claim: ClaimView }[] => {
    const out: { s: IndexedSentence; claim: ClaimView }[] = [];
    for (const claim of articleClaims(index, lead.article)) {
      if (!stances.includes(claim.stance)) continue;
      if (claim.sentence === lead.index || out.some((o) => o.s.index === claim.sentence)) continue;
      const s = sentenceAt(index, claim.sentence);
      const match = ranked.find((r) => r.index === claim.sentence);
      if (match?.explanation.roleConflict) continue;
      const holdsVerb = plan.predicate?.verb.some((v) => s.stems.has(v)) ?? false;
      const refersBack = mayReferBack && [...REFERS_TO_CLAIM].some((w) => s.stems.has(w));
      const namesDoer = agent === undefined || s.entities.has(agent);
      if ((holdsVerb || refersBack) && namesDoer) out.push({ s, claim });
    }
    return out;
  };
  const others = reported ? aboutIt(['denies', 'not-confirmed', 'confirms'], true) : [];
  others.sort((a, b) => (a.claim.stance === 'denies' ? 0 : 1) - (b.claim.stance === 'denies' ? 0 : 1));
  // The sentence itself may dispute what it reports ("North Korea has rejected a report that accuses
  // Pyongyang of sinking…"): unless the question asks about that speech ("Did North Korea reject the
  // report?", "Did Vell accuse the government?"), which the sentence then bears out as fact, the
  // article does not state the proposition as fact. Who asserts it elsewhere is named first.
  const asksAboutSpeech = tokenize(plan.plain).slice(1).some((t) => REPORTING_FORMS.has(t.norm));
  const disputes = asksAboutSpeech ? [] : lead.claims.filter((c) => (c.stance === 'denies' || c.stance === 'not-confirmed') && c.speaker !== reported?.speaker && deniesIt(lead.sentence.text, plan));
  // Who believes or alleges it elsewhere, in a sentence that does not hedge it ("whether", "if").
  const asserted = disputes.length > 0 && !reported ? aboutIt(['believes', 'alleges'], false).filter((o) => !o.s.sentence.negated && !/\b(?:whether|if)\b/i.test(o.s.sentence.text)).slice(0, 1) : [];
  const kept = asksAboutSpeech ? [] : [...asserted, ...others.slice(0, 2)];
  const said = (c: ClaimView): string => stanceOf(c, sentenceAt(index, c.sentence).sentence.text);
  let text: string;
  if (reported && !asksAboutSpeech && (reported.stance !== 'says' || kept.length > 0 || disputes.length > 0)) {
    const parts = [reported, ...disputes, ...kept.map((o) => o.claim)].map(said);
    const confirmed = kept.some((o) => o.claim.stance === 'confirms');
    text = `${confirmed ? 'Reported' : 'Reported, not confirmed'}: ${parts.join('; ')}.`;
  } else if (asserted.length > 0) {
    text = `Reported, not confirmed: ${[...asserted.map((o) => o.claim), ...disputes].map(said).join('; ')}.`;
  } else if (disputes.length > 0) {
    text = `${disputes.every((c) => c.stance === 'not-confirmed') ? 'Not confirmed' : 'Disputed'}: ${disputes.map(said).join('; ')}.`;
  } else if (lead.sentence.negated && negatesSpeech(lead.sentence.text)) {
    // "The bus company has not confirmed that the driver fell asleep": not a "no".
    text = 'Not confirmed, according to the article.';
  } else if (lead.sentence.negated) {
    text = 'According to the article, no.';
  } else {
    text = 'Yes, according to the article.';
  }
  return {
    question: plan.plain,
    answered: true,
    intent: plan.intent,
    text: sentenceCase(text),
    citations: [cite(index, lead.index), ...kept.map((o) => cite(index, o.s.index))],
    related: [],
    suggestions: [],
    confidence: best.confidence,
  };
}

/** Most claims one "what did X say" answer quotes. */
const MAX_CLAIMS = 5;

/**
 * Whether a claim's speaker is who the question names: the speaker's entity is the named one or
 * speaks for it ("Washington" for the U.S. Energy Secretary), or every speaker word is in the
 * speaker's name or role ("the Red Cross" for "program coordinator for the Federation of Red
 * Cross …").
 */
function isBySpeaker(speaker: ClaimSpeaker, speakerTerms: readonly QueryTerm[], index: MatcherIndex): boolean {
  return speakerTerms.every((t) => {
    if (t.kind === 'entity' && t.concept !== undefined) {
      if (t.concept === speaker.concept || speaker.affiliations.has(t.concept)) return true;
      // A capital speaks for its country; a person's organisation does not speak for the person.
      if (conceptType(index, t.concept) !== 'person' && [...(index.affiliated.get(t.concept) ?? [])].some((c) => c === speaker.concept || speaker.affiliations.has(c))) return true;
      const name = conceptName(index, t.concept);
      return contentStems(name).every((st) => speaker.stems.has(st));
    }
    return speaker.stems.has(t.stem) || t.synonyms.some((syn) => speaker.stems.has(syn));
  });
}

/** Claims whose speaker may be the one the first speaker term names, from the speaker posting lists: a superset `isBySpeaker` checks. */
function speakerClaims(index: MatcherIndex, speakerTerms: readonly QueryTerm[]): number[] {
  const t = speakerTerms[0];
  if (!t) return [];
  const out = new Set<number>();
  const byConcept = (concept: string): void => {
    const id = index.concepts.ids.get(concept);
    if (id !== undefined) forEachPosting(index.speakerConcepts, id, (c) => out.add(c));
  };
  const byStem = (stem: string): void => {
    const id = index.stems.ids.get(stem);
    if (id !== undefined) forEachPosting(index.speakerStems, id, (c) => out.add(c));
  };
  if (t.kind === 'entity' && t.concept !== undefined) {
    byConcept(t.concept);
    for (const c of index.affiliated.get(t.concept) ?? []) byConcept(c);
    const first = contentStems(conceptName(index, t.concept))[0];
    // A name of no content words is every speaker's ("every" of nothing holds).
    if (first === undefined) for (let c = 0; c < index.claimCount; c++) out.add(c);
    else byStem(first);
  } else {
    byStem(t.stem);
    for (const syn of t.synonyms) byStem(syn);
  }
  return [...out].filter((c) => !index.removed[index.sentArticle[index.claimSentence[c] as number] as number]);
}

/**
 * "What did X say (about Y)?": X's claims, cited; about Y, only those that match Y. If the
 * article reports nothing X said (about Y), the answer is a decline, not someone else's words.
 */
function composeStance(index: MatcherIndex, plan: QueryPlan, options: MatchOptions, within?: ReadonlySet<number>): Answer | undefined {
  const speakerTerms = plan.terms.filter((t) => t.speaker);
  if (speakerTerms.length === 0) return undefined;
  const claimed = [...new Set(speakerClaims(index, speakerTerms).filter((c) => isBySpeaker(claimAt(index, c).who, speakerTerms, index)).map((c) => index.claimSentence[c] as number))]
    .filter((i) => !within || within.has(i))
    .sort((a, b) => a - b);
  const topicTerms = plan.terms.filter((t) => !t.speaker);
  let chosen: { i: number; confidence: number }[];
  if (topicTerms.length === 0 || claimed.length === 0) chosen = claimed.map((i) => ({ i, confidence: 1 }));
  else {
    const ranked = rankSentences(index, { ...plan, terms: topicTerms, intent: 'what' }, { ...options, limit: claimed.length }, options.exhaustive, new Set(claimed));
    const covered = ranked.filter((r) => r.explanation.matches.some((m) => m.match === 'exact' || m.match === 'related'));
    chosen = covered.map((r) => ({ i: r.index, confidence: r.confidence }));
  }
  if (chosen.length === 0) return declined(index, plan, []);
  // In article order, up to MAX_CLAIMS: what X said, as the article tells it.
  const citations = chosen.slice(0, MAX_CLAIMS).sort((a, b) => a.i - b.i).map((c) => cite(index, c.i));
  return {
    question: plan.plain,
    answered: true,
    intent: plan.intent,
    text: citations[0]?.quote ?? '',
    citations,
    related: [],
    suggestions: [],
    confidence: Math.max(...chosen.map((c) => c.confidence)),
  };
}

/**
 * Answers one question from the index: the matcher ranks sentences, and the answer cites the
 * best one verbatim, or declines (no citation, with suggestions) when its probability is under
 * the model's threshold. Pure. Help, summary and topics intents are answered by the caller
 * (see `routeRequest`).
 */
export function answerQuestion(index: MatcherIndex, question: string, options: MatchOptions = DEFAULT_MATCH_OPTIONS): Answer {
  return answerPlan(index, analyseQuestion(question, index), options);
}

/**
 * As `answerQuestion`, for a question already analysed. With a `scope`, the question is asked of
 * those stories first; if they do not answer it, of every loaded story (the answer's citations
 * then name the story it came from).
 */
export function answerPlan(index: MatcherIndex, plan: QueryPlan, options: MatchOptions = DEFAULT_MATCH_OPTIONS, scope?: Scope): Answer {
  if (scope && scope.articleIds.length > 0) {
    const within = sentencesOf(index, scope.articleIds);
    if (within.size > 0 && within.size < index.liveSentences) {
      const first = answerWithin(index, plan, options, within);
      if (first.answered) return first;
    }
  }
  return answerWithin(index, plan, options);
}

/** The global sentence indices of the stories with these ids (those the index holds). */
export function sentencesOf(index: MatcherIndex, articleIds: readonly string[]): Set<number> {
  const within = new Set<number>();
  for (const id of new Set(articleIds)) {
    const a = index.articleById.get(id);
    if (a === undefined) continue;
    for (let i = index.articleSentStart[a] as number; i < (index.articleSentStart[a + 1] as number); i++) within.add(i);
  }
  return within;
}

function answerWithin(index: MatcherIndex, plan: QueryPlan, options: MatchOptions, within?: ReadonlySet<number>): Answer {
  if (plan.intent === 'stance') {
    const stance = composeStance(index, plan, options, within);
    if (stance) return stance;
  }
  const ranked = rankSentences(index, plan, options, options.exhaustive, within);
  const top = ranked[0];
  const { threshold, floor } = options.model;
  if (!top) return declined(index, plan, ranked);
  const best = top.index;
  const decision = decides(decisionFacts(plan, top), plan.intent, threshold, floor);
  if (plan.intent === 'confirm') {
    if (decision === 'answer') return composeConfirm(index, plan, ranked, top);
    // The article speaks of the same names but says something else: say what it does say, as related.
    const against = ranked.find((r) => (r.explanation.predicate.conflict || r.explanation.antonym || r.explanation.roleConflict) && r.explanation.matches.filter((m) => m.match === 'exact' || m.match === 'related').length >= 2);
    if (against) return declined(index, plan, ranked, `The article doesn't say that. What it says is:`, [cite(index, against.index)]);
  }
  if (!decision) {
    if (top.confidence > floor && !top.disputed) return declined(index, plan, ranked, `The article doesn't say exactly. The closest it comes:`, [cite(index, best)]);
    return declined(index, plan, ranked);
  }
  const quote = sentenceText(index, best);
  const text = top.explanation.statesUnknown ? `The article says this is not known: ${quote}` : quote;
  return {
    question: plan.plain,
    answered: true,
    intent: plan.intent,
    text: sentenceCase(text),
    citations: [cite(index, best)],
    related: [],
    suggestions: [],
    confidence: top.confidence,
  };
}
