import type { Knowledge } from '../knowledge/schema.ts';
import { routeConversation, storiesOf, type Briefer } from './reply.ts';

/** Most candidate questions tried: each is a full match, so the confirmation stays quick. */
const MAX_TRIED = 24;

/** Questions worth trying about an article: its topics' suggestions, what its speakers said, its counts. */
function candidates(k: Knowledge): string[] {
  const out: string[] = k.topics.map((t) => t.suggestion);
  for (const c of k.claims) if (!c.inQuote && c.speaker.split(/\s+/).length <= 5) out.push(`What did ${c.speaker.replace(/^The\s/, 'the ')} say?`);
  // (A length of time, counts "duration", is no thing to ask "how many" of.)
  for (const q of k.quantities) if (q.counts && q.counts !== 'duration' && q.counts.split(/\s+/).length <= 4) out.push(`How many ${q.counts}?`);
  for (const e of k.entities) if (e.type === 'person' && e.role) out.push(`Who is ${e.name}?`);
  return [...new Set(out)];
}

/**
 * Up to `count` questions about one article that the matcher really answers from it: each
 * candidate is asked (the article first, as its channel would) and kept only if the answer
 * cites that article. Pure.
 */
export function suggestAnswerable(briefer: Briefer, articleId: string, count = 3): string[] {
  const [k] = storiesOf(briefer, [articleId]);
  if (!k) return [];
  const out: string[] = [];
  for (const q of candidates(k).slice(0, MAX_TRIED)) {
    const reply = routeConversation(briefer, q, { articleIds: [articleId] });
    if (reply.kind === 'answer' && reply.answer.answered && reply.answer.citations.every((c) => c.articleId === articleId)) out.push(q);
    if (out.length >= count) break;
  }
  return out;
}
