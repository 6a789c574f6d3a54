import type { ArticleMeta, Claim, Knowledge } from '../knowledge/schema.ts';
import type { Citation } from './answer.ts';

/** What a digest saw: the stories it covered, and every article and claim the workspace had. */
export interface DigestCoverage {
  /** The stories the digest covered (a reply in its thread asks them first). */
  articleIds: string[];
  /** `articleId#` for every article the workspace had, `articleId#c3` for every claim. */
  claimKeys: string[];
}

/** A claim that is new since the last digest, with the sentence that makes it. */
export interface NewClaim {
  speaker: string;
  stance: Claim['stance'];
  citation: Citation;
}

/** What changed since the channel's last digest. */
export interface DigestChanges {
  /** False for a channel's first digest. */
  hasPrevious: boolean;
  /** Stories added to the workspace since the last digest. */
  newArticles: ArticleMeta[];
  /** Claims of the covered stories that the last digest did not have (at most `maxClaims`). */
  newClaims: NewClaim[];
  /** How many new claims there were in all. */
  newClaimCount: number;
}

function sentenceText(k: Knowledge, id: string): string {
  for (const p of k.paragraphs) for (const s of p.sentences) if (s.id === id) return s.text;
  return '';
}

/** What a digest covering `covered`, in a workspace holding `all`, sees. Pure. */
export function digestCoverage(covered: readonly Knowledge[], all: readonly Knowledge[]): DigestCoverage {
  return {
    articleIds: covered.map((k) => k.article.id),
    claimKeys: all.flatMap((k) => [`${k.article.id}#`, ...k.claims.map((c) => `${k.article.id}#${c.id}`)]),
  };
}

/**
 * What changed since the previous digest in a channel: stories the workspace gained, and claims
 * of the covered stories the previous digest did not have (for a first digest, none are "new").
 * Pure.
 */
export function digestChanges(covered: readonly Knowledge[], all: readonly Knowledge[], previous: DigestCoverage | undefined, maxClaims = 5): DigestChanges {
  if (!previous) return { hasPrevious: false, newArticles: [], newClaims: [], newClaimCount: 0 };
  const seen = new Set(previous.claimKeys);
  const newArticles = all.filter((k) => !seen.has(`${k.article.id}#`)).map((k) => k.article);
  const fresh = covered.flatMap((k) => k.claims.filter((c) => !seen.has(`${k.article.id}#${c.id}`)).map((c) => ({ k, c })));
  return {
    hasPrevious: true,
    newArticles,
    newClaims: fresh.slice(0, maxClaims).map(({ k, c }) => ({ speaker: c.speaker, stance: c.stance, citation: { articleId: k.article.id, sentenceId: c.sentenceId, quote: sentenceText(k, c.sentenceId) } })),
    newClaimCount: fresh.length,
  };
}
