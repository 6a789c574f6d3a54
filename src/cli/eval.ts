import { parseArgs } from 'node:util';
import type { Briefer } from '../answer/reply.ts';
import { BriefingError } from '../errors.ts';
import { buildBaseline } from '../eval/baseline.ts';
import { evaluate, prepareSquad, readSeedCases, type EvalCase } from '../eval/run.ts';
import { loadBriefer } from './load-briefer.ts';

const USAGE = `Usage:
  npm run eval -- squad FILE.jsonl [--verbose]                     SQuAD 2.0 style set: builds its paragraphs, asks every question
  npm run eval -- seed FILE.jsonl [--knowledge DIR] [--verbose]    our own question set over knowledge/ (or DIR)`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { verbose: { type: 'boolean' }, knowledge: { type: 'string' } } });
  const [kind, file] = positionals;
  if (!file || (kind !== 'squad' && kind !== 'seed')) {
    console.error(USAGE);
    return 2;
  }
  let briefer: Briefer;
  let cases: EvalCase[];
  let cleanup = (): void => {};
  if (kind === 'squad') {
    ({ briefer, cases, cleanup } = prepareSquad(file));
  } else {
    briefer = loadBriefer(values.knowledge ?? 'knowledge');
    cases = readSeedCases(file);
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
