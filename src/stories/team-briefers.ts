import { createBriefer, type Briefer } from '../answer/reply.ts';
import { knowledgeSchema, type Knowledge } from '../knowledge/schema.ts';
import type { MatchOptions } from '../matcher/options.ts';
import type { Store } from '../store/index.ts';

/** Each workspace's briefer: the app's own stories plus the workspace's stored ones. */
export interface TeamBriefers {
  /** The workspace's current briefer; rebuilt when its stories changed (here or on another replica). */
  forTeam(teamId: string): Promise<Briefer>;
  /** The stories that come with the app (KNOWLEDGE_DIR). */
  readonly bundled: readonly Knowledge[];
}

/** Options of the briefers. */
export interface TeamBriefersOptions {
  store: Store;
  bundled: readonly Knowledge[];
  options?: MatchOptions;
  /** Told about a stored article that no longer validates (it is left out). */
  warn?: (message: string) => void;
}

/**
 * Keeps one briefer per workspace. Each request reads the workspace's article version from the
 * store (one indexed row): when another replica (or this one) added or removed a story, the
 * briefer is rebuilt from the store and swapped in whole, so a request always sees one
 * consistent set, and a story added anywhere is answerable everywhere at once.
 */
export function createTeamBriefers(o: TeamBriefersOptions): TeamBriefers {
  const cache = new Map<string, { version: number; briefer: Promise<Briefer> }>();
  const bundledOnly = o.options ? createBriefer(o.bundled, o.options) : createBriefer(o.bundled);

  const load = async (teamId: string): Promise<Briefer> => {
    const rows = await o.store.articles.list(teamId);
    if (rows.length === 0) return bundledOnly;
    const stored: Knowledge[] = [];
    for (const row of rows) {
      const parsed = knowledgeSchema.safeParse(row.knowledge);
      if (parsed.success) stored.push(parsed.data);
      else o.warn?.(`stored article ${row.articleId} of ${teamId} does not validate (${parsed.error.issues[0]?.message ?? 'invalid'}); it is left out`);
    }
    const articles = [...o.bundled, ...stored];
    return o.options ? createBriefer(articles, o.options) : createBriefer(articles);
  };

  return {
    bundled: o.bundled,
    async forTeam(teamId) {
      const version = await o.store.articles.version(teamId);
      const cached = cache.get(teamId);
      if (cached && cached.version === version) return cached.briefer;
      const briefer = load(teamId);
      cache.set(teamId, { version, briefer });
      // A failed load is not cached: the next request tries again.
      briefer.catch(() => cache.get(teamId)?.briefer === briefer && cache.delete(teamId));
      return briefer;
    },
  };
}
