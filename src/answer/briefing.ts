import type { MatcherIndex } from '../matcher/search-index.ts';
import type { ArticleMeta, Knowledge } from '../knowledge/schema.ts';
import type { Citation } from './answer.ts';

/** One cited line of a briefing: a topic and the sentence that sums it up. */
export interface BriefingPoint {
  topic: string;
  citation: Citation;
}

/** The briefing of one article: its headline and one cited point per topic. */
export interface ArticleBriefing {
  article: ArticleMeta;
  points: BriefingPoint[];
}

/** A topic with the question to ask about it. */
export interface TopicEntry {
  articleId: string;
  articleTitle: string;
  name: string;
  suggestion: string;
  sentenceCount: number;
}

/** A loaded article as `sources` lists it. */
export interface SourceEntry {
  article: ArticleMeta;
  paragraphs: number;
  sentences: number;
}

function sentenceText(k: Knowledge, id: string): string | undefined {
  for (const p of k.paragraphs) for (const s of p.sentences) if (s.id === id) return s.text;
  return undefined;
}

/** The briefing of every article: headline plus the lead sentence of each topic, cited. Pure. */
export function buildBriefing(articles: readonly Knowledge[]): ArticleBriefing[] {
  return articles.map((k) => ({
    article: k.article,
    points: k.topics.flatMap((t) => {
      const id = t.sentenceIds[0];
      const quote = id ? sentenceText(k, id) : undefined;
      return id && quote ? [{ topic: t.name, citation: { articleId: k.article.id, sentenceId: id, quote } }] : [];
    }),
  }));
}

/** Every topic of every article with its suggested question. Pure. */
export function buildTopicList(articles: readonly Knowledge[]): TopicEntry[] {
  return articles.flatMap((k) =>
    k.topics.map((t) => ({ articleId: k.article.id, articleTitle: k.article.title, name: t.name, suggestion: t.suggestion, sentenceCount: t.sentenceIds.length })),
  );
}

/** The loaded articles with their size, read from the index (no article is read). Pure. */
export function buildSourceList(index: MatcherIndex): SourceEntry[] {
  return index.articles.flatMap((e, a) =>
    index.removed[a]
      ? []
      : [{ article: e.article, paragraphs: (index.articleParaStart[a + 1] as number) - (index.articleParaStart[a] as number), sentences: (index.articleSentStart[a + 1] as number) - (index.articleSentStart[a] as number) }],
  );
}

/** Where a sentence stands, for people: "paragraph 4, sentence 1". */
export function describeSentenceId(sentenceId: string): string {
  const m = /^p(\d+)\.s(\d+)$/.exec(sentenceId);
  return m ? `paragraph ${m[1]}, sentence ${m[2]}` : sentenceId;
}
