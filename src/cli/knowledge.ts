import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefingError } from '../errors.ts';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../knowledge/article-text.ts';
import { INDEX_FILE, openKnowledgeIndex } from '../index-store/knowledge-index.ts';
import { articleIdFor, buildArticleFile } from '../knowledge/files.ts';
import { parseKnowledgeFile } from '../knowledge/load.ts';
import type { Knowledge } from '../knowledge/schema.ts';

const USAGE = `Usage: npm run knowledge -- build [--out DIR] [--max-bytes N] [article.txt ...]
  Builds knowledge/<article-id>.json from each article (default: every knowledge/articles/*.txt).
  An <article-id>.overlay.json next to an article is merged in. A file that is not an article
  (binary, not UTF-8 text, no sentence of words, or over --max-bytes, default ${DEFAULT_MAX_ARTICLE_BYTES} = 5 MiB)
  is refused with the reason; the other files still build. Exit code 1 if any file was refused.`;

/** `npm run knowledge -- build …`: builds knowledge files from article files, with progress on stderr. */
export function runKnowledgeCli(argv: string[], log: (line: string) => void = (line) => console.error(line), now: () => number = () => performance.now()): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, 'max-bytes': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const [command, ...files] = positionals;
  if (values.help || command !== 'build') {
    log(USAGE);
    return values.help ? 0 : 2;
  }
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_ARTICLE_BYTES : Number(values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    log(`--max-bytes must be a whole number of bytes, got "${values['max-bytes'] ?? ''}"`);
    return 2;
  }
  const articles = files.length > 0 ? files : readdirSync('knowledge/articles').filter((n) => n.endsWith('.txt')).map((n) => join('knowledge/articles', n));
  const outDir = values.out ?? 'knowledge';
  let failed = 0;
  const started = now();
  // The knowledge each build replaces, so the index can swap the article in place.
  const previous = new Map<string, Knowledge>();
  articles.forEach((article, i) => {
    const progress = articles.length > 1 ? `[${i + 1}/${articles.length}] ` : '';
    try {
      const t0 = now();
      const old = previousKnowledge(article, outDir);
      const { knowledge, file } = buildArticleFile(article, outDir, maxBytes);
      if (old) previous.set(old.article.id, old);
      const sentences = knowledge.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
      log(`${progress}built ${file}: ${sentences} sentences, ${knowledge.entities.length} entities, ${knowledge.claims.length} claims, ${knowledge.topics.length} topics (${Math.round(now() - t0)} ms)`);
    } catch (err) {
      failed++;
      log(`${progress}${err instanceof BriefingError ? err.message : `${article}: ${(err as Error).stack ?? String(err)}`}`);
    }
  });
  if (articles.length > 1) {
    const seconds = (now() - started) / 1000;
    log(`${articles.length - failed} of ${articles.length} built in ${seconds.toFixed(1)} s (${((articles.length - failed) / Math.max(seconds, 1e-3)).toFixed(0)} articles/s)${failed > 0 ? `; ${failed} refused` : ''}`);
  }
  if (failed < articles.length) {
    // The matcher's index next to the knowledge, brought up to date (or built) so a start need not build it.
    try {
      const opened = openKnowledgeIndex(outDir, { previous, now, warn: log });
      log(`index ${join(outDir, INDEX_FILE)}: ${opened.how}${opened.reason ? ` (${opened.reason})` : ''} in ${Math.round(opened.ms)} ms, ${opened.index.liveSentences} sentences`);
    } catch (err) {
      log(`index not written: ${err instanceof BriefingError ? err.message : (err as Error).message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** The knowledge an article file's build is about to replace, if its file is there and reads. */
function previousKnowledge(articleFile: string, outDir: string): Knowledge | undefined {
  try {
    const file = join(outDir, `${articleIdFor(articleFile)}.json`);
    return existsSync(file) ? parseKnowledgeFile(file, readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runKnowledgeCli(process.argv.slice(2));
