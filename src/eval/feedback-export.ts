import type { Knowledge } from '../knowledge/schema.ts';
import type { FeedbackEntry } from '../store/index.ts';

/** A question of the exported set, as news-dev's `questions.jsonl` has it. */
export interface ExportedQuestion {
  article: string;
  q: string;
  /** What a right answer's citation holds; empty: the right answer is to decline. */
  expect: string[];
}

/** A verdict that does not say what the right answer is (a person fills it in). */
export interface ReviewItem {
  article: string;
  q: string;
  verdict: FeedbackEntry['verdict'];
  /** The sentence Briefing cited (empty for a decline). */
  cited: string;
}

/** A question set in the news-dev layout: `articles/<id>.txt` and `questions.jsonl`, plus what needs a person. */
export interface ExportedSet {
  articles: { id: string; text: string }[];
  questions: ExportedQuestion[];
  review: ReviewItem[];
}

/** An article file as the build reads it: front matter, then one paragraph a line. Pure. */
export function articleText(k: Knowledge): string {
  const a = k.article;
  const front = [`Title: ${a.title}`, a.source ? `Source: ${a.source}` : '', a.url ? `URL: ${a.url}` : '', a.published ? `Published: ${a.published}` : ''].filter(Boolean);
  return `---\n${front.join('\n')}\n---\n${k.paragraphs.map((p) => p.sentences.map((s) => s.text).join(' ')).join('\n')}\n`;
}

/**
 * Turns stored verdicts into a question set a team can evaluate Briefing on: 👍 on an answer →
 * its cited sentence is right; 👍 on a decline, or 👎 on an answer → the right answer is to
 * decline. 👎 on a decline and "wrong sentence" say the article does answer, but not where:
 * they go to `review`. The latest verdict on a question wins. Articles are those the questions
 * are about, from `knowledge`. Pure.
 */
export function exportFeedback(entries: readonly FeedbackEntry[], knowledge: readonly Knowledge[]): ExportedSet {
  const latest = new Map<string, FeedbackEntry>();
  for (const e of [...entries].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0))) latest.set(`${e.teamId}\n${e.question.trim().toLowerCase()}`, e);
  const byId = new Map(knowledge.map((k) => [k.article.id, k]));
  const used = new Set<string>();
  const questions: ExportedQuestion[] = [];
  const review: ReviewItem[] = [];
  for (const e of latest.values()) {
    const article = e.articleId || e.scope[0] || '';
    if (article) used.add(article);
    for (const id of e.scope) used.add(id);
    const answered = e.articleId !== '';
    if (e.verdict === 'up' && answered && e.quote) questions.push({ article, q: e.question, expect: [e.quote] });
    else if ((e.verdict === 'up' && !answered) || (e.verdict === 'down' && answered)) questions.push({ article, q: e.question, expect: [] });
    else review.push({ article, q: e.question, verdict: e.verdict, cited: e.quote });
  }
  const articles = [...used].flatMap((id) => {
    const k = byId.get(id);
    return k ? [{ id, text: articleText(k) }] : [];
  });
  return { articles, questions, review };
}
