import type { ArticleLimits } from '../config.ts';
import { suggestAnswerable } from '../answer/suggest.ts';
import { checkArticleText } from '../knowledge/article-text.ts';
import type { Knowledge, Overlay } from '../knowledge/schema.ts';
import type { Store, StoredArticleMeta } from '../store/index.ts';
import { articleIdFor, checkDraft, contentHash, normaliseUrl, type ArticleDraft, type DraftProblem } from './article-draft.ts';
import { ArticleFetchError, fetchArticle, type ResolveHost } from './fetch-article.ts';
import { esc, resolveStory, who, type Resolved, type Story } from './resolve-story.ts';
import type { TeamBriefers } from './team-briefers.ts';

/** A workspace, and the channel where something was asked. */
export interface Where {
  teamId: string;
  enterpriseId?: string;
  channelId: string;
}

/** An article added: what the confirmation shows. */
export interface Added {
  status: 'added';
  story: Story;
  counts: { paragraphs: number; sentences: number; entities: number; claims: number };
  /** Questions the matcher answers from it (up to three). */
  suggestions: string[];
}

/** An article refused, with why (and the form field at fault, for the modal); nothing was stored. */
export interface Refused {
  status: 'refused';
  message: string;
  field?: DraftProblem['field'];
}

/** Stories per workspace: adding, listing, following, removing. Slack-free (the terminal uses it too). */
export interface Stories {
  /** The workspace's stories: the app's own first, then the stored ones, oldest first. */
  list(teamId: string): Promise<Story[]>;
  /** The quick checks of a draft (see `checkDraft`). */
  check(draft: ArticleDraft): DraftProblem[];
  /** Fetches (for a URL alone), builds, checks for a duplicate, stores, and suggests questions. */
  add(where: Where, draft: ArticleDraft, addedBy: string): Promise<Added | Refused>;
  resolve(teamId: string, ref: string): Promise<Resolved>;
  /** The channel's story, if it follows one that still exists. */
  followed(teamId: string, channelId: string): Promise<Story | undefined>;
  follow(where: Where, ref: string, by: string): Promise<Resolved>;
  unfollow(where: Where, by: string): Promise<void>;
  /** Removes a stored story, for the person who added it or an admin (`isAdmin` is asked only when needed). */
  remove(where: Where, ref: string, by: string, isAdmin: () => Promise<boolean>): Promise<Resolved>;
}

/** What the stories need. */
export interface StoriesOptions {
  store: Store;
  briefers: TeamBriefers;
  limits: ArticleLimits;
  fetch?: typeof fetch;
  /** Resolves a page's host name before it is fetched (tests pass a fixed one). */
  resolveHost?: ResolveHost;
}

function storyOf(meta: StoredArticleMeta): Story {
  return {
    id: meta.articleId,
    title: meta.title,
    bundled: false,
    addedAt: meta.addedAt,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.published ? { published: meta.published } : {}),
    ...(meta.addedBy ? { addedBy: meta.addedBy } : {}),
  };
}

function bundledStory(k: { article: Knowledge['article'] }): Story {
  const a = k.article;
  return { id: a.id, title: a.title, bundled: true, ...(a.source ? { source: a.source } : {}), ...(a.url ? { url: a.url } : {}), ...(a.published ? { published: a.published } : {}) };
}

function describeExisting(meta: StoredArticleMeta, by: 'text' | 'url'): string {
  const adder = meta.addedBy ? ` by ${who(meta.addedBy)}` : '';
  return `It is already stored (same ${by === 'url' ? 'URL' : 'text'}) as “${esc(meta.title)}”, added${adder} on ${meta.addedAt.toISOString().slice(0, 10)}: follow it with \`/briefing follow ${meta.articleId}\`.`;
}

/** Creates the stories of every workspace over the store. */
export function createStories(o: StoriesOptions): Stories {
  const reserved = new Set(o.briefers.bundled.map((k) => k.article.id));
  const list = async (teamId: string): Promise<Story[]> => [...o.briefers.bundled.map(bundledStory), ...(await o.store.articles.list(teamId)).map(storyOf)];
  const resolve = async (teamId: string, ref: string): Promise<Resolved> => resolveStory(await list(teamId), ref);

  return {
    list,
    resolve,
    check: (draft) => checkDraft(draft, o.limits.maxBytes),
    async add(where, draft, addedBy) {
      const problems = checkDraft(draft, o.limits.maxBytes);
      if (problems[0]) return { status: 'refused', message: problems[0].message, field: problems[0].field };
      let text = draft.text?.trim() ? draft.text : undefined;
      let meta = { ...draft };
      const url = draft.url ? normaliseUrl(draft.url) : undefined;
      if (url) {
        const dup = await o.store.articles.findDuplicate(where.teamId, { url });
        if (dup) return { status: 'refused', message: describeExisting(dup.existing, dup.by), field: 'url' };
      }
      if (text === undefined && url) {
        try {
          const page = await fetchArticle(url, { maxBytes: o.limits.fetchMaxBytes, timeoutMs: o.limits.fetchTimeoutMs }, o.fetch, o.resolveHost);
          text = page.text;
          meta = { ...(page.title ? { title: page.title } : {}), ...(page.source ? { source: page.source } : {}), ...(page.published ? { published: page.published } : {}), ...meta };
        } catch (err) {
          if (err instanceof ArticleFetchError) return { status: 'refused', message: `Couldn't add ${esc(url)}: ${esc(err.message)}.`, field: 'url' };
          throw err;
        }
        if (Buffer.byteLength(text, 'utf8') > o.limits.maxBytes) return { status: 'refused', message: `Couldn't add ${esc(url)}: the article on the page is longer than Briefing takes (${Math.round(o.limits.maxBytes / 1024)} KB).`, field: 'url' };
        try {
          checkArticleText(text);
        } catch (err) {
          return { status: 'refused', message: `Couldn't add ${esc(url)}: the page's text ${esc((err as Error).message)}.`, field: 'url' };
        }
      }
      if (text === undefined) return { status: 'refused', message: "Paste the article's text, or give its URL.", field: 'text' };
      const hash = contentHash(text);
      const dup = await o.store.articles.findDuplicate(where.teamId, { contentHash: hash });
      if (dup) return { status: 'refused', message: describeExisting(dup.existing, dup.by), field: url && !draft.text ? 'url' : 'text' };
      const overlay: Overlay = {
        entities: [],
        ...(meta.title?.trim() ? { title: meta.title.trim() } : {}),
        ...(meta.source?.trim() ? { source: meta.source.trim() } : {}),
        ...(url ? { url } : {}),
        ...(meta.published ? { published: meta.published } : {}),
      };
      let built: Knowledge;
      // The build (chrono-node, the entity recognisers) is loaded with the first story added, not at start.
      const { buildKnowledge } = await import('../knowledge/build.ts');
      try {
        built = buildKnowledge({ id: 'draft', text, overlay });
      } catch (err) {
        return { status: 'refused', message: `That can't be used as an article: ${esc((err as Error).message)}.`, field: url && !draft.text ? 'url' : 'text' };
      }
      const a = built.article;
      const result = await o.store.articles.add(
        {
          teamId: where.teamId,
          ...(where.enterpriseId ? { enterpriseId: where.enterpriseId } : {}),
          articleId: articleIdFor(a.title),
          title: a.title,
          ...(a.source ? { source: a.source } : {}),
          ...(a.url ? { url: a.url } : {}),
          ...(a.published ? { published: a.published } : {}),
          addedBy,
          contentHash: hash,
          knowledge: (id) => ({ ...built, article: { ...built.article, id } }),
        },
        reserved,
      );
      if (result.status === 'duplicate') return { status: 'refused', message: describeExisting(result.existing, result.by) };
      const story = storyOf(result.article);
      const briefer = await o.briefers.forTeam(where.teamId);
      return {
        status: 'added',
        story,
        counts: { paragraphs: built.paragraphs.length, sentences: built.paragraphs.reduce((n, p) => n + p.sentences.length, 0), entities: built.entities.length, claims: built.claims.length },
        suggestions: suggestAnswerable(briefer, story.id, 3),
      };
    },
    async followed(teamId, channelId) {
      const settings = await o.store.channels.get(teamId, channelId);
      if (!settings?.articleId) return undefined;
      return (await list(teamId)).find((s) => s.id === settings.articleId);
    },
    async follow(where, ref, by) {
      const r = await resolve(where.teamId, ref);
      if (r.ok) await o.store.channels.follow(where, r.story.id, by);
      return r;
    },
    async unfollow(where, by) {
      await o.store.channels.follow(where, null, by);
    },
    async remove(where, ref, by, isAdmin) {
      const r = await resolve(where.teamId, ref);
      if (!r.ok) return r;
      if (r.story.bundled) return { ok: false, message: `“${esc(r.story.title)}” comes with Briefing (its knowledge directory), so it can't be removed from Slack.` };
      if (r.story.addedBy !== by && !(await isAdmin())) {
        const adder = r.story.addedBy && r.story.addedBy !== 'terminal' ? who(r.story.addedBy) : 'the person who added it';
        return { ok: false, message: `Only ${adder} or a workspace admin can remove “${esc(r.story.title)}”.` };
      }
      const removed = await o.store.articles.remove(where.teamId, r.story.id);
      return removed ? r : { ok: false, message: `“${esc(r.story.title)}” was already removed.` };
    },
  };
}
