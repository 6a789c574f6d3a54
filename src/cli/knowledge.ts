import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefingError } from '../errors.ts';
import { buildArticleFile } from '../knowledge/files.ts';

const USAGE = `Usage: npm run knowledge -- build [--out DIR] [article.txt ...]
  Builds knowledge/<article-id>.json from each article (default: every knowledge/articles/*.txt).
  An <article-id>.overlay.json next to an article is merged in.`;

/** `npm run knowledge -- build …`: builds knowledge files from article files. */
export function runKnowledgeCli(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const [command, ...files] = positionals;
  if (values.help || command !== 'build') {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const articles = files.length > 0 ? files : readdirSync('knowledge/articles').filter((n) => n.endsWith('.txt')).map((n) => join('knowledge/articles', n));
  const outDir = values.out ?? 'knowledge';
  let failed = 0;
  for (const article of articles) {
    try {
      const { knowledge, file } = buildArticleFile(article, outDir);
      const sentences = knowledge.paragraphs.reduce((n, p) => n + p.sentences.length, 0);
      console.error(`built ${file}: ${sentences} sentences, ${knowledge.entities.length} entities, ${knowledge.claims.length} claims, ${knowledge.topics.length} topics`);
    } catch (err) {
      failed++;
      console.error(err instanceof BriefingError ? err.message : `${article}: ${(err as Error).stack ?? String(err)}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = runKnowledgeCli(process.argv.slice(2));
