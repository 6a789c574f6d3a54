import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { routeConversation } from '../answer/reply.ts';
import { BriefingError } from '../errors.ts';
import { answerJson, explain } from './explain.ts';
import { renderReplyText } from './render-text.ts';
import { loadBriefer } from './load-briefer.ts';

const USAGE = `Usage:
  npm run ask -- "question"            the answer as a person reads it, with citations
  npm run ask -- --json "question"     one JSON object: {question, answered, intent, text, citations, related}
  npm run ask -- --jsonl < questions   one JSON object per line of stdin, in order
  --knowledge DIR                      answer from DIR's knowledge files (default: knowledge/)
  --explain                            also print the ranked sentences and why they scored (stderr)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' }, knowledge: { type: 'string' }, explain: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || (!values.jsonl && positionals.length === 0)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const briefer = loadBriefer(values.knowledge ?? 'knowledge');
  if (values.jsonl) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) process.stdout.write(`${answerJson(briefer, line)}\n`);
    return 0;
  }
  const question = positionals.join(' ');
  if (values.explain) console.error(explain(briefer, question));
  if (values.json) console.log(answerJson(briefer, question));
  else console.log(renderReplyText(routeConversation(briefer, question), briefer.index.articles));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof BriefingError ? err.message : err);
    process.exitCode = 1;
  },
);
