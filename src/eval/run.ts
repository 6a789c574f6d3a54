import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replyAsAnswer, routeConversation, type Briefer } from '../answer/reply.ts';
import { loadBriefer } from '../cli/load-briefer.ts';
import { BriefingError } from '../errors.ts';
import { buildArticleFile } from '../knowledge/files.ts';
import type { Baseline } from './baseline.ts';
import { formatScore, isRight, seedItemSchema, squadArticles, squadItemSchema, tally, type Said, type Scorable, type Score } from './score.ts';

/** One question with what a right answer cites (empty: it must be declined). */
export interface EvalCase extends Scorable {
  question: string;
}

/** Reads a JSONL file, parsing each line; errors name the file and line. */
export function readJsonl<T>(file: string, parse: (v: unknown) => T): T[] {
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

/** The cases of a seed question set (`{"q", "expect": [...]}` or `{"q", "abstain": true}`). */
export function readSeedCases(file: string): EvalCase[] {
  return readJsonl(file, (v) => seedItemSchema.parse(v)).map((i) => ({ question: i.q, expect: 'expect' in i ? i.expect : [] }));
}

/**
 * Prepares a SQuAD 2.0 style set the way the scoring rules say: each paragraph written as an
 * article, all built with the project's own build into one temporary knowledge directory.
 * Call `cleanup()` when done.
 */
export function prepareSquad(file: string): { briefer: Briefer; cases: EvalCase[]; cleanup: () => void } {
  const items = readJsonl(file, (v) => squadItemSchema.parse(v));
  const dir = mkdtempSync(join(tmpdir(), 'briefing-squad-'));
  for (const a of squadArticles(items)) {
    const path = join(dir, `${a.id}.txt`);
    writeFileSync(path, a.text);
    buildArticleFile(path, join(dir, 'knowledge'));
  }
  return {
    briefer: loadBriefer(join(dir, 'knowledge')),
    cases: items.map((i) => ({ question: i.question, expect: i.is_impossible ? [] : i.answers })),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What Briefing says to a question, as the scorer sees it (the same path as `npm run ask`). */
export function briefingSays(briefer: Briefer, question: string): Said {
  return replyAsAnswer(routeConversation(briefer, question), question);
}

/** Runs Briefing and the BM25 baseline over the cases; returns report lines and both scores. */
export function evaluate(briefer: Briefer, baseline: Baseline, cases: readonly EvalCase[], verbose: boolean): { lines: string[]; ours: Score; base: Score } {
  const lines: string[] = [];
  const ours: { item: Scorable; said: Said }[] = [];
  const base: { item: Scorable; said: Said }[] = [];
  for (const c of cases) {
    const said = briefingSays(briefer, c.question);
    ours.push({ item: c, said });
    const b = baseline.search(c.question);
    base.push({ item: c, said: b ? { answered: true, citations: [b.citation] } : { answered: false, citations: [] } });
    if (verbose && !isRight(c, said)) {
      const cited = said.citations[0];
      const got = said.answered ? `cited ${cited?.articleId}#${cited?.sentenceId}: ${cited?.quote}` : 'declined';
      const want = c.expect.length > 0 ? `expected one of ${JSON.stringify(c.expect)}` : 'expected a decline';
      lines.push(`MISS ${c.question}\n     ${got}\n     ${want}`);
    }
  }
  const o = tally(ours);
  const b = tally(base);
  lines.push(formatScore('Briefing', o), formatScore('BM25', b));
  return { lines, ours: o, base: b };
}
