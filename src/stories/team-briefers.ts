import { createBrieferFromIndex, storiesOf, type Briefer } from '../answer/reply.ts';
import { cloneIndex } from '../index-store/index-file.ts';
import { knowledgeSchema, type Knowledge } from '../knowledge/schema.ts';
import { addArticles, forgetEntities, liveArticles, removeArticles, type MatcherIndex } from '../matcher/search-index.ts';
import type { Store } from '../store/index.ts';

/** Each workspace's briefer: the app's own stories plus the workspace's stored ones. */
export interface TeamBriefers {
  /** The workspace's current briefer; brought up to date when its stories changed (here or on another replica). */
  forTeam(teamId: string): Promise<Briefer>;
  /** The stories that come with the app (KNOWLEDGE_DIR): their metadata, read from the index. */
  readonly bundled: readonly { article: Knowledge['article'] }[];
}

/** Options of the briefers. */
export interface TeamBriefersOptions {
  store: Store;
  /** The briefer over the app's own stories (its index may be a persisted one). */
  bundled: Briefer;
  /** Told about a stored article that no longer validates (it is left out). */
  warn?: (message: string) => void;
}

/** A stored story as the index holds it: its knowledge, and when it was added (a story removed and added again under its id is another story). */
interface Held {
  k: Knowledge;
  addedAt: number;
}

/** A workspace's briefer and the stored stories its index holds beyond the bundled ones. */
interface TeamState {
  briefer: Briefer;
  stored: ReadonlyMap<string, Held>;
}

/**
 * Keeps one briefer per workspace. Each request reads the workspace's article version from the
 * store (one indexed row): when another replica (or this one) added or removed a story, the
 * workspace's index is brought up to date in place (the new story added, a removed one dropped),
 * not rebuilt. A workspace's first stored story gives it a copy of the bundled index of its own,
 * so a workspace never sees another's stories. Updates of one workspace run one after another.
 */
export function createTeamBriefers(o: TeamBriefersOptions): TeamBriefers {
  const cache = new Map<string, { version: number; state: Promise<TeamState> }>();
  const bundledOnly: TeamState = { briefer: o.bundled, stored: new Map() };
  const bundledMeta = liveArticles(o.bundled.index);

  const storedOf = async (teamId: string): Promise<Map<string, Held>> => {
    const stored = new Map<string, Held>();
    for (const row of await o.store.articles.list(teamId)) {
      const parsed = knowledgeSchema.safeParse(row.knowledge);
      if (parsed.success) stored.set(parsed.data.article.id, { k: parsed.data, addedAt: row.addedAt.getTime() });
      else o.warn?.(`stored article ${row.articleId} of ${teamId} does not validate (${parsed.error.issues[0]?.message ?? 'invalid'}); it is left out`);
    }
    return stored;
  };

  const update = async (teamId: string, previous: Promise<TeamState> | undefined): Promise<TeamState> => {
    const before = previous ? await previous.catch(() => undefined) : undefined;
    const stored = await storedOf(teamId);
    if (stored.size === 0) return bundledOnly;
    // Everything is read and validated before the index changes, so a failed read changes nothing.
    let index: MatcherIndex;
    let held: ReadonlyMap<string, Held>;
    if (before && before.stored.size > 0) {
      index = before.briefer.index;
      held = before.stored;
    } else {
      index = cloneIndex(o.bundled.index);
      held = new Map();
    }
    const same = (id: string): boolean => held.get(id)?.addedAt === stored.get(id)?.addedAt;
    const gone = [...held].filter(([id]) => !stored.has(id) || !same(id)).map(([, h]) => h.k);
    const added = [...stored].filter(([id]) => !held.has(id) || !same(id)).map(([, h]) => h.k);
    if (gone.length > 0) {
      forgetEntities(index, gone);
      removeArticles(index, gone.map((k) => k.article.id));
    }
    if (added.length > 0) addArticles(index, added);
    // A story this briefer does not know (added by a later update of the shared index) is left out, not an error.
    const briefer = createBrieferFromIndex(index, (id) => stored.get(id)?.k ?? storiesOf(o.bundled, [id])[0], o.bundled.options);
    return { briefer, stored };
  };

  return {
    bundled: bundledMeta,
    async forTeam(teamId) {
      const version = await o.store.articles.version(teamId);
      const cached = cache.get(teamId);
      if (cached && cached.version === version) return (await cached.state).briefer;
      const state = update(teamId, cached?.state);
      cache.set(teamId, { version, state });
      // A failed update is not cached: the next request tries again (from a fresh copy).
      state.catch(() => cache.get(teamId)?.state === state && cache.delete(teamId));
      return (await state).briefer;
    },
  };
}
