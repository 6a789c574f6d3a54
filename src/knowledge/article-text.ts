import { z } from 'zod';

/** Metadata an article file may carry in its front matter. */
export interface ArticleFrontMatter {
  title?: string;
  source?: string;
  url?: string;
  published?: string;
}

/** An article file split into its metadata and paragraphs. */
export interface ArticleText {
  meta: ArticleFrontMatter;
  /** Paragraphs in order, trimmed, blank lines dropped. */
  paragraphs: string[];
}

const FRONT_MATTER_KEYS = new Set(['title', 'source', 'url', 'published']);

/**
 * Parses an article file: optional front matter between two `---` lines at the very top
 * (`Title:`, `Source:`, `URL:`, `Published:` — one `Key: value` a line), then one paragraph a
 * line; blank lines are allowed. Throws on an unknown front-matter key or an unclosed block.
 */
export function parseArticleText(text: string): ArticleText {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const meta: ArticleFrontMatter = {};
  let body = lines;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (close < 0) throw new Error('front matter starts with "---" on line 1 but is never closed by another "---" line');
    for (let i = 1; i < close; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '') continue;
      const m = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
      const key = m?.[1]?.toLowerCase();
      if (!m || key === undefined || !FRONT_MATTER_KEYS.has(key)) {
        throw new Error(`front matter line ${i + 1} ("${line.trim()}") is not one of Title:, Source:, URL:, Published:`);
      }
      const value = m[2] ?? '';
      if (key === 'url' && !z.url().safeParse(value).success) throw new Error(`front matter line ${i + 1}: URL "${value}" is not a valid URL`);
      (meta as Record<string, string>)[key] = value;
    }
    body = lines.slice(close + 1);
  }
  const paragraphs = body.map((l) => l.trim()).filter((l) => l.length > 0);
  return { meta, paragraphs };
}
