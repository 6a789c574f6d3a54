import { createHash } from 'node:crypto';
import { checkArticleText, parseArticleText } from '../knowledge/article-text.ts';
import { ArticleFetchError, checkArticleUrl } from './fetch-article.ts';
import { esc } from './resolve-story.ts';

/** What a person gives to add an article: its text, or its URL alone, and optional metadata. */
export interface ArticleDraft {
  title?: string;
  source?: string;
  url?: string;
  /** YYYY-MM-DD. */
  published?: string;
  text?: string;
}

/** A field of the add form and what is wrong with it (mrkdwn, anything typed escaped). */
export interface DraftProblem {
  field: keyof ArticleDraft;
  message: string;
}

/** The longest title kept (Slack headers show 150 characters). */
export const MAX_TITLE_LENGTH = 150;

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * The quick checks, before anything is fetched or built: text or URL given, the text within
 * `maxBytes` and readable as prose (not a binary paste), the URL a public http(s) address, the
 * date a date. Returns every problem, by field; none means the draft may go on. Pure.
 */
export function checkDraft(draft: ArticleDraft, maxBytes: number): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const text = draft.text ?? '';
  if (text.trim() === '' && !draft.url) problems.push({ field: 'text', message: "Paste the article's text, or give its URL and leave the text empty." });
  if (text.trim() !== '') {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) {
      problems.push({ field: 'text', message: `The text is ${formatBytes(bytes)}; Briefing takes articles up to ${formatBytes(maxBytes)}. Paste one article, or give its URL.` });
    } else if (text.includes('\u0000')) {
      problems.push({ field: 'text', message: "This isn't article text: it holds NUL bytes (a binary file pasted?). Paste the article as plain text." });
    } else {
      try {
        checkArticleText(text);
      } catch (err) {
        problems.push({ field: 'text', message: `This doesn't read as an article: it ${(err as Error).message}. Paste the article as plain text.` });
      }
    }
  }
  if (draft.url) {
    try {
      checkArticleUrl(draft.url);
    } catch (err) {
      problems.push({ field: 'url', message: `${esc((err as ArticleFetchError).message).replace(/^./, (c) => c.toUpperCase())}.` });
    }
  }
  if (draft.published && !/^\d{4}-\d{2}-\d{2}$/.test(draft.published)) problems.push({ field: 'published', message: 'Give the date as YYYY-MM-DD, e.g. 2024-09-06.' });
  if (draft.title && draft.title.length > MAX_TITLE_LENGTH) problems.push({ field: 'title', message: `Keep the title under ${MAX_TITLE_LENGTH} characters.` });
  return problems;
}

/** A hash of the article's paragraphs, spacing and case ignored: the same text pasted twice has the same hash. Pure. */
export function contentHash(text: string): string {
  const { paragraphs } = parseArticleText(text);
  return createHash('sha256')
    .update(paragraphs.map((p) => p.replace(/\s+/g, ' ').trim().toLowerCase()).join('\n'))
    .digest('hex');
}

/** An article id from a title: lower-case words joined by dashes, at most 48 characters. Pure. */
export function articleIdFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** The URL as stored and compared: no fragment, no trailing spaces. */
export function normaliseUrl(url: string): string {
  const u = new URL(url.trim());
  u.hash = '';
  return u.toString();
}
