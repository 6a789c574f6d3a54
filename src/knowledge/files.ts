import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ArticleError } from '../errors.ts';
import { decodeArticle, DEFAULT_MAX_ARTICLE_BYTES, NotAnArticleError } from './article-text.ts';
import { buildKnowledge } from './build.ts';
import { formatIssues } from './issues.ts';
import { articleIdSchema, overlaySchema, type Knowledge, type Overlay } from './schema.ts';

/** The overlay file that belongs to an article file: `<dir>/<id>.overlay.json`. */
export function overlayPathFor(articleFile: string): string {
  return join(dirname(articleFile), `${articleIdFor(articleFile)}.overlay.json`);
}

/** The article id of an article file: its name without `.txt`. Throws if it is not a valid id. */
export function articleIdFor(articleFile: string): string {
  const id = basename(articleFile).replace(/\.txt$/i, '');
  const ok = articleIdSchema.safeParse(id);
  if (!ok.success) throw new ArticleError(`${articleFile}: the file name "${id}" must be lower-case letters and digits joined by "-" (it becomes the article id)`);
  return id;
}

/** Reads and validates an overlay file, or returns undefined when there is none. */
export function readOverlay(file: string): Overlay | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ArticleError(`${file}: is not valid JSON: ${(err as Error).message}`);
  }
  const result = overlaySchema.safeParse(json);
  if (!result.success) throw new ArticleError(formatIssues(file, result.error.issues));
  return result.data;
}

/**
 * Builds one article file (with its overlay) and writes `<outDir>/<id>.json`. Returns the
 * knowledge. A file that is not an article (binary, not UTF-8, over `maxBytes`, no sentence of
 * words) is refused with an `ArticleError` that says why, and nothing is written.
 */
export function buildArticleFile(articleFile: string, outDir: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): { knowledge: Knowledge; file: string } {
  const id = articleIdFor(articleFile);
  let text: string;
  try {
    text = decodeArticle(readFileSync(articleFile), maxBytes);
  } catch (err) {
    if (err instanceof NotAnArticleError) throw new ArticleError(`${articleFile}: not an article: it ${err.message}`);
    throw new ArticleError(`${articleFile}: cannot read: ${(err as Error).message}`);
  }
  const overlay = readOverlay(overlayPathFor(articleFile));
  let knowledge: Knowledge;
  try {
    knowledge = buildKnowledge({ id, text, ...(overlay ? { overlay } : {}) });
  } catch (err) {
    throw new ArticleError(`${articleFile}: ${(err as Error).message}`);
  }
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${id}.json`);
  writeFileSync(file, `${JSON.stringify(knowledge, null, 2)}\n`);
  return { knowledge, file };
}
