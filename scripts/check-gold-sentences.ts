/**
 * Checks a gold set's sentence substrings: each must occur exactly once in its article, and every
 * named claim speaker must be an entity of the file: `npx tsx scripts/check-gold-sentences.ts test/fixtures/fresh4`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldSchema } from '../src/eval/fidelity.ts';

const [dir = 'test/fixtures/fresh4'] = process.argv.slice(2);
let problems = 0;
for (const file of readdirSync(join(dir, 'gold')).filter((f) => f.endsWith('.json'))) {
  const g = goldSchema.parse(JSON.parse(readFileSync(join(dir, 'gold', file), 'utf8')));
  const text = readFileSync(join(dir, 'articles', `${g.article}.txt`), 'utf8');
  const names = new Set(g.entities.flatMap((e) => [e.name, ...e.aliases]));
  const items = [...g.quantities, ...g.dates, ...g.claims];
  for (const item of items) {
    const n = text.split(item.sentence).length - 1;
    if (n !== 1) {
      problems++;
      console.log(`${g.article}: "${item.sentence}" occurs ${n} times`);
    }
  }
  for (const c of g.claims) {
    if (/^\p{Lu}/u.test(c.speaker) && !names.has(c.speaker)) {
      problems++;
      console.log(`${g.article}: speaker "${c.speaker}" is not an entity`);
    }
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  console.log(`${g.article}: ${words} words, ${g.entities.length} entities, ${g.quantities.length} quantities, ${g.dates.length} dates, ${g.claims.length} claims`);
}
if (problems > 0) process.exitCode = 1;
