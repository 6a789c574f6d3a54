import { readFileSync } from 'node:fs';
import { createBriefer, type Briefer } from '../../src/answer/reply.ts';
import { buildKnowledge } from '../../src/knowledge/build.ts';
import { overlaySchema, type Knowledge } from '../../src/knowledge/schema.ts';

/** The seed article's id. */
export const SEED_ID = 'iran-missiles-russia';

let seed: Knowledge | undefined;

/** The seed article built fresh from knowledge/articles (with its overlay), cached per test file. */
export function seedKnowledge(): Knowledge {
  if (!seed) {
    const text = readFileSync(`knowledge/articles/${SEED_ID}.txt`, 'utf8');
    const overlay = overlaySchema.parse(JSON.parse(readFileSync(`knowledge/articles/${SEED_ID}.overlay.json`, 'utf8')));
    seed = buildKnowledge({ id: SEED_ID, text, overlay });
  }
  return seed;
}

/** A briefer over the seed article. */
export function seedBriefer(): Briefer {
  return createBriefer([seedKnowledge()]);
}

/** The verbatim text of a seed sentence. */
export function seedSentence(id: string): string {
  for (const p of seedKnowledge().paragraphs) for (const s of p.sentences) if (s.id === id) return s.text;
  throw new Error(`no sentence ${id}`);
}

/** A briefer over one small article written for a test (paragraphs one per line). */
export function brieferFor(text: string, id = 'fixture'): Briefer {
  return createBriefer([buildKnowledge({ id, text })]);
}
