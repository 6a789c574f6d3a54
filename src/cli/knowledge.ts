import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefingError } from '../errors.ts';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../knowledge/article-text.ts';
import { buildArticleFile } from '../knowledge/files.ts';

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
  articles.forEach((article, i) => {
    const progress = articles.length > 1 ? `[${i + 1}/${articles.length}] ` : '';
    try {
      const t0 = now();
      const { knowledge, file } = buildArticleFile(article, outDir, maxBytes);
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
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = runKnowledgeCli(process.argv.slice(2));
