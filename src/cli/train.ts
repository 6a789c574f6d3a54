import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BriefingError } from '../errors.ts';
import { loadNewsSet, loadSeedSet, loadSquadSet, type QuestionSet } from '../eval/datasets.ts';
import { collectInstances, modelFile } from '../eval/train.ts';

const USAGE = `Usage: npm run train -- [--squad FILE] [--news DIR] [--fresh DIR] [--out FILE] [--lambda N] [--folds N]
  Fits the matcher's model (logistic regression over its features) on the SQuAD 2.0 training pool,
  the news-dev stories, the dev part of our own fresh stories and our seed questions, cross-validated
  by article (the seed article's questions are dealt into folds as one article), and
  writes it with its figures. Defaults: the copies under test/fixtures/, src/matcher/model.json.`;

/** \`npm run train\`: fits and writes the model file. */
function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { squad: { type: 'string' }, news: { type: 'string' }, fresh: { type: 'string' }, out: { type: 'string' }, lambda: { type: 'string' }, folds: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const squad = values.squad ?? 'test/fixtures/squad/squad2-train.jsonl';
  const news = values.news ?? 'test/fixtures/news-dev';
  const fresh = values.fresh ?? 'test/fixtures/fresh';
  const split = JSON.parse(readFileSync(`${fresh}/split.json`, 'utf8')) as { dev: string[] };
  const seed = loadSeedSet('test/fixtures/seed-questions.jsonl', 'knowledge/articles/iran-missiles-russia.txt', 'seed');
  const sets: QuestionSet[] = [loadSquadSet(squad, 'squad2-train'), loadNewsSet(news, 'news-dev'), loadNewsSet(fresh, 'fresh-dev', new Set(split.dev)), seed];
  const lambda = Number(values.lambda ?? 1);
  const folds = Number(values.folds ?? 5);
  const started = performance.now();
  const instances = sets.flatMap((set) => {
    const t0 = performance.now();
    const out = collectInstances(set);
    console.error(`${set.name}: ${out.length} questions, ${out.reduce((n, i) => n + i.candidates.length, 0)} candidate sentences (${Math.round(performance.now() - t0)} ms)`);
    return out;
  });
  const model = modelFile(instances, { squad, news, fresh: `${fresh} (dev articles)`, seed: 'test/fixtures/seed-questions.jsonl' }, lambda, folds);
  const out = values.out ?? 'src/matcher/model.json';
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.error(`wrote ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s: threshold ${model.threshold}, floor ${model.floor}`);
  console.log(JSON.stringify(model.figures, null, 2));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof BriefingError ? err.message : err);
  process.exitCode = 1;
}
