import MiniSearch from 'minisearch';
import type { Knowledge } from '../knowledge/schema.ts';
import { isStopWord, tokenize } from '../nlp/text.ts';
import type { Citation } from '../answer/answer.ts';

/** A plain BM25 sentence retriever (MiniSearch, Porter stems, stop words): the baseline we measure against. */
export interface Baseline {
  /** The best sentence, or undefined when no term matches. */
  search(question: string): { citation: Citation; score: number } | undefined;
}

interface Doc {
  id: number;
  text: string;
  citation: Citation;
}

/** Indexes every sentence of the articles with MiniSearch's BM25+. */
export function buildBaseline(articles: readonly Knowledge[]): Baseline {
  const docs: Doc[] = [];
  for (const k of articles) {
    for (const p of k.paragraphs) {
      for (const s of p.sentences) docs.push({ id: docs.length, text: s.text, citation: { articleId: k.article.id, sentenceId: s.id, quote: s.text } });
    }
  }
  const terms = (text: string): string[] => tokenize(text).filter((t) => !isStopWord(t.norm)).map((t) => t.stem);
  const mini = new MiniSearch<Doc>({
    fields: ['text'],
    storeFields: [],
    tokenize: terms,
    processTerm: (t) => t,
    searchOptions: { tokenize: terms, processTerm: (t) => t },
  });
  mini.addAll(docs);
  return {
    search(question) {
      const top = mini.search(question)[0];
      const doc = top ? docs[top.id as number] : undefined;
      return top && doc ? { citation: doc.citation, score: top.score } : undefined;
    },
  };
}
