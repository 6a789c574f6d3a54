import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { replyAsAnswer, routeConversation, type Briefer } from '../answer/reply.ts';
import { BriefingError } from '../errors.ts';
import { buildBaseline, type Baseline } from '../eval/baseline.ts';
import { formatScore, isRight, seedItemSchema, squadArticles, squadItemSchema, tally, type Said, type Scorable } from '../eval/score.ts';
import { buildArticleFile } from '../knowledge/files.ts';
import { loadBriefer } from './load-briefer.ts';

const USAGE = `Usage:
  npm run eval -- squad FILE.jsonl [--verbose]   SQuAD 2.0 style set: builds its paragraphs, asks every question
  npm run eval -- seed FILE.jsonl [--knowledge DIR] [--verbose]   our own question set over knowledge/ (or DIR)`;

interface Case extends Scorable {
  question: string;
}

function readJsonl<T>(file: string, parse: (v: unknown) => T): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => [l, i] as const)
    .filter(([l]) => l.trim() !== '')
    .map(([l, i]) => {
      try {
        return parse(JSON.parse(l));
      } catch (err) {
        throw new BriefingError('article_invalid', `${file}:${i + 1}: ${(err as Error).message}`);
      }
    });
}

/** Runs Briefing and the BM25 baseline over the cases; returns the report lines and the two scores. */
export function evaluate(briefer: Briefer, baseline: Baseline, cases: readonly Case[], verbose: boolean): { lines: string[]; ours: ReturnType<typeof tally>; base: ReturnType<typeof tally> } {
  const lines: string[] = [];
  const ours: { item: Scorable; said: Said }[] = [];
  const base: { item: Scorable; said: Said }[] = [];
  for (const c of cases) {
    const said = replyAsAnswer(routeConversation(briefer, c.question), c.question);
    ours.push({ item: c, said });
    const b = baseline.search(c.question);
    base.push({ item: c, said: b ? { answered: true, citations: [b.citation] } : { answered: false, citations: [] } });
    if (verbose && !isRight(c, said)) {
      const got = said.answered ? `cited ${said.citations[0]?.articleId}#${said.citations[0]?.sentenceId}: ${said.citations[0]?.quote}` : 'declined';
      const want = c.expect.length > 0 ? `expected one of ${JSON.stringify(c.expect)}` : 'expected a decline';
      lines.push(`MISS [${said.intent}] ${c.question}\n     ${got}\n     ${want}`);
    }
  }
  const o = tally(ours);
  const b = tally(base);
  lines.push(formatScore('Briefing', o), formatScore('BM25', b));
  return { lines, ours: o, base: b };
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { verbose: { type: 'boolean' }, knowledge: { type: 'string' } } });
  const [kind, file] = positionals;
  if (!file || (kind !== 'squad' && kind !== 'seed')) {
    console.error(USAGE);
    return 2;
  }
  let briefer: Briefer;
  let cases: Case[];
  let cleanup = (): void => {};
  if (kind === 'squad') {
    const items = readJsonl(file, (v) => squadItemSchema.parse(v));
    const dir = mkdtempSync(join(tmpdir(), 'briefing-squad-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    for (const a of squadArticles(items)) {
      const path = join(dir, `${a.id}.txt`);
      writeFileSync(path, a.text);
      buildArticleFile(path, join(dir, 'knowledge'));
    }
    briefer = loadBriefer(join(dir, 'knowledge'));
    cases = items.map((i) => ({ question: i.question, expect: i.is_impossible ? [] : i.answers }));
  } else {
    briefer = loadBriefer(values.knowledge ?? 'knowledge');
    cases = readJsonl(file, (v) => seedItemSchema.parse(v)).map((i) => ({ question: i.q, expect: 'expect' in i ? i.expect : [] }));
  }
  try {
    const { lines } = evaluate(briefer, buildBaseline(briefer.articles), cases, values.verbose ?? false);
    console.log(`${kind} ${file}: ${cases.length} questions over ${briefer.articles.length} articles`);
    for (const l of lines) console.log(l);
  } finally {
    cleanup();
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof BriefingError ? err.message : err);
  process.exitCode = 1;
}
