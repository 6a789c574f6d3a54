import type { Knowledge } from '../knowledge/schema.ts';
import { DEFAULT_MATCH_OPTIONS, type MatchOptions } from '../matcher/options.ts';
import { normaliseQuestion } from '../matcher/normalise.ts';
import { analyseQuestion } from '../matcher/question.ts';
import { buildMatcherIndex, liveArticles, type MatcherIndex } from '../matcher/search-index.ts';
import { answerPlan, suggestQuestions, type Answer, type Citation, type Scope } from './answer.ts';
import { buildBriefing, buildSourceList, buildTopicList, type ArticleBriefing, type SourceEntry, type TopicEntry } from './briefing.ts';
import type { DigestChanges } from './digest-changes.ts';

/** What the bot can say back to a `/briefing` request, a mention or a terminal line. */
export type Reply =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'briefing'; briefings: ArticleBriefing[] }
  | { kind: 'digest'; briefings: ArticleBriefing[]; suggestions: string[]; changes?: DigestChanges }
  | { kind: 'topics'; topics: TopicEntry[] }
  | { kind: 'sources'; sources: SourceEntry[] }
  | { kind: 'help'; examples: string[]; empty: boolean };

/** The core a Slack app or a terminal talks to: loaded knowledge, its index, and the matcher options. */
export interface Briefer {
  articles: readonly Knowledge[];
  index: MatcherIndex;
  options: MatchOptions;
  /** The knowledge of some stories by id (those it holds, in the order asked), without reading every story; default: from `articles`. */
  knowledgeOf?: (ids: readonly string[]) => readonly Knowledge[];
}

/** How many stories a briefing, the topics or a digest cover when the channel follows none: the newest. */
export const BRIEFED_STORIES = 5;

/** The newest `n` of some stories' metadata: by publication date where they have one, then the last added first. */
export function newestArticles<T extends { article: Knowledge['article'] }>(entries: readonly T[], n: number): T[] {
  return entries
    .map((e, order) => ({ e, order }))
    .sort((x, y) => (y.e.article.published ?? '').localeCompare(x.e.article.published ?? '') || y.order - x.order)
    .slice(0, n)
    .map((x) => x.e);
}

/** Builds the core over loaded knowledge. Pure; builds the index once. */
export function createBriefer(articles: readonly Knowledge[], options: MatchOptions = DEFAULT_MATCH_OPTIONS): Briefer {
  return { articles, index: buildMatcherIndex(articles), options };
}

/**
 * The core over an index made earlier (a persisted one), with each story's knowledge read only
 * when a reply needs it (a briefing, the topics, a digest), once: `loadArticle` reads one story,
 * or gives nothing for one it cannot (it is then left out). Pure itself; the loader does the reading.
 */
export function createBrieferFromIndex(index: MatcherIndex, loadArticle: (id: string) => Knowledge | undefined, options: MatchOptions = DEFAULT_MATCH_OPTIONS): Briefer {
  const read = new Map<string, Knowledge>();
  const knowledgeOf = (ids: readonly string[]): Knowledge[] =>
    ids.flatMap((id) => {
      if (!index.articleById.has(id)) return [];
      let k = read.get(id);
      if (!k) {
        k = loadArticle(id);
        if (!k) return [];
        read.set(id, k);
      }
      return [k];
    });
  return {
    // Every story the index holds now, in its order.
    get articles(): readonly Knowledge[] {
      return knowledgeOf([...index.articleById.keys()]);
    },
    index,
    options,
    knowledgeOf,
  };
}

function pick(articles: readonly Knowledge[], ids: readonly string[]): Knowledge[] {
  const byId = new Map(articles.map((k) => [k.article.id, k]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Example questions for help: the topics' own suggestions, which the matcher answers. */
function examples(briefer: Briefer): string[] {
  return suggestQuestions(briefer.index, [], 3);
}

/**
 * Routes a request's text the way `/briefing` reads it: empty or `briefing` → the briefing;
 * `topics`, `digest`, `sources`, `help`; `ask <question>` or any other text → an answer.
 * Questions that ask for help, a summary or the topics get those replies. Pure.
 */
export function routeRequest(briefer: Briefer, text: string, scope?: Scope): Reply {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const sub = first.toLowerCase();
  if (trimmed === '' || sub === 'briefing') {
    if (rest.length === 0) return { kind: 'briefing', briefings: buildBriefing(inScope(briefer, scope)) };
  }
  if (rest.length === 0) {
    if (sub === 'topics') return { kind: 'topics', topics: buildTopicList(inScope(briefer, scope)) };
    if (sub === 'digest') return digestReply(briefer, scope);
    if (sub === 'sources') return { kind: 'sources', sources: buildSourceList(briefer.index) };
    if (sub === 'help') return { kind: 'help', examples: examples(briefer), empty: false };
  }
  const question = sub === 'ask' ? rest.join(' ') : trimmed;
  return replyToQuestion(briefer, question, scope);
}

/**
 * A conversational request (an @mention, a DM, a terminal line, the `ask` command): a bare
 * one gets help; anything else is routed like `/briefing` text. Pure.
 */
export function routeConversation(briefer: Briefer, text: string, scope?: Scope): Reply {
  if (normaliseQuestion(text) === '') return { kind: 'help', examples: examples(briefer), empty: true };
  return routeRequest(briefer, text, scope);
}

/** Answers free text as a question; a help, summary or topics question gets that reply. Pure. */
export function replyToQuestion(briefer: Briefer, question: string, scope?: Scope): Reply {
  const plan = analyseQuestion(question, briefer.index);
  if (plan.plain === '') return { kind: 'help', examples: examples(briefer), empty: true };
  if (plan.intent === 'help') return { kind: 'help', examples: examples(briefer), empty: false };
  if (plan.intent === 'summary') return { kind: 'briefing', briefings: buildBriefing(inScope(briefer, scope)) };
  if (plan.intent === 'topics') return { kind: 'topics', topics: buildTopicList(inScope(briefer, scope)) };
  return { kind: 'answer', answer: answerPlan(briefer.index, plan, briefer.options, scope) };
}

/**
 * The digest: the briefing plus questions to follow up with. With a `scope`, only those stories
 * (a channel's story); with `changes`, what is new since the channel's last digest. Pure.
 */
export function digestReply(briefer: Briefer, scope?: Scope, changes?: DigestChanges): Reply {
  const covered = inScope(briefer, scope);
  const all = covered.length >= briefer.index.articleById.size;
  const suggestions = all ? examples(briefer) : covered.flatMap((k) => k.topics.map((t) => t.suggestion)).slice(0, 3);
  return { kind: 'digest', briefings: buildBriefing(covered), suggestions, ...(changes ? { changes } : {}) };
}

/**
 * The stories a briefing covers: the channel's stories when it follows any that are loaded, else
 * every story, or the newest `BRIEFED_STORIES` of many.
 */
export function inScope(briefer: Briefer, scope?: Scope): readonly Knowledge[] {
  const covered = scope && scope.articleIds.length > 0 ? storiesOf(briefer, [...new Set(scope.articleIds)]) : [];
  if (covered.length > 0) return covered;
  const { index } = briefer;
  const live = liveArticles(index);
  const ids = live.length <= BRIEFED_STORIES ? live.map((e) => e.article.id) : newestArticles(live, BRIEFED_STORIES).map((e) => e.article.id);
  return storiesOf(briefer, ids);
}

/** The knowledge of some stories by id (those the briefer holds, in the order asked), reading no other story. */
export function storiesOf(briefer: Briefer, ids: readonly string[]): readonly Knowledge[] {
  return briefer.knowledgeOf ? briefer.knowledgeOf(ids) : pick(briefer.articles, ids);
}

/**
 * A reply as one `Answer` object, for the JSON command line: briefings answer with one
 * citation per point; help, topics and sources answer nothing (no citations).
 */
export function replyAsAnswer(reply: Reply, question: string): Answer {
  switch (reply.kind) {
    case 'answer':
      return reply.answer;
    case 'briefing':
    case 'digest': {
      const citations: Citation[] = reply.briefings.flatMap((b) => b.points.map((p) => p.citation));
      const text = reply.briefings.map((b) => [b.article.headline, ...b.points.map((p) => `${p.topic}: ${p.citation.quote}`)].join('\n')).join('\n\n');
      return { question, answered: citations.length > 0, intent: 'summary', text, citations, related: [], suggestions: [], confidence: 1 };
    }
    case 'topics':
      return { question, answered: false, intent: 'topics', text: reply.topics.map((t) => `${t.name}: ${t.suggestion}`).join('\n'), citations: [], related: [], suggestions: [], confidence: 0 };
    case 'sources':
      return { question, answered: false, intent: 'what', text: reply.sources.map((s) => s.article.title).join('\n'), citations: [], related: [], suggestions: [], confidence: 0 };
    case 'help':
      return { question, answered: false, intent: 'help', text: 'Ask a question about the article, or type "briefing", "topics", "sources" or "help".', citations: [], related: [], suggestions: reply.examples, confidence: 0 };
  }
}
