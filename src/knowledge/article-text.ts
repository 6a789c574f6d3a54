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

/** Default largest article the build takes: 5 MiB (a long report is ~100 KB; 2 MB builds in seconds). */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Why a file is not an article, in words a person can act on. */
export class NotAnArticleError extends Error {}

/**
 * Turns a file's bytes into article text, or says why it is not an article: over the size
 * limit, NUL bytes (a binary file), invalid UTF-8, mostly not letters, or no sentence of
 * words. Pure: the caller reads the file.
 */
export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): string {
  if (bytes.length > maxBytes) throw new NotAnArticleError(`is ${formatBytes(bytes.length)}, over the limit of ${formatBytes(maxBytes)} (raise it with --max-bytes)`);
  if (bytes.includes(0)) throw new NotAnArticleError('holds NUL bytes (a binary file)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NotAnArticleError('is not UTF-8 text (save it as UTF-8 plain text)');
  }
  checkArticleText(text);
  return text;
}

/**
 * Throws `NotAnArticleError` unless the text reads as prose: at least half of its visible
 * characters are letters, few are control characters, and it has at least one sentence of
 * four or more words.
 */
export function checkArticleText(text: string): void {
  const visible = text.replace(/\s+/g, '');
  if (visible.length === 0) throw new NotAnArticleError('is empty');
  const letters = (visible.match(/\p{L}/gu) ?? []).length;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = (text.match(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g) ?? []).length;
  if (controls > Math.max(2, visible.length * 0.001)) throw new NotAnArticleError(`holds ${controls} control or replacement characters (not plain text)`);
  if (letters / visible.length < 0.5) throw new NotAnArticleError(`is mostly not letters (${Math.round((100 * letters) / visible.length)}% letters)`);
  if (!/(?:\p{L}{2,}[\p{L}'’-]*[ \t,;:]+){2,}\p{L}{2,}/u.test(text)) throw new NotAnArticleError('has no sentence of words');
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
