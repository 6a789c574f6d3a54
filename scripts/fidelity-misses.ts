/**
 * Prints, per article of a dev set, what the build missed and what it added that the gold does
 * not have: `npx tsx scripts/fidelity-misses.ts test/fixtures/fresh3 [slug-filter]`. The held-out
 * set is refused, so its articles stay unread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldSchema, scoreFidelity } from '../src/eval/fidelity.ts';
import { buildKnowledge } from '../src/knowledge/build.ts';

const [dir = 'test/fixtures/fresh3', filter = ''] = process.argv.slice(2);
if (dir.includes('fresh2')) throw new Error('fresh2 is held out: read only its aggregate line in the fidelity test');
const articleDirs = dir === 'test/fixtures' ? ['test/fixtures/news-dev/articles', 'knowledge/articles'] : [join(dir, 'articles')];
const goldDir = dir === 'test/fixtures' ? 'test/fixtures/gold' : join(dir, 'gold');
for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.json') && f.includes(filter))) {
  const g = goldSchema.parse(JSON.parse(readFileSync(join(goldDir, file), 'utf8')));
  const ad = articleDirs.find((d) => readdirSync(d).includes(`${g.article}.txt`));
  if (!ad) continue;
  const k = buildKnowledge({ id: g.article, text: readFileSync(join(ad, `${g.article}.txt`), 'utf8') });
  const r = scoreFidelity(k, g);
  console.log(`== ${g.article}`);
  for (const m of r.misses) console.log(`  ${m}`);
}
